BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Manifest = Join-Path $ModulePath 'JustOneApi.Xingtu.psd1'
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path $Manifest -ErrorAction Stop
        $info.Version | Should -Be ([version](Import-PowerShellDataFile $Manifest).ModuleVersion)
    }

    It 'declares the editions, versions, explicit exports and metadata a gallery module needs' {
        $data = Import-PowerShellDataFile $Manifest
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.DotNetFrameworkVersion | Should -Be '4.7.2'
        $data.FunctionsToExport.Count | Should -Be 0
        $data.AliasesToExport.Count | Should -Be 0
        $data.VariablesToExport.Count | Should -Be 0
        $data.CmdletsToExport | Should -Not -Contain '*'
        $data.GUID | Should -Not -BeNullOrEmpty
        foreach ($key in 'Author', 'CompanyName', 'Copyright', 'Description') { $data[$key] | Should -Not -BeNullOrEmpty }
        $data.PrivateData.PSData.Tags | Should -Not -BeNullOrEmpty
        $data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $data.FormatsToProcess | Should -Be @('JustOneApi.Xingtu.Format.ps1xml')
    }

    It 'exports exactly the cmdlets it lists' {
        (Get-Command -Module JustOneApi.Xingtu).Name | Sort-Object | Should -Be ((Import-PowerShellDataFile $Manifest).CmdletsToExport | Sort-Object)
    }
}

Describe 'Output types and views' {
    BeforeAll {
        # The sample's metrics: the figures people see in the default table.
        $script:Sample = @{ PlayMedian = 3642403; LikeAverage = 95028; CommentAverage = 4192; ShareAverage = 9637; VideoCount = 3; InteractionRate = 244; ExpectedCpm1To20Sec = 5657 }

        function New-Spread([hashtable] $Metric) {
            # A KolSpread as the parser makes it: the constructor and the setters are internal.
            $type = [JustOneApi.Xingtu.KolSpread]
            $spread = $type.GetConstructors('NonPublic,Instance')[0].Invoke(@($SampleKolId, [JustOneApi.Xingtu.SpreadEndpoint]::V1, [JustOneApi.Xingtu.SpreadPlatform]::ShortVideo, [JustOneApi.Xingtu.SpreadType]::PersonalVideo, [JustOneApi.Xingtu.SpreadRange]::Last30Days, $null, $false))
            foreach ($name in $Metric.Keys) {
                $property = $type.GetProperty($name)
                $value = [Management.Automation.LanguagePrimitives]::ConvertTo($Metric[$name], [Nullable]::GetUnderlyingType($property.PropertyType))
                $property.SetValue($spread, $value)
            }
            $spread
        }

        function Format-SpreadTable($Spread, [string] $Culture) {
            # The default table's lines (header, rule, row) under the given culture, which sets the thousands separator.
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = $Culture
                @(($Spread | Format-Table | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() })
            }
            finally {
                [cultureinfo]::CurrentCulture = $saved
            }
        }
    }

    It '<Name> declares the type it really writes' -ForEach @(
        @{ Name = 'Get-XingtuKolSpread'; Type = 'JustOneApi.Xingtu.KolSpread' }
        @{ Name = 'Get-XingtuKol'; Type = 'JustOneApi.Xingtu.XingtuKol' }
        @{ Name = 'Get-XingtuConfiguration'; Type = 'JustOneApi.Xingtu.XingtuConfiguration' }
    ) {
        (Get-Command $Name).OutputType.Name | Should -Be $Type
    }

    It 'writes the declared type' {
        (Get-XingtuConfiguration).GetType().FullName | Should -Be 'JustOneApi.Xingtu.XingtuConfiguration'
        (Set-XingtuConfiguration -TimeoutSec 60 -PassThru).GetType().FullName | Should -Be (Get-Command Set-XingtuConfiguration).OutputType.Name
    }

    It 'has a <Control> view for <Type> that names every public property' -ForEach @(
        @{ Type = 'JustOneApi.Xingtu.KolSpread'; Control = 'ListControl' }
        @{ Type = 'JustOneApi.Xingtu.XingtuKol'; Control = 'ListControl' }
        @{ Type = 'JustOneApi.Xingtu.XingtuConfiguration'; Control = 'ListControl' }
    ) {
        $format = [xml](Get-Content (Join-Path $ModulePath 'JustOneApi.Xingtu.Format.ps1xml') -Raw)
        $view = $format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $Type -and $_.$Control }
        $listed = $view.$Control.ListEntries.ListEntry.ListItems.ListItem.PropertyName
        # The typed parts of a XingtuKol are hidden ([Hidden]): Format-List and Export-Csv leave them out.
        $properties = (($Type -as [type]).GetProperties() | Where-Object { -not $_.IsDefined([Management.Automation.HiddenAttribute], $false) }).Name
        $listed | Should -Be $properties
    }

    It 'shows the KolSpread table in 95 columns, KolId first, with the largest values each column holds in full' {
        $big = New-Spread @{ PlayMedian = 999999999; LikeAverage = 999999998; CommentAverage = 99999999999; InteractionRate = 9999999; ExpectedCpm1To20Sec = 999999999999999 }
        $lines = Format-SpreadTable $big 'en-US'
        $lines[0] | Should -Match '^KolId\s'
        $lines[0].TrimEnd().Length | Should -Be 95
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 95 }
        $lines[2] | Should -Not -Match '…|\.\.\.' -Because 'no cell may be cut short'
        foreach ($shown in '999,999,999', '999,999,998', '99,999,999,999', '99,999.99', '999,999,999,999,999') { $lines[2] | Should -Match ([regex]::Escape($shown)) }
    }

    It 'shows counts and money with the thousands separator of the <Culture> culture (<Cells>), the interaction rate in percent' -ForEach @(
        @{ Culture = 'en-US'; Cells = '3,642,403 95,028 2.44 5,657 4,192' }
        @{ Culture = 'zh-CN'; Cells = '3,642,403 95,028 2.44 5,657 4,192' }
        @{ Culture = 'de-DE'; Cells = '3.642.403 95.028 2,44 5.657 4.192' }
    ) {
        $row = (Format-SpreadTable (New-Spread $Sample) $Culture)[2]
        @(-split $row) | Should -Be (@($SampleKolId) + @(-split $Cells))
    }

    It 'shows a missing count as an empty cell, not 0' {
        $row = (Format-SpreadTable (New-Spread @{ LikeAverage = 95028 }) 'en-US')[2]
        @(-split $row) | Should -Be @($SampleKolId, '95,028')
    }

    It 'keeps the plain numbers on the object and in the CSV' {
        $spread = New-Spread $Sample
        $null = Format-SpreadTable $spread 'en-US'
        $spread.PlayMedian | Should -BeOfType ([long])
        $spread.PlayMedian | Should -Be 3642403
        $csv = ($spread | ConvertTo-Csv -NoTypeInformation) -join "`n"
        $csv | Should -Match '"3642403","95028","4192","9637","3"'
        $csv | Should -Not -Match '3,642,403'
    }
}

