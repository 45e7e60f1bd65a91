# The help that ships in out/: built by tests/Tools/Build-Help.ps1 from docs/<culture>/*.md and about_*.help.txt.
BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../..'
    $manifest = Import-PowerShellDataFile (Join-Path $root 'JustOneApi.Xingtu.psd1')
    $commandCases = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    # Culture folders only, as Build-Help.ps1 picks them: docs/images holds the README's pictures.
    $cultureCases = @(Get-ChildItem (Join-Path $root 'docs') -Directory | Where-Object { $_.Name -match '^[a-z]{2,3}(-[A-Za-z]{2,4})*$' } | ForEach-Object { @{ Culture = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # The issue's minimums; every cmdlet needs at least one example.
    function Get-MinimumExampleCount([string] $Name) {
        switch -Wildcard ($Name) {
            'Get-XingtuKolSpread' { return 5 }
            'Get-XingtuConfiguration' { return 2 }
            'Set-*' { return 2 }
            'Clear-*' { return 2 }
            default { return 1 }
        }
    }

    # The parameters a help file must describe: PowerShell documents its common parameters itself.
    function Get-DocumentedParameterName([System.Management.Automation.CommandInfo] $Command) {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        @($Command.Parameters.Keys | Where-Object { $_ -notin $common -and -not ($Command.Parameters[$_].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) })
    }

    function Get-HelpText($Node) { (@($Node | ForEach-Object { $_.Text }) -join "`n").Trim() }

    # Without a help file Get-Help makes up a synopsis: a line break, then the syntax ("Get-X [-Id] <string> ...").
    function Test-MadeUpSynopsis([string] $Name, [string] $Synopsis) {
        $Synopsis.Trim().Length -eq 0 -or $Synopsis.Trim() -match "^$([regex]::Escape($Name))(\s|\[|$)"
    }

    # Empty text rather than nothing when the file is missing, so that a -notmatch check fails instead of passing.
    function Read-Text([string] $Path) { if (Test-Path $Path) { [System.IO.File]::ReadAllText($Path) } else { '' } }

    $script:Chinese = '\p{IsCJKUnifiedIdeographs}'
    $script:HelpFileName = (Get-Command Get-XingtuKolSpread).HelpFile
    $script:MamlNamespaces = @{
        command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
        maml    = 'http://schemas.microsoft.com/maml/2004/10'
    }
}

Describe 'Help for <Name>' -ForEach $commandCases {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
    }

    It 'is built into out/ (run tests/Tools/Build-Help.ps1 after build.ps1)' {
        Join-Path $ModulePath "en-US/$HelpFileName" | Should -Exist
    }

    It 'has a synopsis of its own, not the syntax line Get-Help makes up without a help file' {
        Test-MadeUpSynopsis $Name $help.Synopsis | Should -BeFalse -Because "the synopsis is '$($help.Synopsis.Trim())'"
    }

    It 'has a description' {
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $undescribed = foreach ($parameter in Get-DocumentedParameterName $command) {
            $entry = @($help.parameters.parameter) | Where-Object name -EQ $parameter
            if (-not $entry -or -not (Get-HelpText $entry.description)) { $parameter }
        }
        $undescribed | Should -BeNullOrEmpty -Because 'every parameter needs a ### -Name section in docs/en-US'
    }

    It 'shows the syntax of the cmdlet itself, one syntax item per parameter set' {
        $syntaxItems = @($help.syntax.syntaxItem)
        $syntaxItems.Count | Should -Be @($command.ParameterSets).Count
        $inHelp = @($syntaxItems.parameter.name | Sort-Object -Unique)
        $inCommand = @(Get-DocumentedParameterName $command) + @('WhatIf', 'Confirm' | Where-Object { $command.Parameters.ContainsKey($_) }) | Sort-Object -Unique
        $inHelp | Should -Be $inCommand
    }

    It 'has enough examples, each with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual (Get-MinimumExampleCount $Name)
        foreach ($example in $examples) { $example.code | Should -Not -BeNullOrEmpty }
    }
}

Describe 'Help across cmdlets' {
    It 'gives each cmdlet a different synopsis' {
        $synopses = @(Get-Command -Module JustOneApi.Xingtu | ForEach-Object { (Get-Help $_.Name).Synopsis })
        @($synopses | Sort-Object -Unique).Count | Should -Be $synopses.Count
    }
}

Describe 'about_JustOneApi.Xingtu' {
    It 'is returned by Get-Help' {
        $about = @(Get-Help about_JustOneApi.Xingtu)
        $about.Count | Should -Be 1
        $about[0].Name | Should -Be 'about_JustOneApi.Xingtu'
        $about[0] | Out-String | Should -Match 'JUSTONEAPI_TOKEN'
    }
}

