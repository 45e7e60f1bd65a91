BeforeDiscovery {
    $id = '7100000000000000001'
    # Every character the module trims at either end of an id, as Excel, chat messages and web pages leave them.
    $characters = [ordered]@{
        'a space'                          = ' '
        'a tab'                            = "`t"
        'a CR'                             = "`r"
        'an LF'                            = "`n"
        'CR LF'                            = "`r`n"
        'a no-break space (U+00A0)'        = [string][char]0x00A0
        'an ideographic space (U+3000)'    = [string][char]0x3000
        'a zero-width space (U+200B)'      = [string][char]0x200B
        'a zero-width non-joiner (U+200C)' = [string][char]0x200C
        'a zero-width joiner (U+200D)'     = [string][char]0x200D
        'a word joiner (U+2060)'           = [string][char]0x2060
        'a stray BOM (U+FEFF)'             = [string][char]0xFEFF
    }
    $script:TrimCases = foreach ($name in $characters.Keys) {
        $c = $characters[$name]
        @{ Name = $name; Where = 'at the start'; Raw = $c + $id; Id = $id }
        @{ Name = $name; Where = 'at the end'; Raw = $id + $c; Id = $id }
        @{ Name = $name; Where = 'at both ends'; Raw = $c + $id + $c; Id = $id }
    }

    $author = '6853123456789012345'
    $script:NormalizedCases = @(
        @{ Name = 'full-width digits'; Raw = '７１００００００００００００００００１'; Id = $id }
        @{ Name = 'full-width digits in a tab and an ideographic space'; Raw = "`t７１００００００００００００００００１$([char]0x3000)"; Id = $id }
        @{ Name = 'a Xingtu creator link'; Raw = "https://www.xingtu.cn/ad/creator/author/douyin/$author"; Id = $author }
        @{ Name = 'a Xingtu link without a scheme'; Raw = "www.xingtu.cn/ad/creator/author/douyin/$author"; Id = $author }
        @{ Name = 'a Xingtu link with a query and a fragment'; Raw = "https://xingtu.cn/ad/creator/author/douyin/$author/1?from=x&t=1700000000000#$id"; Id = $author }
    )

    $script:RefusedCases = @(
        @{ Name = 'a douyin.com video link'; Raw = 'https://www.douyin.com/video/7300000000000000000'; Why = 'a douyin.com link holds a Douyin user or video id, not the Xingtu author id' }
        @{ Name = 'a link on another host'; Raw = "https://example.com/$author"; Why = 'is a link to example.com, not to Xingtu' }
        @{ Name = 'a Xingtu link with no digit run'; Raw = 'https://www.xingtu.cn/ad/creator/market'; Why = 'its path holds no author id' }
        @{ Name = 'a Xingtu link with two digit runs'; Raw = "https://www.xingtu.cn/a/$author/$id"; Why = "holds 2 runs of ten or more digits \($author, $id\)" }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-ids-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work

    # The kolId exactly as it went over the wire: nothing around the digits, nothing escaped.
    function Assert-SentAsIs([string] $Id) {
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 1
        $stats.perKol[$Id] | Should -Be 1
        $stats.lastQuery[$Id] | Should -Match ('^\?(.*&)?kolId=' + $Id + '(&|$)')
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'Ids are normalised before they are checked, deduped or sent' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 1 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'trims <Name> <Where>' -ForEach $TrimCases {
        $result = Get-XingtuKolSpread -KolId $Raw -ErrorAction Stop
        $result.KolId | Should -BeExactly $Id
        Assert-SentAsIs $Id
    }

    It 'trims <Name> <Where> of a piped id' -ForEach ($TrimCases | Where-Object Where -EQ 'at both ends') {
        $result = $Raw | Get-XingtuKolSpread -ErrorAction Stop
        $result.KolId | Should -BeExactly $Id
        Assert-SentAsIs $Id
    }

    It 'sends <Name> as the id <Id>' -ForEach $NormalizedCases {
        $result = Get-XingtuKolSpread -KolId $Raw -ErrorAction Stop
        $result.KolId | Should -BeExactly $Id
        Assert-SentAsIs $Id
    }

    It 'refuses <Name>, sends nothing and names the input' -ForEach $RefusedCases {
        $result = Get-XingtuKolSpread -KolId $Raw -ErrorVariable errs -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*'
        $errs[0].TargetObject | Should -BeExactly $Raw
        $errs[0].Exception.Message | Should -Match $Why
        $errs[0].Exception.Message | Should -BeLike ("*'" + $Raw + "'*")
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'goes on with the rest of the input after a refused link' {
        $results = @('https://www.douyin.com/video/7300000000000000000', ' 1001 ') | Get-XingtuKolSpread -ErrorVariable errs -ErrorAction SilentlyContinue
        $results.KolId | Should -BeExactly '1001'
        $errs.Count | Should -Be 1
        Assert-SentAsIs '1001'
    }

    It 'refuses an id with an invisible character inside, naming it, and sends nothing' {
        $raw = " 71000$([char]0x200B)00000`t"
        $null = Get-XingtuKolSpread -KolId $raw -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*'
        $errs[0].TargetObject | Should -BeExactly "71000$([char]0x200B)00000"
        $errs[0].Exception.Message | Should -BeLike "*'71000<U+200B>00000'*U+200B ZERO WIDTH SPACE at position 6*"
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'fetches one id given as spaced digits, full-width digits and a link once' {
        $author = '6853123456789012345'
        $forms = @(" $author", '６８５３１２３４５６７８９０１２３４５', "https://www.xingtu.cn/ad/creator/author/douyin/$author")
        $results = $forms | Get-XingtuKolSpread -ErrorAction Stop -WarningAction SilentlyContinue
        $results.KolId | Should -BeExactly @($author, $author, $author)
        Assert-SentAsIs $author
    }

    It 'says in verbose output from what to what an id was normalised, with invisible characters shown' {
        $verbose = Get-XingtuKolSpread -KolId "$([char]0xFEFF)７１００００００００００００００００１`t" -Verbose 4>&1 |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain "KolId '<U+FEFF>７１００００００００００００００００１<U+0009>' normalised to '7100000000000000001'"
    }

    It 'joins an id whose digit groups a spreadsheet split (<Name>), sends the digits once, and says so in verbose' -ForEach @(
        @{ Name = 'spaces'; Raw = '7100 0000 0000 0000 001' }
        @{ Name = 'no-break spaces'; Raw = "7100$([char]0xA0)0000$([char]0xA0)0000$([char]0xA0)0000$([char]0xA0)001" }
        @{ Name = 'commas'; Raw = '7,100,000,000,000,000,001' }
        @{ Name = 'apostrophes'; Raw = "7'100'000'000'000'000'001" }
    ) {
        $csv = Join-Path $Work 'grouped.csv'
        [pscustomobject]@{ KolId = $Raw } | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $verbose = Import-Csv $csv | Get-XingtuKolSpread -Verbose -ErrorAction Stop 4>&1 -OutVariable results |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        $spread = @($results | Where-Object { $_ -is [JustOneApi.Xingtu.KolSpread] })
        $spread.KolId | Should -BeExactly '7100000000000000001'
        $spread.InputKolId | Should -BeExactly $Raw
        Assert-SentAsIs '7100000000000000001'
        $verbose | Should -Contain "KolId '$($Raw -replace [char]0xA0, '<U+00A0>')' normalised to '7100000000000000001'"
    }

    It 'leaves short digit groups as today: <Raw> is sent as given' -ForEach @(
        @{ Raw = '1 234' }
        @{ Raw = '1,234,567' }
    ) {
        $null = Get-XingtuKolSpread -KolId $Raw -ErrorAction SilentlyContinue
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 1
        $stats.lastQuery[$Raw] | Should -Match ('kolId=' + [regex]::Escape([uri]::EscapeDataString($Raw)) + '(&|$)')
    }

    It 'writes no normalised line for an id that is already clean' {
        $verbose = Get-XingtuKolSpread -KolId '7100000000000000001' -Verbose 4>&1 |
            Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Not -BeNullOrEmpty
        $verbose | Where-Object { $_ -like '*normalised*' } | Should -BeNullOrEmpty
    }

    It 'normalises the ids of a CSV with a 达人ID column' {
        $csv = Join-Path $Work 'kols.csv'
        $nbsp = [char]0x00A0
        $lines = @(
            '达人ID,昵称'
            '" 7100000000000000001 ",a'
            "`"7100000000000000002`t`",b"
            "`"7100000000000000003$nbsp`",c"
            '７１００００００００００００００００４,d'
            'https://www.xingtu.cn/ad/creator/author/douyin/7100000000000000005,e'
            'https://www.douyin.com/video/7300000000000000000,f'
        )
        [IO.File]::WriteAllText($csv, ($lines -join "`r`n") + "`r`n", [Text.UTF8Encoding]::new($true))

        $results = Import-Csv $csv | Get-XingtuKolSpread -ErrorVariable errs -ErrorAction SilentlyContinue
        $expected = 1..5 | ForEach-Object { '710000000000000000' + $_ }
        $results.KolId | Should -BeExactly $expected
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -BeExactly 'https://www.douyin.com/video/7300000000000000000'
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 5
        foreach ($id in $expected) {
            $stats.lastQuery[$id] | Should -Match ('^\?(.*&)?kolId=' + $id + '(&|$)')
        }
    }
}
