# The day the vendor removes V1: the answers V1 gave, kept in the local store, still serve the same KOL and options
# after the switch to V2 (short video, where both carry the same data), so the rerun pays for nothing it has.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Two emulators, two addresses: the module remembers per address, for the session, that V1 is gone.
    $script:Switching = Start-XingtuEmulator
    $script:Removed = Start-XingtuEmulator
    Set-XingtuToken -Token $TestToken
    $script:Ids = '7100000000000000001', '7100000000000000002', '7100000000000000003'
    $script:New = '7100000000000000004'

    function Use-Emulator($Emulator) {
        Set-XingtuConfiguration -BaseUri $Emulator.Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10 -SpreadEndpoint Auto -LocalCacheEnabled $true -LocalCacheMaxAge '12:00:00'
    }

    function Get-Sent($Emulator) { [int](Get-XingtuEmulatorStats -Uri $Emulator.Uri).total }
}

AfterAll {
    Set-XingtuConfiguration -LocalCacheMaxAge 0 -SpreadEndpoint Auto
    Stop-XingtuEmulator -Emulator $Switching
    Stop-XingtuEmulator -Emulator $Removed
}

Describe 'A rerun after the switch from V1 to V2' {
    BeforeAll { Use-Emulator $Switching }

    It 'first fetches from V1 while V1 answers, and the configuration says V1 is in use' {
        $rows = @(Get-XingtuKolSpread -KolId $Ids -ErrorAction Stop)
        $rows.Endpoint | Should -Be @('V1', 'V1', 'V1')
        Get-Sent $Switching | Should -Be 3
        (Get-XingtuConfiguration).SpreadEndpointInUse | Should -Be 'V1'
    }

    It 'switches to V2 when V1 is removed; the configuration then says V2' {
        Set-XingtuEmulatorConfig -Uri $Switching.Uri -V1Gone $true
        $before = Get-Sent $Switching
        $rows = @(Get-XingtuKolSpread -KolId (@($Ids) + $New) -ErrorAction Stop -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 4
        $rows[3].Endpoint | Should -Be 'V2'
        (Get-Sent $Switching) - $before | Should -Be 2 -Because 'the kept V1 answers serve the three, and the new KOL costs a 404 and a V2 fetch'
        $configuration = Get-XingtuConfiguration
        $configuration.SpreadEndpoint | Should -Be 'Auto'
        $configuration.SpreadEndpointInUse | Should -Be 'V2'
    }

    It 'sends nothing on the rerun: V1''s kept answers serve the same KOLs and options on V2' {
        $before = Get-Sent $Switching
        $rows = @(Get-XingtuKolSpread -KolId (@($Ids) + $New) -ErrorAction Stop)
        $rows.Count | Should -Be 4
        $rows.FromLocalCache | Should -Be @($true, $true, $true, $true)
        $rows[0..2].Endpoint | Should -Be @('V1', 'V1', 'V1') -Because 'each row says which endpoint gave its answer'
        (Get-Sent $Switching) - $before | Should -Be 0
    }

    It 'sends nothing with -Endpoint V2 either' {
        $before = Get-Sent $Switching
        $null = Get-XingtuKolSpread -KolId $Ids -Endpoint V2 -ErrorAction Stop
        (Get-Sent $Switching) - $before | Should -Be 0
    }

    It 'fetches what V1 did not measure: other options, other platforms' {
        $before = Get-Sent $Switching
        $null = Get-XingtuKolSpread -KolId $Ids[0] -Range Last90Days -ErrorAction Stop
        $null = Get-XingtuKolSpread -KolId $Ids[0] -Platform LiveStreaming -ErrorAction Stop
        (Get-Sent $Switching) - $before | Should -Be 2
    }

    It 'refuses -Endpoint V1 once V1 is known to be gone, saying to use V2 or Auto, and sends nothing' {
        $before = Get-Sent $Switching
        $caught = $null
        try { Get-XingtuKolSpread -KolId $Ids[0] -Endpoint V1 } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'V1Removed,*'
        $caught.Exception.Message | Should -Match 'Use -Endpoint V2 or Auto'
        (Get-Sent $Switching) - $before | Should -Be 0
    }
}

Describe '-Endpoint V1 on the day V1 is removed' {
    BeforeAll {
        Use-Emulator $Removed
        Set-XingtuEmulatorConfig -Uri $Removed.Uri -V1Gone $true
    }

    It 'gives an error that says to use V2 or Auto' {
        $null = Get-XingtuKolSpread -KolId $Ids[0] -Endpoint V1 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match '^The V1 spread endpoint is gone \(HTTP 404 .*not billed\): use -Endpoint V2 or Auto'
    }
}
