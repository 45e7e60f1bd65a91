<#
.SYNOPSIS
    Fails when the built module and its manifest disagree: the manifest is the one source of the version and of
    the cmdlet list, and the assembly must match it. Runs in a fresh pwsh, started by build.ps1.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
$name = Split-Path $ModulePath -Leaf
$manifest = Import-PowerShellDataFile (Join-Path $ModulePath "$name.psd1")
$assembly = [Reflection.Assembly]::LoadFrom((Join-Path $ModulePath "$name.dll"))
$problems = [Collections.Generic.List[string]]::new()

$assemblyVersion = $assembly.GetName().Version
if ("$($assemblyVersion.Major).$($assemblyVersion.Minor).$($assemblyVersion.Build)" -ne $manifest.ModuleVersion) {
    $problems.Add("ModuleVersion $($manifest.ModuleVersion) differs from the assembly version $assemblyVersion.")
}

$cmdlets = $assembly.GetExportedTypes() |
    ForEach-Object { $_.GetCustomAttributes([Management.Automation.CmdletAttribute], $false) } |
    ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
$listed = @($manifest.CmdletsToExport) | Sort-Object
foreach ($difference in Compare-Object $cmdlets $listed) {
    $where = if ($difference.SideIndicator -eq '<=') { 'in the assembly but not in CmdletsToExport' } else { 'in CmdletsToExport but not in the assembly' }
    $problems.Add("$($difference.InputObject) is $where.")
}

if ($problems.Count -gt 0) {
    $problems | ForEach-Object { Write-Host "ERROR: $_" -ForegroundColor Red }
    exit 1
}
Write-Host "Manifest and assembly agree: version $($manifest.ModuleVersion), $($cmdlets.Count) cmdlets."
