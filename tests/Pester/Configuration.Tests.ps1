BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Get-XingtuConfiguration' {
    It 'shows the documented defaults in a fresh session' {
        $child = Invoke-ChildPwsh -Script @"
Import-Module '$ModulePath'
Get-XingtuConfiguration | ConvertTo-Json -EnumsAsStrings
"@
        $configuration = $child.Output | ConvertFrom-Json
        $configuration.Environment | Should -Be 'Global'
        $configuration.BaseUri | Should -Be 'https://api.justoneapi.com/'
        $configuration.BaseUriSource | Should -Be 'Default'
        $configuration.TimeoutSec | Should -Be 60
        $configuration.MaximumRetryCount | Should -Be 3
        $configuration.RetryIntervalSec | Should -Be 1
        $configuration.ThrottleLimit | Should -Be 8
        $configuration.MaxRequestsPerSecond | Should -Be 0
        $configuration.SpreadEndpoint | Should -Be 'Auto'
        $configuration.LocalCacheEnabled | Should -BeTrue
        $configuration.LocalCacheMaxAge.Ticks | Should -Be ([TimeSpan]::FromHours(12).Ticks)
        $configuration.TokenSource | Should -Be 'None'
    }

    It 'takes the base URI from JUSTONEAPI_BASE_URI' {
        $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_BASE_URI = 'http://127.0.0.1:9/' } -Script @"
Import-Module '$ModulePath'
(Get-XingtuConfiguration).BaseUri
(Get-XingtuConfiguration).BaseUriSource
"@
        $child.Output | Should -Match 'http://127.0.0.1:9/'
        $child.Output | Should -Match 'EnvironmentVariable'
    }
}

