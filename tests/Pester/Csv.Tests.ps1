# The CSV the README tells people to write must open in Excel on a Chinese Windows: UTF-8 with a byte order mark.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
    Set-XingtuToken -Token $TestToken
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-csv-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work

    # The README's two lines for "A CSV in and a CSV out", verbatim: the first works on PowerShell 7 and 5.1 alike.
    $script:EncodingLine = '$csvEncoding = if ($PSVersionTable.PSVersion.Major -ge 6) { ''utf8BOM'' } else { ''UTF8'' }'
    $script:ExportLine = 'Import-Csv kols.csv | Get-XingtuKolSpread | Export-Csv spread.csv -NoTypeInformation -Encoding $csvEncoding'

    function Invoke-InWork([string] $Script) {
        # Runs README lines as a user would, in a folder that holds kols.csv with the documented sample KOL.
        Push-Location $Work
        try {
            [pscustomobject]@{ KolId = $SampleKolId } | Export-Csv kols.csv -NoTypeInformation
            Remove-Item spread.csv -ErrorAction Ignore
            . ([scriptblock]::Create($Script)) 3>$null
            [IO.File]::ReadAllBytes((Join-Path $Work 'spread.csv'))
        }
        finally {
            Pop-Location
        }
    }

    function Read-LikeExcel([byte[]] $Bytes) {
        # Excel takes the byte order mark when there is one, and the system's code page otherwise: GBK (936) in China.
        $gbk = [Text.CodePagesEncodingProvider]::Instance.GetEncoding(936)
        $reader = [IO.StreamReader]::new([IO.MemoryStream]::new($Bytes), $gbk, $true)
        try { $reader.ReadToEnd() | ConvertFrom-Csv } finally { $reader.Dispose() }
    }

    function Get-Label($Row) {
        # Every peer category column, by name; the sample's are Chinese (剧情搞笑) or empty.
        $Row.PSObject.Properties | Where-Object Name -Like '*PeerCategory' | ForEach-Object { @{ $_.Name = [string]$_.Value } }
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'A CSV for Excel' {
    It 'is written the same way in the README and in every help example that writes one' {
        $readme = [IO.File]::ReadAllText((Join-Path $RepoRoot 'README.md'))
        $readme | Should -Match ([regex]::Escape($EncodingLine) + '\r?\n' + [regex]::Escape($ExportLine))

        # Every Export-Csv command in the README and the help names -Encoding $csvEncoding, and the example (or,
        # in the README and the about topic, the file) that holds it sets $csvEncoding with the README's line.
        $sources = @(Get-Item (Join-Path $RepoRoot 'README.md')) + @(Get-ChildItem (Join-Path $RepoRoot 'docs') -Recurse -File -Include *.md, *.help.txt)
        foreach ($file in $sources) {
            $text = [IO.File]::ReadAllText($file.FullName)
            $parts = if ($file.Extension -eq '.md' -and $file.Name -ne 'README.md') { $text -split '(?m)^### ' } else { @($text) }
            foreach ($part in $parts) {
                $commands = @($part -split "`r?`n" | Where-Object { $_ -match 'Export-Csv\s+\S+\.csv' })
                foreach ($command in $commands) {
                    $command | Should -Match ([regex]::Escape('-Encoding $csvEncoding')) -Because "$($file.Name) writes a CSV"
                }
                if ($commands) {
                    $part.Contains($EncodingLine) | Should -BeTrue -Because "$($file.Name) must set `$csvEncoding where it writes a CSV: $($commands[0].Trim())"
                }
            }
        }
    }

    It 'starts with the UTF-8 byte order mark and gives back the Chinese labels through Import-Csv' {
        $bytes = Invoke-InWork "$EncodingLine`n$ExportLine"
        $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)

        $expected = Get-XingtuKolSpread -KolId $SampleKolId -WarningAction SilentlyContinue
        $expected.InteractionRatePeerCategory | Should -Be '剧情搞笑' -Because 'the sample carries a Chinese label'
        $rows = @(Import-Csv (Join-Path $Work 'spread.csv'))
        $rows.Count | Should -Be 1
        $rows[0].KolId | Should -Be $SampleKolId
        foreach ($label in Get-Label $expected) {
            foreach ($name in $label.Keys) { $rows[0].$name | Should -BeExactly $label[$name] -Because "$name round-trips" }
        }
    }

    It 'reads back the Chinese labels the way Excel reads it on a Chinese Windows' {
        $row = @(Read-LikeExcel (Invoke-InWork "$EncodingLine`n$ExportLine"))[0]
        $row.InteractionRatePeerCategory | Should -BeExactly '剧情搞笑'
        $row.PlayStabilityPeerCategory | Should -BeExactly '剧情搞笑'
    }

    It 'would turn the labels into mojibake with PowerShell 7''s -Encoding UTF8, which writes no byte order mark' -Skip:($PSVersionTable.PSVersion.Major -lt 6) {
        $bytes = Invoke-InWork 'Import-Csv kols.csv | Get-XingtuKolSpread | Export-Csv spread.csv -NoTypeInformation -Encoding UTF8'
        $bytes[0..2] | Should -Not -Be @(0xEF, 0xBB, 0xBF)
        @(Read-LikeExcel $bytes)[0].InteractionRatePeerCategory | Should -Not -Be '剧情搞笑'
    }
}
