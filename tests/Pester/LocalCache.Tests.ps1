BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri

    function New-StoreFolder {
        # A store of its own for each test, so what one keeps never serves another.
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-store-' + [guid]::NewGuid().ToString('N'))
        Set-XingtuConfiguration -LocalCachePath $folder
        $folder
    }

    function Get-EntryFile([string] $Folder) { @(Get-ChildItem $Folder -Recurse -File -Filter *.entry) }

    function Set-KeptAnswer([string] $KolId, [DateTimeOffset] $FetchedAt, [string] $PlayMedian = '7') {
        # Keeps an answer received at a time of the test's choosing, through the store itself (it is internal), so
        # ages are set, not waited for: no clock races on a busy machine.
        $type = [JustOneApi.Xingtu.KolSpread].Assembly.GetType('JustOneApi.Xingtu.Store.LocalAnswerStore', $true)
        $store = $type.GetConstructors()[0].Invoke([object[]]@([string]$Store, $null))
        $key = $Uri.TrimEnd('/').ToLowerInvariant() + '/api/douyin-xingtu/get-kol-spread-info/v1?kolId=' + [uri]::EscapeDataString($KolId)
        $body = [Text.Encoding]::UTF8.GetBytes('{"code":0,"message":"success","data":{"play_mid":"' + $PlayMedian + '"}}')
        $arguments = [object[]]@([string]$key, [int]200, [byte[]]$body, [DateTimeOffset]$FetchedAt, $null)
        $type.GetMethod('TryWrite').Invoke($store, $arguments) | Should -BeTrue -Because "$($arguments[4])"
    }
}