Describe 'Set-XingtuConfiguration' {
    BeforeAll {
        $script:Before = Get-XingtuConfiguration
    }

    AfterAll {
        Set-XingtuConfiguration -Environment Global -TimeoutSec $Before.TimeoutSec -MaximumRetryCount $Before.MaximumRetryCount -RetryIntervalSec $Before.RetryIntervalSec -WarningAction SilentlyContinue
    }

    It 'switches to the China address and warns that the token crosses the network unencrypted' {
        $configuration = Set-XingtuConfiguration -Environment China -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $configuration.Environment | Should -Be 'China'
        $configuration.BaseUri | Should -Be 'http://47.117.133.51:30015/'
        "$warnings" | Should -Match 'unencrypted'
    }

    It 'does not warn about plain HTTP on loopback' {
        Set-XingtuConfiguration -BaseUri 'http://127.0.0.1:9' -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        (Get-XingtuConfiguration).Environment | Should -Be 'Custom'
    }

    It 'allows RetryIntervalSec 0 and keeps what it is not given' {
        Set-XingtuConfiguration -RetryIntervalSec 0 -TimeoutSec 5
        Set-XingtuConfiguration -MaximumRetryCount 2
        $configuration = Get-XingtuConfiguration
        $configuration.RetryIntervalSec | Should -Be 0
        $configuration.TimeoutSec | Should -Be 5
        $configuration.MaximumRetryCount | Should -Be 2
    }

    It 'rejects -<Name> <Value> at binding' -ForEach @(
        @{ Name = 'BaseUri'; Value = 'api/relative' }
        @{ Name = 'BaseUri'; Value = 'ftp://127.0.0.1' }
        @{ Name = 'BaseUri'; Value = 'not a uri' }
        @{ Name = 'BaseUri'; Value = 'https://user:secret@127.0.0.1:9' }
        @{ Name = 'TimeoutSec'; Value = -1 }
        @{ Name = 'TimeoutSec'; Value = 0 }
        @{ Name = 'MaximumRetryCount'; Value = -1 }
        @{ Name = 'RetryIntervalSec'; Value = -1 }
        @{ Name = 'ThrottleLimit'; Value = 0 }
        @{ Name = 'MaxRequestsPerSecond'; Value = -1 }
    ) {
        $arguments = @{ $Name = $Value }
        { Set-XingtuConfiguration @arguments } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    Context 'Proxy settings' {
        AfterEach {
            Set-XingtuConfiguration -Proxy $null
        }

        It 'goes through the system proxy by default, direct with -NoProxy, and back with -NoProxy:$false' {
            (Get-XingtuConfiguration).ProxyMode | Should -Be 'System'
            Set-XingtuConfiguration -NoProxy
            (Get-XingtuConfiguration).ProxyMode | Should -Be 'NoProxy'
            (Get-XingtuConfiguration).Proxy | Should -BeNullOrEmpty
            Set-XingtuConfiguration -NoProxy:$false
            (Get-XingtuConfiguration).ProxyMode | Should -Be 'System'
        }

        It 'keeps the proxy credential for the session and shows only its user; -Proxy starts a new setting' {
            $secret = 'Sh0wMeNever9'
            $credential = [pscredential]::new('CORP\analyst', (ConvertTo-SecureString $secret -AsPlainText -Force))
            Set-XingtuConfiguration -Proxy 'http://proxy.example.invalid:3128' -ProxyCredential $credential -ProxyBypassList 'intranet.example'
            $configuration = Get-XingtuConfiguration
            $configuration.ProxyMode | Should -Be 'Explicit'
            $configuration.ProxyUser | Should -Be 'CORP\analyst'
            $configuration.ProxyBypassList | Should -Be 'intranet.example'
            ($configuration | Format-List * | Out-String) + ($configuration | ConvertTo-Json) | Should -Not -Match $secret

            # Without -Proxy, the others change the proxy in force; -Proxy alone starts afresh, without a user.
            Set-XingtuConfiguration -ProxyBypassList @()
            (Get-XingtuConfiguration).ProxyUser | Should -Be 'CORP\analyst'
            @((Get-XingtuConfiguration).ProxyBypassList).Count | Should -Be 0
            Set-XingtuConfiguration -Proxy 'http://other.example.invalid:8080'
            (Get-XingtuConfiguration).ProxyUser | Should -BeNullOrEmpty
            Set-XingtuConfiguration -ProxyUseDefaultCredentials
            (Get-XingtuConfiguration).ProxyUser | Should -Be '(default credentials)'
            Set-XingtuConfiguration -Proxy $null
            (Get-XingtuConfiguration).ProxyMode | Should -Be 'System'
        }

        It 'rejects <Case> with InvalidProxy, changing nothing' -ForEach @(
            @{ Case = 'a proxy address with a user in it'; Arguments = @{ Proxy = 'http://user:pass@proxy.example.invalid:3128' } }
            @{ Case = 'a proxy address with a path'; Arguments = @{ Proxy = 'http://proxy.example.invalid:3128/path' } }
            @{ Case = 'a proxy that is not http'; Arguments = @{ Proxy = 'socks5://proxy.example.invalid:1080' } }
            @{ Case = '-NoProxy with -Proxy'; Arguments = @{ NoProxy = $true; Proxy = 'http://proxy.example.invalid:3128' } }
            @{ Case = 'a credential without a proxy'; Arguments = @{ ProxyUseDefaultCredentials = $true } }
        ) {
            $before = Get-XingtuConfiguration
            { Set-XingtuConfiguration @Arguments -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProxy*'
            (Get-XingtuConfiguration).ProxyMode | Should -Be $before.ProxyMode
            (Get-XingtuConfiguration).Proxy | Should -Be $before.Proxy
        }
    }

    It 'keeps a password typed into a refused proxy address out of the error record: <Proxy>' -ForEach @(
        @{ Proxy = 'http://user:pr0xy-s3cret@proxy.example.invalid:3128' }
        @{ Proxy = 'user:pr0xy-s3cret@proxy.example.invalid:3128' }
    ) {
        $record = $null
        try { Set-XingtuConfiguration -Proxy $Proxy -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidProxy*'
        $text = @($record.ToString(), "$($record.TargetObject)", $record.Exception.ToString(), "$($record.CategoryInfo)") -join "`n"
        $text | Should -Not -Match 'pr0xy-s3cret'
    }

    It 'does not take -Environment and -BaseUri together' {
        { Set-XingtuConfiguration -Environment Global -BaseUri 'http://127.0.0.1:9' } | Should -Throw
    }

    It 'supports -WhatIf' {
        Set-XingtuConfiguration -TimeoutSec 7
        Set-XingtuConfiguration -TimeoutSec 9 -WhatIf
        (Get-XingtuConfiguration).TimeoutSec | Should -Be 7
    }
}

Describe 'Get-XingtuKolSpread parameter validation' {
    It 'rejects ThrottleLimit 0' {
        { Get-XingtuKolSpread -KolId 1 -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'completes the values of -Type and -Range' {
        $completion = TabExpansion2 -inputScript 'Get-XingtuKolSpread -Range ' -cursorColumn 27
        $completion.CompletionMatches.CompletionText | Should -Be @('Last30Days', 'Last90Days')
        $completion = TabExpansion2 -inputScript 'Get-XingtuKolSpread -Type ' -cursorColumn 26
        $completion.CompletionMatches.CompletionText | Should -Be @('PersonalVideo', 'XingtuVideo')
    }
}
