# Dot-sourced by build.ps1, the Pester tests and the benchmark: how to start a fresh pwsh like the current one.

function Get-PwshCommand {
    # The command line of a fresh pwsh; under 'dotnet pwsh' the process is dotnet itself, running pwsh.dll.
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($process)
}
