# Under a zh-* UI culture nothing a user reads stays English: every scenario a user meets (each per-row error the
# emulator can produce, the account stops, refused ids and inputs, Invoke-JustOneApi's refusals, the configuration,
# token, store and report cmdlets' refusals and their -Verbose lines) is run as a pipeline of its own in a runspace,
# under zh-CN set inside its script, and every text of every stream, progress and error record (with its exception
# chain) is checked for English prose, once what is rightly English is removed (Remove-KnownEnglish says what and why).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    # The module's settings are the process's: what the scenarios change is put back for the files that run after.
    $script:Saved = Get-XingtuConfiguration
    $script:StoreFolder = $Saved.LocalCachePath
    $script:Scratch = Join-Path ([IO.Path]::GetTempPath()) ('xingtu-lang-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $Scratch
    # A folder the store must refuse: it holds a file the module did not make.
    $script:Foreign = Join-Path $Scratch 'foreign'
    $null = New-Item -ItemType Directory $Foreign
    Set-Content -Path (Join-Path $Foreign 'notes.txt') -Value '我的笔记'
    # A file Export-XingtuReport must not overwrite without -Force.
    $script:Existing = Join-Path $Scratch 'existing.html'
    Set-Content -Path $Existing -Value '我的报告'

    # One runspace for the whole file (importing the module once); each scenario is a pipeline of its own, so its
    # streams are its own, and its script clears $Error and sets everything it relies on first.
    $script:Runspace = [runspacefactory]::CreateRunspace()
    $Runspace.Open()
    $import = [powershell]::Create()
    $import.Runspace = $Runspace
    $null = $import.AddScript("Import-Module '$ModulePath'").Invoke()
    $import.Dispose()

    # .NET types whose messages are .NET's own text: an inner exception of one of these carries what the network, the
    # file system or the JSON reader said, in .NET's language (its own satellite resources), not the module's.
    $script:ForeignNamespaces = '^System\.(Net|IO|Text\.Json|Threading|Security|ComponentModel|Runtime)\b'

    function Invoke-InRunspace {
        <#
        Runs $Script in the runspace under the UI culture $Culture, with the module pointed at the emulator. Returns
        each text the user can read, as { Source; Text }: the verbose, warning, debug and information streams, the
        progress records, and every error record (terminating ones from $Error too) with its details, category and
        exception chain; and the UI culture that was in force at the end of the script.
        #>
        param([string] $Script, [string] $Culture = 'zh-CN', [hashtable] $Variable = @{})
        $ps = [powershell]::Create()
        $ps.Runspace = $Runspace
        try {
            foreach ($name in $Variable.Keys) { $Runspace.SessionStateProxy.SetVariable($name, $Variable[$name]) }
            $null = $ps.AddScript(@"
[cultureinfo]::CurrentUICulture = '$Culture'
`$Error.Clear()
`$ProgressPreference = 'Continue'
`$ErrorActionPreference = 'Continue'
Set-XingtuConfiguration -BaseUri '$Uri' -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 30 -MaxRequestsPerSecond 0 -ThrottleLimit 4 -LocalCacheEnabled `$true -LocalCacheMaxAge 0 -LocalCachePath '$StoreFolder'
Set-XingtuToken -Token '$TestToken'
try {
$Script
} catch { `$null = `$_ }
`$global:uiCultureInForce = [cultureinfo]::CurrentUICulture.Name
"@)
            $async = $ps.BeginInvoke()
            $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(60)) | Should -BeTrue -Because 'no scenario may hang'
            try { $null = $ps.EndInvoke($async) } catch { $null = $_ }

            $texts = [Collections.Generic.List[object]]::new()
            function Add-Text([string] $Source, [string] $Text) { if ($Text) { $texts.Add([pscustomobject]@{ Source = $Source; Text = $Text }) } }
            foreach ($item in $ps.Streams.Verbose) { Add-Text 'verbose' $item.Message }
            foreach ($item in $ps.Streams.Warning) { Add-Text 'warning' $item.Message }
            foreach ($item in $ps.Streams.Debug) { Add-Text 'debug' $item.Message }
            foreach ($item in $ps.Streams.Information) { Add-Text 'information' "$($item.MessageData)" }
            foreach ($progress in $ps.Streams.Progress) {
                Add-Text 'progress' $progress.Activity
                Add-Text 'progress' $progress.StatusDescription
                Add-Text 'progress' $progress.CurrentOperation
            }
            $records = @($ps.Streams.Error) + @($Runspace.SessionStateProxy.GetVariable('Error'))
            $seen = [Collections.Generic.HashSet[object]]::new()
            $foreign = [Collections.Generic.List[string]]::new()
            foreach ($record in $records) {
                if ($record -isnot [Management.Automation.ErrorRecord]) {
                    $record = if ($record.ErrorRecord) { $record.ErrorRecord } else { $null }
                }
                if (-not $record -or -not $seen.Add($record)) { continue }
                $id = $record.FullyQualifiedErrorId
                Add-Text "error $id" $record.ToString()
                Add-Text "error $id (recommended action)" $record.ErrorDetails.RecommendedAction
                Add-Text "error $id (category)" $record.CategoryInfo.ToString()
                $depth = 0
                for ($e = $record.Exception; $e; $e = $e.InnerException) {
                    if ($depth++ -gt 0 -and $e.GetType().FullName -match $ForeignNamespaces) {
                        $foreign.Add($e.Message)
                        continue
                    }
                    Add-Text "error $id ($($e.GetType().Name))" $e.Message
                }
            }
            [pscustomobject]@{
                Texts    = $texts
                Foreign  = $foreign
                Records  = @($records | ForEach-Object { if ($_ -is [Management.Automation.ErrorRecord]) { $_ } elseif ($_.ErrorRecord) { $_.ErrorRecord } })
                Warnings = @($ps.Streams.Warning)
                Verbose  = @($ps.Streams.Verbose)
                Culture  = $Runspace.SessionStateProxy.GetVariable('uiCultureInForce')
            }
        }
        finally {
            $null = Resume-XingtuEmulatorRequest -Uri $Uri
            $ps.Dispose()
        }
    }

    # The vendor's own names of its endpoints (Creator Profile, Follower Growth Trend), as its OpenAPI file and English
    # docs give them and the module's endpoint table keeps them: names to look up there, like the API's own message.
    $script:EndpointSummaries = @([regex]::Matches((Get-Content -Raw (Join-Path $RepoRoot 'src/JustOneApi.Xingtu/Model/XingtuEndpoints.cs')), 'E\("[^"]*", "([^"]+)"') |
        ForEach-Object { $_.Groups[1].Value } | Sort-Object Length -Descending)
    $EndpointSummaries.Count | Should -BeGreaterThan 30 -Because 'the endpoint table must have been read'

    function Remove-KnownEnglish {
        <#
        Removes from one text what is rightly English (or not the module's to translate), each for the reason given,
        so that what is left is the module's own prose.
        #>
        param([string] $Text, [string[]] $Foreign)
        # .NET's own messages (an inner exception's, and the same words quoted inside the module's message): .NET's
        # text in .NET's language, not ours to translate.
        foreach ($message in $Foreign) { if ($message) { $Text = $Text.Replace($message, ' ') } }
        # PowerShell's wrappers around a message of the module's (an argument transformation's or validation's, and
        # -Verbose's ShouldProcess line around the module's action and target): PowerShell's text, localised by
        # PowerShell itself; the module's words inside are still checked.
        $Text = $Text -replace "^Cannot process argument transformation on parameter '\w+'\. ", ''
        $Text = $Text -replace "^Cannot validate argument on parameter '\w+'\. ", ''
        $Text = $Text -replace '^Performing the operation "(.*)" on target "(.*)"\.$', '$1 / $2'
        # What the network stack said, quoted after "连接失败：" (.NET's HttpRequestException and IOException messages and
        # its error names, such as "The response ended prematurely. (ResponseEnded)"): .NET's text; it runs to the next
        # Chinese text.
        $Text = $Text -replace '(连接失败：|无法连接代理 \S+?：)[^\p{IsCJKUnifiedIdeographs}（）]*', '$1 '
        # What .NET's JSON reader or PowerShell said about a hostile answer, quoted in brackets.
        $Text = $Text -replace '(\.NET 无法解码的文本（|不能作为 PowerShell 属性的名称（)[^）]*', '$1'
        # The API's own message, which the module quotes after "API 的说明：" (the emulator sends it in English, as the
        # vendor does): it runs to the next Chinese text or the end.
        $Text = $Text -replace 'API 的说明：[^\p{IsCJKUnifiedIdeographs}（）]*', ' '
        # Xingtu's own base_resp status message, quoted in brackets after its status code.
        $Text = $Text -replace '(base_resp 状态 -?\d+：)[^）]*', '$1'
        # URLs (with their query) and file paths: addresses, not prose.
        $Text = $Text -replace '\b[a-z][a-z0-9+.-]*://\S+', ' '
        $Text = $Text -replace '(?<![\w.])(?:[A-Za-z]:)?[\\/][^\s''，。；：（）]+', ' '
        foreach ($summary in $EndpointSummaries) { $Text = $Text.Replace($summary, ' ') }
        # Names: the product (Just One API), cmdlets (Verb-Noun), parameters (-Name), variables ($name) and the
        # module's name. A user types them as they are, in any language.
        $Text = $Text -replace 'Just One API', ' '
        $Text = $Text -replace '\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b', ' '
        $Text = $Text -replace '(?<![\w])-[A-Z][A-Za-z0-9]*', ' '
        $Text = $Text -replace '\$[\w.:]+', ' '
        # A character's Unicode name after its code point (U+200B ZERO WIDTH SPACE): the standard's own identifier, as
        # character maps and search engines know it.
        $Text = $Text -replace 'U\+[0-9A-F]{4,6}(?: [A-Z][A-Z-]*)+', ' '
        # HTTP reason phrases (Proxy Authentication Required, Too Many Requests): the protocol's words, as servers send them.
        $Text = $Text -replace '(HTTP \d{3}) [A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*', '$1'
        # "CSV UTF-8", Excel's own name of the format the user must pick in its Save As list.
        $Text = $Text -replace '“CSV UTF-8”', ' '
        $Text
    }

    # English prose: three or more English words in a row, a word being letters alone (not part of an identifier,
    # number, path or Verb-Noun name: no letter, digit, '_', '-', '.', '/', '\', '$' or '+' touches it), the words
    # separated by spaces with at most one ',', ';' or ':' between. ErrorIds, property names (one word each), KOL ids,
    # U+FFFD, TimeSpan.Zero and the like are single tokens, so they never make a run.
    $script:EnglishRun = '(?<![\w\-./\\$+@])[A-Za-z]+(?:''[a-z]+)?(?:[,;:]?[ \t]+[A-Za-z]+(?:''[a-z]+)?(?![\w\-./\\+])){2,}(?![\w\-./\\+])'

    function Find-English {
        # Each text that still holds English prose once the known English is removed: Source, the prose, and the text.
        param($Run)
        foreach ($item in $Run.Texts) {
            $left = Remove-KnownEnglish -Text $item.Text -Foreign $Run.Foreign
            $found = @([regex]::Matches($left, $EnglishRun) | ForEach-Object Value)
            if ($found) { [pscustomobject]@{ Source = $item.Source; English = $found -join ' | '; Text = $item.Text } }
        }
    }

    function Assert-Chinese {
        param($Run, [string] $Scenario, [string] $Expect)
        $Run.Culture | Should -Be 'zh-CN' -Because "the UI culture must be zh-CN in the runspace that ran '$Scenario'"
        $all = ($Run.Texts | ForEach-Object { "[$($_.Source)] $($_.Text)" }) -join "`n"
        if ($Expect) { $all | Should -Match $Expect -Because "'$Scenario' must have met what it is about (texts: $all)" }
        @($Run.Texts | Where-Object Text -Match '\p{IsCJKUnifiedIdeographs}').Count | Should -BeGreaterThan 0 -Because "'$Scenario' must have written some Chinese to sweep"
        $english = @(Find-English -Run $Run)
        $list = ($english | ForEach-Object { "`n  [$Scenario] [$($_.Source)] «$($_.English)» in: $($_.Text)" }) -join ''
        $english.Count | Should -Be 0 -Because "nothing a user reads may stay English under zh-CN:$list`n"
    }

    $script:SpreadV1 = '/api/douyin-xingtu/get-kol-spread-info/v1'
    $script:ProfilePath = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'
    $script:PricePath = 'api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1'
}

AfterAll {
    $Runspace.Dispose()
    # The address stays the stopped emulator's, so a later test that forgets to set one sends nothing anywhere.
    Set-XingtuConfiguration -BaseUri $Uri -TimeoutSec $Saved.TimeoutSec -MaximumRetryCount $Saved.MaximumRetryCount -RetryIntervalSec $Saved.RetryIntervalSec `
        -ThrottleLimit $Saved.ThrottleLimit -MaxRequestsPerSecond $Saved.MaxRequestsPerSecond -SpreadEndpoint $Saved.SpreadEndpoint `
        -LocalCacheEnabled $Saved.LocalCacheEnabled -LocalCachePath $StoreFolder -LocalCacheMaxAge $Saved.LocalCacheMaxAge -NoProxy:($Saved.ProxyMode -eq 'None')
    Set-XingtuToken -Token $TestToken
    Stop-XingtuEmulator -Emulator $Emulator
    Remove-Item $Scratch -Recurse -Force -ErrorAction Ignore
}

Describe 'Under zh-CN, nothing a user reads stays English' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 0
    }

    Context 'Per-row errors, one id for each kind the emulator can produce' {
        It '<Name>' -ForEach @(
            @{ Name = 'code 201 (no data)'; Steps = '201'; Expect = '代码 201' }
            @{ Name = 'code 301 (collection failed)'; Steps = '301'; Expect = '代码 301' }
            @{ Name = 'code 302 (rate limit)'; Steps = '302'; Expect = '代码 302' }
            @{ Name = 'code 400 (parameters)'; Steps = '400'; Expect = '代码 400' }
            @{ Name = 'code 500 (internal error)'; Steps = '500'; Expect = '代码 500' }
            @{ Name = 'an unknown code'; Steps = '777'; Expect = '代码 777' }
            @{ Name = 'HTTP 503, retried'; Steps = 'http:503*'; Retries = 1; Expect = '503' }
            @{ Name = 'HTTP 429 with Retry-After, retried'; Steps = 'http:429:retry-after=0*'; Retries = 1; Expect = '429' }
            @{ Name = 'HTTP 502 with an envelope code'; Steps = 'http:502:code=302'; Expect = '502' }
            @{ Name = 'a malformed body'; Steps = 'malformed'; Expect = 'JSON' }
            @{ Name = 'a truncated body'; Steps = 'truncated'; Expect = 'r1' }
            @{ Name = 'an empty body'; Steps = 'empty'; Expect = '空的应答体' }
            @{ Name = 'a body cut off mid-answer'; Steps = 'cut'; Expect = 'r1' }
            @{ Name = 'a body too large'; Steps = 'huge'; Expect = 'r1' }
            @{ Name = 'a base_resp failure'; Steps = 'base-resp'; Expect = 'base_resp' }
            @{ Name = 'field anomalies (nulls)'; Steps = 'nulls'; Expect = '该值留空|r1' }
            @{ Name = 'values of the wrong kind'; Steps = 'hostile:oddvalues'; Expect = '该值留空' }
            @{ Name = 'numbers sent as strings'; Steps = 'numbers'; Expect = 'r1' }
            @{ Name = 'an answer that quotes the request back'; Steps = 'echo:400'; Expect = '代码 400' }
            @{ Name = 'a timeout'; Steps = 'hold'; Timeout = 1; Expect = 'TimeoutSec' }
            @{ Name = 'a closed connection'; Steps = 'close'; Expect = 'r1' }
            @{ Name = 'a dropped connection'; Steps = 'drop'; Expect = 'r1' }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'r1' -Step $Steps
            $retries = if ($Retries) { $Retries } else { 0 }
            $timeout = if ($Timeout) { $Timeout } else { 30 }
            $run = Invoke-InRunspace -Script "Set-XingtuConfiguration -MaximumRetryCount $retries -TimeoutSec $timeout; Get-XingtuKolSpread -KolId r1, '$SampleKolId' -Verbose"
            Assert-Chinese -Run $run -Scenario $Name -Expect $Expect
        }

        It 'hostile bodies through Invoke-JustOneApi (<Name>)' -ForEach @(
            @{ Name = 'emptykey'; Expect = 'PowerShell' }, @{ Name = 'surrogate'; Expect = '\.NET' }, @{ Name = 'dupkeys'; Expect = '' }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'h1' -Step "hostile:$Name"
            $run = Invoke-InRunspace -Script "Invoke-JustOneApi -Path '$ProfilePath' -Query @{ oAuthorId = 'h1' } -Verbose"
            Assert-Chinese -Run $run -Scenario "hostile:$Name" -Expect $Expect
        }

        It 'Get-XingtuKol with empty and string-typed fields in every part' {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ '7100000000000000003' = @('nulls*'); '7100000000000000004' = @('numbers*') }
            $run = Invoke-InRunspace -Script 'Get-XingtuKol -KolId 7100000000000000003, 7100000000000000004 -Verbose'
            Assert-Chinese -Run $run -Scenario 'Get-XingtuKol, nulls and numbers' -Expect '各部分'
        }

        It 'Get-XingtuKol with a missing part' {
            Set-XingtuEmulatorScript -Uri $Uri -KolId '7100000000000000002' -Step '500' -Path $PricePath
            $run = Invoke-InRunspace -Script 'Get-XingtuKol -KolId 7100000000000000002 -Verbose'
            Assert-Chinese -Run $run -Scenario 'Get-XingtuKol, price part failed' -Expect '报价部分'
        }
    }

    Context 'Account stops' {
        It 'code <Code> stops the batch' -ForEach @(@{ Code = '100' }, @{ Code = '303' }, @{ Code = '600' }, @{ Code = '601' }) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 's2' -Step $Code
            $run = Invoke-InRunspace -Script 'Get-XingtuKolSpread -KolId s1, s2, s3, s4 -ThrottleLimit 1 -Verbose'
            Assert-Chinese -Run $run -Scenario "stop on code $Code" -Expect "代码 $Code"
        }

        It 'a stop with a request in flight' {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 's1' = @('hold'); 's2' = @('601') }
            $run = Invoke-InRunspace -Script '@{ kolId = "s1" }, @{ kolId = "s2" }, @{ kolId = "s3" } | Invoke-JustOneApi -Path $path -ThrottleLimit 2 -Verbose' -Variable @{ path = $SpreadV1 }
            Assert-Chinese -Run $run -Scenario 'stop with one in flight' -Expect '批量已停止'
        }
    }

    Context 'Refused input' {
        It 'a refused id: <Name>' -ForEach @(
            @{ Name = 'scientific notation'; Id = '7.1E+18'; Expect = '科学计数法' }
            @{ Name = 'a douyin.com link'; Id = 'https://www.douyin.com/user/MS4wLjABAAAA'; Expect = 'douyin' }
            @{ Name = 'an invisible character'; Id = "68531234567$([char]0x200B)89012345"; Expect = '不可见' }
            @{ Name = 'a whole row'; Id = [pscustomobject]@{ 昵称 = '小王'; 备注 = '美妆' }; Expect = '整行' }
            @{ Name = 'an empty id'; Id = ''; Expect = '为空' }
            @{ Name = 'a Xingtu link without an author id'; Id = 'https://www.xingtu.cn/ad/creator/market'; Expect = '星图链接' }
            @{ Name = 'a spreadsheet-formatted id (normalised, in verbose)'; Id = '7100 0000 0000 0000 001'; Expect = '规范化' }
        ) {
            $run = Invoke-InRunspace -Script 'Get-XingtuKolSpread -KolId $id -Verbose' -Variable @{ id = $Id }
            Assert-Chinese -Run $run -Scenario $Name -Expect $Expect
        }

        It 'a CSV without an id column' {
            $run = Invoke-InRunspace -Script '$rows | Get-XingtuKolSpread -Verbose' -Variable @{ rows = @([pscustomobject]@{ 昵称 = '小王'; 备注 = '美妆' }, [pscustomobject]@{ 昵称 = '小李'; 备注 = '美食' }) }
            Assert-Chinese -Run $run -Scenario 'no id column' -Expect '没有 ID 列'
        }

        It 'garbled (GBK read as UTF-8) column names' {
            $csv = Join-Path $Scratch 'gbk.csv'
            [IO.File]::WriteAllText($csv, "达人ID,昵称`r`n$SampleKolId,小王`r`n", [Text.Encoding]::GetEncoding(936))
            $run = Invoke-InRunspace -Script 'Import-Csv -Path $csv -Encoding utf8 | Get-XingtuKolSpread -Verbose' -Variable @{ csv = $csv }
            Assert-Chinese -Run $run -Scenario 'garbled column names' -Expect '乱码'
        }

        It 'garbled column names beside an id column (a warning)' {
            $rows = @([pscustomobject]@{ KolId = $SampleKolId; "$([char]0xFFFD)$([char]0xFFFD)" = 'x' })
            $run = Invoke-InRunspace -Script '$rows | Get-XingtuKolSpread -Verbose' -Variable @{ rows = $rows }
            Assert-Chinese -Run $run -Scenario 'garbled column names with an id' -Expect '乱码'
        }
    }

    Context 'Invoke-JustOneApi refusals' {
        It '<Name>' -ForEach @(
            @{ Name = 'a path with a host'; Script = 'Invoke-JustOneApi -Path "https://example.com/api" -Verbose'; Expect = '协议' }
            @{ Name = 'a path with a query'; Script = 'Invoke-JustOneApi -Path "/api/douyin-xingtu/x/v1?kolId=1" -Verbose'; Expect = '查询字符串' }
            @{ Name = 'a path with a dot segment'; Script = 'Invoke-JustOneApi -Path "/api/../x" -Verbose'; Expect = '路径段' }
            @{ Name = 'a path with a bad character'; Script = 'Invoke-JustOneApi -Path "/api/a b" -Verbose'; Expect = '字符' }
            @{ Name = 'an empty path'; Script = 'Invoke-JustOneApi -Path " " -Verbose'; Expect = '路径' }
            @{ Name = 'an unknown key'; Script = 'Invoke-JustOneApi -Path $profile -Query @{ oAuthorId = "6853123456789012345"; colour = "red" } -Verbose'; Expect = 'colour.+oAuthorId（必填）' }
            @{ Name = 'a missing key'; Script = 'Invoke-JustOneApi -Path $profile -Query @{ platform = "1" } -Verbose'; Expect = 'oAuthorId' }
            @{ Name = 'a list value'; Script = 'Invoke-JustOneApi -Path "/api/douyin-xingtu/not/listed/v1" -Query @{ ids = @(1, 2) } -Verbose'; Expect = '列表' }
            @{ Name = 'a token key'; Script = 'Invoke-JustOneApi -Path $profile -Query @{ oAuthorId = "6853123456789012345"; token = "x" } -Verbose'; Expect = 'token' }
            @{ Name = 'a query that is not a hashtable'; Script = 'Invoke-JustOneApi -Path $profile -Query 42 -Verbose'; Expect = '哈希表' }
            @{ Name = 'CSV rows with columns the path does not take'; Script = '$rows | Invoke-JustOneApi -Path $profile -Verbose'; Expect = '未发送的列' }
            @{ Name = 'an id given twice under two names'; Script = 'Invoke-JustOneApi -Path $profile -Query ([pscustomobject]@{ KolId = "6853123456789012345"; 达人ID = "6853123456789012346" }) -Verbose'; Expect = '两次' }
        ) {
            $rows = @([pscustomobject]@{ 达人ID = $SampleKolId; 昵称 = '小王' })
            $run = Invoke-InRunspace -Script $Script -Variable @{ profile = $ProfilePath; rows = $rows }
            Assert-Chinese -Run $run -Scenario $Name -Expect $Expect
        }
    }

    Context 'The store, token, configuration and report cmdlets' {
        It '<Name>' -ForEach @(
            @{ Name = 'a store folder the module will not use'; Script = 'Set-XingtuConfiguration -LocalCachePath $foreign; Get-XingtuKolSpread -KolId 6853123456789012345 -Verbose; Get-XingtuLocalCache -Verbose; Clear-XingtuLocalCache -Force -Verbose'; Expect = '不是本模块创建' }
            @{ Name = 'the store kept and cleared, with -Verbose'; Script = 'Get-XingtuKolSpread -KolId 6853123456789012345; Get-XingtuKolSpread -KolId 6853123456789012345 -MaxAge 1:00:00 -Verbose; Clear-XingtuLocalCache -Force -Verbose'; Expect = '本地存储' }
            @{ Name = 'Clear-XingtuLocalCache -OlderThan 7'; Script = 'Clear-XingtuLocalCache -OlderThan 7 -Force -Verbose'; Expect = 'tick' }
            @{ Name = 'Clear-XingtuLocalCache -OlderThan negative'; Script = 'Clear-XingtuLocalCache -OlderThan (New-TimeSpan -Days -1) -Force -Verbose'; Expect = '负数' }
            @{ Name = 'Get-XingtuKolSpread -MaxAge negative'; Script = 'Get-XingtuKolSpread -KolId 6853123456789012345 -MaxAge (New-TimeSpan -Days -1) -Verbose'; Expect = '负数' }
            @{ Name = 'Set-XingtuToken with a blank token'; Script = 'Set-XingtuToken -Token " " -Verbose'; Expect = 'token 为空' }
            @{ Name = 'Set-XingtuToken with no token and no prompt'; Script = 'Set-XingtuToken -Verbose'; Expect = '-Token' }
            @{ Name = 'Set-XingtuToken -Persist and Clear-XingtuToken, with -Verbose'; Script = 'Set-XingtuToken -Token "lang-sweep-token" -Persist -Verbose; Clear-XingtuToken -Verbose; Clear-XingtuToken -Verbose'; Expect = '已删除' }
            @{ Name = 'Clear-XingtuToken while the environment variable is set'; Script = '$env:JUSTONEAPI_TOKEN = "x"; try { Clear-XingtuToken -Verbose } finally { Remove-Item Env:JUSTONEAPI_TOKEN }'; Expect = 'JUSTONEAPI_TOKEN' }
            @{ Name = 'no token at all'; Script = 'Clear-XingtuToken; Get-XingtuKolSpread -KolId 6853123456789012345 -Verbose'; Expect = '未找到' }
            @{ Name = 'Set-XingtuConfiguration: a base URI that is not http'; Script = 'Set-XingtuConfiguration -BaseUri "ftp://example.com" -Verbose'; Expect = 'URI' }
            @{ Name = 'Set-XingtuConfiguration: plain HTTP'; Script = 'Set-XingtuConfiguration -BaseUri "http://example.com" -Verbose'; Expect = '明文' }
            @{ Name = 'Set-XingtuConfiguration: a bad proxy'; Script = 'Set-XingtuConfiguration -Proxy "ftp://proxy" -Verbose'; Expect = '代理' }
            @{ Name = 'Set-XingtuConfiguration: -Proxy with -NoProxy'; Script = 'Set-XingtuConfiguration -Proxy "http://proxy.example.com:8080" -NoProxy -Verbose'; Expect = '二选一' }
            @{ Name = 'Set-XingtuConfiguration: proxy options without a proxy'; Script = 'Set-XingtuConfiguration -NoProxy; Set-XingtuConfiguration -ProxyUseDefaultCredentials -Verbose'; Expect = '代理' }
            @{ Name = 'Set-XingtuConfiguration: -LocalCacheMaxAge negative'; Script = 'Set-XingtuConfiguration -LocalCacheMaxAge (New-TimeSpan -Days -1) -Verbose'; Expect = '负数' }
            @{ Name = 'Set-XingtuConfiguration with -Verbose'; Script = 'Set-XingtuConfiguration -ThrottleLimit 3 -Verbose'; Expect = '' }
            @{ Name = 'Export-XingtuReport over an existing file'; Script = 'Get-XingtuKolSpread -KolId 6853123456789012345 | Export-XingtuReport -Path $existing -Verbose'; Expect = '已存在' }
            @{ Name = 'Export-XingtuReport of rows it does not take, with -Verbose'; Script = '[pscustomobject]@{ 昵称 = "小王" }, (Get-XingtuKolSpread -KolId 6853123456789012345) | Export-XingtuReport -Path $report -Verbose'; Expect = '报告' }
            @{ Name = 'Get-XingtuKolSpread -Platform on V1'; Script = 'Get-XingtuKolSpread -KolId 6853123456789012345 -Endpoint V1 -Platform Live -Verbose'; Expect = 'V2' }
        ) {
            $run = Invoke-InRunspace -Script $Script -Variable @{ foreign = $Foreign; existing = $Existing; report = (Join-Path $Scratch "report-$([guid]::NewGuid().ToString('N')).html") }
            if ($Expect) { Assert-Chinese -Run $run -Scenario $Name -Expect $Expect }
            else {
                $run.Culture | Should -Be 'zh-CN'
                @(Find-English -Run $run).Count | Should -Be 0 -Because "'$Name' wrote: $(($run.Texts | ForEach-Object Text) -join ' / ')"
            }
        }
    }

    Context 'The V1 endpoint, the proxy and the store''s entries' {
        It 'the V1 endpoint''s deprecation' {
            $run = Invoke-InRunspace -Script 'Get-XingtuKolSpread -KolId 6853123456789012345 -Endpoint V1 -Verbose'
            Assert-Chinese -Run $run -Scenario '-Endpoint V1' -Expect '弃用'
        }

        It 'the V1 endpoint removed: asked for by name, switched from, and refused after' {
            # An emulator of its own: the module remembers for the rest of the process that an address removed V1.
            $removed = Start-XingtuEmulator
            try {
                Set-XingtuEmulatorConfig -Uri $removed.Uri -V1Gone $true
                $other = $removed.Uri -replace '127\.0\.0\.1', 'localhost'
                # Auto learns the removal and switches; then -Endpoint V1 is refused, and Auto goes to the successor at
                # once. Under another spelling of the address (not yet known as removed), -Endpoint V1 meets the removal.
                $script = 'Set-XingtuConfiguration -BaseUri $removed; Get-XingtuKolSpread -KolId 6853123456789012345 -Verbose; try { Get-XingtuKolSpread -KolId 6853123456789012345 -Endpoint V1 -Verbose } catch { }; ' +
                    'Get-XingtuKolSpread -KolId 6853123456789012346 -Verbose; Set-XingtuConfiguration -BaseUri $other; Get-XingtuKolSpread -KolId 6853123456789012345 -Endpoint V1 -Verbose'
                $run = Invoke-InRunspace -Script $script -Variable @{ removed = $removed.Uri; other = $other }
                Assert-Chinese -Run $run -Scenario 'V1 removed' -Expect '^(?=(?s).*已切换到其后继接口)(?=(?s).*-Endpoint V1 无法使用)(?=(?s).*已移除；改从)(?=(?s).*V1 传播数据接口已移除（)'
            }
            finally { Stop-XingtuEmulator -Emulator $removed }
        }

        It 'a proxy that cannot be reached' {
            # A port nothing listens on: bound, read and released, so the connection is refused at once.
            $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
            $listener.Start()
            $port = $listener.LocalEndpoint.Port
            $listener.Stop()
            $run = Invoke-InRunspace -Script "Set-XingtuConfiguration -Proxy 'http://127.0.0.1:$port'; try { Get-XingtuKolSpread -KolId 6853123456789012345 -Verbose } finally { Set-XingtuConfiguration -Proxy `$null }"
            Assert-Chinese -Run $run -Scenario 'proxy unreachable' -Expect '代理'
        }

        It 'a store folder others can write to' -Skip:$IsWindows {
            $open = Join-Path $Scratch 'open'
            $null = New-Item -ItemType Directory $open
            chmod 777 $open
            $run = Invoke-InRunspace -Script 'Set-XingtuConfiguration -LocalCachePath $open; Get-XingtuKolSpread -KolId 6853123456789012345 -Verbose' -Variable @{ open = $open }
            Assert-Chinese -Run $run -Scenario 'store folder writable by others' -Expect '可被组或其他用户写入'
        }

        It 'a damaged entry in the local store' {
            $script = 'Clear-XingtuLocalCache -Force; Get-XingtuKolSpread -KolId 6853123456789012345; ' +
                'Get-ChildItem -LiteralPath $store -Recurse -File -Filter *.entry | ForEach-Object { [IO.File]::WriteAllText($_.FullName, "damaged") }; ' +
                'Get-XingtuKolSpread -KolId 6853123456789012345 -MaxAge 1:00:00 -Verbose'
            $run = Invoke-InRunspace -Script $script -Variable @{ store = $StoreFolder }
            Assert-Chinese -Run $run -Scenario 'damaged store entry' -Expect '条目'
        }
    }

    Context 'The check itself' {
        It 'finds the English of the same scenario under en-US (so it cannot pass vacuously)' {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 's2' -Step '303'
            $run = Invoke-InRunspace -Culture 'en-US' -Script "Get-XingtuKolSpread -KolId '7.1E+18', s1, s2, s3 -ThrottleLimit 1 -Verbose"
            $run.Culture | Should -Be 'en-US'
            $english = @(Find-English -Run $run)
            ($english.Source -join ' ') | Should -Match 'verbose'
            ($english.Source -join ' ') | Should -Match 'DailyQuotaExceeded'
            ($english.Source -join ' ') | Should -Match 'KolId'
            ($english.English -join ' ') | Should -Match 'The batch stopped'
        }
    }
}
