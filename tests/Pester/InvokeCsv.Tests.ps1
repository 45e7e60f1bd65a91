# Invoke-JustOneApi fed the rows of Import-Csv: on a path of the vendor's list only its declared parameters go out,
# the id column under any of its usual names becomes the path's id parameter, and what cannot work is refused locally.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:Profile = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-invokecsv-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work
    $script:DarenCsv = Join-Path $Work 'daren.csv'
    @(
        [pscustomobject]@{ '达人ID' = $SampleKolId; '昵称' = '小明'; Note = 'spring' }
        [pscustomobject]@{ '达人ID' = '7100000000000000001'; '昵称' = '小红'; Note = 'autumn' }
    ) | Export-Csv $DarenCsv -NoTypeInformation -Encoding utf8
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'Invoke-JustOneApi with CSV rows' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'sends only the id, under the path''s id parameter, and names the other columns once' {
        $out = @(Import-Csv $DarenCsv | Invoke-JustOneApi -Path $Profile -WarningVariable warnings -WarningAction SilentlyContinue)
        $out.Count | Should -Be 2
        "$($out[0].id)" | Should -Be $SampleKolId
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 2
        $stats.lastQuery[$SampleKolId] | Should -Be "?token=$TestToken&oAuthorId=$SampleKolId"
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -Match "Columns not sent: '昵称', 'Note'"
        "$warnings" | Should -Match ([regex]::Escape('oAuthorId (required), platform'))
    }

    It 'with -KeepInputColumns brings the other columns back on each answer, without a warning' {
        $out = @(Import-Csv $DarenCsv | Invoke-JustOneApi -Path $Profile -KeepInputColumns -WarningVariable warnings -WarningAction SilentlyContinue)
        $out.'昵称' | Should -Be @('小明', '小红')
        $out.InputKolId | Should -Be @($SampleKolId, '7100000000000000001')
        $warnings | Should -BeNullOrEmpty
    }

    It 'maps <Column> onto the id parameter of <Name> (<Parameter>)' -ForEach @(
        @{ Column = 'KolId'; Name = 'Creator Profile'; Path = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'; Parameter = 'oAuthorId' }
        @{ Column = 'kol_id'; Name = 'Spread Metrics V2'; Path = '/api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1'; Parameter = 'oAuthorId' }
        @{ Column = '星图ID'; Name = 'Creator Profile'; Path = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'; Parameter = 'oAuthorId' }
    ) {
        $null = [pscustomobject]@{ $Column = $SampleKolId } | Invoke-JustOneApi -Path $Path -ErrorAction Stop
        (Get-XingtuEmulatorStats -Uri $Uri).lastQuery[$SampleKolId] | Should -Be "?token=$TestToken&$Parameter=$SampleKolId"
    }

    It 'refuses a hashtable key the path does not take, with the accepted ones, and sends nothing for it' {
        $out = @(@{ oAuthorId = $SampleKolId; platfrom = 'SHORT_VIDEO' }, @{ oAuthorId = '7100000000000000001' } |
                Invoke-JustOneApi -Path $Profile -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $errs[0].Exception.Message | Should -Match "holds 'platfrom', which Creator Profile does not take\. It takes: oAuthorId \(required\), platform\."
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 1
    }

    It 'refuses a query that lacks a required parameter before sending it' {
        $daily = '/api/douyin-xingtu/gw/api/data_sp/get_author_daily_fans/v1'
        $null = @{ oAuthorId = $SampleKolId; startDate = '2026-11-01' } | Invoke-JustOneApi -Path $daily -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match "lacks 'endDate', which Follower Growth Trend requires"
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'stops at the first row of a CSV with no id column, naming the columns and the id names' {
        $csv = Join-Path $Work 'names.csv'
        @([pscustomobject]@{ '昵称' = '小明'; Note = 'x' }) * 50 | Export-Csv $csv -NoTypeInformation -Encoding utf8
        $caught = $null
        try { Import-Csv $csv | Invoke-JustOneApi -Path $Profile -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'NoIdColumn,*'
        $caught.Exception.Message | Should -Match 'Name the column oAuthorId or one of its aliases \(KolId, .*达人ID'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'shows the query decoded in its messages' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId $SampleKolId -Step '400'
        $null = @{ oAuthorId = $SampleKolId; platform = '短视频' } | Invoke-JustOneApi -Path $Profile -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        "$($errs[0].TargetObject)" | Should -Be "$Profile`?oAuthorId=$SampleKolId&platform=短视频"
        $errs[0].Exception.Message | Should -Match ([regex]::Escape("oAuthorId=$SampleKolId&platform=短视频"))
        $errs[0].Exception.Message | Should -Not -Match '%E7'
    }

    It 'sends every key as given on a path outside the vendor''s list' {
        $v1 = '/api/douyin-xingtu/get-kol-spread-info/v1'
        $null = @{ kolId = $SampleKolId; extra = 'kept' } | Invoke-JustOneApi -Path $v1 -ErrorAction SilentlyContinue
        (Get-XingtuEmulatorStats -Uri $Uri).lastQuery[$SampleKolId] | Should -Match '[?&]extra=kept(&|$)'
    }

    It 'knows the id names Get-XingtuKolSpread knows' {
        $table = [JustOneApi.Xingtu.KolSpread].Assembly.GetType('JustOneApi.Xingtu.Model.XingtuEndpoints')
        $aliases = $table.GetField('IdAliases', [Reflection.BindingFlags]'Static,Public').GetValue($null)
        $spread = @('KolId') + (Get-Command Get-XingtuKolSpread).Parameters['KolId'].Aliases
        foreach ($name in $spread) { $aliases | Should -Contain $name }
    }

    It 'runs the README''s example on a CSV with a 达人ID column' {
        $readme = [IO.File]::ReadAllText((Join-Path $RepoRoot 'README.md'))
        $example = [regex]::Match($readme, '(?s)```powershell\r?\n(Import-Csv kols\.csv \| Invoke-JustOneApi[^`]*)```').Groups[1].Value
        $example | Should -Not -BeNullOrEmpty
        Push-Location $Work
        try {
            Copy-Item $DarenCsv kols.csv -Force
            $rows = @(. ([scriptblock]::Create($example)) 3>$null)
        }
        finally { Pop-Location }
        $rows.Count | Should -Be 2
        "$($rows[0].id)" | Should -Be $SampleKolId
        $rows[0].nick_name | Should -Not -BeNullOrEmpty
    }
}
