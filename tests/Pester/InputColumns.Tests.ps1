# An analyst's CSV holds more than the id: a name they typed, a note, a category. Every result carries the id as it
# was given (InputKolId), and -KeepInputColumns brings the other columns along, for every front end.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:Profile = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-columns-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Work
    $script:Spaced = " $SampleKolId$([char]0x00A0)"
    $script:Csv = Join-Path $Work 'kols.csv'
    @(
        [pscustomobject]@{ KolId = $Spaced; '昵称' = '小明'; Note = 'spring campaign'; Endpoint = 'mine' }
        [pscustomobject]@{ KolId = '7100000000000000001'; '昵称' = '小红'; Note = 'autumn'; Endpoint = 'mine too' }
        [pscustomobject]@{ KolId = $SampleKolId; '昵称' = '小明 again'; Note = 'repeat'; Endpoint = '' }
    ) | Export-Csv $Csv -NoTypeInformation -Encoding utf8
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Work -Recurse -Force -ErrorAction Ignore
}

Describe 'Input columns kept' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10
        Set-XingtuToken -Token $TestToken
    }

    It 'Get-XingtuKolSpread: every result carries the id as given, before normalisation' {
        $rows = @(Import-Csv $Csv | Get-XingtuKolSpread)
        $rows.Count | Should -Be 3
        $rows.KolId | Should -Be @($SampleKolId, '7100000000000000001', $SampleKolId)
        $rows.InputKolId | Should -Be @($Spaced, '7100000000000000001', $SampleKolId)
        $rows[0].PSObject.Properties['Note'] | Should -BeNullOrEmpty -Because 'the input columns come only with -KeepInputColumns'
        @(Get-XingtuKolSpread -KolId $Spaced).InputKolId | Should -Be $Spaced
    }

    It 'Get-XingtuKolSpread -KeepInputColumns: Export-Csv holds the user''s columns and the metrics; a clash is prefixed, never overwritten' {
        $out = Join-Path $Work 'out.csv'
        Import-Csv $Csv | Get-XingtuKolSpread -KeepInputColumns | Export-Csv $out -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv $out)
        $rows.Count | Should -Be 3
        $rows.'昵称' | Should -Be @('小明', '小红', '小明 again')
        $rows.Note | Should -Be @('spring campaign', 'autumn', 'repeat')
        $rows.Input_KolId | Should -Be @($Spaced, '7100000000000000001', $SampleKolId)
        $rows.KolId | Should -Be @($SampleKolId, '7100000000000000001', $SampleKolId)
        $rows.Endpoint | Should -Be @('V1', 'V1', 'V1') -Because "the module's own Endpoint column is not overwritten"
        $rows.Input_Endpoint | Should -Be @('mine', 'mine too', '')
        $rows.PlayMedian | Should -Not -Contain ''
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 2 -Because 'the repeated KOL is fetched once'
    }

    It 'Get-XingtuKolSpread -KeepInputColumns with -KolId and piped text: nothing to copy, results as usual' {
        @(Get-XingtuKolSpread -KolId $SampleKolId -KeepInputColumns).Count | Should -Be 1
        $row = @($SampleKolId | Get-XingtuKolSpread -KeepInputColumns)[0]
        $row.InputKolId | Should -Be $SampleKolId
        $row.PSObject.Properties['Length'] | Should -BeNullOrEmpty
    }

    It 'Invoke-JustOneApi: the id as given and, with -KeepInputColumns, the input''s columns on the answer' {
        $query = [pscustomobject]@{ oAuthorId = $Spaced }
        $plain = @($query | Invoke-JustOneApi -Path $Profile)[0]
        $plain.InputKolId | Should -Be $Spaced
        $kept = @($query | Invoke-JustOneApi -Path $Profile -KeepInputColumns)[0]
        $kept.oAuthorId | Should -Be $Spaced
        "$($kept.id)" | Should -Be $SampleKolId
    }
}
