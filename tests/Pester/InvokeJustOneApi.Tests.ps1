BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:Profile = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
    $script:Search = '/api/douyin-xingtu/gw/api/gsearch/search_for_author_square/v1'
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Invoke-JustOneApi' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0
        Set-XingtuToken -Token $TestToken
    }

    It 'writes the data of an answer as objects, and keeps every digit of a 19-digit integer' {
        $creator = Invoke-JustOneApi -Path $Profile -Query @{ oAuthorId = $SampleKolId }
        $creator.id | Should -BeOfType ([long])
        $creator.id | Should -Be ([long]'6853123456789012345')
        "$($creator.id)" | Should -Be $SampleKolId
        $creator.nick_name | Should -Not -BeNullOrEmpty
        @($creator.tags_relation.PSObject.Properties).Count | Should -BeGreaterThan 0
        $creator.follower | Should -BeOfType ([int])
        (Get-XingtuEmulatorStats -Uri $Uri).lastQuery[$SampleKolId] | Should -Be "?token=$TestToken&oAuthorId=$SampleKolId"
    }

    It 'writes the whole body with -Raw' {
        $raw = Invoke-JustOneApi -Path $Profile -Query @{ oAuthorId = $SampleKolId } -Raw
        $raw | Should -BeOfType ([string])
        $raw | Should -Match '"code":0'
        $raw | Should -Match '"id":6853123456789012345\b'
        ($raw | ConvertFrom-Json).requestId | Should -Not -BeNullOrEmpty
    }

    It 'takes queries from the pipeline, as hashtables or objects, and keeps their order under concurrency' {
        Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 1 -LatencyJitterMs 30
        $ids = 1..120 | ForEach-Object { [string](7100000000000000000 + $_) }
        $rows = $ids | ForEach-Object { [pscustomobject]@{ KolId = $_ } } | Select-Object @{ n = 'oAuthorId'; e = { $_.KolId } }
        $creators = $rows | Invoke-JustOneApi -Path $Profile -ThrottleLimit 8
        @($creators | ForEach-Object { [string]$_.id }) | Should -Be $ids
        (Get-XingtuEmulatorStats -Uri $Uri).peakInFlight | Should -BeGreaterThan 1
    }

    It 'fetches a repeated query once, and gives each row objects of its own' {
        $out = @(@{ oAuthorId = 'rep-1' }, @{ oAuthorId = 'rep-2' }, @{ oAuthorId = 'rep-1' }, @{ oAuthorId = 'rep-1' } | Invoke-JustOneApi -Path $Profile)
        $out.Count | Should -Be 4
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perKol['rep-1'] | Should -Be 1
        $stats.total | Should -Be 2
        $out[0].nick_name = 'changed'
        $out[2].nick_name | Should -Not -Be 'changed'
    }

    It 'makes the same request for the same query whatever the order of its keys' {
        $null = [ordered]@{ oAuthorId = 'order-1'; platform = 'SHORT_VIDEO' }, [ordered]@{ platform = 'SHORT_VIDEO'; oAuthorId = 'order-1' } |
            Invoke-JustOneApi -Path $Profile
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 1
        $stats.lastQuery['order-1'] | Should -Be "?token=$TestToken&oAuthorId=order-1&platform=SHORT_VIDEO"
    }

    It 'pages a search until the answer says there is no more' {
        $page = 1
        $names = @()
        do {
            $answer = Invoke-JustOneApi -Path $Search -Query @{ keyword = '美食'; page = $page }
            $names += $answer.authors.nick_name
            $page++
        } while ($answer.pagination.has_more)
        $page | Should -Be 4
        $names.Count | Should -Be $answer.pagination.total_count
    }

    It 'stops the batch at once on an account-level code, naming the query' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'stop-3' -Step '303'
        $queries = 1..6 | ForEach-Object { @{ oAuthorId = "stop-$_" } }
        $caught = $null
        try { $null = $queries | Invoke-JustOneApi -Path $Profile -ThrottleLimit 1 -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
        $caught.TargetObject | Should -Be "$Profile`?oAuthorId=stop-3"
        $caught.Exception.Message | Should -Match '2 request\(s\) completed before the stop'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 3
    }

    It 'gives a per-query error that names the path and the query, and goes on' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'bad-1' -Step '400'
        $out = @(@{ oAuthorId = 'bad-1' }, @{ oAuthorId = 'good-1' } | Invoke-JustOneApi -Path $Profile -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameters,*'
        $errs[0].TargetObject | Should -Be "$Profile`?oAuthorId=bad-1"
    }

    It 'refuses the path <Path> before sending anything' -ForEach @(
        @{ Path = 'https://evil.example/api/x' }
        @{ Path = 'http:/api/x' }
        @{ Path = '//evil.example/api/x' }
        @{ Path = '/api/../secret' }
        @{ Path = '/api/x?token=1' }
        @{ Path = '/api/x#frag' }
        @{ Path = '\\evil\api' }
        @{ Path = '/api/x y' }
        @{ Path = '' }
    ) {
        { Invoke-JustOneApi -Path $Path -Query @{ oAuthorId = '1' } -ErrorAction Stop } | Should -Throw
        $caught = $null
        try { Invoke-JustOneApi -Path $Path -Query @{ oAuthorId = '1' } -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeIn @('InvalidPath,JustOneApi.Xingtu.Commands.InvokeJustOneApiCommand', 'ParameterArgumentValidationErrorEmptyStringNotAllowed,JustOneApi.Xingtu.Commands.InvokeJustOneApiCommand')
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'refuses a query with <Case> before sending it, and goes on with the next' -ForEach @(
        @{ Case = 'a token key'; Query = @{ oAuthorId = '1'; token = 'other' } }
        @{ Case = 'a token key in other case'; Query = @{ oAuthorId = '1'; TOKEN = 'other' } }
        @{ Case = 'a token property'; Query = [pscustomobject]@{ oAuthorId = '1'; Token = 'other' } }
        @{ Case = 'a list value'; Query = @{ oAuthorId = @('1', '2') } }
    ) {
        $out = @($Query, @{ oAuthorId = 'next-1' } | Invoke-JustOneApi -Path $Profile -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 1
        $stats.lastQuery.Values | Should -Not -Match 'other'
    }

    It 'normalises the id parameters as Get-XingtuKolSpread does' {
        $null = Invoke-JustOneApi -Path $Profile -Query @{ oAuthorId = " ６８５３１２３４５６７８９０１２３４５`t" }
        $null = Invoke-JustOneApi -Path $Profile -Query @{ oAuthorId = 'https://www.xingtu.cn/ad/creator/author/douyin/6853123456789012345' }
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perKol.Keys | Should -Be @($SampleKolId)
        $stats.perKol[$SampleKolId] | Should -Be 2
        $null = Invoke-JustOneApi -Path $Profile -Query @{ oAuthorId = 'https://www.douyin.com/video/7300000000000000000' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 2
    }

    It 'never shows the token in verbose, debug, warning or error output' {
        $secret = 'invoke-secret-token-0077'
        Set-XingtuEmulatorConfig -Uri $Uri -Token $secret
        Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'leak-1' = @('echo:400'); 'leak-2' = @('302', 'ok'); 'leak-3' = @('http:503*') }
        $all = @(@{ oAuthorId = 'leak-1' }, @{ oAuthorId = 'leak-2' }, @{ oAuthorId = 'leak-3' } |
                Invoke-JustOneApi -Path $Profile -Token $secret -Verbose -Debug -ErrorVariable errs -ErrorAction SilentlyContinue *>&1)
        $errs.Count | Should -Be 2
        $text = @($all | ForEach-Object { "$_" }) + @($errs | ForEach-Object { $_.ToString(); "$($_.TargetObject)"; $_.Exception.ToString() })
        ($text -join "`n").Contains($secret) | Should -BeFalse
        ($text -join "`n") | Should -Match 'token=\*\*\*'
    }

    It 'keeps a token out of the error for a refused id that quotes it' {
        $pasted = "https://evil.example/x?token=$TestToken&kolId=1"
        $null = Get-XingtuKolSpread -KolId $pasted -ErrorVariable errs -ErrorAction SilentlyContinue
        $null = Invoke-JustOneApi -Path $Profile -Query @{ oAuthorId = $pasted } -ErrorVariable +errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 2
        foreach ($record in $errs) {
            $record.FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*'
            "$($record.TargetObject) $($record.Exception.Message) $($record.Exception.KolId)" | Should -Not -Match ([regex]::Escape($TestToken))
        }
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }
}

Describe 'One rate gate per account' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0
        Set-XingtuToken -Token $TestToken
    }

    It 'keeps two calls at once on one token under one MaxRequestsPerSecond cap' {
        # The emulator answers 302 past 25 starts in any second; each call alone at the cap of 20 stays under it,
        # but two calls at once would send 40 a second if each had a gate of its own.
        Set-XingtuEmulatorConfig -Uri $Uri -MaxRequestsPerSecond 25
        Set-XingtuConfiguration -MaxRequestsPerSecond 20
        $jobs = 'a', 'b' | ForEach-Object {
            $prefix = $_
            Start-ThreadJob -ArgumentList $ModulePath, $prefix -ScriptBlock {
                param($module, $prefix)
                Import-Module $module
                1..60 | ForEach-Object { "$prefix-$_" } | Get-XingtuKolSpread -ThrottleLimit 8 -ErrorAction SilentlyContinue -ErrorVariable errs | Out-Null
                @($errs).Count
            }
        }
        $failures = $jobs | Receive-Job -Wait -AutoRemoveJob
        $failures | Should -Be @(0, 0)
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 120 -Because 'no request was answered 302 and retried'
    }
}
