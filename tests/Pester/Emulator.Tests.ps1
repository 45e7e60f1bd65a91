# The emulator's V2, profile and search paths, its V1 switch, billing counts, daily quota and per-token rate limit,
# checked over real HTTP with nothing but Invoke-RestMethod / Invoke-WebRequest (and HttpClient where requests must
# overlap).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:V1 = '/api/douyin-xingtu/get-kol-spread-info/v1'
    $script:V2 = '/api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1'
    $script:Profile = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
    $script:Search = '/api/douyin-xingtu/gw/api/gsearch/search_for_author_square/v1'
    $script:Marketing = '/api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1'

    function Get-ApiUrl {
        param([string] $Path, [System.Collections.IDictionary] $Query = @{}, [string] $Token = $TestToken)
        $pairs = @('token=' + [uri]::EscapeDataString($Token))
        foreach ($key in $Query.Keys) {
            $pairs += $key + '=' + [uri]::EscapeDataString([string]$Query[$key])
        }
        $Uri + $Path + '?' + ($pairs -join '&')
    }

    function Invoke-Api {
        param([string] $Path, [System.Collections.IDictionary] $Query = @{}, [string] $Token = $TestToken)
        Invoke-RestMethod -Uri (Get-ApiUrl -Path $Path -Query $Query -Token $Token) -NoProxy
    }

    function Get-RawApi {
        # The body as text and the HTTP status, whatever the status.
        param([string] $Path, [System.Collections.IDictionary] $Query = @{}, [string] $Token = $TestToken)
        $response = Invoke-WebRequest -Uri (Get-ApiUrl -Path $Path -Query $Query -Token $Token) -NoProxy -SkipHttpErrorCheck
        [pscustomobject]@{
            Status      = [int]$response.StatusCode
            ContentType = [string]$response.Headers['Content-Type']
            Text        = [Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray())
        }
    }

    function Invoke-Concurrently {
        # Starts every request before awaiting any, so they overlap; returns each answer's code, in order.
        param([string[]] $Url)
        $handler = [System.Net.Http.HttpClientHandler]::new()
        $handler.UseProxy = $false
        $client = [System.Net.Http.HttpClient]::new($handler)
        try {
            $tasks = [System.Threading.Tasks.Task[string][]]@($Url | ForEach-Object { $client.GetStringAsync($_) })
            [System.Threading.Tasks.Task]::WaitAll($tasks)
            foreach ($task in $tasks) { ($task.Result | ConvertFrom-Json).code }
        }
        finally {
            $client.Dispose()
        }
    }

    function ConvertTo-Canonical {
        param($Data)
        ConvertTo-Json -InputObject $Data -Depth 20 -Compress
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Emulator: V2 spread path' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    It 'gives V1''s data for V2 as for V1: <Label>' -ForEach @(
        @{ Label = 'defaults on both'; Id = '1001'; V1Query = @{}; V2Query = @{} }
        @{ Label = 'PERSONAL_VIDEO DAY_30 SHORT_VIDEO = _1 _2'; Id = '1001'; V1Query = @{ type = '_1'; range = '_2' }; V2Query = @{ type = 'PERSONAL_VIDEO'; range = 'DAY_30'; platform = 'SHORT_VIDEO' } }
        @{ Label = 'PERSONAL_VIDEO DAY_90 = _1 _3'; Id = '1001'; V1Query = @{ type = '_1'; range = '_3' }; V2Query = @{ type = 'PERSONAL_VIDEO'; range = 'DAY_90' } }
        @{ Label = 'XINTU_VIDEO DAY_30 = _2 _2'; Id = '1001'; V1Query = @{ type = '_2'; range = '_2' }; V2Query = @{ type = 'XINTU_VIDEO'; range = 'DAY_30' } }
        @{ Label = 'XINTU_VIDEO DAY_90 = _2 _3'; Id = '1001'; V1Query = @{ type = '_2'; range = '_3' }; V2Query = @{ type = 'XINTU_VIDEO'; range = 'DAY_90' } }
        @{ Label = 'XINTU_VIDEO onlyAssign flowType = _2 onlyAssign'; Id = '7000000000000000042'; V1Query = @{ type = '_2'; onlyAssign = 'true' }; V2Query = @{ type = 'XINTU_VIDEO'; onlyAssign = 'true'; flowType = 'INCLUDE' } }
        @{ Label = 'sample id, defaults'; Id = '6853123456789012345'; V1Query = @{}; V2Query = @{} }
        @{ Label = 'sample id, XINTU_VIDEO DAY_90 = _2 _3'; Id = '6853123456789012345'; V1Query = @{ type = '_2'; range = '_3' }; V2Query = @{ type = 'XINTU_VIDEO'; range = 'DAY_90' } }
    ) {
        $v1 = Invoke-Api -Path $V1 -Query ($V1Query + @{ kolId = $Id })
        $v2 = Invoke-Api -Path $V2 -Query ($V2Query + @{ oAuthorId = $Id })

        $v1.code | Should -Be 0
        $v2.code | Should -Be 0
        ConvertTo-Canonical $v2.data | Should -BeExactly (ConvertTo-Canonical $v1.data)
        $v2.recordTime | Should -Be $v1.recordTime
    }

    It 'draws different data for different options, so the equalities above say something' {
        $personal = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001'; type = 'PERSONAL_VIDEO' }
        $xintu = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001'; type = 'XINTU_VIDEO' }
        $day90 = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001'; range = 'DAY_90' }
        ConvertTo-Canonical $xintu.data | Should -Not -Be (ConvertTo-Canonical $personal.data)
        ConvertTo-Canonical $day90.data | Should -Not -Be (ConvertTo-Canonical $personal.data)
    }

    It 'answers the documented sample for the sample id' {
        $sample = Get-Content -Raw -Encoding utf8 (Join-Path $RepoRoot 'tests/JustOneApi.Xingtu.Emulator/sample-response.json') | ConvertFrom-Json
        $v2 = Invoke-Api -Path $V2 -Query @{ oAuthorId = $SampleKolId }
        ConvertTo-Canonical $v2.data | Should -BeExactly (ConvertTo-Canonical $sample.data)
    }

    It 'answers 400 naming <Name> for <Name>=<Value>' -ForEach @(
        @{ Name = 'platform'; Value = 'short_video' }
        @{ Name = 'platform'; Value = 'DOUYIN' }
        @{ Name = 'range'; Value = '_2' }
        @{ Name = 'range'; Value = 'DAY_7' }
        @{ Name = 'type'; Value = '_1' }
        @{ Name = 'type'; Value = 'personal_video' }
        @{ Name = 'onlyAssign'; Value = 'yes' }
        @{ Name = 'flowType'; Value = '1' }
        @{ Name = 'flowType'; Value = '' }
    ) {
        $answer = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001'; $Name = $Value }
        $answer.code | Should -Be 400
        $answer.message | Should -Match "\b$Name\b"
        $answer.data | Should -BeNullOrEmpty
    }

    It 'answers 400 naming oAuthorId when it is <Case>' -ForEach @(
        @{ Case = 'missing'; Query = @{} }
        @{ Case = 'empty'; Query = @{ oAuthorId = '' } }
        @{ Case = 'given as V1''s kolId'; Query = @{ kolId = '1001' } }
    ) {
        $answer = Invoke-Api -Path $V2 -Query $Query
        $answer.code | Should -Be 400
        $answer.message | Should -Match 'oAuthorId'
    }

    It 'gives other, stable data for platform <Platform>' -ForEach @(
        @{ Platform = 'LIVE_STREAMING' }
        @{ Platform = 'PICTURE_TEXT' }
        @{ Platform = 'SHORT_DRAMA' }
    ) {
        $short = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001' }
        $first = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001'; platform = $Platform }
        $again = Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001'; platform = $Platform }

        $first.code | Should -Be 0
        ConvertTo-Canonical $first.data | Should -Not -Be (ConvertTo-Canonical $short.data)
        ConvertTo-Canonical $again.data | Should -BeExactly (ConvertTo-Canonical $first.data)
    }

    It 'applies a script set for an id whichever path the id arrives by' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId '1001' -Step '301', '201'
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001' }).code | Should -Be 301
        (Invoke-Api -Path $V1 -Query @{ kolId = '1001' }).code | Should -Be 201
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001' }).code | Should -Be 0

        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perKol['1001'] | Should -Be 3
        $stats.lastQuery['1001'] | Should -Match 'oAuthorId=1001'
    }
}

