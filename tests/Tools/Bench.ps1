<#
.SYNOPSIS
    Measures Get-XingtuKolSpread against the emulator at a fixed 20 ms latency, and the usual alternatives, in one
    run. Prints a table and writes it to out/bench.md. Started by 'build.ps1 -Task Bench' in a fresh pwsh.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $KolCount = 2000,
    [int] $LatencyMs = 20,
    # Kol runs only the round trip and the Get-XingtuKol row, Report only the report's rows; both print them without
    # writing out/bench.md.
    [ValidateSet('All', 'Kol', 'Report')] [string] $Part = 'All'
)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$out = Join-Path $root 'out'
. (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
Import-Module (Join-Path $root 'tests/Pester/Emulator.psm1')
$emulator = Start-XingtuEmulator -LatencyMs $LatencyMs
$uri = $emulator.Uri
$token = 'test-token'
# The local answer store of the benchmark's own, never the user's; fresh each run.
$env:XDG_CACHE_HOME = Join-Path $out 'bench-cache'
if (Test-Path $env:XDG_CACHE_HOME) { Remove-Item $env:XDG_CACHE_HOME -Recurse -Force }
$rows = [Collections.Generic.List[object]]::new()

function Add-Row {
    param([string] $Measure, [string] $Value, [string] $Ratio = '')
    $rows.Add([pscustomobject]@{ Measure = $Measure; Value = $Value; Ratio = $Ratio })
    Write-Host ("{0,-62} {1,14} {2}" -f $Measure, $Value, $Ratio)
}

function Measure-Rate {
    # KOL per second for a script block that fetches $KolCount KOLs, checked against the emulator's count.
    param([scriptblock] $Fetch, [int] $ExpectedRequests = $KolCount)
    Reset-XingtuEmulator -Uri $uri
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $count = @(& $Fetch).Count
    $watch.Stop()
    $received = (Get-XingtuEmulatorStats -Uri $uri).total
    if ($count -ne $KolCount -or $received -ne $ExpectedRequests) { throw "Expected $KolCount results and $ExpectedRequests requests; got $count results, $received requests." }
    $KolCount / $watch.Elapsed.TotalSeconds
}

function Invoke-Fresh {
    # Runs a script in a fresh pwsh and returns its last output line.
    param([string] $Script, [hashtable] $Environment = @{})
    $file = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-bench-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content $file $Script -Encoding utf8
    $pwsh = @(Get-PwshCommand)
    [string[]] $rest = @($pwsh | Select-Object -Skip 1)
    foreach ($key in $Environment.Keys) { [Environment]::SetEnvironmentVariable($key, $Environment[$key]) }
    try { $lines = & $pwsh[0] @rest -NoProfile -NonInteractive -File $file }
    finally {
        foreach ($key in $Environment.Keys) { [Environment]::SetEnvironmentVariable($key, $null) }
        Remove-Item $file
    }
    if ($LASTEXITCODE -ne 0) { throw "The fresh pwsh failed: $lines" }
    @($lines)[-1]
}

function Measure-Report {
    # The report: 5,000 KOLs (profile, price and spread) through Export-XingtuReport, then opened in headless Chromium by the browser tool
    # (tests/JustOneApi.Xingtu.Browser), which times the page to its first frame and six header clicks to the next frame.
    $reportIds = 1..5000 | ForEach-Object { '7{0:d18}' -f $_ }
    $reportFile = Join-Path $out 'bench-report.html'
    # Ids ending in 0201 have no marketing data: their rows come without a price, with an error each, as in real lists.
    $reportIds | Get-XingtuKol -ThrottleLimit 32 -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Export-XingtuReport -Path $reportFile -Force
    Add-Row 'Export-XingtuReport, 5,000 KOLs: file size (MB)' ('{0:0.00}' -f ((Get-Item $reportFile).Length / 1MB)) 'target <= 5 MB'
    $browserTool = Join-Path $root 'tests/JustOneApi.Xingtu.Browser/bin/Release/net10.0/JustOneApi.Xingtu.Browser.dll'
    $measured = & dotnet $browserTool measure $reportFile
    if ($LASTEXITCODE -eq 2) {
        Add-Row 'Report of 5,000 KOLs in headless Chromium' 'not measured' 'no Chromium: apt-get install chromium fonts-noto-cjk'
    }
    elseif ($LASTEXITCODE -ne 0) { throw "The browser tool failed: $measured" }
    else {
        $page = @($measured)[-1] | ConvertFrom-Json
        $load = (Get-Content /proc/loadavg -ErrorAction Ignore) -replace '^(\S+).*', '$1'
        Add-Row 'Report of 5,000 KOLs: navigation to first interactive frame (ms)' ('{0:0}' -f $page.interactiveMs) "target < 2,000 ms; load average $load"
        Add-Row 'Report of 5,000 KOLs: header click to next frame, median of 6 (ms)' ('{0:0}' -f $page.sortMedianMs) ('target < 200 ms; slowest {0:0} ms; script part {1:0} ms' -f $page.sortMaxMs, $page.sortScriptMedianMs)
    }
}

try {
    Import-Module $ModulePath
    Set-XingtuConfiguration -BaseUri $uri -RetryIntervalSec 0
    Set-XingtuToken -Token $token
    # Every throughput row fetches the same ids: reading the store is off for them (answers are still kept).
    Set-XingtuConfiguration -LocalCacheMaxAge 0
    $ids = 1..$KolCount | ForEach-Object { '7{0:d18}' -f $_ }
    $null = Get-XingtuKolSpread -KolId $ids[0] -WarningAction SilentlyContinue
    $endpoint = "$($uri.TrimEnd('/'))/api/douyin-xingtu/get-kol-spread-info/v1"
    $null = Invoke-RestMethod "${endpoint}?token=$token&kolId=1"
    if ($Part -eq 'Report') { Measure-Report; return }

    $cpu = (Get-Content /proc/cpuinfo -ErrorAction Ignore | Select-String -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value
    Write-Host "Benchmark: $KolCount KOLs, emulator latency $LatencyMs ms; $([Environment]::ProcessorCount) cores, $cpu; PowerShell $($PSVersionTable.PSVersion); $([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription)"
    $ideal = { param($limit) $limit / ($LatencyMs / 1000) }

    # What one request really takes against this emulator (its delay is never exactly 20 ms), measured with a bare
    # HttpClient, so the ratios below can be read against what the emulator allows, not only the nominal ideal.
    $http = [Net.Http.HttpClient]::new()
    foreach ($i in 1..20) { $null = $http.GetByteArrayAsync("${endpoint}?token=$token&kolId=w$i").GetAwaiter().GetResult() }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    foreach ($i in 1..200) { $null = $http.GetByteArrayAsync("${endpoint}?token=$token&kolId=c$i").GetAwaiter().GetResult() }
    $roundTrip = $watch.Elapsed.TotalMilliseconds / 200
    $http.Dispose()
    Add-Row 'Bare HttpClient round trip, one at a time (ms)' ('{0:0.00}' -f $roundTrip) 'what the emulator allows per request'

    # Get-XingtuKol: three requests per KOL (profile, prices, spread) in one batch, so the ideal at a ThrottleLimit
    # is a third of the spread's. One id of the set (ending in 0201) has no prices: its row is partial, its error muted.
    $kol = Measure-Rate { $ids | Get-XingtuKol -ThrottleLimit 8 -ErrorAction SilentlyContinue } -ExpectedRequests (3 * $KolCount)
    $kolIdeal = 8 / (3 * $LatencyMs / 1000)
    $kolReachable = 8 * 1000 / (3 * $roundTrip)
    Add-Row 'Get-XingtuKol (3 parts), ThrottleLimit 8 (KOL/s)' ('{0:0.0}' -f $kol) ('{0:P0} of ideal {1:0}/s (ThrottleLimit / (3 x round trip)); {2:P0} of {3:0}/s at the measured round trip (target 85%)' -f ($kol / $kolIdeal), $kolIdeal, ($kol / $kolReachable), $kolReachable)
    if ($Part -eq 'Kol') { return }

    $module = @{}
    foreach ($limit in 1, 8, 32) {
        $module[$limit] = Measure-Rate { $ids | Get-XingtuKolSpread -ThrottleLimit $limit }
        $reachable = $limit * 1000 / $roundTrip
        Add-Row "Get-XingtuKolSpread, ThrottleLimit $limit (KOL/s)" ('{0:0.0}' -f $module[$limit]) ('{0:P0} of ideal {1:0}/s; {2:P0} of {3:0}/s at the measured round trip' -f ($module[$limit] / (& $ideal $limit)), (& $ideal $limit), ($module[$limit] / $reachable), $reachable)
    }

    # The same engine behind the successor endpoint and behind the generic cmdlet: both must keep V1's pace.
    $v2 = Measure-Rate { $ids | Get-XingtuKolSpread -Endpoint V2 -ThrottleLimit 8 }
    Add-Row 'Get-XingtuKolSpread -Endpoint V2, ThrottleLimit 8 (KOL/s)' ('{0:0.0}' -f $v2) ('{0:P0} of V1 at 8' -f ($v2 / $module[8]))
    $queries = @($ids | ForEach-Object { @{ oAuthorId = $_ } })
    $invoke = Measure-Rate { $queries | Invoke-JustOneApi -Path /api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1 -ThrottleLimit 8 }
    Add-Row 'Invoke-JustOneApi (V2 spread path), ThrottleLimit 8 (requests/s)' ('{0:0.0}' -f $invoke) ('{0:P0} of V1 at 8' -f ($invoke / $module[8]))

    # The local answer store: its cost when it keeps every answer, and what it saves on a rerun.
    Set-XingtuConfiguration -LocalCacheEnabled $false
    $noStore = Measure-Rate { $ids | Get-XingtuKolSpread -ThrottleLimit 8 }
    Add-Row 'Get-XingtuKolSpread, ThrottleLimit 8, local store off (KOL/s)' ('{0:0.0}' -f $noStore) 'baseline for the two rows below'
    Set-XingtuConfiguration -LocalCacheEnabled $true -LocalCacheMaxAge '12:00:00' -LocalCachePath (Join-Path $env:XDG_CACHE_HOME 'rerun')
    $firstRun = Measure-Rate { $ids | Get-XingtuKolSpread -ThrottleLimit 8 }
    Add-Row 'First run, every answer kept in the store, ThrottleLimit 8 (KOL/s)' ('{0:0.0}' -f $firstRun) ('{0:P0} of the run without the store (target within 5%)' -f ($firstRun / $noStore))
    $rerun = Measure-Rate { $ids | Get-XingtuKolSpread -ThrottleLimit 8 } -ExpectedRequests 0
    Add-Row 'Second run of the same KOLs, all from the store (KOL/s)' ('{0:0.0}' -f $rerun) ('{0:0.0}x the first run (target 10x)' -f ($rerun / $firstRun))
    Set-XingtuConfiguration -LocalCacheMaxAge 0

    $sequential = Measure-Rate { $ids | ForEach-Object { Invoke-RestMethod "${endpoint}?token=$token&kolId=$_" } }
    Add-Row 'ForEach-Object { Invoke-RestMethod } (KOL/s)' ('{0:0.0}' -f $sequential) ('module at 8 is {0:0.0}x' -f ($module[8] / $sequential))
    $parallel = Measure-Rate { $ids | ForEach-Object -Parallel { Invoke-RestMethod "$($using:endpoint)?token=$($using:token)&kolId=$_" } -ThrottleLimit 8 }
    Add-Row 'ForEach-Object -Parallel { Invoke-RestMethod } -ThrottleLimit 8 (KOL/s)' ('{0:0.0}' -f $parallel) ('module at 8 is {0:0.0}x' -f ($module[8] / $parallel))

    # Memory: a fresh pwsh streams a CSV of KOLs to a CSV of results; its peak working set is read at the end.
    $peaks = @{}
    foreach ($count in 4000, 32000) {
        $csv = Join-Path $out "bench-kols-$count.csv"
        'KolId' | Set-Content $csv
        1..$count | ForEach-Object { '8{0:d18}' -f $_ } | Add-Content $csv
        Reset-XingtuEmulator -Uri $uri
        $peaks[$count] = [double](Invoke-Fresh -Environment @{ JUSTONEAPI_TOKEN = $token; JUSTONEAPI_BASE_URI = $uri } -Script @"
Import-Module '$ModulePath'
Import-Csv '$csv' | Get-XingtuKolSpread -ThrottleLimit 32 -WarningAction SilentlyContinue | Export-Csv '$csv.out' -NoTypeInformation
`$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB
# Counted after the peak is read, and streamed, so the check itself does not weigh on the figure.
if ([Linq.Enumerable]::Count([IO.File]::ReadLines('$csv.out')) -ne $count + 1) { throw 'rows missing' }
`$peak
"@)
        Add-Row "Peak working set, $count KOLs CSV to CSV (MB)" ('{0:0.0}' -f $peaks[$count])
        Remove-Item $csv, "$csv.out"
    }
    Add-Row 'Growth from 4,000 to 32,000 KOLs (MB)' ('{0:0.0}' -f ($peaks[32000] - $peaks[4000])) 'target < 20 MB'

    $imports = 1..5 | ForEach-Object {
        [double](Invoke-Fresh -Script "(Measure-Command { Import-Module '$ModulePath' }).TotalMilliseconds")
    } | Sort-Object
    Add-Row 'Import-Module in a fresh pwsh, median of 5 (ms)' ('{0:0}' -f $imports[2])

    Measure-Report

    $table = @(
        "Measured $(Get-Date -Format 'yyyy-MM-dd') on $([Environment]::ProcessorCount) cores ($cpu), PowerShell $($PSVersionTable.PSVersion), emulator latency $LatencyMs ms, $KolCount KOLs."
        ''
        '| Measure | Value | Ratio |'
        '|---|---:|---|'
        $rows | ForEach-Object { "| $($_.Measure) | $($_.Value) | $($_.Ratio) |" }
    )
    $table | Set-Content (Join-Path $out 'bench.md') -Encoding utf8
    Write-Host "`nWritten to $(Join-Path $out 'bench.md')"
}
finally {
    Stop-XingtuEmulator -Emulator $emulator
}
