# Helpers that start, read and stop a real proxy for the tests: Debian's tinyproxy, on loopback, with Basic
# authentication and a log file of its own. Where tinyproxy is missing the proxy tests are skipped with how to install
# it, except under CI=true, where they must run (and fail when they cannot).
Set-StrictMode -Version 3.0

$script:InstallHint = 'tinyproxy is not installed, so the proxy tests are skipped. Install it with: sudo apt-get install tinyproxy (Debian, Ubuntu), or brew install tinyproxy (macOS).'

function Get-TinyproxySkipReason {
    <#
    .SYNOPSIS
    Why the proxy tests must be skipped here, or $null when they must run: tinyproxy is present, or CI=true.
    #>
    if ($env:CI -eq 'true') { return $null }
    if (Get-Command -Name 'tinyproxy' -CommandType Application -ErrorAction Ignore) { return $null }
    $script:InstallHint
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-Tinyproxy {
    <#
    .SYNOPSIS
    Starts tinyproxy on a free loopback port, in the foreground (-d), with Basic authentication for -User/-Password
    and a log of every request; returns an object with its Uri, Port, LogPath and Process.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $User,
        [Parameter(Mandatory)] [string] $Password
    )

    $command = Get-Command -Name 'tinyproxy' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $command) { throw $script:InstallHint }

    $folder = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-proxy-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Force $folder
    $log = Join-Path $folder 'tinyproxy.log'
    $config = Join-Path $folder 'tinyproxy.conf'
    $port = Get-FreeLoopbackPort
    Set-Content -Path $config -Encoding ascii -Value @(
        "Port $port"
        'Listen 127.0.0.1'
        'Allow 127.0.0.1'
        "BasicAuth $User $Password"
        "LogFile `"$log`""
        'LogLevel Connect'
        'MaxClients 200'
        'Timeout 60'
    )

    $start = [System.Diagnostics.ProcessStartInfo]::new($command.Source)
    foreach ($argument in '-d', '-c', $config) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $process.BeginOutputReadLine()
    $process.BeginErrorReadLine()

    # Ready when it accepts a connection; it writes its log only then.
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    while ($true) {
        if ($process.HasExited) { throw "tinyproxy exited with code $($process.ExitCode) before listening on port $port." }
        $client = [System.Net.Sockets.TcpClient]::new()
        try {
            $client.Connect([System.Net.IPAddress]::Loopback, $port)
            break
        }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw "tinyproxy did not listen on port $port within 20 s." }
            Start-Sleep -Milliseconds 50
        }
        finally {
            $client.Dispose()
        }
    }

    [pscustomobject]@{
        PSTypeName = 'JustOneApi.Xingtu.TestProxy'
        Uri        = "http://127.0.0.1:$port"
        Port       = $port
        LogPath    = $log
        Folder     = $folder
        Process    = $process
    }
}

function Stop-Tinyproxy {
    <#
    .SYNOPSIS
    Stops a tinyproxy started by Start-Tinyproxy; -Keep leaves its folder (config and log) in place.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)] [pscustomobject] $Proxy,
        [switch] $Keep
    )

    process {
        if ($Proxy.Process -and -not $Proxy.Process.HasExited) {
            $Proxy.Process.Kill()
            [void]$Proxy.Process.WaitForExit(5000)
        }
        if (-not $Keep) { Remove-Item -LiteralPath $Proxy.Folder -Recurse -Force -ErrorAction Ignore }
    }
}

function Get-TinyproxyRequest {
    <#
    .SYNOPSIS
    The requests in the proxy's log, in order, as objects with Method and Url ("Request (file descriptor N): GET http://...").
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Proxy)

    if (-not (Test-Path -LiteralPath $Proxy.LogPath)) { return }
    # Read with sharing, since tinyproxy holds the file open.
    $stream = [System.IO.FileStream]::new($Proxy.LogPath, 'Open', 'Read', 'ReadWrite')
    try { $text = [System.IO.StreamReader]::new($stream).ReadToEnd() } finally { $stream.Dispose() }
    foreach ($match in [regex]::Matches($text, 'Request \(file descriptor \d+\): (\S+) (\S+) HTTP/')) {
        [pscustomobject]@{ Method = $match.Groups[1].Value; Url = $match.Groups[2].Value }
    }
}

Export-ModuleMember -Function Get-TinyproxySkipReason, Start-Tinyproxy, Stop-Tinyproxy, Get-TinyproxyRequest
