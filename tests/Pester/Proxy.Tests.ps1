# Through a real proxy: Debian's tinyproxy, started here on loopback with Basic authentication and a log file, in
# front of the emulator. Skipped, with how to install it, where tinyproxy is missing; under CI=true they must run.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $PSScriptRoot 'Tinyproxy.psm1') -Force
    $script:SkipReason = Get-TinyproxySkipReason
    $script:ProxyUser = 'xingtu'
    $script:ProxyPassword = 'Pr0xyPassW0rd7'
    $script:Credential = [pscredential]::new($ProxyUser, (ConvertTo-SecureString $ProxyPassword -AsPlainText -Force))
    if (-not $SkipReason) {
        $script:Emulator = Start-XingtuEmulator
        $script:Uri = $Emulator.Uri
        $script:Proxy = Start-Tinyproxy -User $ProxyUser -Password $ProxyPassword
    }

    function Skip-WithoutProxy {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
    }

    function Get-NewProxyRequest([int] $Before) { @(Get-TinyproxyRequest -Proxy $Proxy | Select-Object -Skip $Before) }

    function Invoke-Captured([scriptblock] $Script) {
        # Every stream of the call, and the terminating error if any: what a user could ever see.
        $stop = $null
        $records = [Collections.Generic.List[object]]::new()
        try { & $Script *>&1 | ForEach-Object { $records.Add($_) } } catch { $stop = $_ }
        [pscustomobject]@{ Records = $records; Stop = $stop }
    }

    function Get-VisibleText($Run) {
        $texts = foreach ($record in @($Run.Records) + @($Run.Stop | Where-Object { $_ })) {
            if ($record -is [Management.Automation.ErrorRecord]) { $record.ToString(); $record.Exception.ToString(); [string]$record.TargetObject; $record.FullyQualifiedErrorId }
            elseif ($record -is [Management.Automation.InformationalRecord]) { $record.Message }
            else { $record | Out-String }
        }
        $texts -join "`n"
    }
}

AfterAll {
    Set-XingtuConfiguration -Proxy $null -LocalCacheMaxAge 0
    if ($Proxy) { Stop-Tinyproxy -Proxy $Proxy }
    if ($Emulator) { Stop-XingtuEmulator -Emulator $Emulator }
}