Describe 'Dependencies on PowerShell 7' {
    It 'uses the runtime''s System.Text.Json and loads no second copy' {
        $emulator = Start-XingtuEmulator
        try {
            $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_TOKEN = $TestToken; JUSTONEAPI_BASE_URI = $emulator.Uri } -Script @"
Import-Module '$ModulePath'
`$null = Get-XingtuKolSpread -KolId $SampleKolId -WarningAction SilentlyContinue -ErrorAction Stop
`$json = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'System.Text.Json' })
"count=`$(`$json.Count)"
"runtime=`$(`$json[0].Location.StartsWith([Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()))"
"fromModule=`$(@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not `$_.IsDynamic -and `$_.Location -like '*dependencies*' }).Count)"
"@
            $child.Output | Should -Match 'count=1'
            $child.Output | Should -Match 'runtime=True'
            $child.Output | Should -Match 'fromModule=0'
        }
        finally {
            Stop-XingtuEmulator -Emulator $emulator
        }
    }
}

Describe 'The package' {
    It 'installs with Save-PSResource into an empty folder and works from there alone' {
        $feed = Join-Path $RepoRoot 'out/package'
        $version = (Import-PowerShellDataFile $Manifest).ModuleVersion
        Join-Path $feed "JustOneApi.Xingtu.$version.nupkg" | Should -Exist
        $repository = "JustOneApiXingtuTest$([guid]::NewGuid().ToString('N'))"
        $target = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-save-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $target
        $emulator = Start-XingtuEmulator
        Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
        try {
            Save-PSResource -Name JustOneApi.Xingtu -Repository $repository -Path $target -TrustRepository
            Join-Path $target "JustOneApi.Xingtu/$version/JustOneApi.Xingtu.psd1" | Should -Exist
            $child = Invoke-ChildPwsh -Environment @{ PSModulePath = $target; JUSTONEAPI_TOKEN = $TestToken; JUSTONEAPI_BASE_URI = $emulator.Uri } -Script @"
Import-Module JustOneApi.Xingtu -ErrorAction Stop
"base=`$((Get-Module JustOneApi.Xingtu).ModuleBase)"
"median=`$((Get-XingtuKolSpread -KolId $SampleKolId -WarningAction SilentlyContinue).PlayMedian)"
"help=`$((Get-Help Get-XingtuKolSpread).Synopsis)"
"@
            $child.Output | Should -Match ([regex]::Escape("base=$target"))
            $child.Output | Should -Match 'median=3642403'
            # The help came along in the package: the synopsis is the one the docs give, not the syntax-only stub.
            $doc = Get-Content (Join-Path $RepoRoot 'docs/en-US/Get-XingtuKolSpread.md')
            $synopsis = $doc[[array]::IndexOf($doc, '## SYNOPSIS') + 1].Trim()
            $synopsis | Should -Not -BeNullOrEmpty
            $child.Output | Should -Match ([regex]::Escape("help=$synopsis"))
        }
        finally {
            Unregister-PSResourceRepository -Name $repository
            Stop-XingtuEmulator -Emulator $emulator
            Remove-Item $target -Recurse -Force -ErrorAction Ignore
        }
    }
}
