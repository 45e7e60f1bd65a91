# Helpers that start, steer and stop the local Xingtu API emulator (tests/JustOneApi.Xingtu.Emulator).
# Kept compatible with Windows PowerShell 5.1 because the module itself supports the Desktop edition.
Set-StrictMode -Version 3.0

$script:DefaultEmulatorPath = Join-Path (Join-Path (Join-Path (Split-Path (Split-Path $PSScriptRoot -Parent) -Parent) 'out') 'emulator') 'JustOneApi.Xingtu.Emulator.dll'

function Get-DotNetHostPath {
    # The SDK sets DOTNET_HOST_PATH for tools it starts; a PowerShell run as a dotnet tool is itself the host.
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH)) {
        return $env:DOTNET_HOST_PATH
    }
    $self = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') {
        return $self
    }
    $command = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($command) {
        return $command.Source
    }
    return 'dotnet'
}

function Invoke-EmulatorControl {
    param([string] $Uri, [string] $Method, [string] $Path, $Body)

    $parameters = @{
        Uri         = $Uri.TrimEnd('/') + $Path
        Method      = $Method
        ErrorAction = 'Stop'
    }
    # Loopback only: never let a configured proxy see the traffic.
    if ($PSVersionTable.PSVersion.Major -ge 6) {
        $parameters['NoProxy'] = $true
    }
    if ($null -ne $Body) {
        # Bytes rather than a string, so Windows PowerShell does not re-encode the JSON as Latin-1.
        $parameters['Body'] = [System.Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $Body -Depth 5 -Compress))
        $parameters['ContentType'] = 'application/json; charset=utf-8'
    }
    try {
        Invoke-RestMethod @parameters
    }
    catch {
        # Surface the emulator's own explanation (e.g. which step it did not understand) rather than just "400".
        if ($_.ErrorDetails -and $_.ErrorDetails.Message) {
            throw "Emulator $Method $Path failed: $($_.ErrorDetails.Message)"
        }
        throw
    }
}

function Start-XingtuEmulator {
    <#
    .SYNOPSIS
    Starts the emulator on a free loopback port and returns an object with its base Uri and Process.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $Path = $script:DefaultEmulatorPath,
        [ValidateRange(0, 600000)]
        [int] $LatencyMs = 0
    )

    if (-not (Test-Path -LiteralPath $Path)) {
        throw "Emulator not found at '$Path'. Build it first: dotnet build tests/JustOneApi.Xingtu.Emulator -c Release -o out/emulator"
    }
    $Path = (Resolve-Path -LiteralPath $Path).ProviderPath
    $urlFile = Join-Path ([System.IO.Path]::GetTempPath()) ('xingtu-emulator-' + [guid]::NewGuid().ToString('N') + '.url')
    $arguments = @($Path, '--port', '0', '--latency-ms', [string]$LatencyMs, '--parent-pid', [string]$PID, '--url-file', $urlFile)

    $startInfo = New-Object System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = Get-DotNetHostPath
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    if ($startInfo.PSObject.Properties['ArgumentList']) {
        foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    }
    else {
        # .NET Framework has no ArgumentList; quote every argument (none of ours ends in a backslash or holds a quote).
        $startInfo.Arguments = ($arguments | ForEach-Object { '"' + $_ + '"' }) -join ' '
    }

    $process = [System.Diagnostics.Process]::Start($startInfo)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not (Test-Path -LiteralPath $urlFile)) {
        if ($process.HasExited) {
            $errorText = $process.StandardError.ReadToEnd()
            throw "The emulator exited with code $($process.ExitCode) before listening. $errorText"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            $process.Kill()
            $process.Dispose()
            throw 'The emulator did not start listening within 30 seconds.'
        }
        Start-Sleep -Milliseconds 50
    }

    $uri = ([System.IO.File]::ReadAllText($urlFile)).Trim()
    Remove-Item -LiteralPath $urlFile -ErrorAction SilentlyContinue
    # Keep draining both pipes so the emulator can never block on a full one.
    $process.BeginOutputReadLine()
    $process.BeginErrorReadLine()

    [pscustomobject]@{
        PSTypeName = 'JustOneApi.Xingtu.Emulator'
        Uri        = $uri
        Process    = $process
    }
}

function Stop-XingtuEmulator {
    <#
    .SYNOPSIS
    Stops an emulator started by Start-XingtuEmulator.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [pscustomobject] $Emulator
    )

    process {
        $process = $Emulator.Process
        if ($null -eq $process) {
            return
        }
        if (-not $process.HasExited) {
            $process.Kill()
            [void]$process.WaitForExit(5000)
        }
    }
}

function Reset-XingtuEmulator {
    <#
    .SYNOPSIS
    Clears scripts, counters, last queries and today's quota usage, and restores the emulator's startup configuration (V1 back, no quota).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [string] $Uri
    )

    process {
        Invoke-EmulatorControl -Uri $Uri -Method Post -Path '/_emulator/reset' | Out-Null
    }
}