Describe 'Emulator: creator profile path' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    It 'sends a 19-digit id as a bare JSON number, with the profile fields' {
        $raw = Get-RawApi -Path $Profile -Query @{ oAuthorId = $SampleKolId }
        $raw.Text | Should -Match ('"id":' + $SampleKolId + '[,}]')

        $answer = $raw.Text | ConvertFrom-Json
        $answer.code | Should -Be 0
        $answer.data.nick_name | Should -Match '\p{IsCJKUnifiedIdeographs}'
        $raw.Text | Should -Match '"follower":\d+[,}]'
        $answer.data.avatar_uri | Should -BeOfType ([string])
        $tags = @($answer.data.tags_relation.PSObject.Properties)
        $tags.Count | Should -Be 2
        $tags | ForEach-Object { $_.Name | Should -Match '^\p{IsCJKUnifiedIdeographs}+$'; @($_.Value).Count | Should -BeGreaterThan 0 }
        $answer.data.city | Should -Match '\p{IsCJKUnifiedIdeographs}'
        $answer.data.province | Should -Match '\p{IsCJKUnifiedIdeographs}'
        $answer.data.sec_uid | Should -Match '^MS4wLjABAAAA'
        @($answer.data.content_theme_labels).Count | Should -BeGreaterThan 0
        $raw.Text | Should -Match '"gender":\d[,}]'
        $raw.Text | Should -Match '"grade":\d[,}]'
        $raw.Text | Should -Not -Match 'price_info' -Because 'the prices have a path of their own'
    }

    It 'gives some creators names with emoji, markup, ampersands, quotes or a line separator, as raw JSON text' {
        $names = 1..80 | ForEach-Object { (Invoke-Api -Path $Profile -Query @{ oAuthorId = [string](7100000000000000000 + $_) }).data.nick_name }
        @($names | Where-Object { $_ -match '[\uD800-\uDBFF]' }).Count | Should -BeGreaterThan 0
        @($names | Where-Object { $_ -match '<' }).Count | Should -BeGreaterThan 0
        @($names | Where-Object { $_ -match '&' }).Count | Should -BeGreaterThan 0
        @($names | Where-Object { $_ -match '"' }).Count | Should -BeGreaterThan 0
        @($names | Where-Object { $_ -match "`u{2028}" }).Count | Should -BeGreaterThan 0
    }

    It 'is the same for the same id and differs for another' {
        $first = Invoke-Api -Path $Profile -Query @{ oAuthorId = '7000000000000000001' }
        $again = Invoke-Api -Path $Profile -Query @{ oAuthorId = '7000000000000000001'; platform = 'LIVE_STREAMING' }
        $other = Invoke-Api -Path $Profile -Query @{ oAuthorId = '7000000000000000002' }
        ConvertTo-Canonical $again.data | Should -BeExactly (ConvertTo-Canonical $first.data)
        ConvertTo-Canonical $other.data | Should -Not -Be (ConvertTo-Canonical $first.data)
    }

    It 'sends an id that is not a long as a string: <Id>' -ForEach @(
        @{ Id = '9999999999999999999' }
        @{ Id = 'abc' }
        @{ Id = '0123' }
    ) {
        $raw = Get-RawApi -Path $Profile -Query @{ oAuthorId = $Id }
        $raw.Text | Should -Match ('"id":"' + $Id + '"')
    }

    It 'answers 400 for <Case>' -ForEach @(
        @{ Case = 'no oAuthorId'; Query = @{}; Name = 'oAuthorId' }
        @{ Case = 'a platform outside the enum'; Query = @{ oAuthorId = '1001'; platform = 'VIDEO' }; Name = 'platform' }
    ) {
        $answer = Invoke-Api -Path $Profile -Query $Query
        $answer.code | Should -Be 400
        $answer.message | Should -Match $Name
    }

    It 'runs scripts keyed by oAuthorId' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId '1001' -Step '302'
        (Invoke-Api -Path $Profile -Query @{ oAuthorId = '1001' }).code | Should -Be 302
        (Invoke-Api -Path $Profile -Query @{ oAuthorId = '1001' }).code | Should -Be 0
    }
}

