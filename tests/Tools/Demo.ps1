<#
.SYNOPSIS
    The everyday job, against the bundled emulator: a CSV of KOLs in, metrics out, errors accounted for.
    Started by 'build.ps1 -Task Demo' in a fresh pwsh; sends nothing beyond 127.0.0.1.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
Import-Module (Join-Path $root 'tests/Pester/Emulator.psm1')
$emulator = Start-XingtuEmulator -LatencyMs 30
try {
    Import-Module $ModulePath
    $work = Join-Path $root 'out/demo'
    $null = New-Item -ItemType Directory -Force $work
    # The demo's own local answer store, fresh each run, so the first run really fetches and the user's is untouched.
    $store = Join-Path $work 'store'
    if (Test-Path $store) { Remove-Item $store -Recurse -Force }

    Write-Host "`n# The emulator stands in for Just One API at $($emulator.Uri)" -ForegroundColor Cyan
    Set-XingtuConfiguration -BaseUri $emulator.Uri -RetryIntervalSec 0.2 -LocalCachePath $store
    Set-XingtuToken -Token 'test-token'
    Get-XingtuConfiguration | Format-List Environment, BaseUri, TimeoutSec, MaximumRetryCount, ThrottleLimit, TokenSource, Token

    Write-Host '# One KOL (the vendor''s documented sample)' -ForegroundColor Cyan
    Get-XingtuKolSpread -KolId 6853123456789012345 -WarningAction SilentlyContinue |
        Format-List KolId, Type, Range, PlayMedian, LikeAverage, InteractionRate, InteractionRatePeerCategory, ExpectedCpm1To20Sec, RequestId

    # The README's line: UTF-8 with a byte order mark on PowerShell 7 and 5.1 alike, so Excel keeps the Chinese labels.
    $csvEncoding = if ($PSVersionTable.PSVersion.Major -ge 6) { 'utf8BOM' } else { 'UTF8' }

    # A KOL list as people keep it: one row the API rejects, one id Excel turned into 7.1E+18, one flaky KOL.
    $csv = Join-Path $work 'kols.csv'
    $rows = @([pscustomobject]@{ kol_id = '6853123456789012345'; name = 'sample' })
    $rows += 1..20 | ForEach-Object { [pscustomobject]@{ kol_id = "71000000000000$('{0:d5}' -f $_)"; name = "KOL $_" } }
    $rows += [pscustomobject]@{ kol_id = 'rejected-by-api'; name = 'bad row' }
    $rows += [pscustomobject]@{ kol_id = '7.1E+18'; name = 'mangled by Excel' }
    $rows += [pscustomobject]@{ kol_id = 'flaky-kol'; name = 'rate limited twice' }
    $rows | Export-Csv $csv -NoTypeInformation -Encoding $csvEncoding
    Set-XingtuEmulatorScript -Uri $emulator.Uri -Script @{ 'rejected-by-api' = @('400'); 'flaky-kol' = @('302*2') }

    Write-Host '# Import-Csv kols.csv | Get-XingtuKolSpread -Range Last90Days | Export-Csv top.csv -NoTypeInformation -Encoding $csvEncoding' -ForegroundColor Cyan
    $out = Join-Path $work 'top.csv'
    Import-Csv $csv |
        Get-XingtuKolSpread -Range Last90Days -ErrorVariable failed -ErrorAction SilentlyContinue |
        Where-Object PlayMedian -GT 1e5 |
        Sort-Object PlayMedian -Descending |
        Export-Csv $out -NoTypeInformation -Encoding $csvEncoding
    $top = Import-Csv $out
    # Short labels, so the table fits an 80-column terminal without folding a header.
    $top | Select-Object -First 8 | Format-Table KolId, PlayMedian, LikeAverage, @{ Label = 'Interact %'; Expression = { $_.InteractionRatePercent } },
        @{ Label = 'CPM 1-20s (fen)'; Expression = { $_.ExpectedCpm1To20Sec } } -AutoSize

    Write-Host "# $($rows.Count) rows in; $($top.Count) rows over 100,000 median plays written to $out; $($failed.Count) rows failed:" -ForegroundColor Cyan
    $failed |
        Select-Object @{ n = 'KolId'; e = { $_.TargetObject } }, @{ n = 'ErrorId'; e = { $_.FullyQualifiedErrorId.Split(',')[0] } }, @{ n = 'Message'; e = { $_.Exception.Message } } |
        Format-Table -Wrap

    $stats = Get-XingtuEmulatorStats -Uri $emulator.Uri
    $flaky = [int]$stats.perKol['flaky-kol']
    $mangled = [int]$stats.perKol['7.1E+18']
    Write-Host "# The emulator received $($stats.total) requests: $flaky for the flaky KOL (rate limited twice, then a result), $mangled for the mangled id." -ForegroundColor Cyan

    Write-Host '# The same job again: every kept answer comes from the local store, so it is not sent or billed again' -ForegroundColor Cyan
    Reset-XingtuEmulator -Uri $emulator.Uri
    $again = @(Import-Csv $csv | Get-XingtuKolSpread -Range Last90Days -ErrorAction SilentlyContinue)
    $served = @($again | Where-Object FromLocalCache).Count
    Write-Host "# $($again.Count) rows written, $served of them from the local store; the emulator received $((Get-XingtuEmulatorStats -Uri $emulator.Uri).total) requests (the row the API rejected is asked again)." -ForegroundColor Cyan
    Get-XingtuLocalCache | Format-List Path, EntryCount, TotalBytes, Oldest, Newest

    Write-Host '# Who to book: Get-XingtuKol joins profile, prices and spread; the spread is in the store already, so 2 requests a KOL' -ForegroundColor Cyan
    Reset-XingtuEmulator -Uri $emulator.Uri
    $shortlist = Join-Path $work 'shortlist.csv'
    $kols = @(Import-Csv $csv | Get-XingtuKol -Range Last90Days -ErrorAction SilentlyContinue)
    $kols | Sort-Object ListPricePerThousandPlays1To20Sec | Export-Csv $shortlist -NoTypeInformation -Encoding $csvEncoding
    Import-Csv $shortlist | Select-Object -First 6 |
        # Short labels, so the five columns fit an 80-column terminal without folding a header.
        Format-Table NickName, @{ Label = 'Price 1-20s ¥'; Expression = { $_.Price1To20Sec } }, PlayMedian,
            @{ Label = 'CPM 1-20s ¥'; Expression = { $_.ExpectedCpm1To20SecYuan } },
            @{ Label = '¥ per 1,000 plays'; Expression = { $_.ListPricePerThousandPlays1To20Sec } } -AutoSize
    $kolStats = Get-XingtuEmulatorStats -Uri $emulator.Uri
    Write-Host "# Written to $shortlist; the emulator received $($kolStats.total) requests: $(($kolStats.perPath.GetEnumerator() | ForEach-Object { "$($_.Value) to $($_.Key -replace '^.*/api/', '')" }) -join ', ')." -ForegroundColor Cyan

    Write-Host '# See it: $kols | Export-XingtuReport shortlist.html writes one offline page (tiles, charts, a sortable table)' -ForegroundColor Cyan
    $report = $kols | Export-XingtuReport -Path (Join-Path $work 'shortlist.html') -Title 'Shortlist' -Force -PassThru
    Write-Host "  $($report.FullName): $('{0:N0}' -f $report.Length) bytes, $($kols.Count) KOLs; open it in any browser, it loads nothing from the network."

    Write-Host '# The day V1 disappears: the emulator removes V1 and the same command carries on over V2' -ForegroundColor Cyan
    Set-XingtuEmulatorConfig -Uri $emulator.Uri -V1Gone $true
    Get-XingtuKolSpread -KolId 7100000000000000099, 7100000000000000098 |
        Format-Table KolId, Endpoint, PlayMedian, InteractionRatePercent -AutoSize

    Write-Host '# Ids as people paste them: spaces, full-width digits, a Xingtu page link' -ForegroundColor Cyan
    ' 6853123456789012345 ', '６８５３１２３４５６７８９０１２３４５', 'https://www.xingtu.cn/ad/creator/author/douyin/6853123456789012345' |
        Get-XingtuKolSpread -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like '*normalised*' } |
        ForEach-Object { Write-Host "  $($_.Message)" }

    Write-Host '# The rest of the Xingtu data: a creator profile through Invoke-JustOneApi (the 19-digit id keeps its digits)' -ForegroundColor Cyan
    Invoke-JustOneApi -Path /api/douyin-xingtu/gw/api/author/get_author_base_info/v1 -Query @{ oAuthorId = '6853123456789012345' } |
        Format-List id, nick_name, follower, province, city
}
finally {
    Stop-XingtuEmulator -Emulator $emulator
}
