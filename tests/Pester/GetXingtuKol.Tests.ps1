# Get-XingtuKol: one row per KOL joining three answers, each a request of the same batch, against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:SpreadV1 = '/api/douyin-xingtu/get-kol-spread-info/v1'
    $script:ProfilePath = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
    $script:PricePath = '/api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1'
    # The emulator has no marketing data for an id ending in 0201: its price part answers 201.
    $script:NoPriceKolId = '6853123456789010201'
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-kol-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work

    function New-HostedPowerShell {
        # A [powershell] instance in this process with the module loaded and pointed at the emulator.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$ModulePath'; Set-XingtuConfiguration -BaseUri '$Uri' -RetryIntervalSec 0 -LocalCacheMaxAge 0; Set-XingtuToken -Token '$TestToken'").Invoke()
        $ps.Commands.Clear()
        $ps
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'Get-XingtuKol' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0 -SpreadEndpoint Auto
        Set-XingtuToken -Token $TestToken
    }

    It 'declares the type it writes, and writes it' {
        (Get-Command Get-XingtuKol).OutputType.Name | Should -Be 'JustOneApi.Xingtu.XingtuKol'
        Get-XingtuKol -KolId $SampleKolId -WarningAction SilentlyContinue | Should -BeOfType ([JustOneApi.Xingtu.XingtuKol])
    }

    It 'joins the profile, the prices and the documented sample''s spread in the units people read' {
        $row = Get-XingtuKol -KolId $SampleKolId
        $row.KolId | Should -Be $SampleKolId
        $row.NickName | Should -Be $row.Profile.NickName
        $row.NickName | Should -Not -BeNullOrEmpty
        $row.Followers | Should -BeOfType ([long])
        $row.Price1To20Sec | Should -BeOfType ([decimal])
        $row.Price1To20Sec | Should -Be $row.Price.Price1To20Sec
        $row.PlayMedian | Should -Be 3642403
        $row.InteractionRatePercent | Should -Be 2.44
        $row.CompletionRatePercent | Should -Be 11.13
        $row.ExpectedCpm1To20SecYuan | Should -Be 56.57
        $row.ListPricePerThousandPlays1To20Sec | Should -Be ([Math]::Round($row.Price1To20Sec * 1000 / 3642403, 4))
        $row.Spread | Should -BeOfType ([JustOneApi.Xingtu.KolSpread])
        $row.Endpoint | Should -Be 'V1'
        $row.MissingParts | Should -BeNullOrEmpty
        $row.FromLocalCache | Should -BeFalse
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 3
        foreach ($path in $SpreadV1, $ProfilePath, $PricePath) { $stats.perPath[$path] | Should -Be 1 }
    }

    It 'joins 300 KOLs at ThrottleLimit 8: 300 rows in order, one request per part, the parts of a KOL in flight together, and a rerun sends nothing' {
        Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 2 -LatencyJitterMs 6
        $ids = 1..300 | ForEach-Object { "join-$_" }
        # Every part of the first KOL is held open: three held requests of one KOL at once prove its parts overlap,
        # whatever the scheduler does; the rest of the batch fills the other slots meanwhile.
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'join-1' -Step 'hold*3'
        $ps = New-HostedPowerShell
        try {
            $null = $ps.AddCommand('Get-XingtuKol').AddParameter('KolId', $ids).AddParameter('ThrottleLimit', 8)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-XingtuEmulatorStats -Uri $Uri).held -lt 3 -and -not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 20
            }
            $during = Get-XingtuEmulatorStats -Uri $Uri
            $null = Resume-XingtuEmulatorRequest -Uri $Uri
            $rows = @($ps.EndInvoke($async))
            $errors = @($ps.Streams.Error)
        }
        finally {
            $null = Resume-XingtuEmulatorRequest -Uri $Uri
            $ps.Dispose()
        }

        $during.held | Should -Be 3 -Because 'the three parts of join-1 were in flight together'
        $during.perKol['join-1'] | Should -Be 3
        $errors | Should -BeNullOrEmpty
        $rows.Count | Should -Be 300
        $rows.KolId | Should -Be $ids
        @($rows | Where-Object MissingParts).Count | Should -Be 0
        @($rows | Where-Object { $null -eq $_.NickName -or $null -eq $_.PlayMedian -or $null -eq $_.Price }).Count | Should -Be 0
        $after = Get-XingtuEmulatorStats -Uri $Uri
        $after.peakInFlight | Should -BeLessOrEqual 8 -Because 'ThrottleLimit counts requests, not KOLs'
        $after.total | Should -Be 900
        foreach ($path in $SpreadV1, $ProfilePath, $PricePath) { $after.perPath[$path] | Should -Be 300 }
        # Every KOL got each of its parts (all rows are whole) from exactly three requests: one per part.
        $after.perKol.Values | ForEach-Object { $_ | Should -Be 3 }

        $again = @($ids | Get-XingtuKol -MaxAge (New-TimeSpan -Hours 1))
        $again.KolId | Should -Be $ids
        @($again | Where-Object { -not $_.FromLocalCache }).Count | Should -Be 0
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 900 -Because 'the rerun is served from the local store'
    }

    It 'after Get-XingtuKolSpread on the same 50 ids, sends 100 requests, not 150, and says so per part' {
        $ids = 1..50 | ForEach-Object { "share-$_" }
        $null = $ids | Get-XingtuKolSpread
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 50
        $out = @($ids | Get-XingtuKol -MaxAge (New-TimeSpan -Hours 1) -Verbose 4>&1)
        $verbose = $out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $rows = @($out | Where-Object { $_ -is [JustOneApi.Xingtu.XingtuKol] })
        $rows.Count | Should -Be 50
        @($rows | Where-Object FromLocalCache).Count | Should -Be 0 -Because 'FromLocalCache is true only when every part came from the store'
        @($rows | Where-Object { $_.Spread.FromLocalCache }).Count | Should -Be 50
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 150
        $stats.perPath[$SpreadV1] | Should -Be 50
        $done = @($verbose | Where-Object Message -Like 'Done:*')[-1].Message
        $done | Should -Match 'Profile 50 request\(s\) sent, 0 answer\(s\) served from the local store'
        $done | Should -Match 'Price 50 request\(s\) sent, 0 answer\(s\) served from the local store'
        $done | Should -Match 'Spread 0 request\(s\) sent, 50 answer\(s\) served from the local store'
    }

    It 'takes a profile kept by Invoke-JustOneApi from the store' {
        $null = Invoke-JustOneApi -Path $ProfilePath -Query @{ oAuthorId = '7300000000000000009' }
        $row = Get-XingtuKol -KolId '7300000000000000009' -Include Profile -MaxAge (New-TimeSpan -Hours 1)
        $row.FromLocalCache | Should -BeTrue
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 1
    }

    It 'writes a KOL without prices as a row with MissingParts Price, its profile and spread filled, and one error' {
        $rows = @(Get-XingtuKol -KolId 'before-1', $NoPriceKolId, 'after-1' -ErrorVariable errs -ErrorAction SilentlyContinue)
        $rows.KolId | Should -Be @('before-1', $NoPriceKolId, 'after-1')
        $row = $rows[1]
        $row.MissingParts | Should -Be 'Price'
        $row.Price | Should -BeNullOrEmpty
        $row.Price1To20Sec | Should -BeNullOrEmpty
        $row.ListPricePerThousandPlays1To20Sec | Should -BeNullOrEmpty
        $row.NickName | Should -Not -BeNullOrEmpty
        $row.PlayMedian | Should -BeGreaterThan 0
        $rows[0].MissingParts | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NoData,*'
        $errs[0].TargetObject | Should -Be $NoPriceKolId
        $errs[0].Exception.Message | Should -Match "Price part of KOL '$NoPriceKolId'"
    }

    It 'writes one error per failed part, naming the part, and still the row' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'two-bad' -Step '400' -Path $ProfilePath
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'two-bad' -Step '301*' -Path $SpreadV1
        $row = Get-XingtuKol -KolId 'two-bad' -ErrorVariable errs -ErrorAction SilentlyContinue
        $row.MissingParts | Should -Be 'Profile, Spread'
        $row.Price1To20Sec | Should -Not -BeNullOrEmpty
        $errs.Count | Should -Be 2
        ($errs | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object) | Should -Be @('CollectionFailed', 'InvalidParameters')
        $errs | ForEach-Object { $_.TargetObject | Should -Be 'two-bad' }
        ($errs.Exception.Message -join "`n") | Should -Match 'Profile part of KOL'
        ($errs.Exception.Message -join "`n") | Should -Match 'Spread part of KOL'
    }

    It 'stops the batch at a 303 in the price part of row 40, with the usual accounting' {
        Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 2 -LatencyJitterMs 6
        $ids = 1..120 | ForEach-Object { "q-$_" }
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'q-40' -Step '303*' -Path $PricePath
        $written = [Collections.Generic.List[string]]::new()
        $errs = $null
        $stop = $null
        try {
            $ids | Get-XingtuKol -ThrottleLimit 8 -ErrorVariable errs -ErrorAction SilentlyContinue | ForEach-Object { $written.Add($_.KolId) }
        }
        catch {
            $stop = $_
        }
        $stop.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
        $stop.TargetObject | Should -Be 'q-40'
        @($errs | Where-Object { $_ -is [Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        # The rows that had finished are written in input order, some after the stop's row too; the others are cut
        # off, which of them is the scheduler's choice, so the check rests on the stop message's counts.
        $written.Count | Should -BeGreaterThan 0
        $written | Should -Not -Contain 'q-40'
        ($written | ForEach-Object { [array]::IndexOf($ids, $_) }) | Should -Be (($written | ForEach-Object { [array]::IndexOf($ids, $_) }) | Sort-Object)

        $message = $stop.Exception.Message
        $message | Should -Match "Price part of KOL 'q-40'"
        $message -match '\b(\d+) KOL\(s\) completed before the stop' | Should -BeTrue
        [int]$Matches[1] | Should -Be $written.Count
        # The rest in three parts, each naming its first ten: in flight and kept after the stop, in flight and cut
        # off, and queued (never sent).
        $kept = if ($message -match '\b(\d+) KOL\(s\) in flight were answered after the stop and kept') { [int]$Matches[1] } else { 0 }
        $inFlight = if ($message -match '\b(\d+) KOL\(s\) in flight were cut off') { [int]$Matches[1] } else { 0 }
        if ($kept + $inFlight -eq 0) { $message | Should -Match 'none was in flight' }
        $queued = if ($message -match '\b(\d+) KOL\(s\) queued were never sent') { [int]$Matches[1] } else { $message | Should -Match 'none was queued'; 0 }
        $named = @([regex]::Matches($message, "'(q-\d+)'") | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -ne 'q-40' })
        $named.Count | Should -Be ([Math]::Min($kept, 10) + [Math]::Min($inFlight, 10) + [Math]::Min($queued, 10))
        $known = @($written) + $named + 'q-40'
        ($known | Sort-Object -Unique).Count | Should -Be $known.Count
        $accounted = $written.Count + $kept + $inFlight + $queued + 1
        @($known | Where-Object { [array]::IndexOf($ids, $_) -ge $accounted }) | Should -BeNullOrEmpty
        $message | Should -Match 'To resume'
    }

    It 'fetches only the parts asked for with -Include' {
        $row = Get-XingtuKol -KolId 'only-1' -Include Profile
        $row.NickName | Should -Not -BeNullOrEmpty
        $row.Price | Should -BeNullOrEmpty
        $row.Spread | Should -BeNullOrEmpty
        $row.PlayMedian | Should -BeNullOrEmpty
        $row.MissingParts | Should -BeNullOrEmpty -Because 'a part not asked for is not missing'
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 1
        $stats.perPath[$ProfilePath] | Should -Be 1
    }

    It 'sends -Platform to every part, and the spread options to the spread only' {
        $null = Get-XingtuKol -KolId 'plat-1' -Platform LiveStreaming -Range Last90Days -Type XingtuVideo
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perPath[$ProfilePath] | Should -Be 1
        $stats.perPath[$PricePath] | Should -Be 1
        $stats.perPath['/api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1'] | Should -Be 1 -Because 'live streams are on V2 only'
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'plat-2' -Step 'ok'
        $null = Get-XingtuKol -KolId 'plat-2' -Platform LiveStreaming -Include Price
        (Get-XingtuEmulatorStats -Uri $Uri).lastQuery['plat-2'] | Should -Match '^\?token=[^&]+&oAuthorId=plat-2&platform=LIVE_STREAMING$'
    }

    It 'gives a bad id one InvalidKolId error and no row, and sends nothing for it' {
        $rows = @(Get-XingtuKol -KolId '7.1E+18', 'fine-1' -ErrorVariable errs -ErrorAction SilentlyContinue)
        $rows.KolId | Should -Be @('fine-1')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 3
    }

    It 'binds rows of Import-Csv by an alias, and fetches a repeated KOL once' {
        $rows = @([pscustomobject]@{ 达人ID = ' dup-1 ' }, [pscustomobject]@{ 达人ID = 'dup-2' }, [pscustomobject]@{ 达人ID = 'dup-1' }) | Get-XingtuKol
        $rows.KolId | Should -Be @('dup-1', 'dup-2', 'dup-1')
        [object]::ReferenceEquals($rows[0], $rows[2]) | Should -BeFalse
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 6
    }

    It 'carries InputKolId and, with -KeepInputColumns, the input row''s own columns onto each row' {
        $rows = @([pscustomobject]@{ kol_id = ' keep-1 '; note = '先看报价'; NickName = '我起的名字' } | Get-XingtuKol -KeepInputColumns -Include Profile)
        $rows.Count | Should -Be 1
        $rows[0].KolId | Should -Be 'keep-1'
        $rows[0].InputKolId | Should -Be ' keep-1 '
        $rows[0].note | Should -Be '先看报价'
        $rows[0].Input_NickName | Should -Be '我起的名字'
        $rows[0].NickName | Should -Not -Be '我起的名字' -Because 'a clash is prefixed, never overwritten'
    }

    It 'writes a clean CSV: no System. text, and Chinese names and 19-digit ids survive Import-Csv' {
        $ids = @(1..40 | ForEach-Object { [string](7300000000000000000 + $_) }) + $NoPriceKolId
        $rows = @($ids | Get-XingtuKol -ErrorAction SilentlyContinue)
        $path = Join-Path $Work 'kols.csv'
        $rows | Export-Csv $path -NoTypeInformation -Encoding utf8BOM
        $text = [IO.File]::ReadAllText($path)
        $text | Should -Not -Match 'System\.'
        $text | Should -Not -Match 'JustOneApi\.Xingtu\.'
        $header = ($text -split "`r?`n")[0]
        foreach ($hidden in 'Profile', 'Price', 'Spread') { $header | Should -Not -Match "`"$hidden`"" }
        $back = @(Import-Csv $path -Encoding utf8BOM)
        $back.Count | Should -Be $rows.Count
        $back.KolId | Should -Be $ids
        $back.NickName | Should -Be $rows.NickName
        @($rows.NickName | Where-Object { $_ -match '\p{IsCJKUnifiedIdeographs}' }).Count | Should -Be $rows.Count
        @($rows.NickName | Where-Object { $_ -match '[<&"]|[\uD800-\uDBFF]' }).Count | Should -BeGreaterThan 0 -Because 'the round trip must carry the hard names too'
        $back[-1].MissingParts | Should -Be 'Price'
        $back[-1].Price1To20Sec | Should -Be ''
    }

    It 'shows its default table in 100 columns under <Culture>: every column, no number cut, money with separators' -ForEach @(
        @{ Culture = 'en-US' }
        @{ Culture = 'zh-CN' }
    ) {
        $rows = @(1..12 | ForEach-Object { [string](7300000000000000100 + $_) } | Get-XingtuKol)
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $wide = @(($rows | Format-Table | Out-String -Width 100) -split "`r?`n" | Where-Object { $_.Trim() })
            $narrow = ($rows | Format-Table | Out-String -Width 80)
            foreach ($label in 'NickName', 'Followers', 'Price 1-20s', 'PlayMedian', 'Interact %', 'CPM 1-20s ¥', 'KolId') {
                $wide[0] | Should -Match ([regex]::Escape($label))
            }
            foreach ($row in $rows) {
                $line = $wide | Where-Object { $_ -match [regex]::Escape($row.KolId) }
                foreach ($shown in ('{0:N0}' -f $row.Followers), ('{0:N0}' -f $row.Price1To20Sec), ('{0:N0}' -f $row.PlayMedian), ('{0:N2}' -f $row.InteractionRatePercent), ('{0:N2}' -f $row.ExpectedCpm1To20SecYuan)) {
                    $line | Should -Match ([regex]::Escape($shown))
                    $narrow | Should -Match ([regex]::Escape($shown)) -Because 'at 80 columns a column may go, but no number is cut'
                }
            }
            @($rows | Where-Object { $_.Price1To20Sec -ge 1000 }).Count | Should -BeGreaterThan 0 -Because 'the separator must be seen'
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }
}