Describe 'Emulator: creator price path' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    It 'answers price_info as an array of tiers in yuan, with industry tags' {
        $raw = Get-RawApi -Path $Marketing -Query @{ oAuthorId = $SampleKolId }
        $answer = $raw.Text | ConvertFrom-Json
        $answer.code | Should -Be 0
        $tiers = @($answer.data.price_info)
        $tiers.Count | Should -BeGreaterOrEqual 2
        $raw.Text | Should -Match '"price_info":\[\{"desc":"1-20s视频","video_type":1,"price":\d+,"enable":(true|false)'
        foreach ($tier in $tiers) {
            $tier.desc | Should -Not -BeNullOrEmpty
            $tier.price | Should -BeOfType ([long])
            $tier.enable | Should -BeOfType ([bool])
            $tier.task_category | Should -BeIn 1, 2
        }
        @($answer.data.industry_tags) | ForEach-Object { $_ | Should -Match '^\p{IsCJKUnifiedIdeographs}+-' }
    }

    It 'covers tiers disabled, missing, of another order kind and unknown, across creators' {
        $all = 1..60 | ForEach-Object { @((Invoke-Api -Path $Marketing -Query @{ oAuthorId = [string](7200000000000000000 + $_) }).data.price_info) }
        @($all | Where-Object { -not $_.enable }).Count | Should -BeGreaterThan 0
        @($all | Where-Object video_type -EQ 150).Count | Should -BeGreaterThan 0
        @($all | Where-Object task_category -EQ 2).Count | Should -BeGreaterThan 0
        @($all | Where-Object video_type -EQ 71).Count | Should -BeLessThan @($all | Where-Object { $_.video_type -eq 1 -and $_.task_category -eq 1 }).Count
    }

    It 'answers 201, billed, for a creator without marketing data (an id ending in 0201)' {
        $answer = Invoke-Api -Path $Marketing -Query @{ oAuthorId = '6853123456789010201' }
        $answer.code | Should -Be 201
        (Invoke-Api -Path $Profile -Query @{ oAuthorId = '6853123456789010201' }).code | Should -Be 0
        (Get-XingtuEmulatorStats -Uri $Uri).billedPerKol['6853123456789010201'] | Should -Be 2
    }

    It 'runs a script limited to one path before the key''s own' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId '1001' -Step '303' -Path $Marketing
        Set-XingtuEmulatorScript -Uri $Uri -KolId '1001' -Step '400'
        (Invoke-Api -Path $Profile -Query @{ oAuthorId = '1001' }).code | Should -Be 400
        (Invoke-Api -Path $Marketing -Query @{ oAuthorId = '1001' }).code | Should -Be 303
        (Invoke-Api -Path $Marketing -Query @{ oAuthorId = '1001' }).code | Should -Be 0
    }
}

