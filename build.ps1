<#
.SYNOPSIS
    Builds, tests and demonstrates the JustOneApi.Xingtu module.
.DESCRIPTION
    Build   lays out an importable module in out/JustOneApi.Xingtu (with its help, built from docs/) and the API
            emulator in out/emulator, and fails when the manifest, the assembly and the help disagree.
    Test    builds and packages, runs the xunit tests and then the Pester tests in a fresh pwsh, and ends with one line
            'N passed, N failed, N skipped' over both (skipped counts the tests skipped or not run, each runner's on the
            line above). Exits 1 when anything failed.
    Demo    builds, starts the emulator, and runs the everyday examples against it in a fresh pwsh.
    Bench   builds and measures throughput, memory and import time against the emulator; writes out/bench.md.
    Screenshot builds and makes docs/images/report.png: Export-XingtuReport over the emulator's data in headless
            Chromium (apt-get install chromium fonts-noto-cjk). No other task needs a browser.
    Package builds and publishes the module to a temporary local repository with Publish-PSResource, leaving
            the .nupkg in out/package.
    Clean   removes out/ and the projects' bin/ and obj/ folders.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Demo', 'Bench', 'Package', 'Screenshot')]
    [string[]] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$ModuleName = 'JustOneApi.Xingtu'
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out $ModuleName
$EmulatorOut = Join-Path $Out 'emulator'
$ResultsOut = Join-Path $Out 'test-results'
$PesterVersion = '5.7.1'
. (Join-Path $Root 'tests/Tools/FreshPwsh.ps1')

