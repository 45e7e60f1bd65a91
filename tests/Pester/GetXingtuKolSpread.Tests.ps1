BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 3 -TimeoutSec 10 -ThrottleLimit 8
    Set-XingtuToken -Token $TestToken
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-spread-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'Get-XingtuKolSpread' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    Context 'Get-XingtuKolSpread for one KOL' {
        It 'returns the documented sample as a typed object with exact values' {
            $result = Get-XingtuKolSpread -KolId $SampleKolId -WarningAction SilentlyContinue
            $result | Should -BeOfType ([JustOneApi.Xingtu.KolSpread])
            $result.KolId | Should -Be $SampleKolId
            $result.Type | Should -Be 'PersonalVideo'
            $result.Range | Should -Be 'Last30Days'
            $result.PlayMedian | Should -Be 3642403
            $result.PlayMedian | Should -BeOfType ([long])
            $result.LikeAverage | Should -Be 95028
            $result.InteractionRate | Should -Be 244
            $result.InteractionRatePercent | Should -Be 2.44
            $result.CompletionRatePercent | Should -Be 11.13
            $result.InteractionRatePeerCategory | Should -Be '剧情搞笑'
            $result.ExpectedCpm1To20Sec | Should -Be 5657
            $result.SalesExpectedCpmOver60Sec | Should -Be 16543
            $result.ItemRateInteractionRate | Should -BeNullOrEmpty
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 1
        }

        It 'sends the wire values of -Type, -Range, -FlowType and the switches' {
            $null = Get-XingtuKolSpread -KolId '1001' -Type XingtuVideo -Range Last90Days -FlowType 'EXCLUDE' -OnlyAssign -AcceptCache
            $query = (Get-XingtuEmulatorStats -Uri $Uri).lastQuery.'1001'
            $query | Should -Match '[?&]type=_2(&|$)'
            $query | Should -Match '[?&]range=_3(&|$)'
            $query | Should -Match '[?&]flowType=EXCLUDE(&|$)'
            $query | Should -Match '[?&]onlyAssign=true(&|$)'
            $query | Should -Match '[?&]acceptCache=true(&|$)'
        }

        It 'leaves out the parameters that are not given' {
            $result = Get-XingtuKolSpread -KolId '1002' -Range Last30Days
            $query = (Get-XingtuEmulatorStats -Uri $Uri).lastQuery.'1002'
            $query | Should -Match '[?&]range=_2(&|$)'
            $query | Should -Not -Match 'type=|flowType=|onlyAssign=|acceptCache='
            $result.Type | Should -Be 'PersonalVideo'
        }

        It 'reports the API defaults on the result for PersonalVideo and Last90Days' {
            $result = Get-XingtuKolSpread -KolId '1003' -Type PersonalVideo -Range Last90Days
            $result.Type | Should -Be 'PersonalVideo'
            $result.Range | Should -Be 'Last90Days'
            (Get-XingtuEmulatorStats -Uri $Uri).lastQuery.'1003' | Should -Match 'type=_1'
        }

        It 'turns a missing, null or empty metric into $null, never 0' {
            Set-XingtuEmulatorScript -Uri $Uri -KolId '1004' -Step 'nulls'
            $result = Get-XingtuKolSpread -KolId '1004'
            $result.PlayMedian | Should -BeNullOrEmpty
            $null -eq $result.PlayMedian | Should -BeTrue
            $null -eq $result.LikeAverage | Should -BeTrue
            $null -eq $result.ExpectedCpm1To20Sec | Should -BeTrue
            $null -eq $result.InteractionRate | Should -BeTrue
        }

        It 'leaves a value of the wrong kind empty with one warning naming the field, and reads the rest of the row' {
            Set-XingtuEmulatorScript -Uri $Uri -KolId '1007' -Step 'hostile:oddvalues'
            $result = Get-XingtuKolSpread -KolId '1007', '1008' -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 0
            $result.KolId | Should -Be '1007', '1008'
            $null -eq $result[0].PlayMedian | Should -BeTrue
            $null -eq $result[0].InteractionRate | Should -BeTrue
            $result[0].LikeAverage | Should -Be 95028
            $result[1].PlayMedian | Should -BeGreaterThan 0
            @($warnings).Count | Should -Be 2
            "$($warnings[0])" | Should -Be "KOL '1007': play_mid = 'n/a' is not a whole number in range; that value is left empty."
            "$($warnings[1])" | Should -Match "^KOL '1007': interact_rate\.value = 'high' is not a number in range; that value is left empty\.$"
            $null = Invoke-InCulture 'zh-CN' {
                Set-XingtuEmulatorScript -Uri $Uri -KolId '1009' -Step 'hostile:oddvalues'
                Get-XingtuKolSpread -KolId '1009' -WarningVariable script:zh -WarningAction SilentlyContinue
            }
            "$($zh[0])" | Should -Match "^KOL '1009'：play_mid = 'n/a' .+；该值留空。$"
        }

        It 'reads numbers sent as JSON numbers like numbers sent as strings' {
            $plain = Get-XingtuKolSpread -KolId '1005'
            Set-XingtuEmulatorScript -Uri $Uri -KolId '1005' -Step 'numbers'
            $numbers = Get-XingtuKolSpread -KolId '1005'
            $numbers.PlayMedian | Should -Be $plain.PlayMedian
            $numbers.ExpectedCpe21To60Sec | Should -Be $plain.ExpectedCpe21To60Sec
        }

        It 'keeps the requestId of the answer' {
            (Get-XingtuKolSpread -KolId '1006').RequestId | Should -Match '^[0-9a-f]{32}$'
        }
    }

    Context 'Get-XingtuKolSpread in a pipeline' {
        It 'turns a CSV of KOLs into a CSV of metrics, one row each, in order, one column per metric' {
            $ids = 1..40 | ForEach-Object { "68530000000000$('{0:d5}' -f $_)" }
            $in = Join-Path $Work 'kols.csv'
            $out = Join-Path $Work 'out.csv'
            $ids | ForEach-Object { [pscustomobject]@{ KolId = $_; Name = "KOL $_" } } | Export-Csv $in -NoTypeInformation -Encoding utf8

            Import-Csv $in | Get-XingtuKolSpread | Export-Csv $out -NoTypeInformation -Encoding utf8

            $rows = Import-Csv $out
            $rows.Count | Should -Be 40
            $rows.KolId | Should -Be $ids
            $columns = $rows[0].PSObject.Properties.Name
            $columns | Should -Contain 'PlayMedian'
            $columns | Should -Contain 'ExpectedCpm1To20Sec'
            $columns | Should -Contain 'RequestId'
            foreach ($row in $rows) {
                foreach ($cell in $row.PSObject.Properties.Value) {
                    $cell | Should -Not -Match '^(System|JustOneApi)\.'
                }
                [long]$row.PlayMedian | Should -BeGreaterThan 0
            }
            (Get-Content $out -Raw -Encoding utf8) | Should -Match '[\u4e00-\u9fff]'
        }

        It 'keeps input order when answers arrive out of order' {
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 1 -LatencyJitterMs 40
            $ids = 1..60 | ForEach-Object { "order$_" }
            $results = $ids | Get-XingtuKolSpread -ThrottleLimit 16
            $results.KolId | Should -Be $ids
        }

        It 'binds the id columns people really have: <Column>' -ForEach @(
            @{ Column = 'KolId' }, @{ Column = 'kolId' }, @{ Column = 'kol_id' }, @{ Column = 'Id' }, @{ Column = 'AuthorId' }, @{ Column = 'star_id' }
        ) {
            $row = [pscustomobject]@{ $Column = '2001' }
            ($row | Get-XingtuKolSpread).KolId | Should -Be '2001'
        }

        It 'fetches a repeated KOL once but writes a row for every input' {
            $results = '3001', '3002', '3001', '3001' | Get-XingtuKolSpread
            $results.KolId | Should -Be @('3001', '3002', '3001', '3001')
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            $stats.perKol.'3001' | Should -Be 1
            [object]::ReferenceEquals($results[0], $results[2]) | Should -BeFalse
        }

        It 'takes an array of ids on -KolId' {
            (Get-XingtuKolSpread -KolId '4001', '4002').KolId | Should -Be @('4001', '4002')
        }

        It 'filters and sorts like any object' {
            $top = '5001', '5002', '5003', '5004' | Get-XingtuKolSpread | Where-Object PlayMedian -GT 0 | Sort-Object PlayMedian -Descending
            $top.Count | Should -Be 4
            $top[0].PlayMedian | Should -BeGreaterOrEqual $top[-1].PlayMedian
        }
    }

    Context 'Verbose output and warnings' {
        It 'shows each URL with the token masked' {
            $verbose = Get-XingtuKolSpread -KolId '6001' -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
            $urls = $verbose.Message | Where-Object { $_ -like 'GET *' }
            $urls | Should -Not -BeNullOrEmpty
            $urls | Should -Match 'token=\*\*\*'
            ($verbose.Message -join "`n") | Should -Not -Match ([regex]::Escape($TestToken))
        }

        It 'honours $VerbosePreference as well as -Verbose' {
            $VerbosePreference = 'Continue'
            $verbose = Get-XingtuKolSpread -KolId '6002' 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
            $VerbosePreference = 'SilentlyContinue'
            @($verbose.Message | Where-Object { $_ -like 'GET *' }).Count | Should -Be 1
            @(Get-XingtuKolSpread -KolId '6003' 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -Be 0
        }

        It 'warns once per session that V1 is deprecated when V1 is asked for, and not under Auto' {
            $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_TOKEN = $TestToken; JUSTONEAPI_BASE_URI = $Uri } -Script @"
    Import-Module '$ModulePath'
    `$null = Get-XingtuKolSpread -KolId 7000 -WarningVariable auto 3>`$null
    `$null = Get-XingtuKolSpread -KolId 7001 -Endpoint V1 -WarningVariable first 3>`$null
    `$null = Get-XingtuKolSpread -KolId 7002 -Endpoint V1 -WarningVariable second 3>`$null
    "`$(@(`$auto).Count) `$(@(`$first).Count) `$(@(`$second).Count) `$(`$first[0])"
"@
            $child.ExitCode | Should -Be 0
            $child.Output | Should -Match '^0 1 0 .*deprecated'
        }
    }
}
