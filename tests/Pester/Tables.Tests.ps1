# The default table of every type the module writes, as an analyst sees it in a 100- or 80-column terminal: it fits
# 100 columns, and no number is ever cut (at 80 a column on the right may drop, whole). The views are read from the
# Format.ps1xml, so a type added later is covered without touching this file.
BeforeDiscovery {
    $format = [xml](Get-Content (Join-Path $PSScriptRoot '../../src/JustOneApi.Xingtu/JustOneApi.Xingtu.Format.ps1xml') -Raw -Encoding utf8)
    $script:TableViews = foreach ($view in $format.Configuration.ViewDefinitions.View | Where-Object { $_.TableControl }) {
        foreach ($culture in 'en-US', 'zh-CN') {
            @{ View = $view.Name; TypeName = $view.ViewSelectedBy.TypeName; Culture = $culture }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Get-Cells([string] $Text) {
        # Terminal cells: a CJK character takes two, as PowerShell counts them when it lays out a table.
        $cells = 0
        foreach ($c in $Text.ToCharArray()) {
            $cells += if (($c -ge 0x1100 -and $c -le 0x115F) -or ($c -ge 0x2E80 -and $c -le 0xA4CF) -or ($c -ge 0xAC00 -and $c -le 0xD7A3) -or ($c -ge 0xF900 -and $c -le 0xFAFF) -or ($c -ge 0xFE30 -and $c -le 0xFE4F) -or ($c -ge 0xFF00 -and $c -le 0xFF60) -or ($c -ge 0xFFE0 -and $c -le 0xFFE6)) { 2 } else { 1 }
        }
        $cells
    }

    function New-LargeObject([string] $TypeName) {
        # An object of the view's type with every property at the largest value its kind plausibly takes: counts and
        # money in the hundreds of millions, rates with decimals, ids of 19 digits, names in Chinese.
        $type = $TypeName -as [type]
        $type | Should -Not -BeNullOrEmpty -Because "the view's type $TypeName must be a type of the module"
        $values = [ordered]@{ PSTypeName = $TypeName }
        foreach ($property in $type.GetProperties()) {
            $kind = [Nullable]::GetUnderlyingType($property.PropertyType)
            if (-not $kind) { $kind = $property.PropertyType }
            $values[$property.Name] = switch ($kind) {
                ([string]) { if ($property.Name -match 'Id$') { '6853123456789012345' } else { '剧情搞笑美食达人' } }
                ([long]) { 999999999 }
                ([int]) { 99999999 }
                ([double]) { 99999.99 }
                ([decimal]) { [decimal]99999.99 }
                ([bool]) { $true }
                ([datetime]) { [datetime]'2026-11-30T12:34:56' }
                ([datetimeoffset]) { [datetimeoffset]'2026-11-30T12:34:56+08:00' }
                ([timespan]) { [timespan]::FromHours(12) }
                default { if ($kind.IsEnum) { [enum]::GetValues($kind)[-1] } else { $null } }
            }
        }
        [pscustomobject]$values
    }

    function Format-Lines($Object, [int] $Width, [string] $Culture) {
        $saved = [cultureinfo]::CurrentCulture, [cultureinfo]::CurrentUICulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            [cultureinfo]::CurrentUICulture = $Culture
            @(($Object | Format-Table | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
        }
        finally {
            [cultureinfo]::CurrentCulture, [cultureinfo]::CurrentUICulture = $saved
        }
    }
}

Describe 'The default table of <TypeName> under <Culture>' -ForEach $TableViews {
    BeforeAll {
        $script:Object = New-LargeObject $TypeName
        $script:Wide = Format-Lines $Object 400 $Culture
        $format = [xml](Get-Content (Join-Path $ModulePath 'JustOneApi.Xingtu.Format.ps1xml') -Raw -Encoding utf8)
        $view = $format.Configuration.ViewDefinitions.View | Where-Object { $_.Name -eq $View -and $_.TableControl }
        $script:Labels = @($view.TableControl.TableHeaders.TableColumnHeader.Label)
    }

    It 'is a header, a rule and one row when nothing constrains it' {
        $Wide.Count | Should -Be 3
        foreach ($label in $Labels) { $Wide[0] | Should -Match "(^|\s)$([regex]::Escape($label))(\s|$)" }
    }

    It 'fits in 100 columns with every column, and no cell cut' {
        $lines = Format-Lines $Object 100 $Culture
        $lines.Count | Should -Be 3 -Because 'a header that wraps onto more lines means a column is too narrow'
        foreach ($line in $lines) { Get-Cells $line.TrimEnd() | Should -BeLessOrEqual 100 }
        $lines[2] | Should -Not -Match '…|\.\.\.' -Because 'no cell may be cut'
        $lines[2].TrimEnd() | Should -Be $Wide[2].TrimEnd() -Because 'every cell shows in full'
        $lines[0].TrimEnd() | Should -Be $Wide[0].TrimEnd()
    }

    It 'drops whole columns at 80, never cuts a number' {
        $lines = Format-Lines $Object 80 $Culture
        $lines.Count | Should -Be 3 -Because 'a header that wraps onto more lines means a column was squeezed'
        $lines[2] | Should -Not -Match '…|\.\.\.' -Because 'no cell may be cut'
        for ($i = 0; $i -lt 3; $i++) {
            $shown = $lines[$i].TrimEnd()
            Get-Cells $shown | Should -BeLessOrEqual 80
            # What is shown is the wide table's line up to a column boundary: the same text, followed there by a space.
            $Wide[$i].StartsWith($shown) | Should -BeTrue -Because "line $i at 80 columns must be the full table's, cut between columns: '$shown'"
            if ($Wide[$i].Length -gt $shown.Length) { $Wide[$i][$shown.Length] | Should -Be ' ' }
        }
    }
}

Describe 'Get-XingtuKolSpread in a 100-column terminal' {
    BeforeAll {
        $script:Emulator = Start-XingtuEmulator
        Set-XingtuConfiguration -BaseUri $Emulator.Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    AfterAll {
        Stop-XingtuEmulator -Emulator $Emulator
    }

    It 'shows the sample KOL in full, money with thousands separators like the counts' {
        $text = Get-XingtuKolSpread -KolId $SampleKolId | Out-String -Width 100
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines.Count | Should -Be 3
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 100 }
        $lines[0] | Should -Match 'ExpectedCpm1To20Sec'
        $lines[2] | Should -Not -Match '…'
        foreach ($shown in $SampleKolId, '3,642,403', '95,028', '5,657') { $lines[2] | Should -Match ([regex]::Escape($shown)) }
    }
}
