BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:V1Path = '/api/douyin-xingtu/get-kol-spread-info/v1'
    $script:V2Path = '/api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1'

    # Every property that carries a metric: what must be equal whichever endpoint answered.
    $script:Metrics = @([JustOneApi.Xingtu.KolSpread].GetProperties().Name | Where-Object {
            $_ -notin 'KolId', 'Endpoint', 'Platform', 'Type', 'Range', 'FlowType', 'OnlyAssign', 'RecordTime', 'RequestId', 'FetchedAt', 'FromLocalCache'
        })

    function Get-RawQuery([string] $KolId) { (Get-XingtuEmulatorStats -Uri $Uri).lastQuery[$KolId] }
}

AfterAll {
    Set-XingtuConfiguration -SpreadEndpoint Auto
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Get-XingtuKolSpread on V1 and on its successor V2' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0 -SpreadEndpoint Auto
        Set-XingtuToken -Token $TestToken
    }

    It 'gives the same metrics for the same KOL from either endpoint (<Options>)' -ForEach @(
        @{ Options = @{} }
        @{ Options = @{ Type = 'XingtuVideo'; Range = 'Last90Days' } }
        @{ Options = @{ Type = 'PersonalVideo'; Range = 'Last30Days'; OnlyAssign = $true } }
    ) {
        foreach ($id in $SampleKolId, 'same-metrics-1') {
            $v1 = Get-XingtuKolSpread -KolId $id -Endpoint V1 @Options 3>$null
            $v2 = Get-XingtuKolSpread -KolId $id -Endpoint V2 @Options
            $v1.Endpoint | Should -Be 'V1'
            $v2.Endpoint | Should -Be 'V2'
            $v2.Platform | Should -Be 'ShortVideo'
            foreach ($name in $Metrics) {
                $v2.$name | Should -Be $v1.$name -Because "$name of $id must not depend on the endpoint"
            }
            @($Metrics | Where-Object { $null -ne $v2.$_ }).Count | Should -BeGreaterThan 20 -Because 'the comparison must compare values, not nulls'
        }
    }

    It 'sends V2 its own wire values: <Expected>' -ForEach @(
        @{ Options = @{}; Expected = 'oAuthorId=v2-wire' }
        @{ Options = @{ Type = 'PersonalVideo' }; Expected = 'oAuthorId=v2-wire&type=PERSONAL_VIDEO' }
        @{ Options = @{ Type = 'XingtuVideo' }; Expected = 'oAuthorId=v2-wire&type=XINTU_VIDEO' }
        @{ Options = @{ Range = 'Last30Days' }; Expected = 'oAuthorId=v2-wire&range=DAY_30' }
        @{ Options = @{ Range = 'Last90Days' }; Expected = 'oAuthorId=v2-wire&range=DAY_90' }
        @{ Options = @{ Platform = 'ShortVideo' }; Expected = 'oAuthorId=v2-wire&platform=SHORT_VIDEO' }
        @{ Options = @{ Platform = 'LiveStreaming' }; Expected = 'oAuthorId=v2-wire&platform=LIVE_STREAMING' }
        @{ Options = @{ Platform = 'PictureText' }; Expected = 'oAuthorId=v2-wire&platform=PICTURE_TEXT' }
        @{ Options = @{ Platform = 'ShortDrama' }; Expected = 'oAuthorId=v2-wire&platform=SHORT_DRAMA' }
        @{ Options = @{ FlowType = 'Exclude' }; Expected = 'oAuthorId=v2-wire&flowType=EXCLUDE' }
        @{ Options = @{ FlowType = 'include' }; Expected = 'oAuthorId=v2-wire&flowType=INCLUDE' }
        @{ Options = @{ OnlyAssign = $true }; Expected = 'oAuthorId=v2-wire&onlyAssign=true' }
    ) {
        $result = Get-XingtuKolSpread -KolId 'v2-wire' -Endpoint V2 @Options
        $result.Endpoint | Should -Be 'V2'
        Get-RawQuery 'v2-wire' | Should -Be "?token=$TestToken&$Expected"
        (Get-XingtuEmulatorStats -Uri $Uri).perPath[$V2Path] | Should -Be 1
    }

    It 'asks V2 at once under Auto for a platform only V2 has, and reports the platform' {
        $result = Get-XingtuKolSpread -KolId 'live-1' -Platform LiveStreaming
        $result.Endpoint | Should -Be 'V2'
        $result.Platform | Should -Be 'LiveStreaming'
        (Get-XingtuEmulatorStats -Uri $Uri).perPath.Keys | Should -Be @($V2Path)
        $short = Get-XingtuKolSpread -KolId 'live-1' -Endpoint V2
        $short.PlayMedian | Should -Not -Be $result.PlayMedian -Because 'another platform measures other content'
    }

    It 'refuses -Platform <Platform> with -Endpoint V1 as a parameter error, and sends nothing' -ForEach @(
        @{ Platform = 'LiveStreaming' }, @{ Platform = 'PictureText' }, @{ Platform = 'ShortDrama' }
    ) {
        { Get-XingtuKolSpread -KolId 'p1' -Endpoint V1 -Platform $Platform -ErrorAction Stop 3>$null } |
            Should -Throw -ErrorId 'PlatformNeedsV2,JustOneApi.Xingtu.Commands.GetXingtuKolSpreadCommand' -ExpectedMessage '*V2 endpoint only*'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'lets -Endpoint V1 -Platform ShortVideo through, since that is what V1 measures' {
        (Get-XingtuKolSpread -KolId 'p2' -Endpoint V1 -Platform ShortVideo 3>$null).Endpoint | Should -Be 'V1'
        Get-RawQuery 'p2' | Should -Be "?token=$TestToken&kolId=p2"
    }

    It 'refuses values outside V2''s enums before sending: <Case>' -ForEach @(
        @{ Case = 'a -FlowType V2 cannot take'; Call = { Get-XingtuKolSpread -KolId 'e1' -Endpoint V2 -FlowType '1' -ErrorAction Stop }; ErrorId = 'FlowTypeNotOnV2*' }
        @{ Case = 'an unknown -Platform'; Call = { Get-XingtuKolSpread -KolId 'e1' -Endpoint V2 -Platform 'Radio' -ErrorAction Stop }; ErrorId = 'CannotConvertArgumentNoMessage*' }
        @{ Case = 'an unknown -Endpoint'; Call = { Get-XingtuKolSpread -KolId 'e1' -Endpoint 'V3' -ErrorAction Stop }; ErrorId = 'CannotConvertArgumentNoMessage*' }
    ) {
        $caught = $null
        try { & $Call } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike $ErrorId
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'sends a free -FlowType to V1 as given under Auto' {
        $v1 = Get-XingtuKolSpread -KolId 'flow-1' -FlowType '1'
        $v1.Endpoint | Should -Be 'V1'
        Get-RawQuery 'flow-1' | Should -Be "?token=$TestToken&kolId=flow-1&flowType=1"
    }

    It 'offers Exclude and Include when completing -FlowType' {
        $line = 'Get-XingtuKolSpread -FlowType '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Be @('Exclude', 'Include')
    }

    It 'takes its default endpoint from Set-XingtuConfiguration -SpreadEndpoint' {
        Set-XingtuConfiguration -SpreadEndpoint V2
        (Get-XingtuConfiguration).SpreadEndpoint | Should -Be 'V2'
        (Get-XingtuKolSpread -KolId 'cfg-1').Endpoint | Should -Be 'V2'
        (Get-XingtuKolSpread -KolId 'cfg-2' -Endpoint V1 3>$null).Endpoint | Should -Be 'V1'
    }
}

Describe 'Auto carries on over V2 on the day V1 disappears' {
    # An emulator of its own: the switch to V2 lasts for the rest of the session for this address.
    BeforeAll {
        $script:Gone = Start-XingtuEmulator
    }

    AfterAll {
        Stop-XingtuEmulator -Emulator $Gone
    }

    It 'completes a 300-KOL batch at ThrottleLimit 8 across the switch: every row once, in order, one warning, nothing billed twice' {
        Set-XingtuConfiguration -BaseUri $Gone.Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0 -SpreadEndpoint Auto
        Set-XingtuToken -Token $TestToken
        Set-XingtuEmulatorConfig -Uri $Gone.Uri -LatencyMs 2 -LatencyJitterMs 6
        $ids = 1..300 | ForEach-Object { "gone-$_" }
        $ids[7] = ' '
        $goneUri = $Gone.Uri

        # V1 is removed while the batch runs: when row 100 reaches the pipeline, rows after it are still waiting or in flight.
        $warnings = $null
        $errs = $null
        $rows = @($ids | Get-XingtuKolSpread -WarningVariable warnings -ErrorVariable errs -ErrorAction SilentlyContinue 3>$null |
                ForEach-Object { if ($_.KolId -eq 'gone-100') { Set-XingtuEmulatorConfig -Uri $goneUri -V1Gone $true }; $_ })

        # Every row is an object or an error, in input order.
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*'
        @($rows.KolId) | Should -Be @($ids | Where-Object { $_ -ne ' ' })

        # Exactly one warning, and it names the successor.
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match ([regex]::Escape('/api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1'))

        # The rows written before the switch came from V1. Rows in flight at the switch come from either (a V1 answer
        # that beat the switch, or a 404 fetched again from V2); every row read after it, past the window of
        # 4 x ThrottleLimit = 32 rows, comes from V2.
        @($rows[0..98].Endpoint | Sort-Object -Unique) | Should -Be @('V1')
        @($rows[140..($rows.Count - 1)].Endpoint | Sort-Object -Unique) | Should -Be @('V2')

        # No KOL billed twice: the emulator counts the code-0 answers per KOL on both endpoints.
        $stats = Get-XingtuEmulatorStats -Uri $Gone.Uri
        foreach ($id in $rows.KolId) { $stats.billedPerKol[$id] | Should -Be 1 -Because "$id must be billed exactly once" }
        ($stats.billedPerKol.Values | Measure-Object -Sum).Sum | Should -Be $rows.Count

        # And for the rest of the session, V2 at once: no more round trips to the removed V1.
        $before = (Get-XingtuEmulatorStats -Uri $Gone.Uri).perPath[$V1Path]
        (Get-XingtuKolSpread -KolId 'after-1').Endpoint | Should -Be 'V2'
        (Get-XingtuEmulatorStats -Uri $Gone.Uri).perPath[$V1Path] | Should -Be $before

        # A free -FlowType that only V1 could take now fails that KOL alone, with the reason, and sends nothing.
        $total = (Get-XingtuEmulatorStats -Uri $Gone.Uri).total
        $null = Get-XingtuKolSpread -KolId 'flow-2' -FlowType '1' -ErrorVariable flowErr -ErrorAction SilentlyContinue
        $flowErr[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameters,*'
        $flowErr[0].Exception.Message | Should -Match 'Exclude or Include'
        (Get-XingtuEmulatorStats -Uri $Gone.Uri).total | Should -Be $total
    }

    It 'never switches for a bad token, a quota stop or a server error' {
        $fresh = Start-XingtuEmulator
        try {
            Set-XingtuConfiguration -BaseUri $fresh.Uri -RetryIntervalSec 0 -MaximumRetryCount 1 -SpreadEndpoint Auto
            Set-XingtuToken -Token $TestToken
            Set-XingtuEmulatorScript -Uri $fresh.Uri -Script @{ 'srv-1' = @('http:503*'); 'srv-2' = @('500*'); 'q-1' = @('303') }
            $null = Get-XingtuKolSpread -KolId 'srv-1', 'srv-2' -ErrorAction SilentlyContinue
            { Get-XingtuKolSpread -KolId 'q-1' -ErrorAction Stop } | Should -Throw -ErrorId 'DailyQuotaExceeded*'
            { Get-XingtuKolSpread -KolId 'tok-1' -Token 'wrong-token' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidToken*'
            (Get-XingtuKolSpread -KolId 'still-v1').Endpoint | Should -Be 'V1'
            (Get-XingtuEmulatorStats -Uri $fresh.Uri).perPath.Keys | Should -Be @($V1Path)
        }
        finally {
            Stop-XingtuEmulator -Emulator $fresh
        }
    }
}