Describe 'Through a proxy with Basic authentication' {
    BeforeEach {
        if (-not $SkipReason) {
            Reset-XingtuEmulator -Uri $Uri
            Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0 -SpreadEndpoint V1 -LocalCacheMaxAge 0
            Set-XingtuToken -Token $TestToken
        }
    }

    It 'takes a 300-KOL batch through the proxy, complete and in order; the proxy logs the requests and the emulator sees its Via header' {
        Skip-WithoutProxy
        # tinyproxy drops some fresh connections when several open at once (the request never leaves it); the module
        # retries those like any dropped connection, so the retries are raised here to keep the check about the proxy.
        Set-XingtuConfiguration -Proxy $Proxy.Uri -ProxyCredential $Credential -MaximumRetryCount 10
        $before = @(Get-TinyproxyRequest -Proxy $Proxy).Count
        $ids = 1..300 | ForEach-Object { "via-$_" }
        $run = Invoke-Captured { $ids | Get-XingtuKolSpread -ErrorAction Stop -Verbose }
        $run.Stop | Should -BeNullOrEmpty
        $rows = @($run.Records | Where-Object { $_ -is [JustOneApi.Xingtu.KolSpread] })
        @($rows.KolId) | Should -Be $ids
        $rows.PlayMedian | Where-Object { $null -eq $_ } | Should -BeNullOrEmpty

        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 300
        $stats.perVia.Keys | Should -Match 'tinyproxy' -Because 'the proxy forwarded every request, and says so in Via'
        ($stats.perVia.Values | Measure-Object -Sum).Sum | Should -Be 300

        $logged = Get-NewProxyRequest $before
        $kols = @($logged | ForEach-Object { if ($_.Url -match '[?&]kolId=([^&]+)') { $Matches[1] } } | Sort-Object -Unique)
        $kols.Count | Should -Be 300 -Because 'the proxy''s log names every KOL requested through it'
        (Get-VisibleText $run) | Should -Match ([regex]::Escape("through the proxy http://127.0.0.1:$($Proxy.Port)")) -Because '-Verbose says the proxy is used'
    }

    It 'shows the proxy and its user in Get-XingtuConfiguration, never the password' {
        Skip-WithoutProxy
        Set-XingtuConfiguration -Proxy $Proxy.Uri -ProxyCredential $Credential -ProxyBypassList 'intranet.example', '*.corp.example'
        $configuration = Get-XingtuConfiguration
        $configuration.ProxyMode | Should -Be 'Explicit'
        $configuration.Proxy | Should -Be "http://127.0.0.1:$($Proxy.Port)/"
        $configuration.ProxyUser | Should -Be $ProxyUser
        $configuration.ProxyBypassList | Should -Be @('intranet.example', '*.corp.example')
        ($configuration | Format-List * | Out-String) | Should -Not -Match $ProxyPassword
        ($configuration | ConvertTo-Json) | Should -Not -Match $ProxyPassword
    }

    It 'stops at once with ProxyAuthenticationRequired after one request when the proxy gets <What>, and nothing is billed' -ForEach @(
        @{ What = 'no credentials'; WithCredential = $false }
        @{ What = 'the wrong password'; WithCredential = $true }
    ) {
        Skip-WithoutProxy
        if ($WithCredential) {
            Set-XingtuConfiguration -Proxy $Proxy.Uri -ProxyCredential ([pscredential]::new($ProxyUser, (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force)))
        }
        else {
            Set-XingtuConfiguration -Proxy $Proxy.Uri
        }
        $before = @(Get-TinyproxyRequest -Proxy $Proxy).Count
        $ids = 1..40 | ForEach-Object { "auth-$_" }
        $run = Invoke-Captured { $ids | Get-XingtuKolSpread -ErrorAction Stop -Verbose }
        $run.Stop.FullyQualifiedErrorId | Should -BeLike 'ProxyAuthenticationRequired,*'
        $run.Stop.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $run.Stop.Exception.Message | Should -Match '407'
        $run.Stop.Exception.Message | Should -Match '-ProxyCredential'
        $run.Stop.Exception.Message | Should -Match 'nothing was billed'
        $run.Stop.Exception.Attempts | Should -Be 1 -Because 'a 407 is not retried'
        @($run.Records | Where-Object { $_ -is [Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty -Because 'it is not a per-KOL error'

        # One request left the module: the proxy saw one KOL (twice when .NET answered the challenge with the wrong password).
        $logged = Get-NewProxyRequest $before
        $logged.Count | Should -BeLessOrEqual ([int]$WithCredential + 1)
        @($logged.Url | ForEach-Object { ([regex]::Match($_, 'kolId=([^&]+)')).Groups[1].Value } | Sort-Object -Unique) | Should -Be @('auth-1')
        $stats = Get-XingtuEmulatorStats -Uri $Uri
        $stats.total | Should -Be 0
        $stats.billedTotal | Should -Be 0
    }

    It 'stops with ProxyAuthenticationRequired when the proxy refuses the tunnel to an https address' {
        Skip-WithoutProxy
        # The emulator speaks no TLS; the proxy refuses the CONNECT before any TLS is tried.
        $port = ([uri]$Uri).Port
        Set-XingtuConfiguration -BaseUri "https://127.0.0.1:$port" -Proxy $Proxy.Uri
        $run = Invoke-Captured { 'tunnel-1', 'tunnel-2' | Get-XingtuKolSpread -ErrorAction Stop }
        $run.Stop.FullyQualifiedErrorId | Should -BeLike 'ProxyAuthenticationRequired,*'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'stops with ProxyUnreachable after the retries of the first request when the proxy is stopped, never once per KOL' {
        Skip-WithoutProxy
        $stopped = Start-Tinyproxy -User $ProxyUser -Password $ProxyPassword
        Stop-Tinyproxy -Proxy $stopped
        Set-XingtuConfiguration -Proxy $stopped.Uri -ProxyCredential $Credential
        $ids = 1..60 | ForEach-Object { "down-$_" }
        $run = Invoke-Captured { $ids | Get-XingtuKolSpread -ErrorAction Stop }
        $run.Stop.FullyQualifiedErrorId | Should -BeLike 'ProxyUnreachable,*'
        $run.Stop.CategoryInfo.Category | Should -Be 'ConnectionError'
        $run.Stop.TargetObject | Should -Be 'down-1'
        $run.Stop.Exception.Message | Should -Match "after 3 attempt\(s\)"
        $run.Stop.Exception.Message | Should -Match ([regex]::Escape("127.0.0.1:$($stopped.Port)"))
        @($run.Records | Where-Object { $_ -is [Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty -Because 'no KOL gets an error of its own'
        (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
    }

    It 'retries the proxy''s own 5xx as any 5xx, and fails that KOL alone' {
        Skip-WithoutProxy
        # Nothing listens at the base address: the proxy answers for it with a 5xx of its own.
        $closed = Start-Tinyproxy -User $ProxyUser -Password $ProxyPassword
        Stop-Tinyproxy -Proxy $closed
        Set-XingtuConfiguration -BaseUri "http://127.0.0.1:$($closed.Port)" -Proxy $Proxy.Uri -ProxyCredential $Credential
        $errors = $null
        $out = @('gone-1', 'gone-2' | Get-XingtuKolSpread -ErrorVariable errors -ErrorAction SilentlyContinue)
        $out | Should -BeNullOrEmpty
        @($errors).Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'HttpError,*'
        $errors[0].Exception.HttpStatusCode | Should -BeGreaterOrEqual 500
        $errors[0].Exception.Attempts | Should -Be 3
    }

    It 'never shows the token or the proxy password: errors, warnings and verbose lines, on success and on every proxy failure' {
        Skip-WithoutProxy
        $texts = [Collections.Generic.List[string]]::new()
        Set-XingtuConfiguration -Proxy $Proxy.Uri -ProxyCredential $Credential
        $texts.Add((Get-VisibleText (Invoke-Captured { 'leak-1', 'leak-2' | Get-XingtuKolSpread -Verbose })))
        Set-XingtuConfiguration -Proxy $Proxy.Uri
        $texts.Add((Get-VisibleText (Invoke-Captured { 'leak-3', 'leak-4' | Get-XingtuKolSpread -Verbose })))
        $stopped = Start-Tinyproxy -User $ProxyUser -Password $ProxyPassword
        Stop-Tinyproxy -Proxy $stopped
        Set-XingtuConfiguration -Proxy $stopped.Uri -ProxyCredential $Credential -MaximumRetryCount 1
        $texts.Add((Get-VisibleText (Invoke-Captured { 'leak-5' | Get-XingtuKolSpread -Verbose })))
        $all = $texts -join "`n"
        $all | Should -Match 'ProxyAuthenticationRequired' -Because 'the failures were captured'
        $all | Should -Match 'ProxyUnreachable'
        $all | Should -Not -Match ([regex]::Escape($TestToken))
        $all | Should -Not -Match $ProxyPassword
        @($Error | ForEach-Object { $_.ToString() } | Where-Object { $_ -match [regex]::Escape($TestToken) -or $_ -match $ProxyPassword }) | Should -BeNullOrEmpty
    }

    It 'says in the plain-HTTP warning that the token passes through the proxy' {
        Skip-WithoutProxy
        # A documentation address (TEST-NET-1): only the settings change, nothing is sent.
        $warnings = $null
        Set-XingtuConfiguration -BaseUri 'http://192.0.2.10:30015' -Proxy $Proxy.Uri -ProxyCredential $Credential -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        $warnings[0] | Should -Match 'plain HTTP'
        $warnings[0] | Should -Match ([regex]::Escape("passes through the proxy http://127.0.0.1:$($Proxy.Port)"))
        $warnings[0] | Should -Not -Match $ProxyPassword

        # The proxy set later, on a plain-HTTP address already in force, warns too.
        Set-XingtuConfiguration -Proxy $null -WarningAction SilentlyContinue
        $warnings = $null
        Set-XingtuConfiguration -Proxy $Proxy.Uri -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Match 'passes through the proxy'
    }
}
