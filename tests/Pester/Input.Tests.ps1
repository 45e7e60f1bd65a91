BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'What users feed in' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 1 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'sends the id <Name> exactly as given, percent-encoded' -ForEach @(
        @{ Name = 'with &'; Id = 'a&b'; Encoded = 'a%26b' }
        @{ Name = 'with ='; Id = 'a=b'; Encoded = 'a%3Db' }
        @{ Name = 'with #'; Id = 'a#b'; Encoded = 'a%23b' }
        @{ Name = 'with +'; Id = 'a+b'; Encoded = 'a%2Bb' }
        @{ Name = 'with /'; Id = 'a/b'; Encoded = 'a%2Fb' }
        @{ Name = 'with %'; Id = 'a%20b'; Encoded = 'a%2520b' }
        @{ Name = 'with a space'; Id = 'a b'; Encoded = 'a%20b' }
        @{ Name = 'in Chinese'; Id = '达人'; Encoded = '%E8%BE%BE%E4%BA%BA' }
        @{ Name = 'with a token-like part'; Id = 'x&token=evil'; Encoded = 'x%26token%3Devil' }
    ) {
        $result = Get-XingtuKolSpread -KolId $Id
        $result.KolId | Should -BeExactly $Id
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perKol[$Id] | Should -Be 1 -Because 'the API must receive the same id after decoding'
        $stats.lastQuery[$Id] | Should -Match ("[?&]kolId=" + [regex]::Escape($Encoded) + '(&|$)')
    }

    It 'binds a KolId property that is a number, as rows from ConvertFrom-Json or a database have' {
        $rows = '[{"KolId": 6853123456789012345}, {"kol_id": 42}]' | ConvertFrom-Json
        (@($rows) | Get-XingtuKolSpread).KolId | Should -Be @('6853123456789012345', '42')
    }

    It 'writes nothing for an empty -KolId array' {
        $results = Get-XingtuKolSpread -KolId @() -ErrorVariable errs
        $results | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'rejects a row without an id column, sends nothing for it, and goes on' {
        $rows = @([pscustomobject]@{ KolId = 'r1' }, [pscustomobject]@{ Name = 'no id here' }, @{ Name = 'a hashtable' }, [pscustomobject]@{ KolId = 'r3' })
        $results = $rows | Get-XingtuKolSpread -ErrorVariable errs -ErrorAction SilentlyContinue
        $results.KolId | Should -Be @('r1', 'r3')
        $errs.Count | Should -Be 2
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*' }
        $errs[0].Exception.Message | Should -Match 'no column named KolId'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 2
    }

    It 'warns that the token crosses the network unencrypted for a plain-HTTP address off this machine' {
        $null = Set-XingtuConfiguration -BaseUri 'http://kol-proxy.invalid:8080' -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'unencrypted'
        $null = Set-XingtuConfiguration -BaseUri 'https://kol-proxy.invalid' -WarningVariable quiet -WarningAction SilentlyContinue
        $quiet | Should -BeNullOrEmpty
    }
}

Describe 'The token stays out of transcripts' {
    It 'is absent from a transcript of a verbose run with failures' {
        $secret = 'transcript-secret-token-77'
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -Token $secret
        Set-XingtuEmulatorScript -Uri $Uri -Script @{ 't2' = @('400'); 't3' = @('drop*'); 't4' = @('http:502*'); 't5' = @('100') }
        $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_TOKEN = $secret; JUSTONEAPI_BASE_URI = $Uri } -Script @"
Import-Module '$ModulePath'
Set-XingtuConfiguration -RetryIntervalSec 0 -MaximumRetryCount 1
Start-Transcript -Path '$transcript' | Out-Null
't1', 't2', 't3', 't4', 't5' | Get-XingtuKolSpread -Verbose -Debug -WarningAction Continue
Get-XingtuConfiguration | Format-List *
`$Error | Format-List * -Force
Stop-Transcript | Out-Null
"@
        $text = Get-Content $transcript -Raw
        $text | Should -Match 'token=\*\*\*'
        $text | Should -Match 'InvalidToken'
        $text.Contains($secret) | Should -BeFalse
        ($child.Output + $child.Error).Contains($secret) | Should -BeFalse
        Remove-Item $transcript
    }
}