Describe 'Emulator: creator search path' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    It 'page <Page> holds <Count> creators, has_more <More>' -ForEach @(
        @{ Page = 1; Count = 4; More = $true }
        @{ Page = 2; Count = 4; More = $true }
        @{ Page = 3; Count = 2; More = $false }
        @{ Page = 4; Count = 0; More = $false }
    ) {
        $raw = Get-RawApi -Path $Search -Query @{ keyword = '美食'; page = $Page }
        $answer = $raw.Text | ConvertFrom-Json
        $answer.code | Should -Be 0
        @($answer.data.authors).Count | Should -Be $Count
        $answer.data.pagination.page | Should -Be $Page
        $answer.data.pagination.limit | Should -Be 4
        $answer.data.pagination.has_more | Should -BeOfType ([bool])
        $answer.data.pagination.has_more | Should -Be $More
        $answer.data.pagination.total_count | Should -Be 10
        ([regex]::Matches($raw.Text, '"star_id":"\d{19}"')).Count | Should -Be $Count
        foreach ($author in @($answer.data.authors)) {
            $author.nick_name | Should -Match '\p{IsCJKUnifiedIdeographs}'
        }
        ([regex]::Matches($raw.Text, '"follower":\d+[,}]')).Count | Should -Be $Count
    }

    It 'defaults to page 1 of the empty keyword, stable, and other keywords find others' {
        $default = Invoke-Api -Path $Search
        $explicit = Invoke-Api -Path $Search -Query @{ keyword = ''; page = 1 }
        $other = Invoke-Api -Path $Search -Query @{ keyword = '旅行' }
        $default.data.pagination.page | Should -Be 1
        ConvertTo-Canonical $explicit.data | Should -BeExactly (ConvertTo-Canonical $default.data)
        $other.data.authors.star_id | Should -Not -Be $default.data.authors.star_id

        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perKol[''] | Should -Be 2
        $stats.perKol['旅行'] | Should -Be 1
    }

    It 'a hit''s profile has the same nick_name and follower' {
        $hit = @((Invoke-Api -Path $Search -Query @{ keyword = '美食' }).data.authors)[0]
        $profile = (Invoke-Api -Path $Profile -Query @{ oAuthorId = $hit.star_id }).data
        $profile.nick_name | Should -Be $hit.nick_name
        $profile.follower | Should -Be $hit.follower
    }

    It 'answers 400 naming page for page=<Page>' -ForEach @(
        @{ Page = '0' }
        @{ Page = '-1' }
        @{ Page = 'two' }
        @{ Page = '1.5' }
        @{ Page = '' }
    ) {
        $answer = Invoke-Api -Path $Search -Query @{ keyword = 'x'; page = $Page }
        $answer.code | Should -Be 400
        $answer.message | Should -Match 'page'
    }
}