function Set-XingtuEmulatorConfig {
    <#
    .SYNOPSIS
    Changes latency, jitter, per-token rate limit, valid tokens, the V1 switch or the daily quota; only the parameters given are sent.
    .DESCRIPTION
    -MaxRequestsPerSecond limits each token on its own (0 = off). -V1Gone $true makes the V1 spread path answer an nginx
    404 page, as a removed endpoint would. -DailyQuota N lets each token receive N billed answers (code 0 or 201), then
    answers 303; giving it again (any value, 0 = unlimited) starts a new day with every token's count at zero.
    -BillOnArrival $true bills each request that would be served as it arrives, before its latency, and refuses one
    over the quota with 303 at once, as a server that bills before it collects does; admitted requests still take
    their latency, and stay billed even when the client hangs up.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [string] $Uri,
        [ValidateRange(0, 600000)]
        [int] $LatencyMs,
        [ValidateRange(0, 600000)]
        [int] $LatencyJitterMs,
        [ValidateRange(0, 1000000)]
        [int] $MaxRequestsPerSecond,
        [AllowEmptyCollection()]
        [string[]] $Token,
        [bool] $V1Gone,
        [ValidateRange(0, 2147483647)]
        [int] $DailyQuota,
        [bool] $BillOnArrival
    )

    process {
        $body = @{}
        if ($PSBoundParameters.ContainsKey('LatencyMs')) { $body['latencyMs'] = $LatencyMs }
        if ($PSBoundParameters.ContainsKey('LatencyJitterMs')) { $body['latencyJitterMs'] = $LatencyJitterMs }
        if ($PSBoundParameters.ContainsKey('MaxRequestsPerSecond')) { $body['maxRequestsPerSecond'] = $MaxRequestsPerSecond }
        if ($PSBoundParameters.ContainsKey('Token')) { $body['tokens'] = [string[]]@($Token) }
        if ($PSBoundParameters.ContainsKey('V1Gone')) { $body['v1Gone'] = $V1Gone }
        if ($PSBoundParameters.ContainsKey('DailyQuota')) { $body['dailyQuota'] = $DailyQuota }
        if ($PSBoundParameters.ContainsKey('BillOnArrival')) { $body['billOnArrival'] = $BillOnArrival }
        Invoke-EmulatorControl -Uri $Uri -Method Post -Path '/_emulator/config' -Body $body | Out-Null
    }
}

function Set-XingtuEmulatorScript {
    <#
    .SYNOPSIS
    Scripts the next answers for one KOL (-KolId/-Step) or many (-Script @{ kolId = steps }), e.g. '302*2','ok'.
    .DESCRIPTION
    A script is keyed by the request's key, whatever the path: the id (V1 kolId, V2 and profile oAuthorId), or the
    keyword for creator search. On profile and search, 'sample' answers the generated data (there is no documented
    sample) and 'numbers' sends their JSON numbers as strings.
    A 'hold' step keeps the request open until Resume-XingtuEmulatorRequest (or a reset), then answers normally.
    -Path limits the scripts to one API path (such as the price path of Get-XingtuKol's parts); a path's own script
    is used before the key's script for any path.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Single')]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [string] $Uri,
        [Parameter(Mandatory, ParameterSetName = 'Single')]
        [string] $KolId,
        [Parameter(Mandatory, ParameterSetName = 'Single')]
        [AllowEmptyCollection()]
        [string[]] $Step,
        [Parameter(Mandatory, ParameterSetName = 'Bulk')]
        [hashtable] $Script,
        [string] $Path
    )

    process {
        if ($PSCmdlet.ParameterSetName -eq 'Single') {
            $body = @{ kolId = $KolId; steps = [string[]]@($Step) }
            if ($Path) { $body['path'] = $Path }
        }
        else {
            $scripts = New-Object System.Collections.Generic.List[object]
            foreach ($key in $Script.Keys) {
                $one = @{ kolId = [string]$key; steps = [string[]]@($Script[$key]) }
                if ($Path) { $one['path'] = $Path }
                $scripts.Add($one)
            }
            $body = @{ scripts = $scripts.ToArray() }
        }
        Invoke-EmulatorControl -Uri $Uri -Method Post -Path '/_emulator/script' -Body $body | Out-Null
    }
}

function Resume-XingtuEmulatorRequest {
    <#
    .SYNOPSIS
    Lets every request that a 'hold' step keeps open answer; returns how many were held.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [string] $Uri
    )

    process {
        (Invoke-EmulatorControl -Uri $Uri -Method Post -Path '/_emulator/release').released
    }
}

function Get-XingtuEmulatorStats {
    <#
    .SYNOPSIS
    Returns the emulator's counters as a dictionary: total, perKol, billedTotal, billedPerKol, perPath, perVia, peakInFlight, inFlight, held, lastQuery.
    .DESCRIPTION
    perKol, billedPerKol and lastQuery are keyed by the request's key: the id (V1 kolId, V2 and profile oAuthorId),
    or the keyword for creator search ("" when absent). billedPerKol counts answers with code 0 or 201 on any path;
    perPath counts requests by URL path; perVia counts the requests that came through a proxy, by their Via header. Every request is counted in total, perKol and perPath, whatever its answer.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [string] $Uri
    )

    process {
        # A dictionary, not a PSCustomObject: perKol holds "" for requests without a kolId, which ConvertFrom-Json rejects.
        $parameters = @{ Uri = $Uri.TrimEnd('/') + '/_emulator/stats'; Method = 'Get'; ErrorAction = 'Stop'; UseBasicParsing = $true }
        if ($PSVersionTable.PSVersion.Major -ge 6) {
            $parameters['NoProxy'] = $true
            (Invoke-WebRequest @parameters).Content | ConvertFrom-Json -AsHashtable
        }
        else {
            Add-Type -AssemblyName System.Web.Extensions
            $serializer = New-Object System.Web.Script.Serialization.JavaScriptSerializer
            $serializer.MaxJsonLength = [int]::MaxValue
            $serializer.DeserializeObject((Invoke-WebRequest @parameters).Content)
        }
    }
}

Export-ModuleMember -Function Start-XingtuEmulator, Stop-XingtuEmulator, Reset-XingtuEmulator, Set-XingtuEmulatorConfig, Set-XingtuEmulatorScript, Resume-XingtuEmulatorRequest, Get-XingtuEmulatorStats
