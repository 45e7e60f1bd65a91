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

# The analyst's round trip: Get-XingtuKol | Export-Csv, edit or filter the sheet, later Import-Csv | Export-XingtuReport.
# The page made from the CSV must hold what the page made from the objects holds, for every column the CSV carries.
Describe 'Export-XingtuReport from a CSV' {
    BeforeAll {
        $script:KolIds = @('7100000000000007919', '7100000000000000201', '7100000000000000003', '7100000000000000004', '7100000000000000005')
        $script:Kols = @($KolIds | Get-XingtuKol -WarningAction SilentlyContinue -ErrorAction SilentlyContinue)
        $script:Kols.Count | Should -Be 5
        # The two peer standings come from XingtuKol's spread part, which Export-Csv leaves out (it is [Hidden]).
        $script:LostFromKolCsv = @('InteractionRatePeerStanding', 'CompletionRatePeerStanding')

        # Column key -> the JSON of its values down the rows, so two pages compare column by column.
        function Get-ColumnValues($Data) {
            $keys = @($Data.columns.key)
            $map = [ordered]@{}
            for ($i = 0; $i -lt $keys.Count; $i++) {
                $values = [Collections.Generic.List[object]]::new()
                foreach ($row in $Data.rows) { $values.Add($row[$i]) }
                $map[$keys[$i]] = ConvertTo-Json -Compress -Depth 3 -InputObject $values.ToArray()
            }
            $map
        }

        function Assert-SamePage($Direct, $FromCsv, [string[]] $Lost = @()) {
            $direct = Get-ColumnValues $Direct
            $fromCsv = Get-ColumnValues $FromCsv
            @($fromCsv.Keys) | Should -Be @($direct.Keys | Where-Object { $_ -notin $Lost }) -Because 'the CSV carries every other column'
            foreach ($key in $fromCsv.Keys) { $fromCsv[$key] | Should -BeExactly $direct[$key] -Because "column $key" }
            ConvertTo-Json -Compress -Depth 5 $FromCsv.tiles | Should -BeExactly (ConvertTo-Json -Compress -Depth 5 $Direct.tiles)
            ConvertTo-Json -Compress $FromCsv.douyin | Should -BeExactly (ConvertTo-Json -Compress $Direct.douyin)
            foreach ($field in 'count', 'fetchedFrom', 'fetchedTo', 'fromStore') { $FromCsv.header.$field | Should -Be $Direct.header.$field -Because "header $field" }
        }

        function Use-Culture([string] $Name, [scriptblock] $Script) {
            $before = [cultureinfo]::CurrentCulture
            try { [cultureinfo]::CurrentCulture = $Name; & $Script } finally { [cultureinfo]::CurrentCulture = $before }
        }
    }
    BeforeEach {
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-report-csv-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $Work
        $script:Csv = Join-Path $Work 'shortlist.csv'
        $script:Direct = Join-Path $Work 'direct.html'
        $script:FromCsv = Join-Path $Work 'from-csv.html'
    }
    AfterEach {
        Remove-Item $Work -Recurse -Force -ErrorAction Ignore
    }

    It 'makes the page of Get-XingtuKol from its CSV, written under <Written> and read under <Read>, less the peer standings' -ForEach @(
        @{ Written = 'en-US'; Read = 'en-US' }
        @{ Written = 'de-DE'; Read = 'de-DE' }
        @{ Written = 'de-DE'; Read = 'en-US' }
        @{ Written = 'en-US'; Read = 'de-DE' }
    ) {
        $Kols | Export-XingtuReport -Path $Direct
        Use-Culture $Written { $Kols | Export-Csv -Path $Csv }
        if ($Written -eq 'de-DE') { Get-Content $Csv -Raw | Should -Match '"\d+,\d+"' -Because 'a comma-decimal culture writes decimal commas' }
        Use-Culture $Read { Import-Csv -Path $Csv | Export-XingtuReport -Path $FromCsv }
        $direct = Get-DataBlock $Direct
        $fromCsv = Get-DataBlock $FromCsv
        Assert-SamePage $direct $fromCsv -Lost $LostFromKolCsv
        @($direct.columns.key) | Should -Contain 'InteractionRatePeerStanding' -Because 'the direct page has what the CSV loses'
        # XingtuKol writes Endpoint and Platform but not the spread's Type and Range: the header names no query.
        @($direct.header.queries).Count | Should -Be 1
        @($fromCsv.header.queries).Count | Should -Be 0
    }

    It 'keeps the peer standings that Select-Object added as columns before Export-Csv, as the help shows' {
        $Kols | Export-XingtuReport -Path $Direct
        $Kols | Select-Object *, @{ Name = 'InteractionRatePeerStanding'; Expression = { $_.Spread.InteractionRatePeerStanding } },
            @{ Name = 'CompletionRatePeerStanding'; Expression = { $_.Spread.CompletionRatePeerStanding } } |
            Export-Csv -Path $Csv
        Import-Csv -Path $Csv | Export-XingtuReport -Path $FromCsv
        Assert-SamePage (Get-DataBlock $Direct) (Get-DataBlock $FromCsv)
    }

    It 'makes the page of Get-XingtuKolSpread from its CSV, query included, written under <Written> and read under <Read>' -ForEach @(
        @{ Written = 'en-US'; Read = 'en-US' }
        @{ Written = 'de-DE'; Read = 'de-DE' }
        @{ Written = 'de-DE'; Read = 'en-US' }
    ) {
        $spreads = @($Ids | Get-XingtuKolSpread -Range Last90Days -OnlyAssign -WarningAction SilentlyContinue)
        $spreads | Export-XingtuReport -Path $Direct
        Use-Culture $Written { $spreads | Export-Csv -Path $Csv }
        Use-Culture $Read { Import-Csv -Path $Csv | Export-XingtuReport -Path $FromCsv }
        $direct = Get-DataBlock $Direct
        $fromCsv = Get-DataBlock $FromCsv
        Assert-SamePage $direct $fromCsv
        @($direct.columns.key) | Should -Contain 'ExpectedCpm1To20SecYuan'
        @($direct.columns.key) | Should -Contain 'InteractionRatePeerStanding'
        @($fromCsv.header.queries) | Should -Be @($direct.header.queries)
        @($fromCsv.header.queries) | Should -Match 'Last90Days · OnlyAssign$'
    }

    It 'makes the page of a filtered, reordered CSV as of the same rows filtered' {
        $Kols | Export-Csv -Path $Csv
        $kept = { [long]$_.PlayMedian -gt 100000 }
        $expected = @($Kols | Where-Object $kept | Sort-Object PlayMedian)
        $expected.Count | Should -BeGreaterThan 0
        $expected.Count | Should -BeLessThan $Kols.Count
        $expected | Export-XingtuReport -Path $Direct
        # As a sheet edited in Excel: rows dropped and sorted, columns picked and moved, a column of the analyst's own.
        Import-Csv -Path $Csv | Where-Object $kept | Sort-Object { [long]$_.PlayMedian } |
            Select-Object Price1To20Sec, KolId, NickName, Followers, PlayMedian, @{ Name = 'Note'; Expression = { 'call back' } } |
            Export-XingtuReport -Path $FromCsv
        $direct = Get-ColumnValues (Get-DataBlock $Direct)
        $fromCsv = Get-ColumnValues (Get-DataBlock $FromCsv)
        @($fromCsv.Keys) | Should -Be @('NickName', 'KolId', 'Followers', 'Price1To20Sec', 'PlayMedian')
        foreach ($key in $fromCsv.Keys) { $fromCsv[$key] | Should -BeExactly $direct[$key] -Because "column $key" }
    }

    It 'takes the same columns from typed Select-Object output, under de-DE as under any culture' {
        $Kols | Export-XingtuReport -Path $Direct
        Use-Culture 'de-DE' {
            $Kols | Select-Object KolId, NickName, Price1To20Sec, InteractionRatePercent, ExpectedCpm1To20SecYuan, FetchedAt, FromLocalCache |
                Export-XingtuReport -Path $FromCsv
        }
        $direct = Get-DataBlock $Direct
        $fromObjects = Get-ColumnValues (Get-DataBlock $FromCsv)
        @($fromObjects.Keys) | Should -Be @('NickName', 'KolId', 'Price1To20Sec', 'InteractionRatePercent', 'ExpectedCpm1To20SecYuan', 'FetchedAt')
        $all = Get-ColumnValues $direct
        foreach ($key in $fromObjects.Keys) { $fromObjects[$key] | Should -BeExactly $all[$key] -Because "column $key" }
    }

    It 'keeps Chinese names and text through a UTF-8 CSV' {
        $Kols | Export-Csv -Path $Csv -Encoding utf8
        Import-Csv -Path $Csv -Encoding utf8 | Export-XingtuReport -Path $FromCsv
        $data = Get-DataBlock $FromCsv
        $keys = [string[]]@($data.columns.key)
        $names = @($data.rows | ForEach-Object { $_[[array]::IndexOf($keys, 'NickName')] })
        $names | Should -Be @($Kols.NickName)
        $names | Should -Match '\p{IsCJKUnifiedIdeographs}'
        @($data.rows | ForEach-Object { $_[[array]::IndexOf($keys, 'Location')] }) | Should -Be @($Kols | ForEach-Object { "$($_.Province) $($_.City)" })
    }

    It 'names the KOL, the column and the value of a row it cannot read, and writes the rest' {
        $Kols | Export-Csv -Path $Csv
        $rows = @(Import-Csv -Path $Csv)
        $rows[1].PlayMedian = '12k'
        $rows[3].KolId = ''
        $rows | Export-XingtuReport -Path $FromCsv -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 2
        $failed.FullyQualifiedErrorId | Should -Be (@('UnreadableReportRow,JustOneApi.Xingtu.Commands.ExportXingtuReportCommand') * 2)
        $failed[0].Exception.Message | Should -BeLike "*KOL '$($KolIds[1])' (row 2 of the input)*PlayMedian*'12k'*not a whole number*"
        $failed[0].TargetObject.KolId | Should -Be $KolIds[1]
        $failed[1].Exception.Message | Should -BeLike '*Row 4 of the input*KolId is empty*'
        $data = Get-DataBlock $FromCsv
        $kolColumn = [array]::IndexOf([string[]]@($data.columns.key), 'KolId')
        @($data.rows | ForEach-Object { $_[$kolColumn] }) | Should -Be @($KolIds[0], $KolIds[2], $KolIds[4])
    }

    It 'says in Chinese under zh-CN what it cannot read' {
        $Kols | Export-Csv -Path $Csv
        $rows = @(Import-Csv -Path $Csv)
        $rows[0].Price1To20Sec = '¥1000'
        $before = [cultureinfo]::CurrentUICulture
        try {
            [cultureinfo]::CurrentUICulture = 'zh-CN'
            $rows | Export-XingtuReport -Path $FromCsv -ErrorVariable failed -ErrorAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentUICulture = $before }
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike "*KOL '$($KolIds[0])'（输入的第 1 行）不会出现在报告中*Price1To20Sec*'¥1000'*不是数字*"
    }

    It 'reads the spread''s raw CPM, CPE and rates when a XingtuKol column such as NickName is added (<Via>)' -ForEach @(
        @{ Via = 'Select-Object' }
        @{ Via = 'a CSV' }
    ) {
        $spreads = @($Ids | Get-XingtuKolSpread -WarningAction SilentlyContinue)
        $spreads | Export-XingtuReport -Path $Direct
        $named = @($spreads | Select-Object *, @{ Name = 'NickName'; Expression = { 'n' + $_.KolId } })
        if ($Via -eq 'a CSV') {
            $named | Export-Csv -Path $Csv
            $named = @(Import-Csv -Path $Csv)
        }
        $named | Export-XingtuReport -Path $FromCsv -ErrorVariable failed
        $failed.Count | Should -Be 0
        $direct = Get-ColumnValues (Get-DataBlock $Direct)
        $fromRows = Get-ColumnValues (Get-DataBlock $FromCsv)
        @($fromRows.Keys) | Should -Contain 'NickName'
        foreach ($key in 'ExpectedCpm1To20SecYuan', 'ExpectedCpe1To20SecYuan', 'InteractionRatePercent', 'CompletionRatePercent', 'PlayMedian') {
            $direct[$key] | Should -Match '\d' -Because "the spreads have $key"
            $fromRows[$key] | Should -BeExactly $direct[$key] -Because "column $key"
        }
    }

    It 'shows a KOL whose FetchedAt it cannot read, without the time and with one warning naming the KOL, the column and the value' {
        $Kols | Export-Csv -Path $Csv
        $rows = @(Import-Csv -Path $Csv)
        # Export-Csv under fr-FR writes the day first; read under en-US, day 30 is no month.
        $rows[1].FetchedAt = '30/11/2026 21:09:00 +00:00'
        # Use-Culture runs in its own scope, so the records come back as output.
        $said = @(Use-Culture 'en-US' { $rows | Export-XingtuReport -Path $FromCsv 2>&1 3>&1 })
        $failed = @($said | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $warned = @($said | Where-Object { $_ -is [Management.Automation.WarningRecord] })
        $failed.Count | Should -Be 0
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "*KOL '$($KolIds[1])' (row 2 of the input)*FetchedAt*'30/11/2026 21:09:00 +00:00'*not a date and time*"
        $data = Get-DataBlock $FromCsv
        $keys = [string[]]@($data.columns.key)
        @($data.rows | ForEach-Object { $_[[array]::IndexOf($keys, 'KolId')] }) | Should -Be $KolIds -Because 'a timestamp does not cost the KOL its row'
        $times = @($data.rows | ForEach-Object { $_[[array]::IndexOf($keys, 'FetchedAt')] })
        $times[1] | Should -BeNullOrEmpty
        @($times[0, 2, 3, 4] | Where-Object { $_ }).Count | Should -Be 4 -Because 'the other rows keep their times'
    }

    It 'says in Chinese under zh-CN which descriptive cell it left empty' {
        $rows = @([pscustomobject]@{ KolId = $KolIds[0]; NickName = 'a'; FromLocalCache = 'yes' })
        $warned = @(Invoke-InCulture 'zh-CN' { $rows | Export-XingtuReport -Path $FromCsv 3>&1 })
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "*KOL '$($KolIds[0])'（输入的第 1 行）已列入报告*FromLocalCache*'yes'*不是True 或 False*"
    }

    It 'refuses a count written with a thousands separator under <Culture> (<Text>), never reading it as <Wrong>' -ForEach @(
        @{ Culture = 'en-US'; Column = 'Followers'; Text = '8.000'; Wrong = 8 }
        @{ Culture = 'de-DE'; Column = 'Followers'; Text = '8,000'; Wrong = 8 }
        @{ Culture = 'en-US'; Column = 'PlayMedian'; Text = '1.000'; Wrong = 1 }
    ) {
        $Kols | Export-Csv -Path $Csv
        $rows = @(Import-Csv -Path $Csv)
        $rows[0].$Column = $Text
        $failed = @(Use-Culture $Culture { $rows | Export-XingtuReport -Path $FromCsv -ErrorAction Continue 2>&1 })
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike "*KOL '$($KolIds[0])'*$Column*'$Text'*not a whole number*"
        $data = Get-DataBlock $FromCsv
        $keys = [string[]]@($data.columns.key)
        @($data.rows | ForEach-Object { $_[[array]::IndexOf($keys, 'KolId')] }) | Should -Not -Contain $KolIds[0]
    }

    It 'reads a typed decimal exactly under de-DE, and the same row from a de-DE CSV (<Via>)' -ForEach @(
        @{ Via = 'typed' }
        @{ Via = 'a CSV' }
    ) {
        $failed = @(Use-Culture 'de-DE' {
            $row = [pscustomobject]@{ KolId = '7100000000000000001'; NickName = 'a'; ListPricePerThousandPlays1To20Sec = [decimal]15.625; Followers = [long]8000; FetchedAt = [datetimeoffset]'2026-11-30T21:09:00Z' }
            if ($Via -eq 'a CSV') {
                $row | Export-Csv -Path $Csv
                Get-Content $Csv -Raw | Should -Match '"15,625"' -Because 'de-DE writes a decimal comma'
                $row = Import-Csv -Path $Csv
            }
            $row | Export-XingtuReport -Path $FromCsv 2>&1
        })
        $failed.Count | Should -Be 0
        $data = Get-DataBlock $FromCsv
        $keys = [string[]]@($data.columns.key)
        $data.rows[0][[array]::IndexOf($keys, 'ListPricePerThousandPlays1To20Sec')] | Should -Be 15.625
        $data.rows[0][[array]::IndexOf($keys, 'Followers')] | Should -Be 8000
    }

    It 'stops once, naming the columns found, when the input has no KolId column, and writes nothing' {
        $Kols | Export-Csv -Path $Csv
        $thrown = $null
        try { Import-Csv -Path $Csv | Select-Object NickName, PlayMedian | Export-XingtuReport -Path $FromCsv -ErrorVariable failed }
        catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -Be 'NoIdColumn,JustOneApi.Xingtu.Commands.ExportXingtuReportCommand'
        $thrown.Exception.Message | Should -BeLike '*no KolId column*Columns found: NickName, PlayMedian.'
        $failed.Count | Should -Be 1 -Because 'one error for the input, not one per row'
        $FromCsv | Should -Not -Exist
    }
}