Describe 'Emulator: V1 removed switch' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    It 'answers V1 with an nginx 404 page while V2 goes on, and not once the switch is off' {
        Set-XingtuEmulatorConfig -Uri $Uri -V1Gone $true
        $gone = Get-RawApi -Path $V1 -Query @{ kolId = '1001' }
        $gone.Status | Should -Be 404
        $gone.ContentType | Should -Match 'text/html'
        $gone.Text | Should -Match '<title>404 Not Found</title>'
        $gone.Text | Should -Match 'nginx'
        { $gone.Text | ConvertFrom-Json } | Should -Throw
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = '1001' }).code | Should -Be 0

        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.perPath[$V1] | Should -Be 1
        $stats.billedPerKol['1001'] | Should -Be 1 -Because 'only the V2 answer is billed'

        Set-XingtuEmulatorConfig -Uri $Uri -V1Gone $false
        (Invoke-Api -Path $V1 -Query @{ kolId = '1001' }).code | Should -Be 0
    }

    It 'applies to a V1 request already waiting out its latency' {
        Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 3000
        $handler = [System.Net.Http.HttpClientHandler]::new()
        $handler.UseProxy = $false
        $client = [System.Net.Http.HttpClient]::new($handler)
        try {
            $pending = $client.GetAsync((Get-ApiUrl -Path $V1 -Query @{ kolId = '1001' }))
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while ((Get-XingtuEmulatorStats -Uri $Uri).inFlight -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            (Get-XingtuEmulatorStats -Uri $Uri).inFlight | Should -Be 1 -Because 'the switch must come while the request waits out its latency'
            $pending.IsCompleted | Should -BeFalse
            Set-XingtuEmulatorConfig -Uri $Uri -V1Gone $true
            [int]$pending.GetAwaiter().GetResult().StatusCode | Should -Be 404
        }
        finally {
            $client.Dispose()
        }
    }
}

