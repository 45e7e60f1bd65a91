<#
.SYNOPSIS
    Makes docs/images/report.png: Export-XingtuReport over the emulator's data, as headless Chromium shows it.
    Started by 'build.ps1 -Task Screenshot' in a fresh pwsh; sends nothing beyond 127.0.0.1.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BrowserTool,
    [Parameter(Mandatory)] [string] $Image
)

$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
Import-Module (Join-Path $root 'tests/Pester/Emulator.psm1')
$emulator = Start-XingtuEmulator
try {
    Import-Module $ModulePath
    $work = Join-Path $root 'out/screenshot'
    if (Test-Path $work) { Remove-Item $work -Recurse -Force }
    $null = New-Item -ItemType Directory -Force $work
    $env:XDG_CACHE_HOME = Join-Path $work 'store'
    Set-XingtuConfiguration -BaseUri $emulator.Uri -RetryIntervalSec 0
    Set-XingtuToken -Token 'test-token'

    # A shortlist as users make one: a dozen KOLs, one of them without marketing data (an id ending in 0201: no price,
    # so empty cells and an expected-CPM bar), all with the emulator's names, Chinese and hostile ones alike.
    $ids = @(1..11 | ForEach-Object { '7100000000000{0:d6}' -f ($_ * 7919) }) + '7100000000000000201'
    $report = Join-Path $work 'report.html'
    $ids | Get-XingtuKol -WarningAction SilentlyContinue -ErrorAction SilentlyContinue |
        Export-XingtuReport -Path $report -Title 'Autumn campaign shortlist' -Culture en-US
    & dotnet $BrowserTool screenshot $report $Image 1280
    if ($LASTEXITCODE -ne 0) { throw "The browser tool failed (exit code $LASTEXITCODE)." }
    Write-Host "Wrote $Image" -ForegroundColor Green
}
finally {
    Stop-XingtuEmulator -Emulator $emulator
}
