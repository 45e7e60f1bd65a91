<#
.SYNOPSIS
    Runs the Pester tests in this (fresh) pwsh and writes the counts to a JSON file for build.ps1 to total.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = Join-Path (Split-Path $SummaryPath) 'pester.xml'

$result = Invoke-Pester -Configuration $configuration
[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
    NotRun = $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
if ($result.Result -ne 'Passed') { exit 1 }