Describe 'Emulator: billing counts' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
    }

    It 'bills answers with code 0 and 201 only, per id, on every path' {
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'k1' -Step 'ok', '201', '400', '500', '301', 'http:502', 'http:503:code=201', 'malformed', 'drop'
        $answers = foreach ($i in 1..8) { Get-RawApi -Path $V1 -Query @{ kolId = 'k1' } }
        { Get-RawApi -Path $V1 -Query @{ kolId = 'k1' } } | Should -Throw
        $answers.Status | Should -Be @(200, 200, 200, 200, 200, 502, 503, 200)
        $answers[0..4] | ForEach-Object { ($_.Text | ConvertFrom-Json).code } | Should -Be @(0, 201, 400, 500, 301)
        ($answers[6].Text | ConvertFrom-Json).code | Should -Be 201
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = 'k1'; range = 'bad' }).code | Should -Be 400
        (Invoke-Api -Path $Profile -Query @{ oAuthorId = 'k1' }).code | Should -Be 0
        (Invoke-Api -Path $Search -Query @{ keyword = 'k1' }).code | Should -Be 0

        $stats = Get-XingtuEmulatorStats -Uri $Uri
        # ok, 201, the 503 carrying code 201, the profile and the search.
        $stats.billedPerKol['k1'] | Should -Be 5
        $stats.billedTotal | Should -Be 5
        $stats.perKol['k1'] | Should -Be 12
        $stats.perPath[$V1] | Should -Be 9
        $stats.perPath[$V2] | Should -Be 1
        $stats.perPath[$Profile] | Should -Be 1
        $stats.perPath[$Search] | Should -Be 1
        $stats.total | Should -Be 12
    }

    It 'does not bill a 303 or a bad token' {
        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 1
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = 'k2' }).code | Should -Be 0
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = 'k2' }).code | Should -Be 303
        (Invoke-Api -Path $V2 -Query @{ oAuthorId = 'k2' } -Token 'nobody').code | Should -Be 100
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.billedPerKol['k2'] | Should -Be 1
        $stats.perKol['k2'] | Should -Be 3
    }
}

