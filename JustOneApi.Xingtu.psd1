@{
    RootModule           = 'JustOneApi.Xingtu.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d7c3a4e-9b1f-4e42-8a6d-2f0c1b7e9a31'
    Author               = 'JustOneApi.Xingtu contributors'
    CompanyName          = 'JustOneApi.Xingtu contributors'
    Copyright            = '(c) 2026 JustOneApi.Xingtu contributors. MIT License.'
    Description          = 'Douyin Xingtu KOL spread metrics (median plays, engagement, expected CPM/CPE) from Just One API, as typed PowerShell objects.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport      = @(
        'Clear-XingtuLocalCache'
        'Clear-XingtuToken'
        'Export-XingtuReport'
        'Get-XingtuConfiguration'
        'Get-XingtuKol'
        'Get-XingtuKolSpread'
        'Get-XingtuLocalCache'
        'Invoke-JustOneApi'
        'Set-XingtuConfiguration'
        'Set-XingtuToken'
    )
    FormatsToProcess     = @('JustOneApi.Xingtu.Format.ps1xml')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Douyin', 'Xingtu', 'KOL', 'Influencer', 'JustOneApi', 'Marketing', 'PSEdition_Core', 'PSEdition_Desktop')
            ReleaseNotes = 'First release: Get-XingtuKolSpread, token and configuration cmdlets.'
        }
    }
}
