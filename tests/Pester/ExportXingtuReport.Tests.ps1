# Export-XingtuReport as users call it: the file, -WhatIf, -Force, -PassThru, the culture. What the page does in a
# browser is tested in tests/JustOneApi.Xingtu.Tests (ReportBrowserTests).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -ThrottleLimit 4
    Set-XingtuToken -Token $TestToken
    $script:Ids = 1..6 | ForEach-Object { "710000000000000000$_" }
    $script:Rows = @($Ids | Get-XingtuKolSpread -WarningAction SilentlyContinue)

    function Get-DataBlock([string] $Path) {
        $html = [IO.File]::ReadAllText($Path)
        if ($html -notmatch '(?s)<script type="application/json" id="xt-data">(.*?)</script>') { throw "No data block in $Path." }
        $Matches[1] | ConvertFrom-Json
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Export-XingtuReport' {
    BeforeEach {
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-report-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $Work
        $script:Target = Join-Path $Work 'report.html'
    }
    AfterEach {
        Remove-Item $Work -Recurse -Force -ErrorAction Ignore
    }

    It 'writes one self-contained page holding every row, and nothing else in the folder' {
        $output = $Rows | Export-XingtuReport -Path $Target
        $output | Should -BeNullOrEmpty
        $html = [IO.File]::ReadAllText($Target)
        $html | Should -Match '^<!DOCTYPE html>'
        $html | Should -Match '<meta http-equiv="Content-Security-Policy" content="default-src ''none'';'
        $data = Get-DataBlock $Target
        $kolColumn = [array]::IndexOf([string[]]@($data.columns.key), 'KolId')
        @($data.rows | ForEach-Object { $_[$kolColumn] }) | Should -Be $Ids
        @(Get-ChildItem $Work -Force).Name | Should -Be 'report.html' -Because 'the temporary file is renamed, not left behind'
    }

    It 'takes a relative path from the current location' {
        Push-Location $Work
        try { $Rows | Export-XingtuReport report.html } finally { Pop-Location }
        $Target | Should -Exist
    }

    It 'writes nothing with -WhatIf' {
        $Rows | Export-XingtuReport -Path $Target -WhatIf
        $Target | Should -Not -Exist
        Set-Content $Target 'old' -NoNewline
        $Rows | Export-XingtuReport -Path $Target -Force -WhatIf
        Get-Content $Target -Raw | Should -Be 'old'
    }

    It 'leaves an existing file alone without -Force, as Out-File -NoClobber does' {
        Set-Content $Target 'old' -NoNewline
        { $Rows | Export-XingtuReport -Path $Target -ErrorAction Stop } | Should -Throw -ErrorId 'ReportFileExists,JustOneApi.Xingtu.Commands.ExportXingtuReportCommand'
        Get-Content $Target -Raw | Should -Be 'old'
        $Rows | Export-XingtuReport -Path $Target -Force
        Get-Content $Target -Raw | Should -Match '^<!DOCTYPE html>'
    }

    It 'replaces a file by renaming a finished copy over it, never by writing into it' {
        # A second hard link to the old file keeps the old content only if the new report went to a new file that
        # was renamed over the name; writing into the old file would change both links.
        $other = Join-Path $Work 'other-link.html'
        Set-Content $Target 'old' -NoNewline
        $null = New-Item -ItemType HardLink -Path $other -Target $Target
        $Rows | Export-XingtuReport -Path $Target -Force
        Get-Content $other -Raw | Should -Be 'old'
        Get-Content $Target -Raw | Should -Match '^<!DOCTYPE html>'
        @(Get-ChildItem $Work -Force -Filter '*.tmp') | Should -BeNullOrEmpty
    }

    It 'gives the file to the pipeline with -PassThru' {
        $file = $Rows | Export-XingtuReport -Path $Target -PassThru
        $file | Should -BeOfType ([IO.FileInfo])
        $file.FullName | Should -Be (Get-Item $Target).FullName
        $file.Length | Should -BeGreaterThan 1000
    }

    It 'speaks the language of -Culture: <Culture>' -ForEach @(
        @{ Culture = 'zh-CN'; Lang = 'zh-CN'; Title = '星图达人报告'; Header = '播放中位数' }
        @{ Culture = 'zh-TW'; Lang = 'zh-CN'; Title = '星图达人报告'; Header = '播放中位数' }
        @{ Culture = 'en-US'; Lang = 'en'; Title = 'Xingtu KOL report'; Header = 'Median plays' }
        @{ Culture = 'de-DE'; Lang = 'en'; Title = 'Xingtu KOL report'; Header = 'Median plays' }
    ) {
        $Rows | Export-XingtuReport -Path $Target -Culture $Culture
        $html = [IO.File]::ReadAllText($Target)
        $html | Should -Match "<html lang=""$Lang"">"
        $html | Should -Match "<title>$Title</title>"
        (Get-DataBlock $Target).columns.label | Should -Contain $Header
    }

    It 'follows the current UI culture without -Culture' {
        $before = [cultureinfo]::CurrentUICulture
        try {
            [cultureinfo]::CurrentUICulture = 'zh-CN'
            $Rows | Export-XingtuReport -Path $Target
            [IO.File]::ReadAllText($Target) | Should -Match '<html lang="zh-CN">'
            [cultureinfo]::CurrentUICulture = 'en-GB'
            $Rows | Export-XingtuReport -Path $Target -Force
            [IO.File]::ReadAllText($Target) | Should -Match '<html lang="en">'
        }
        finally { [cultureinfo]::CurrentUICulture = $before }
    }

    It 'shows a hostile -Title as text' {
        $Rows | Export-XingtuReport -Path $Target -Title '</title><script>alert(1)</script>'
        $html = [IO.File]::ReadAllText($Target)
        $html | Should -Match '<title>&lt;/title&gt;&lt;script&gt;alert\(1\)&lt;/script&gt;</title>'
        ([regex]::Matches($html, '<script')).Count | Should -Be 2
        (Get-DataBlock $Target).title | Should -Be '</title><script>alert(1)</script>'
    }

    It 'names input it cannot show, leaves it out, and still writes the rows' {
        $all = @($Rows[0], 'just text', $Rows[1]) | Export-XingtuReport -Path $Target -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'UnsupportedReportRow,JustOneApi.Xingtu.Commands.ExportXingtuReportCommand'
        $failed[0].Exception.Message | Should -Match 'System.String'
        @((Get-DataBlock $Target).rows).Count | Should -Be 2
    }

    It 'shows XingtuKol rows with their names and prices, and a missing price as nothing' {
        # An id ending in 0201 has no marketing data: its row comes without the Price part.
        $kols = @('7100000000000007919', '7100000000000000201') | Get-XingtuKol -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $kols.Count | Should -Be 2
        $kols | Export-XingtuReport -Path $Target
        $data = Get-DataBlock $Target
        $columns = [string[]]@($data.columns.key)
        $columns | Should -Contain 'NickName'
        $columns | Should -Contain 'ListPricePerThousandPlays1To20Sec'
        $name = [array]::IndexOf($columns, 'NickName')
        $price = [array]::IndexOf($columns, 'Price1To20Sec')
        $data.rows[0][$name] | Should -BeExactly $kols[0].NickName
        $data.rows[0][$price] | Should -Be ([double]$kols[0].Price1To20Sec)
        $data.rows[1][$price] | Should -BeNullOrEmpty
        $kols[1].MissingParts | Should -Match 'Price'
        ($data.tiles | Select-Object -Last 1).value | Should -Be 1
    }

    It 'sends no request: the report is made from the rows alone' {
        Reset-XingtuEmulator -Uri $Uri
        $Rows | Export-XingtuReport -Path $Target
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }
}
