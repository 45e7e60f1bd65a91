# CSVs as Excel writes them on a Chinese Windows (GBK, code page 936), and CSVs without an id column: one clear
# message, not one error per row; and every per-row input error says which row.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-gbk-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work
    # .NET (Core) knows code page 936 only once the code-pages provider is registered.
    [Text.Encoding]::RegisterProvider([Text.CodePagesEncodingProvider]::Instance)
    $script:Gbk = [Text.Encoding]::GetEncoding(936)

    function New-GbkCsv([string] $Name, [string[]] $Lines) {
        $path = Join-Path $Work $Name
        [IO.File]::WriteAllText($path, ($Lines -join "`r`n") + "`r`n", $Gbk)
        $path
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'A CSV saved by Excel on a Chinese Windows (GBK)' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'with a 达人ID column: one terminating error that says the file looks like GBK and how to read it; nothing sent' {
        $csv = New-GbkCsv 'daren.csv' (@('达人ID,昵称') + (1..200 | ForEach-Object { "71000000000000$('{0:00000}' -f $_),达人$_" }))
        $caught = $null
        $results = try { Import-Csv $csv | Get-XingtuKolSpread -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $results | Should -BeNullOrEmpty
        $caught | Should -Not -BeNullOrEmpty -Because 'a file without a readable id column stops at its first row'
        $caught.FullyQualifiedErrorId | Should -BeLike 'NoIdColumn,*'
        $message = $caught.Exception.Message
        $message | Should -Match 'GBK'
        $message | Should -Match ([regex]::Escape('Import-Csv -Encoding 936'))
        $message | Should -Match ([regex]::Escape('CSV UTF-8'))
        $message | Should -Match '达人ID' -Because 'the accepted aliases are all named'
        $message | Should -Match ([regex]::Escape([string][char]0xFFFD)) -Because 'the columns found are named'
        @($errs).Count | Should -Be 1 -Because 'one message, not one per row'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'read with Import-Csv -Encoding 936, as the message says, works' {
        $csv = New-GbkCsv 'daren-ok.csv' @('达人ID,昵称', "$SampleKolId,小明")
        $rows = @(Import-Csv $csv -Encoding 936 | Get-XingtuKolSpread -KeepInputColumns)
        $rows.Count | Should -Be 1
        $rows[0].KolId | Should -Be $SampleKolId
        $rows[0].'昵称' | Should -Be '小明'
    }

    It 'with an ASCII KolId column and garbled others: the rows go through, with one warning about the encoding' {
        $csv = New-GbkCsv 'kolid.csv' @('KolId,昵称', "$SampleKolId,小明", '7100000000000000001,小红', '7100000000000000002,小刚')
        $rows = @(Import-Csv $csv | Get-XingtuKolSpread -WarningVariable warnings -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 3
        @($warnings | Where-Object { "$_" -match 'GBK' }).Count | Should -Be 1
        "$warnings" | Should -Match ([regex]::Escape('Import-Csv -Encoding 936'))
    }
}

Describe 'A CSV without an id column' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'gives one terminating error at the first row, naming the columns found and every accepted alias' {
        $rows = 1..5000 | ForEach-Object { [pscustomobject]@{ Name = "kol $_"; Followers = $_ } }
        $caught = $null
        try { $rows | Get-XingtuKolSpread -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'NoIdColumn,*'
        $message = $caught.Exception.Message
        $message | Should -Match '^The input has no id column'
        $message | Should -Match 'Columns found: Name, Followers\.'
        foreach ($alias in (Get-Command Get-XingtuKolSpread).Parameters['KolId'].Aliases) { $message | Should -Match ([regex]::Escape($alias)) }
        $message | Should -Match '达人ID'
        $message | Should -Not -Match 'GBK'
        @($errs).Count | Should -Be 1
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }
}

Describe 'Per-row input errors' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'name the input row of a piped CSV' {
        $csv = Join-Path $Work 'rows.csv'
        @('KolId', $SampleKolId, '7100000000000000001', '7.1E+18', '') | Set-Content $csv -Encoding utf8
        $results = @(Import-Csv $csv | Get-XingtuKolSpread -ErrorVariable errs -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 2
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match 'scientific notation'
        $errs[0].Exception.Message | Should -Match '\(input row 3\)$'
    }

    It 'name the position in a -KolId list' {
        $null = Get-XingtuKolSpread -KolId $SampleKolId, 'https://www.douyin.com/video/7300000000000000000' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match '\(input row 2\)$'
    }
}