AfterAll {
    Set-XingtuConfiguration -LocalCacheMaxAge 0 -LocalCacheEnabled $true
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'The local answer store' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0 -SpreadEndpoint Auto -LocalCacheMaxAge '12:00:00' -LocalCacheEnabled $true
        Set-XingtuToken -Token $TestToken
        $script:Store = New-StoreFolder
    }

    It 'serves a rerun from the store, sends nothing, and says so on every row' {
        $ids = 1..40 | ForEach-Object { "keep-$_" }
        $first = $ids | Get-XingtuKolSpread
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 40
        $first.FromLocalCache | Sort-Object -Unique | Should -Be $false

        $verbose = $null
        $second = $ids | Get-XingtuKolSpread -Verbose 4>&1 | Where-Object { $_ -is [JustOneApi.Xingtu.KolSpread] -or ($_ -is [Management.Automation.VerboseRecord] -and ($verbose += @($_))) }
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 40 -Because 'the rerun is served from the store'
        $second = @($second | Where-Object { $_ -is [JustOneApi.Xingtu.KolSpread] })
        @($second.KolId) | Should -Be $ids
        $second.FromLocalCache | Sort-Object -Unique | Should -Be $true
        for ($i = 0; $i -lt $ids.Count; $i++) {
            $second[$i].PlayMedian | Should -Be $first[$i].PlayMedian
            $second[$i].FetchedAt.ToUnixTimeMilliseconds() | Should -Be $first[$i].FetchedAt.ToUnixTimeMilliseconds() -Because 'FetchedAt is when the answer was received, not when it was served'
        }
        ($verbose.Message | Select-Object -Last 1) | Should -Match 'Done: 40 KOL\(s\), 0 with an error; 0 refused before sending, 40 served from the local store, 0 fetched'
    }

    It 'fetches again an answer older than the maximum age, and serves a younger one' {
        $now = [DateTimeOffset]::UtcNow
        Set-KeptAnswer 'age-old' $now.AddHours(-13)
        Set-KeptAnswer 'age-young' $now.AddHours(-1)

        $old = Get-XingtuKolSpread -KolId 'age-old'
        $old.FromLocalCache | Should -BeFalse -Because 'the default maximum age is 12 hours'
        $old.PlayMedian | Should -Not -Be 7
        $old.FetchedAt | Should -BeGreaterThan $now.AddMinutes(-1)
        (Get-XingtuKolSpread -KolId 'age-old').FromLocalCache | Should -BeTrue -Because 'the fresh answer was kept'

        $young = Get-XingtuKolSpread -KolId 'age-young'
        $young.FromLocalCache | Should -BeTrue
        $young.PlayMedian | Should -Be 7
        $young.FetchedAt.ToUnixTimeMilliseconds() | Should -Be $now.AddHours(-1).ToUnixTimeMilliseconds()
        (Get-XingtuKolSpread -KolId 'age-young' -MaxAge '00:30:00').FromLocalCache | Should -BeFalse -Because '-MaxAge overrides the default'

        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perKol['age-old'] | Should -Be 1
        $stats.perKol['age-young'] | Should -Be 1
    }

    It 'fetches everything again with -MaxAge 0, and with -LocalCacheMaxAge 0, and keeps the new answers' {
        $ids = 'zero-1', 'zero-2'
        $null = $ids | Get-XingtuKolSpread
        $fresh = $ids | Get-XingtuKolSpread -MaxAge 0
        $fresh.FromLocalCache | Sort-Object -Unique | Should -Be $false
        Set-XingtuConfiguration -LocalCacheMaxAge 0
        $null = $ids | Get-XingtuKolSpread
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 6
        (Get-XingtuLocalCache).EntryCount | Should -Be 2
    }

    It 'keeps nothing and serves nothing with -LocalCacheEnabled $false' {
        Set-XingtuConfiguration -LocalCacheEnabled $false
        $null = Get-XingtuKolSpread -KolId 'off-1'
        $null = Get-XingtuKolSpread -KolId 'off-1'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 2
        Test-Path $Store | Should -BeFalse
    }

    It 'serves a kept "no data" answer instead of paying for it again' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'empty-1' -Step '201'
        $null = Get-XingtuKolSpread -KolId 'empty-1' -ErrorVariable first -ErrorAction SilentlyContinue
        $null = Get-XingtuKolSpread -KolId 'empty-1' -ErrorVariable second -ErrorAction SilentlyContinue
        $first[0].FullyQualifiedErrorId | Should -BeLike 'NoData,*'
        $second[0].FullyQualifiedErrorId | Should -BeLike 'NoData,*'
        (Get-XingtuEmulatorStats -Uri $Uri).perKol['empty-1'] | Should -Be 1
    }

    It 'reads the store for Invoke-JustOneApi only when given -MaxAge, and always writes' {
        $path = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
        $a = Invoke-JustOneApi -Path $path -Query @{ oAuthorId = '6853123456789012345' }
        $b = Invoke-JustOneApi -Path $path -Query @{ oAuthorId = '6853123456789012345' }
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 2
        $c = Invoke-JustOneApi -Path $path -Query @{ oAuthorId = '6853123456789012345' } -MaxAge '01:00:00'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 2
        $c.id | Should -Be $b.id
    }

    Context 'Resume after an account-level stop' {
        It 'resumes a 500-KOL batch stopped by the daily quota at row 300, fetching only what is missing' {
            $ids = 1..500 | ForEach-Object { "resume-$_" }
            Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 300 -LatencyMs 1 -LatencyJitterMs 4
            $first = [Collections.Generic.List[object]]::new()
            $stop = $null
            try { $ids | Get-XingtuKolSpread -ErrorAction Stop | ForEach-Object { $first.Add($_) } } catch { $stop = $_ }
            $stop.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
            $stop.Exception.Message | Should -Match 'To resume, run the same command again'
            $stop.Exception.Message | Should -Match ([regex]::Escape('Get-XingtuKolSpread -ErrorAction Stop'))
            $stop.Exception.Message | Should -Match ([regex]::Escape($Store))
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            $stats.billedTotal | Should -Be 300
            $first.Count | Should -BeGreaterThan 280

            # A new day: the quota lifts, and the same command runs again.
            Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 300
            $before = $stats.total
            $second = @($ids | Get-XingtuKolSpread -ErrorAction Stop)
            $after = Get-XingtuEmulatorStats -Uri $Uri

            # Requests still in flight at the stop may have answered after it: those answers were kept, not written.
            $kept = if ($stop.Exception.Message -match '\b(\d+) KOL\(s\) in flight were answered after the stop and kept in the local store') { [int]$Matches[1] } else { 0 }

            # The emulator saw requests only for the rows the first run did not receive.
            $after.total - $before | Should -Be (500 - $first.Count - $kept)
            foreach ($id in $first.KolId) { $after.perKol[$id] | Should -Be $stats.perKol[$id] -Because "$id was received by the first run" }

            # The rerun writes every KOL once, in order; it is served from the store what the first run received, and
            # every KOL was billed once.
            @($second.KolId) | Should -Be $ids
            $served = @($second | Where-Object FromLocalCache).KolId
            $served.Count | Should -Be ($first.Count + $kept)
            @($first.KolId | Where-Object { $_ -notin $served }) | Should -BeNullOrEmpty
            @($ids | Where-Object { $after.billedPerKol[$_] -ne 1 }) | Should -BeNullOrEmpty
        }
    }

    Context 'Keeping what was billed at a stop' {
        It 'bills no KOL twice when the server bills on arrival and the quota runs out with requests in flight' {
            # A server that bills a request as it arrives refuses the 301st at once, while up to seven admitted (and
            # billed) requests are still taking their 200 ms. Their answers must be kept, so the rerun does not pay again.
            $ids = 1..500 | ForEach-Object { "arrive-$_" }
            Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 300 -BillOnArrival $true -LatencyMs 200
            $first = [Collections.Generic.List[object]]::new()
            $stop = $null
            try { $ids | Get-XingtuKolSpread -ThrottleLimit 8 -ErrorAction Stop | ForEach-Object { $first.Add($_) } } catch { $stop = $_ }
            $stop.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
            (Get-XingtuEmulatorStats -Uri $Uri).billedTotal | Should -Be 300

            # The quota lifts; the same command runs again and completes the batch.
            Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 0
            $second = @($ids | Get-XingtuKolSpread -ThrottleLimit 8 -ErrorAction Stop)
            @($second.KolId) | Should -Be $ids
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            $twice = @($ids | Where-Object { $stats.billedPerKol[$_] -gt 1 })
            $twice | Should -BeNullOrEmpty -Because 'an answer billed before the stop is kept, and the rerun is served it'
            $stats.billedTotal | Should -Be 500
        }
    }

    Context 'Under real conditions' {
        It 'lets two processes share one store on the same 1,000 KOLs: nothing fails, nothing corrupt, nothing billed more than twice' {
            $ids = 1..1000 | ForEach-Object { "shared-$_" }
            # The list and the script live beside the store, not in it: the store works only in a folder of its own.
            $work = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-shared-' + [guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Force $work
            $list = Join-Path $work 'ids.txt'
            Set-Content $list $ids
            $script = @"
Import-Module '$ModulePath'
Set-XingtuConfiguration -BaseUri '$Uri' -RetryIntervalSec 0 -LocalCachePath '$Store'
`$out = @(Get-Content '$list' | Get-XingtuKolSpread -ThrottleLimit 8 -ErrorVariable errs -ErrorAction SilentlyContinue)
"`$(`$out.Count) `$(@(`$errs).Count)"
"@
            $file = Join-Path $work 'run.ps1'
            Set-Content $file $script
            $pwsh = @(Get-PwshCommand)
            $rest = @($pwsh | Select-Object -Skip 1)
            $env:JUSTONEAPI_TOKEN = $TestToken
            try {
                $jobs = 1..2 | ForEach-Object {
                    Start-ThreadJob -ArgumentList $pwsh[0], $rest, $file -ScriptBlock { param($exe, $rest, $file) & $exe @rest -NoProfile -NonInteractive -File $file }
                }
                $results = $jobs | Receive-Job -Wait -AutoRemoveJob
            }
            finally {
                Remove-Item Env:JUSTONEAPI_TOKEN
            }
            @($results | Select-Object -Last 2) | Should -Be @('1000 0', '1000 0')
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            # Each process sends a KOL at most once and every request is billed: no retry, no repeat sent twice. Which
            # process fetches which KOL first is the scheduler's to decide, so the answer per KOL is one or two.
            foreach ($id in $ids) {
                $stats.perKol[$id] | Should -BeIn @(1, 2) -Because "$id is sent at most once by each process"
                $stats.billedPerKol[$id] | Should -Be $stats.perKol[$id] -Because "every request for $id was answered and billed once"
            }
            ($ids | ForEach-Object { $stats.perKol[$_] } | Measure-Object -Sum).Sum | Should -Be $stats.total
            (Get-XingtuLocalCache).EntryCount | Should -Be 1000

            # Every entry is whole: a third run is served all 1,000 from the store.
            $total = $stats.total
            $third = @($ids | Get-XingtuKolSpread -ErrorAction Stop)
            $third.Count | Should -Be 1000
            @($third | Where-Object FromLocalCache).Count | Should -Be 1000
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be $total
        }

        It 'treats a <Damage> entry as a miss: removed, said in verbose, fetched afresh' -ForEach @(
            @{ Damage = 'truncated'; Spoil = { param($file) $bytes = [IO.File]::ReadAllBytes($file); [IO.File]::WriteAllBytes($file, $bytes[0..($bytes.Length / 2)]) } }
            @{ Damage = 'empty'; Spoil = { param($file) [IO.File]::WriteAllBytes($file, [byte[]]@()) } }
            @{ Damage = 'binary'; Spoil = { param($file) $noise = [byte[]]::new(700); [Random]::new(7).NextBytes($noise); [IO.File]::WriteAllBytes($file, $noise) } }
        ) {
            $kept = Get-XingtuKolSpread -KolId 'damaged-1'
            $entry = Get-EntryFile $Store
            $entry.Count | Should -Be 1
            & $Spoil $entry[0].FullName
            $verbose = @(Get-XingtuKolSpread -KolId 'damaged-1' -Verbose -ErrorVariable errs 4>&1)
            $errs | Should -BeNullOrEmpty
            $result = $verbose | Where-Object { $_ -is [JustOneApi.Xingtu.KolSpread] }
            $result.FromLocalCache | Should -BeFalse
            $result.PlayMedian | Should -Be $kept.PlayMedian
            ($verbose | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'unusable'
            (Get-XingtuEmulatorStats -Uri $Uri).perKol['damaged-1'] | Should -Be 2
            (Get-XingtuKolSpread -KolId 'damaged-1').FromLocalCache | Should -BeTrue -Because 'the fresh answer is kept again'
        }

        It 'treats an entry that holds another KOL''s answer as a miss' {
            $a = Get-XingtuKolSpread -KolId 'key-a'
            $fileA = (Get-EntryFile $Store)[0].FullName
            $b = Get-XingtuKolSpread -KolId 'key-b'
            $fileB = @(Get-EntryFile $Store | Where-Object FullName -NE $fileA)[0].FullName
            Copy-Item $fileA $fileB -Force
            $again = Get-XingtuKolSpread -KolId 'key-b'
            $again.FromLocalCache | Should -BeFalse
            $again.PlayMedian | Should -Be $b.PlayMedian
            $again.PlayMedian | Should -Not -Be $a.PlayMedian
            (Get-XingtuEmulatorStats -Uri $Uri).perKol['key-b'] | Should -Be 2
        }

        It 'gives one warning and full results when the store cannot be written' {
            # Root can write into a read-only folder, so the store is put where no folder can be made: under a file.
            $blocker = Join-Path $Store 'not-a-folder'
            $null = New-Item -ItemType Directory -Force $Store
            Set-Content $blocker 'x'
            Set-XingtuConfiguration -LocalCachePath (Join-Path $blocker 'store')
            $ids = 1..20 | ForEach-Object { "nowrite-$_" }
            $results = @($ids | Get-XingtuKolSpread -WarningVariable warnings -ErrorVariable errs -ErrorAction SilentlyContinue)
            @($results.KolId) | Should -Be $ids
            $errs | Should -BeNullOrEmpty
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -Match 'could not be written'
        }

        It 'keeps the answers of another address apart, such as an emulator''s' {
            $null = Get-XingtuKolSpread -KolId 'where-1'
            $other = Start-XingtuEmulator
            try {
                Set-XingtuConfiguration -BaseUri $other.Uri
                (Get-XingtuKolSpread -KolId 'where-1').FromLocalCache | Should -BeFalse
                (Get-XingtuEmulatorStats -Uri $other.Uri).total | Should -Be 1
                (Get-XingtuKolSpread -KolId 'where-1').FromLocalCache | Should -BeTrue
            }
            finally {
                Stop-XingtuEmulator -Emulator $other
            }
        }

        It 'never writes the token, raw or escaped, under the store folder' {
            $secret = 'store-secret+token/0099'
            Set-XingtuEmulatorConfig -Uri $Uri -Token $secret
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'tok-2' = @('echo:201') }
            $null = 'tok-1', 'tok-2', $SampleKolId | Get-XingtuKolSpread -Token $secret -ErrorAction SilentlyContinue
            $null = Invoke-JustOneApi -Path /api/douyin-xingtu/gw/api/author/get_author_base_info/v1 -Query @{ oAuthorId = 'tok-3' } -Token $secret
            $files = @(Get-ChildItem $Store -Recurse -File)
            $files.Count | Should -BeGreaterOrEqual 4
            foreach ($file in $files) {
                $text = [Text.Encoding]::UTF8.GetString([IO.File]::ReadAllBytes($file.FullName))
                $text.Contains($secret) | Should -BeFalse -Because "$($file.Name) must not hold the token"
                $text.Contains([uri]::EscapeDataString($secret)) | Should -BeFalse -Because "$($file.Name) must not hold the escaped token"
                $file.FullName.Contains('secret') | Should -BeFalse
            }
        }

        It 'creates the store folder for its owner only' -Skip:$IsWindows {
            $null = Get-XingtuKolSpread -KolId 'mode-1'
            [int](Get-Item $Store).UnixFileMode | Should -Be ([Convert]::ToInt32('700', 8))
        }
    }

    Context 'Get-XingtuLocalCache and Clear-XingtuLocalCache' {
        It 'shows the folder, the entries, their size and age, and deletes what is older than -OlderThan' {
            $threeDaysAgo = [DateTimeOffset]::UtcNow.AddDays(-3)
            'old-1', 'old-2', 'old-3' | ForEach-Object { Set-KeptAnswer $_ $threeDaysAgo }
            $null = 'new-1', 'new-2' | Get-XingtuKolSpread
            $info = Get-XingtuLocalCache
            $info.Path | Should -Be $Store
            $info.EntryCount | Should -Be 5
            $info.TotalBytes | Should -Be ((Get-ChildItem $Store -Recurse -File -Force | Measure-Object Length -Sum).Sum)
            $info.TotalBytes | Should -BeGreaterThan 0
            $info.Oldest | Should -BeLessThan $info.Newest

            Clear-XingtuLocalCache -OlderThan '1.00:00:00' -WhatIf
            (Get-XingtuLocalCache).EntryCount | Should -Be 5 -Because '-WhatIf deletes nothing'

            Clear-XingtuLocalCache -OlderThan '1.00:00:00' -Confirm:$false
            (Get-XingtuLocalCache).EntryCount | Should -Be 2
            $served = 'old-1', 'new-1' | Get-XingtuKolSpread -MaxAge '7.00:00:00'
            $served.FromLocalCache | Should -Be @($false, $true) -Because 'old-1 was deleted, new-1 was kept'
            $info.Oldest.ToUnixTimeMilliseconds() | Should -Be $threeDaysAgo.ToUnixTimeMilliseconds()

            Clear-XingtuLocalCache -Confirm:$false
            $empty = Get-XingtuLocalCache
            $empty.EntryCount | Should -Be 0
            $empty.Oldest | Should -BeNullOrEmpty
        }

        It 'refuses a bare number for -OlderThan, deletes nothing, and shows how to give an age' -ForEach @(@{ Age = 7 }, @{ Age = [long]7 }, @{ Age = 7.5 }) {
            $null = 'n-1', 'n-2' | Get-XingtuKolSpread
            $failure = $null
            try { Clear-XingtuLocalCache -OlderThan $Age -Force -ErrorAction Stop } catch { $failure = $_ }
            $failure | Should -Not -BeNullOrEmpty
            "$failure" | Should -BeLike '*-OlderThan (New-TimeSpan -Days 7)*'
            (Get-XingtuLocalCache).EntryCount | Should -Be 2
        }

        It 'refuses a bare number for -MaxAge and -LocalCacheMaxAge (7 would be 7 ticks, and every answer paid again), but takes 0' -ForEach @(@{ Age = 7 }, @{ Age = 7.5 }) {
            $null = 'm-1' | Get-XingtuKolSpread
            $before = (Get-XingtuEmulatorStats -Uri $Uri).total
            $failure = $null
            try { $null = 'm-1' | Get-XingtuKolSpread -MaxAge $Age -ErrorAction Stop } catch { $failure = $_ }
            "$failure" | Should -BeLike '*-MaxAge (New-TimeSpan -Days 7)*'
            $failure = $null
            try { Set-XingtuConfiguration -LocalCacheMaxAge $Age -ErrorAction Stop } catch { $failure = $_ }
            "$failure" | Should -BeLike '*-LocalCacheMaxAge (New-TimeSpan -Days 7)*'
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be $before -Because 'a refused call sends nothing'
            $null = 'm-1' | Get-XingtuKolSpread -MaxAge 0
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be ($before + 1) -Because '-MaxAge 0 fetches afresh'
        }

        It 'takes text as PowerShell converts it: ''7'' is 7 days, for -OlderThan and -LocalCacheMaxAge alike' {
            $null = 't-1', 't-2' | Get-XingtuKolSpread
            Clear-XingtuLocalCache -OlderThan '7' -Force -ErrorAction Stop
            (Get-XingtuLocalCache).EntryCount | Should -Be 2 -Because 'nothing is 7 days old'
            try {
                Set-XingtuConfiguration -LocalCacheMaxAge '7' -ErrorAction Stop
                (Get-XingtuConfiguration).LocalCacheMaxAge | Should -Be ([TimeSpan]::FromDays(7))
            }
            finally { Set-XingtuConfiguration -LocalCacheMaxAge 0 }
        }

        It 'asks before deleting paid answers; -Force and -Confirm:$false are for scripts' {
            $attribute = (Get-Command Clear-XingtuLocalCache).ImplementingType.GetCustomAttributes([Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'High'
            (Get-Command Clear-XingtuLocalCache).Parameters.Keys | Should -Contain 'Force'
            $null = 'f-1', 'f-2' | Get-XingtuKolSpread
            Clear-XingtuLocalCache -Force -WhatIf
            (Get-XingtuLocalCache).EntryCount | Should -Be 2 -Because '-WhatIf wins over -Force'
            Clear-XingtuLocalCache -Force
            (Get-XingtuLocalCache).EntryCount | Should -Be 0
        }

        It 'takes any TimeSpan for -OlderThan, the longest too' {
            $null = 'm-1' | Get-XingtuKolSpread
            { Clear-XingtuLocalCache -OlderThan ([TimeSpan]::MaxValue) -Force -ErrorAction Stop } | Should -Not -Throw
            (Get-XingtuLocalCache).EntryCount | Should -Be 1
        }
    }

    Context 'Folders the store does not own' {
        It 'leaves a folder with files it did not make alone: one warning, the call goes on, nothing there is touched' {
            $null = New-Item -ItemType Directory -Path (Join-Path $Store 'ab') -Force
            $draft = Join-Path $Store 'draft.tmp'
            $inner = Join-Path $Store 'ab/notes.entry'
            $draft, $inner | ForEach-Object { Set-Content -Path $_ -Value 'mine'; (Get-Item $_).LastWriteTimeUtc = [DateTime]::UtcNow.AddDays(-60) }

            $warnings = $null
            $rows = 'u-1', 'u-2' | Get-XingtuKolSpread -WarningVariable warnings -WarningAction SilentlyContinue
            @($rows.KolId) | Should -Be @('u-1', 'u-2')
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -Match 'holds files the module did not make'
            { Clear-XingtuLocalCache -Force -ErrorAction Stop } | Should -Throw -ErrorId 'LocalCacheFolderRefused*'

            @(Get-ChildItem $Store -Recurse -File).FullName | Sort-Object | Should -Be (@($draft, $inner) | Sort-Object)
            $draft, $inner | ForEach-Object { Get-Content $_ | Should -Be 'mine' }
        }

        It 'neither reads nor writes a folder that group or others can write' -Skip:$IsWindows {
            $null = 'w-1' | Get-XingtuKolSpread
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 1
            chmod 777 $Store
            $before = @(Get-EntryFile $Store).Count

            $warnings = $null
            $rows = 'w-1', 'w-2' | Get-XingtuKolSpread -WarningVariable warnings -WarningAction SilentlyContinue
            @($rows.KolId) | Should -Be @('w-1', 'w-2')
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -Match 'writable by group or others \(mode 0777\)'
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 3 -Because 'a planted answer there is not served'
            @(Get-EntryFile $Store).Count | Should -Be $before -Because 'nothing is written there'
            [Convert]::ToString([int](Get-Item $Store).UnixFileMode, 8) | Should -Be '777' -Because 'the module never changes the mode of a folder it did not create'
        }

        It 'shows the store in the configuration' {
            $configuration = Get-XingtuConfiguration
            $configuration.LocalCachePath | Should -Be $Store
            $configuration.LocalCacheMaxAge | Should -Be ([TimeSpan]'12:00:00')
            $configuration.LocalCacheEnabled | Should -BeTrue
        }
    }
}
