# What the module says, as a user reads it: in Chinese under a zh-* UI culture, durations in words, an answer from
# the store that says it was not billed again, and a summary that counts refused ids apart from fetched ones.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
}

AfterAll {
    Set-XingtuConfiguration -LocalCacheMaxAge 0
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Messages' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10 -LocalCacheMaxAge 0
        Set-XingtuToken -Token $TestToken
    }

    It 'come in Chinese under zh-CN: a per-row error with its input row, and the verbose summary' {
        $verbose = Invoke-InCulture 'zh-CN' {
            Get-XingtuKolSpread -KolId $SampleKolId, '7.1E+18' -Verbose -ErrorVariable script:errs -ErrorAction SilentlyContinue 4>&1 |
                Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        }
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match '^KolId ''7\.1E\+18'' 是科学计数法'
        $errs[0].Exception.Message | Should -Match '（输入第 2 行）$'
        $verbose[-1] | Should -Match '^完成：2 个 KOL，1 个出错；1 个在发送前被拒绝，0 个来自本地存储，1 个已获取'
    }

    It 'come in Chinese under zh-CN: the stop, what happened and what to do first' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'q-1' -Step '303'
        $caught = Invoke-InCulture 'zh-CN' {
            try { $null = Get-XingtuKolSpread -KolId 'q-1' -ErrorAction Stop } catch { $_ }
        }
        $caught.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
        $caught.Exception.Message | Should -Match '^今日配额已用完（代码 303），发生在 KOL ''q-1''。今天其他请求都不会成功：请等待配额重置'
        $caught.Exception.Message | Should -Match '批量已停止'
        $caught.Exception.Message | Should -Not -Match 'The batch stopped'
    }

    It 'come in Chinese under zh-CN: a refused douyin.com link, and no token at all' {
        $null = Invoke-InCulture 'zh-CN' { Get-XingtuKolSpread -KolId 'https://www.douyin.com/video/7300000000000000000' -ErrorVariable script:errs -ErrorAction SilentlyContinue }
        $errs[0].Exception.Message | Should -Match '^KolId ''https://www\.douyin\.com/video/7300000000000000000'' 是指向 www\.douyin\.com 的链接，不是星图链接：douyin\.com 链接中是抖音用户或视频 ID'
        Clear-XingtuToken
        try {
            $caught = Invoke-InCulture 'zh-CN' { try { $null = Get-XingtuKolSpread -KolId $SampleKolId -ErrorAction Stop } catch { $_ } }
            $caught.Exception.Message | Should -Match '^未找到 Just One API 的 token，因此没有发送任何请求。请运行 Set-XingtuToken'
        }
        finally { Set-XingtuToken -Token $TestToken }
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'come in Chinese under zh-CN: a warning' {
        $rows = @([pscustomobject]@{ KolId = $SampleKolId; "$([char]0xFFFD)$([char]0xFFFD)" = 'x' })
        $null = Invoke-InCulture 'zh-CN' { $rows | Get-XingtuKolSpread -WarningVariable script:warnings -WarningAction SilentlyContinue }
        "$warnings" | Should -Match '乱码'
        "$warnings" | Should -Match ([regex]::Escape('Import-Csv -Encoding 936'))
    }

    It 'come in Chinese under zh-CN: the first and last verbose lines, and Get-XingtuKol''s count per part' {
        Set-XingtuConfiguration -LocalCacheMaxAge '12:00:00'
        $verbose = Invoke-InCulture 'zh-CN' {
            Get-XingtuKolSpread -KolId $SampleKolId -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        }
        $verbose[0] | Should -Match '^token 来自 Set-XingtuToken（本会话）（.+?）；http://127\.0\.0\.1:\d+；ThrottleLimit \d+；本地存储 .+，使用 12 小时内的应答。$'
        $verbose[-1] | Should -Match '^完成：1 个 KOL'
        $kol = Invoke-InCulture 'zh-CN' {
            Get-XingtuKol -KolId '7100000000000000002' -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        }
        $kol[-1] | Should -Match '各部分：资料：发送 1 个请求，0 个应答来自本地存储，0 个失败；报价：发送 1 个请求'
        ($verbose + $kol) -join "`n" | Should -Not -Match 'Token from|Done:|request\(s\) sent'
    }

    It 'come in Chinese under zh-CN: Set-XingtuToken, Invoke-JustOneApi, Export-XingtuReport and Clear-XingtuLocalCache refusals' {
        $caught = Invoke-InCulture 'zh-CN' { try { Set-XingtuToken -Token ' ' } catch { $_ } }
        $caught.Exception.Message | Should -Be 'token 为空。请从 Just One API 控制台复制 token 后重试。'

        $null = Invoke-InCulture 'zh-CN' {
            Invoke-JustOneApi -Path '/api/douyin-xingtu/not/in/the/list/v1' -Query @{ ids = @(1, 2) } -ErrorVariable script:errs -ErrorAction SilentlyContinue
        }
        $errs[0].Exception.Message | Should -Be "查询参数 'ids' 的值是列表或对象；一个查询参数只能有一个值。没有为 请求 '/api/douyin-xingtu/not/in/the/list/v1' 发送任何请求。（输入第 1 行）"

        $file = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-messages-' + [guid]::NewGuid().ToString('N') + '.html')
        Set-Content -Path $file -Value 'mine'
        try {
            $rows = @(Get-XingtuKolSpread -KolId $SampleKolId)
            $caught = Invoke-InCulture 'zh-CN' { try { $rows | Export-XingtuReport -Path $file } catch { $_ } }
            $caught.Exception.Message | Should -Be "文件 '$file' 已存在。请使用 -Force 覆盖。"
            Get-Content $file | Should -Be 'mine'
        }
        finally { Remove-Item $file -ErrorAction Ignore }

        $caught = Invoke-InCulture 'zh-CN' { try { Clear-XingtuLocalCache -OlderThan 7 -Force } catch { $_ } }
        $caught.Exception.Message | Should -Match ([regex]::Escape('单独的数字（7）不是时长：PowerShell 会把它当作 7 个 tick'))
    }

    It 'come in Chinese under zh-CN: a refused path, a retry in verbose, and a store folder the module will not use' {
        $caught = Invoke-InCulture 'zh-CN' { try { Invoke-JustOneApi -Path 'https://example.com/api' } catch { $_ } }
        $caught.Exception.Message | Should -Match ([regex]::Escape("路径 'https://example.com/api' 含有协议、主机或端口。请只给出接口路径"))

        Set-XingtuConfiguration -MaximumRetryCount 1
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'r-1' -Step '500'
        $verbose = Invoke-InCulture 'zh-CN' {
            Get-XingtuKolSpread -KolId 'r-1' -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        }
        @($verbose -match '^GET http://127\.0\.0\.1:\d+/\S+=r-1\S*（第 2 次尝试）$').Count | Should -Be 1
        @($verbose -match "^KOL 'r-1'：.+ 0 秒后进行第 1 次重试（共 1 次）。$").Count | Should -Be 1

        $saved = (Get-XingtuConfiguration).LocalCachePath
        $foreign = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-foreign-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $foreign
        Set-Content -Path (Join-Path $foreign 'notes.txt') -Value 'mine'
        try {
            Set-XingtuConfiguration -LocalCachePath $foreign
            $null = Invoke-InCulture 'zh-CN' { Get-XingtuKolSpread -KolId $SampleKolId -WarningVariable script:warnings -WarningAction SilentlyContinue }
            "$warnings" | Should -Match ([regex]::Escape("文件夹 $foreign 中有不是本模块创建的文件"))
            "$warnings" | Should -Match '本次调用不使用本地存储继续运行'
            Get-ChildItem $foreign -Force | ForEach-Object Name | Should -Be 'notes.txt'
        }
        finally {
            Set-XingtuConfiguration -LocalCachePath $saved
            Remove-Item $foreign -Recurse -Force -ErrorAction Ignore
        }
    }

    It 'quote a user''s column or cell as given under zh-CN, even when it reads like a word the module translates' {
        $caught = Invoke-InCulture 'zh-CN' { try { [pscustomobject]@{ Price = '1' } | Get-XingtuKolSpread -ErrorAction Stop } catch { $_ } }
        $caught.FullyQualifiedErrorId | Should -BeLike 'NoIdColumn,*'
        $caught.Exception.Message | Should -Match '找到的列：Price。$'
    }

    It 'stay in English under en-US and fr-FR' -ForEach @(@{ Culture = 'en-US' }, @{ Culture = 'fr-FR' }) {
        $null = Invoke-InCulture $Culture { Get-XingtuKolSpread -KolId '7.1E+18' -ErrorVariable script:errs -ErrorAction SilentlyContinue }
        $errs[0].Exception.Message | Should -Match '^The KolId ''7\.1E\+18'' is in scientific notation'
    }

    It 'read durations in words: "12 hours", not 12:00:00' {
        Set-XingtuConfiguration -LocalCacheMaxAge '12:00:00'
        $verbose = Get-XingtuKolSpread -KolId $SampleKolId -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose[0] | Should -Match 'answers served up to 12 hours old'
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'q-2' -Step '303'
        $caught = $null
        try { Get-XingtuKolSpread -KolId $SampleKolId, 'q-2' -MaxAge (New-TimeSpan -Minutes 90) -ErrorAction Stop } catch { $caught = $_ }
        $caught.Exception.Message | Should -Match 'within 90 minutes'
        $caught.Exception.Message | Should -Not -Match '01:30:00'
    }

    It 'say that an error served from the local store was not billed again' {
        Set-XingtuConfiguration -LocalCacheMaxAge '12:00:00'
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'empty-1' -Step '201', '201'
        $null = Get-XingtuKolSpread -KolId 'empty-1' -ErrorVariable first -ErrorAction SilentlyContinue
        $first[0].Exception.Message | Should -Match 'This call is billed'
        $before = (Get-XingtuEmulatorStats -Uri $Uri).total
        $null = Get-XingtuKolSpread -KolId 'empty-1' -ErrorVariable again -ErrorAction SilentlyContinue
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be $before
        $again[0].FullyQualifiedErrorId | Should -BeLike 'NoData,*'
        $again[0].Exception.Message | Should -Match 'came from the local store: it was not billed again'
        $again[0].Exception.Message | Should -Not -Match 'This call is billed'
    }
}