Describe 'Emulator: daily quota per token' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -Token $TestToken, 'other-token'
    }

    It 'gives exactly N billed answers, then 303 for anything, until a new day' {
        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 3
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'q2' -Step '201', '500'
        $codes = @(
            (Invoke-Api -Path $V1 -Query @{ kolId = 'q1' }).code
            (Invoke-Api -Path $V1 -Query @{ kolId = 'q2' }).code
            (Invoke-Api -Path $V1 -Query @{ kolId = 'q2' }).code
            (Invoke-Api -Path $Profile -Query @{ oAuthorId = 'q3' }).code
            (Invoke-Api -Path $V2 -Query @{ oAuthorId = 'q4' }).code
            (Invoke-Api -Path $V2 -Query @{ oAuthorId = 'q4'; platform = 'bad' }).code
            (Invoke-Api -Path $Search -Query @{ keyword = 'q5' }).code
        )
        $codes | Should -Be @(0, 201, 500, 0, 303, 303, 303)
        (Invoke-Api -Path $V1 -Query @{ kolId = 'q1' } -Token 'other-token').code | Should -Be 0 -Because 'the quota is per token'
        (Get-XingtuEmulatorStats -Uri $Uri).billedTotal | Should -Be 4

        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 3
        (Invoke-Api -Path $V1 -Query @{ kolId = 'q1' }).code | Should -Be 0 -Because 'setting the quota again starts a new day'

        Reset-XingtuEmulator -Uri $Uri
        (Invoke-RestMethod -Uri "$Uri/_emulator/config" -NoProxy).dailyQuota | Should -Be 0
    }

    It 'is exact when many requests overlap' {
        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 5 -LatencyMs 300
        $urls = foreach ($i in 1..24) { Get-ApiUrl -Path $V2 -Query @{ oAuthorId = "c$i" } }
        $codes = Invoke-Concurrently -Url $urls
        @($codes | Where-Object { $_ -eq 0 }).Count | Should -Be 5
        @($codes | Where-Object { $_ -eq 303 }).Count | Should -Be 19
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.billedTotal | Should -Be 5
        $stats.peakInFlight | Should -BeGreaterThan 5 -Because 'the requests must have overlapped for this to prove anything'
    }

    It 'bills on arrival when asked: refuses the request over the quota at once, while admitted ones are still answering' {
        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 2 -BillOnArrival $true
        Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'h1' = @('hold'); 'h2' = @('hold') }
        $handler = [System.Net.Http.HttpClientHandler]::new()
        $handler.UseProxy = $false
        $client = [System.Net.Http.HttpClient]::new($handler)
        try {
            $held = @('h1', 'h2' | ForEach-Object { $client.GetStringAsync((Get-ApiUrl -Path $V1 -Query @{ kolId = $_ })) })
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ((Get-XingtuEmulatorStats -Uri $Uri).held -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            $stats.held | Should -Be 2
            $stats.billedTotal | Should -Be 2 -Because 'both were billed as they arrived, before they answered'

            # Both admitted requests are still held: the third is refused without waiting for them.
            (Invoke-Api -Path $V1 -Query @{ kolId = 'h3' }).code | Should -Be 303
            (Get-XingtuEmulatorStats -Uri $Uri).held | Should -Be 2

            Resume-XingtuEmulatorRequest -Uri $Uri | Should -Be 2
            [System.Threading.Tasks.Task]::WaitAll([System.Threading.Tasks.Task[]]$held)
            $held | ForEach-Object { ($_.Result | ConvertFrom-Json).code } | Should -Be @(0, 0) -Because 'an admitted request is answered even after the quota ran out'
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            $stats.billedTotal | Should -Be 2 -Because 'an answer billed on arrival is not billed again'
            $stats.billedPerKol['h1'] | Should -Be 1
            $stats.billedPerKol.ContainsKey('h3') | Should -BeFalse
        }
        finally {
            $client.Dispose()
        }
        (Invoke-RestMethod -Uri "$Uri/_emulator/config" -NoProxy).billOnArrival | Should -BeTrue
        Reset-XingtuEmulator -Uri $Uri
        (Invoke-RestMethod -Uri "$Uri/_emulator/config" -NoProxy).billOnArrival | Should -BeFalse
    }

    It 'ends with reset' {
        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 1
        (Invoke-Api -Path $V1 -Query @{ kolId = 'r1' }).code | Should -Be 0
        (Invoke-Api -Path $V1 -Query @{ kolId = 'r1' }).code | Should -Be 303
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -DailyQuota 1
        (Invoke-Api -Path $V1 -Query @{ kolId = 'r1' }).code | Should -Be 0
    }
}

Describe 'Emulator: rate limit per token' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -Token $TestToken, 'token-a', 'token-b'
        # Warm the request path, so the overlapping requests below arrive well within one second.
        $null = Invoke-Api -Path $V1 -Query @{ kolId = 'warm' }
    }

    It 'gives each token the full rate' {
        Set-XingtuEmulatorConfig -Uri $Uri -MaxRequestsPerSecond 3
        $a = foreach ($i in 1..5) { Get-ApiUrl -Path $V1 -Query @{ kolId = "a$i" } -Token 'token-a' }
        $b = foreach ($i in 1..3) { Get-ApiUrl -Path $V2 -Query @{ oAuthorId = "b$i" } -Token 'token-b' }
        $codes = Invoke-Concurrently -Url ($a + $b)

        @($codes[0..4] | Where-Object { $_ -eq 0 }).Count | Should -Be 3
        @($codes[0..4] | Where-Object { $_ -eq 302 }).Count | Should -Be 2
        $codes[5..7] | Should -Be @(0, 0, 0) -Because 'token-a using up its rate leaves token-b''s untouched'
        (Get-XingtuEmulatorStats -Uri $Uri).billedTotal | Should -Be 7
    }
}