function Invoke-Dotnet {
    # Runs dotnet and stops the build when it fails.
    param([Parameter(Mandatory)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'dotnet $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script, [string[]] $Arguments = @())
    $pwsh = @(Get-PwshCommand)
    $rest = @($pwsh | Select-Object -Skip 1)
    & $pwsh[0] @rest -NoProfile -NonInteractive -File $Script @Arguments | Out-Host
    return $LASTEXITCODE
}

function Invoke-Clean {
    foreach ($path in @($Out) + @(Get-ChildItem $Root -Recurse -Directory -Include bin, obj | Where-Object FullName -NotMatch '[\\/]\.git[\\/]').FullName) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
}

function Invoke-Build {
    Invoke-Dotnet build, (Join-Path $Root 'Module.sln'), -c, $Configuration, --nologo, --verbosity, quiet
    $bin = Join-Path $Root "src/$ModuleName/bin/$Configuration/netstandard2.0"

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Force (Join-Path $ModuleOut 'dependencies')
    Copy-Item (Join-Path $Root "$ModuleName.psd1") $ModuleOut
    Copy-Item (Join-Path $bin "$ModuleName.dll"), (Join-Path $bin "$ModuleName.pdb") $ModuleOut
    Copy-Item (Join-Path $Root "src/$ModuleName/$ModuleName.Format.ps1xml") $ModuleOut
    # Third-party assemblies load from dependencies/ only where the runtime lacks them (Windows PowerShell 5.1).
    Get-ChildItem $bin -Filter *.dll | Where-Object Name -NE "$ModuleName.dll" | Copy-Item -Destination $dependencies

    $expected = @("$ModuleName.psd1", "$ModuleName.dll", "$ModuleName.Format.ps1xml", 'dependencies/System.Text.Json.dll')
    foreach ($file in $expected) {
        if (-not (Test-Path (Join-Path $ModuleOut $file))) { throw "Build output is missing $file." }
    }

    if (Test-Path $EmulatorOut) { Remove-Item $EmulatorOut -Recurse -Force }
    Copy-Item (Join-Path $Root "tests/$ModuleName.Emulator/bin/$Configuration/net10.0") $EmulatorOut -Recurse

    # The manifest is the one source of the version and the cmdlet list; a fresh pwsh checks the built assembly
    # against it, so this process never loads (and locks) the dll.
    $check = Join-Path $Root 'tests/Tools/Test-ModuleConsistency.ps1'
    if ((Invoke-FreshPwsh -Script $check -Arguments @('-ModulePath', $ModuleOut)) -ne 0) {
        throw 'The built module does not match its manifest (see above).'
    }
    # The help, from docs/: a fresh pwsh imports the built module, takes the syntax from the cmdlets and the text from
    # the markdown, and fails the build when they disagree or a cmdlet's help is incomplete.
    $helpBuilder = Join-Path $Root 'tests/Tools/Build-Help.ps1'
    if ((Invoke-FreshPwsh -Script $helpBuilder -Arguments @('-ModulePath', $ModuleOut, '-DocsPath', (Join-Path $Root 'docs'))) -ne 0) {
        throw 'The help could not be built from docs/ (see above).'
    }
    foreach ($file in "en-US/$ModuleName.dll-Help.xml", "en-US/about_$ModuleName.help.txt") {
        if (-not (Test-Path (Join-Path $ModuleOut $file))) { throw "Build output is missing $file." }
    }
    Write-Host "Built $ModuleOut" -ForegroundColor Green
}

function Get-PesterPath {
    Invoke-Dotnet restore, (Join-Path $Root 'tests/Tools/Tools.csproj'), --nologo, --verbosity, quiet
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $psd1 = Join-Path $packages.Trim() "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $psd1)) { throw "Pester $PesterVersion was not restored to $psd1." }
    return $psd1
}

function Invoke-Test {
    $pester = Get-PesterPath
    if (Test-Path $ResultsOut) { Remove-Item $ResultsOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Force $ResultsOut

    Write-Host "`n== xunit ==" -ForegroundColor Cyan
    & dotnet test (Join-Path $Root "tests/$ModuleName.Tests") -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $ResultsOut
    $xunit = @{ Passed = 0; Failed = 0; Skipped = 0; NotRun = 0 }
    $trx = Join-Path $ResultsOut 'xunit.trx'
    if (Test-Path $trx) {
        $document = [xml](Get-Content $trx -Raw)
        $counters = $document.TestRun.ResultSummary.Counters
        $xunit.Passed = [int]$counters.passed
        $xunit.Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        # A skipped test has a result whose outcome is NotExecuted (the counters do not count it); a test with no
        # result at all did not run.
        $results = @($document.TestRun.Results.UnitTestResult)
        $xunit.Skipped = @($results | Where-Object outcome -EQ 'NotExecuted').Count
        $xunit.NotRun = [Math]::Max(0, [int]$counters.total - $results.Count)
    }
    if ($LASTEXITCODE -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1; Write-Warning 'dotnet test failed without a failed test.' }

    Write-Host "`n== Pester ==" -ForegroundColor Cyan
    $summary = Join-Path $ResultsOut 'pester.json'
    $run = Join-Path $Root 'tests/Tools/Invoke-PesterRun.ps1'
    $exit = Invoke-FreshPwsh -Script $run -Arguments @('-PesterPath', $pester, '-TestPath', (Join-Path $Root 'tests/Pester'), '-SummaryPath', $summary)
    $pesterCounts = @{ Passed = 0; Failed = 0; Skipped = 0; NotRun = 0 }
    if (Test-Path $summary) {
        $counts = Get-Content $summary -Raw | ConvertFrom-Json
        $pesterCounts.Passed = [int]$counts.Passed
        $pesterCounts.Failed = [int]$counts.Failed
        $pesterCounts.Skipped = [int]$counts.Skipped
        $pesterCounts.NotRun = [int]$counts.NotRun
    }
    if ($exit -ne 0 -and $pesterCounts.Failed -eq 0) { $pesterCounts.Failed = 1; Write-Warning 'Pester failed without a failed test.' }

    $passed = $xunit.Passed + $pesterCounts.Passed
    $failed = $xunit.Failed + $pesterCounts.Failed
    Write-Host ''
    # Skipped and not-run tests proved nothing, so they are counted apart from the passed ones, on both lines.
    $skipped = $xunit.Skipped + $xunit.NotRun + $pesterCounts.Skipped + $pesterCounts.NotRun
    Write-Host (("xunit: {0} passed, {1} failed, {2} skipped, {3} not run; " +
            "Pester: {4} passed, {5} failed, {6} skipped, {7} not run") -f
        $xunit.Passed, $xunit.Failed, $xunit.Skipped, $xunit.NotRun, $pesterCounts.Passed, $pesterCounts.Failed, $pesterCounts.Skipped, $pesterCounts.NotRun)
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    $demo = Join-Path $Root 'tests/Tools/Demo.ps1'
    if ((Invoke-FreshPwsh -Script $demo -Arguments @('-ModulePath', $ModuleOut)) -ne 0) { throw 'The demo failed.' }
}

function Invoke-Package {
    $feed = Join-Path $Out 'package'
    if (Test-Path $feed) { Remove-Item $feed -Recurse -Force }
    $null = New-Item -ItemType Directory $feed
    # A repository of our own for this one call, so the user's registered repositories are never touched.
    $repository = "JustOneApiXingtuBuild$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
    try {
        Publish-PSResource -Path $ModuleOut -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $version = (Import-PowerShellDataFile (Join-Path $Root "$ModuleName.psd1")).ModuleVersion
    $package = Join-Path $feed "$ModuleName.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Publish-PSResource did not produce $package." }
    Write-Host "Packaged $package" -ForegroundColor Green
}

function Invoke-Bench {
    $bench = Join-Path $Root 'tests/Tools/Bench.ps1'
    if ((Invoke-FreshPwsh -Script $bench -Arguments @('-ModulePath', $ModuleOut)) -ne 0) { throw 'The benchmark failed.' }
}

function Invoke-Screenshot {
    $script = Join-Path $Root 'tests/Tools/Screenshot.ps1'
    $tool = Join-Path $Root "tests/$ModuleName.Browser/bin/$Configuration/net10.0/$ModuleName.Browser.dll"
    $image = Join-Path $Root 'docs/images/report.png'
    $null = New-Item -ItemType Directory -Force (Split-Path $image)
    if ((Invoke-FreshPwsh -Script $script -Arguments @('-ModulePath', $ModuleOut, '-BrowserTool', $tool, '-Image', $image)) -ne 0) { throw 'The screenshot failed.' }
}

foreach ($step in $Task) {
    switch ($step) {
        'Clean' { Invoke-Clean }
        'Build' { Invoke-Build }
        'Test' { Invoke-Build; Invoke-Package; Invoke-Test }
        'Demo' { Invoke-Build; Invoke-Demo }
        'Bench' { Invoke-Build; Invoke-Bench }
        'Package' { Invoke-Build; Invoke-Package }
        'Screenshot' { Invoke-Build; Invoke-Screenshot }
    }
}
