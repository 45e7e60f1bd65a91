# The documentation says what the module is: every exported cmdlet in the about topic's list and the README's
# command table, and no filter example that a missing metric ($null) slips through.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Exported = @((Import-PowerShellDataFile (Join-Path $RepoRoot 'JustOneApi.Xingtu.psd1')).CmdletsToExport | Sort-Object)
    $script:Readme = [IO.File]::ReadAllText((Join-Path $RepoRoot 'README.md'))
}

Describe 'The about topic in <Culture>' -ForEach @(@{ Culture = 'en-US' }, @{ Culture = 'zh-CN' }) {
    BeforeAll {
        $script:About = [IO.File]::ReadAllText((Join-Path $RepoRoot "docs/$Culture/about_JustOneApi.Xingtu.help.txt"))
        $description = [regex]::Match($About, '(?s)LONG DESCRIPTION(.*?)\r?\n\S').Groups[1].Value
        $script:Listed = @([regex]::Matches($description, '(?m)^ {8}([A-Z][a-z]+-[A-Za-z]+) {2,}') | ForEach-Object { $_.Groups[1].Value } | Sort-Object)
    }

    It 'lists exactly the exported cmdlets in its description' {
        $Listed | Should -Be $Exported
    }

    It 'no longer says it wraps one endpoint or counts its cmdlets in words' {
        $About | Should -Not -Match 'wraps one endpoint|封装了 Just One API 的一个接口'
        $About | Should -Not -Match '\b(two|three|four|five|six|seven|eight|nine|ten) cmdlets\b|[二三四五六七八九十]个命令'
    }
}

Describe 'The README' {
    It 'names every exported cmdlet in its command table' {
        $table = @([regex]::Matches($Readme, '(?m)^\| `([A-Z][a-z]+-[A-Za-z]+)` \|') | ForEach-Object { $_.Groups[1].Value } | Sort-Object)
        $table | Should -Be $Exported
    }

    It 'checks for $null before every "less than" filter on a metric, in the README and every help file' {
        $files = @(Get-Item (Join-Path $RepoRoot 'README.md')) + @(Get-ChildItem (Join-Path $RepoRoot 'docs') -Recurse -File -Include *.md, *.help.txt)
        foreach ($file in $files) {
            foreach ($line in [IO.File]::ReadAllLines($file.FullName)) {
                foreach ($match in [regex]::Matches($line, '\$_\.(\w+) -(lt|le) ')) {
                    $line | Should -Match ('\$null -ne \$_\.' + $match.Groups[1].Value + '\b') -Because "$($file.Name): '$($line.Trim())' lets a missing $($match.Groups[1].Value) through"
                }
            }
        }
    }
}
