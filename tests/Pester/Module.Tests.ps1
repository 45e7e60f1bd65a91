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
    It '<Name> declares the type it really writes' -ForEach @(
        @{ Name = 'Get-XingtuKolSpread'; Type = 'JustOneApi.Xingtu.KolSpread' }
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
        @{ Type = 'JustOneApi.Xingtu.XingtuConfiguration'; Control = 'ListControl' }
    ) {
        $format = [xml](Get-Content (Join-Path $ModulePath 'JustOneApi.Xingtu.Format.ps1xml') -Raw)
        $view = $format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $Type -and $_.$Control }
        $listed = $view.$Control.ListEntries.ListEntry.ListItems.ListItem.PropertyName
        $properties = ($Type -as [type]).GetProperties().Name
        $listed | Should -Be $properties
    }

    It 'shows the KolSpread table within 120 columns, KolId first' {
        $spread = [JustOneApi.Xingtu.KolSpread].GetConstructors('NonPublic,Instance')[0].Invoke(@('6853123456789012345', [JustOneApi.Xingtu.SpreadEndpoint]::V1, [JustOneApi.Xingtu.SpreadPlatform]::ShortVideo, [JustOneApi.Xingtu.SpreadType]::PersonalVideo, [JustOneApi.Xingtu.SpreadRange]::Last30Days, $null, $false))
        $lines = ($spread | Format-Table | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^KolId\s'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
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
        }
        finally {
            Unregister-PSResourceRepository -Name $repository
            Stop-XingtuEmulator -Emulator $emulator
            Remove-Item $target -Recurse -Force -ErrorAction Ignore
        }
    }
}