Describe 'Built help in <Culture>' -ForEach $cultureCases {
    BeforeAll {
        $folder = Join-Path $ModulePath $Culture
        $aboutPath = Join-Path $folder 'about_JustOneApi.Xingtu.help.txt'
        $mamlPath = Join-Path $folder $HelpFileName
    }

    It 'has the MAML file and the about topic' {
        $mamlPath | Should -Exist
        $aboutPath | Should -Exist
    }

    It 'writes the about topic as UTF-8 with a byte order mark, for Windows PowerShell 5.1' {
        $bytes = [System.IO.File]::ReadAllBytes($aboutPath)
        $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
    }

    It 'is MAML with a command for every exported cmdlet' {
        [xml] $maml = Get-Content $mamlPath -Raw -Encoding utf8
        $maml.DocumentElement.LocalName | Should -Be 'helpItems'
        $maml.DocumentElement.schema | Should -Be 'maml'
        $names = @(Select-Xml -Xml $maml -XPath '//command:command/command:details/command:name' -Namespace $MamlNamespaces | ForEach-Object { $_.Node.InnerText })
        $names | Sort-Object | Should -Be (@(Get-Command -Module JustOneApi.Xingtu).Name | Sort-Object)
    }

    It 'lists every KolSpread property in the OUTPUTS of Get-XingtuKolSpread' {
        [xml] $maml = Get-Content $mamlPath -Raw -Encoding utf8
        $xpath = "//command:command[command:details/command:name='Get-XingtuKolSpread']/command:returnValues"
        $outputs = [string](Select-Xml -Xml $maml -XPath $xpath -Namespace $MamlNamespaces).Node.InnerText
        $missing = [JustOneApi.Xingtu.KolSpread].GetProperties().Name | Where-Object { $outputs -notmatch "\b$_\b" }
        $missing | Should -BeNullOrEmpty
    }

    It 'explains every output column, business code and ErrorId in the about topic' {
        $about = Read-Text $aboutPath
        $terms = @([JustOneApi.Xingtu.KolSpread].GetProperties().Name) + @([enum]::GetNames([JustOneApi.Xingtu.XingtuErrorKind])) +
            @('100', '201', '301', '302', '303', '400', '500', '600', '601')
        $missing = $terms | Where-Object { $about -notmatch "\b$_\b" }
        $missing | Should -BeNullOrEmpty
    }

    It 'covers token resolution and storage, the environments, and the deprecation in the about topic' {
        $about = Read-Text $aboutPath
        foreach ($term in 'JUSTONEAPI_TOKEN', 'JUSTONEAPI_BASE_URI', 'DPAPI', 'XDG_CONFIG_HOME', '0700', '0600', 'Retry-After', 'get_author_spread_info') {
            $about | Should -Match ([regex]::Escape($term))
        }
        $about | Should -Match ([regex]::Escape('47.117.133.51:30015')) -Because 'the China address is documented'
    }
}

Describe 'Help language under the <Label> UI culture' -ForEach @(
    @{ Label = 'zh-CN'; Culture = 'zh-CN'; Environment = @{}; ExpectChinese = $true }
    @{ Label = 'LANG=zh_CN.UTF-8'; Culture = ''; Environment = @{ LANG = 'zh_CN.UTF-8' }; ExpectChinese = $true }
    @{ Label = 'en-US'; Culture = 'en-US'; Environment = @{}; ExpectChinese = $false }
    @{ Label = 'fr-FR'; Culture = 'fr-FR'; Environment = @{}; ExpectChinese = $false }
    @{ Label = 'invariant (no LANG)'; Culture = ''; Environment = @{}; ExpectChinese = $false }
) {
    BeforeAll {
        # A fresh pwsh, since the help system caches what it has read; the culture is set before the module loads.
        # JSON with non-ASCII escaped, so the child's console encoding cannot garble the Chinese on the way back.
        $setCulture = if ($Culture) {
            @"
`$culture = [System.Globalization.CultureInfo]::new('$Culture')
[System.Threading.Thread]::CurrentThread.CurrentUICulture = `$culture
[System.Globalization.CultureInfo]::CurrentUICulture = `$culture
[System.Globalization.CultureInfo]::DefaultThreadCurrentUICulture = `$culture
"@
        }
        $child = Invoke-ChildPwsh -Environment $Environment -Script @"
$setCulture
Import-Module '$ModulePath'
[pscustomobject]@{
    UICulture = [System.Globalization.CultureInfo]::CurrentUICulture.Name
    Commands  = @(Get-Command -Module JustOneApi.Xingtu | ForEach-Object {
        `$help = Get-Help `$_.Name
        [pscustomobject]@{ Name = `$_.Name; Synopsis = `$help.Synopsis; Examples = @(`$help.examples.example).Count }
    })
    About     = Get-Help about_JustOneApi.Xingtu | Out-String
} | ConvertTo-Json -Depth 4 -EscapeHandling EscapeNonAscii
"@
        $child.Error | Should -BeNullOrEmpty
        $result = $child.Output | ConvertFrom-Json
    }

    It 'runs the child under that culture' {
        if ($Culture) { $result.UICulture | Should -Be $Culture }
        @($result.Commands).Count | Should -BeGreaterThan 0
    }

    It 'shows each synopsis in the language of that culture, not the made-up syntax line' {
        foreach ($command in $result.Commands) {
            Test-MadeUpSynopsis $command.Name $command.Synopsis | Should -BeFalse -Because "the synopsis of $($command.Name) is '$($command.Synopsis.Trim())'"
            if ($ExpectChinese) { $command.Synopsis | Should -Match $Chinese -Because "$($command.Name) should have its zh-CN synopsis" }
            else { $command.Synopsis | Should -Not -Match $Chinese -Because "$($command.Name) should have its en-US synopsis" }
            $command.Examples | Should -BeGreaterOrEqual (Get-MinimumExampleCount $command.Name)
        }
    }

    It 'shows the about topic in the same language' {
        $result.About | Should -Match 'about_JustOneApi\.Xingtu'
        $firstLines = ($result.About -split "`n" | Select-Object -First 12) -join "`n"
        if ($ExpectChinese) { $firstLines | Should -Match $Chinese } else { $firstLines | Should -Not -Match $Chinese }
    }
}
