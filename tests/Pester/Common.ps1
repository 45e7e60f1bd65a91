# Dot-sourced by every test file's BeforeAll: paths, the built module, the emulator, and a fresh child pwsh.
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$ModulePath = Join-Path $RepoRoot 'out/JustOneApi.Xingtu'
$TestToken = 'test-token'
$SampleKolId = '6853123456789012345'

. (Join-Path $RepoRoot 'tests/Tools/FreshPwsh.ps1')
Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
Import-Module $ModulePath -Force

# The token store must never be the user's own: every test process gets an empty config folder of its own.
if (-not $env:XINGTU_TEST_CONFIG_HOME) {
    $env:XINGTU_TEST_CONFIG_HOME = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-tests-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Force $env:XINGTU_TEST_CONFIG_HOME
}
$env:XDG_CONFIG_HOME = $env:XINGTU_TEST_CONFIG_HOME
# Nor the local answer store: every test process keeps its answers in a folder of its own.
$env:XDG_CACHE_HOME = Join-Path $env:XINGTU_TEST_CONFIG_HOME 'cache'
# Tests count requests, and many fetch the same ids again after a reset: reading the store is off unless a test
# turns it on (LocalCache.Tests.ps1 does). Writing stays on, so every test also exercises it.
Set-XingtuConfiguration -LocalCacheMaxAge 0
Remove-Item Env:JUSTONEAPI_TOKEN, Env:JUSTONEAPI_BASE_URI -ErrorAction Ignore

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh -NonInteractive whose environment holds only what is given (plus what a
        process needs to start). Returns the output lines and the exit code.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $RepoRoot
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-child-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value $Script -Encoding utf8
    $pwsh = @(Get-PwshCommand)
    $start = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) {
        $start.ArgumentList.Add($argument)
    }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $WorkingDirectory
    $start.Environment.Clear()
    foreach ($name in 'PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'DOTNET_ROOT', 'SystemRoot', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA') {
        $value = [Environment]::GetEnvironmentVariable($name)
        if ($value) { $start.Environment[$name] = $value }
    }
    $start.Environment['XDG_CONFIG_HOME'] = $env:XDG_CONFIG_HOME
    # A store of its own unless the test shares one on purpose, so no child is served another test's answers.
    $start.Environment['XDG_CACHE_HOME'] = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-child-cache-" + [guid]::NewGuid().ToString('N'))
    $start.Environment['PSModulePath'] = ''
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = [string]$Environment[$key] }

    $process = [Diagnostics.Process]::Start($start)
    $stderr = $process.StandardError.ReadToEndAsync()
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEnd()
    if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'The child pwsh did not finish within 120 s.' }
    Remove-Item $file -ErrorAction Ignore
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = $stdout
        Error    = $stderr.Result
    }
}

function Invoke-InCulture([string] $Culture, [scriptblock] $Script) {
    <# Runs $Script under a UI culture (the language of the module's messages), then puts the old one back. #>
    $saved = [cultureinfo]::CurrentUICulture
    try {
        [cultureinfo]::CurrentUICulture = $Culture
        & $Script
    }
    finally {
        [cultureinfo]::CurrentUICulture = $saved
    }
}
