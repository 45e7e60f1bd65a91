BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 3 -TimeoutSec 10 -ThrottleLimit 4 -SpreadEndpoint V1
    Set-XingtuToken -Token $TestToken

    function Invoke-Batch {
        # Runs a batch and returns what came out: objects, error records, and the terminating error if any.
        param([string[]] $KolId, [hashtable] $Extra = @{})
        $errors = $null
        $objects = $null
        $terminating = $null
        try {
            # -OutVariable keeps what was written before a terminating error too.
            $null = $KolId | Get-XingtuKolSpread @Extra -OutVariable objects -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        catch {
            $terminating = $_
        }
        [pscustomobject]@{
            Objects     = @($objects)
            Errors      = @($errors | Where-Object { $_ -ne $terminating -and $_.Exception -ne $terminating.Exception })
            Terminating = $terminating
            Stats       = Get-XingtuEmulatorStats -Uri $Uri
        }
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Get-XingtuKolSpread errors and retries' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 3 -TimeoutSec 10 -ThrottleLimit 4 -SpreadEndpoint V1
    }

    Context 'One KOL fails, the batch goes on' {
        It 'code <Step> gives a <Id> error for that KOL only, with category <Category>' -ForEach @(
            @{ Step = '400'; Id = 'InvalidParameters'; Category = 'InvalidArgument'; Calls = 1 }
            @{ Step = '201'; Id = 'NoData'; Category = 'ObjectNotFound'; Calls = 1 }
            @{ Step = '999'; Id = 'UnknownCode'; Category = 'InvalidResult'; Calls = 1 }
            @{ Step = '404'; Id = 'UnknownCode'; Category = 'InvalidResult'; Calls = 1 }
            @{ Step = 'base-resp'; Id = 'UpstreamFailure'; Category = 'ResourceUnavailable'; Calls = 1 }
            @{ Step = 'malformed'; Id = 'MalformedResponse'; Category = 'InvalidData'; Calls = 1 }
            @{ Step = 'truncated'; Id = 'MalformedResponse'; Category = 'InvalidData'; Calls = 1 }
            @{ Step = 'empty'; Id = 'MalformedResponse'; Category = 'InvalidData'; Calls = 1 }
            @{ Step = 'huge'; Id = 'MalformedResponse'; Category = 'InvalidData'; Calls = 1 }
            # On V2: a V1 404 without an envelope means V1 is removed, which V1Removed.Tests.ps1 covers.
            @{ Step = 'http:404'; Id = 'HttpError'; Category = 'ProtocolError'; Calls = 1; Extra = @{ Endpoint = 'V2' } }
            @{ Step = '301*'; Id = 'CollectionFailed'; Category = 'ResourceUnavailable'; Calls = 4 }
            @{ Step = '302*'; Id = 'RateLimited'; Category = 'LimitsExceeded'; Calls = 4 }
            @{ Step = '500*'; Id = 'ServerError'; Category = 'ResourceUnavailable'; Calls = 4 }
            @{ Step = 'http:503*'; Id = 'HttpError'; Category = 'ProtocolError'; Calls = 4 }
            @{ Step = 'http:429*'; Id = 'RateLimited'; Category = 'LimitsExceeded'; Calls = 4 }
            @{ Step = 'drop*'; Id = 'ConnectionFailed'; Category = 'ConnectionError'; Calls = 4 }
            @{ Step = 'cut'; Id = 'MalformedResponse'; Category = 'InvalidData'; Calls = 1 }
            @{ Step = 'http:503:code=999*'; Id = 'UnknownCode'; Category = 'InvalidResult'; Calls = 4 }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'bad' -Step $Step
            $run = Invoke-Batch -KolId 'good1', 'bad', 'good2' -Extra $(if ($Extra) { $Extra } else { @{} })

            $run.Terminating | Should -BeNullOrEmpty
            $run.Objects.KolId | Should -Be @('good1', 'good2')
            $run.Errors.Count | Should -Be 1
            $record = $run.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $record.TargetObject | Should -Be 'bad'
            $record.CategoryInfo.Category | Should -Be $Category
            $record.Exception | Should -BeOfType ([JustOneApi.Xingtu.XingtuApiException])
            $record.Exception.KolId | Should -Be 'bad'
            $record.Exception.Message | Should -Match "'bad'"
            $run.Stats.perKol.bad | Should -Be $Calls
            $record.Exception.Attempts | Should -Be $Calls
        }

        It 'carries the business code, the API message and the requestId on the exception' {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'bad' -Step '400'
            $record = (Invoke-Batch -KolId 'bad').Errors[0]
            $record.Exception.Code | Should -Be 400
            $record.Exception.ApiMessage | Should -Not -BeNullOrEmpty
            $record.Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        }

        It 'writes the errors in input order among the results' {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'b' = @('400'); 'd' = @('201') }
            $all = @('a', 'b', 'c', 'd', 'e' | Get-XingtuKolSpread -ErrorAction Continue 2>&1)
            $all | ForEach-Object { if ($_ -is [Management.Automation.ErrorRecord]) { "error:$($_.TargetObject)" } else { $_.KolId } } |
                Should -Be @('a', 'error:b', 'c', 'error:d', 'e')
        }

        It 'rejects an empty or mangled id without sending it, and goes on' {
            $run = Invoke-Batch -KolId 'ok1', '', '   ', '7.1E+18', ('9' * 200), 'ok2'
            $run.Objects.KolId | Should -Be @('ok1', 'ok2')
            $run.Errors.Count | Should -Be 4
            $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidKolId,*' }
            ($run.Errors | Where-Object TargetObject -EQ '7.1E+18').Exception.Message | Should -Match 'scientific notation'
            $run.Stats.total | Should -Be 2
        }
    }

    Context 'Retries' {
        It 'retries <Step> and then succeeds, with <Calls> calls' -ForEach @(
            @{ Step = '302*2'; Calls = 3 }
            @{ Step = '301'; Calls = 2 }
            @{ Step = '500*3'; Calls = 4 }
            @{ Step = 'http:502'; Calls = 2 }
            @{ Step = 'http:504'; Calls = 2 }
            @{ Step = 'http:408'; Calls = 2 }
            @{ Step = 'http:429:retry-after=1'; Calls = 2 }
            @{ Step = 'http:429:code=302'; Calls = 2 }
            @{ Step = 'http:429:code=999'; Calls = 2 }
            @{ Step = 'drop'; Calls = 2 }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'flaky' -Step $Step
            $run = Invoke-Batch -KolId 'flaky'
            $run.Errors | Should -BeNullOrEmpty
            $run.Objects.KolId | Should -Be 'flaky'
            $run.Stats.perKol.flaky | Should -Be $Calls
        }

        It 'gives up on a slow answer after TimeoutSec and retries it' {
            Set-XingtuConfiguration -TimeoutSec 1 -MaximumRetryCount 1
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'slow' -Step 'slow:3000*'
            $run = Invoke-Batch -KolId 'slow'
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Timeout,*'
            $run.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $run.Stats.perKol.slow | Should -Be 2
        }

        It 'sends a failing request once when MaximumRetryCount is 0' {
            Set-XingtuConfiguration -MaximumRetryCount 0
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'once' -Step '500*'
            $run = Invoke-Batch -KolId 'once'
            $run.Stats.perKol.once | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ServerError,*'
        }
    }

    Context 'An account-level failure stops the batch' {
        It 'code <Code> stops with <Id> and a message that says what to do' -ForEach @(
            @{ Code = '100'; Id = 'InvalidToken'; Advice = 'Set-XingtuToken'; Category = 'AuthenticationError' }
            @{ Code = '303'; Id = 'DailyQuotaExceeded'; Advice = 'quota to reset'; Category = 'QuotaExceeded' }
            @{ Code = '600'; Id = 'PermissionDenied'; Advice = 'plan'; Category = 'PermissionDenied' }
            @{ Code = '601'; Id = 'InsufficientBalance'; Advice = 'Top up'; Category = 'QuotaExceeded' }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'k3' -Step $Code
            $ids = 1..30 | ForEach-Object { "k$_" }
            $run = Invoke-Batch -KolId $ids -Extra @{ ThrottleLimit = 1 }

            $run.Terminating | Should -Not -BeNullOrEmpty
            $run.Terminating.FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $run.Terminating.CategoryInfo.Category | Should -Be $Category
            $run.Terminating.TargetObject | Should -Be 'k3'
            $run.Terminating.Exception.Message | Should -Match $Advice
            $run.Terminating.Exception.Message | Should -Match "2 KOL\(s\) completed"
            $run.Terminating.Exception.Message | Should -Match "'k3'"
            $run.Objects.KolId | Should -Be @('k1', 'k2')
            $run.Stats.perKol.k3 | Should -Be 1
            # k3 was the third request; with one in flight at a time, nothing after it may be sent.
            $run.Stats.total | Should -Be 3
        }

        It 'stops sending after the code even with many requests in flight' {
            # Eight slots: m1 to m7 are held in flight by the emulator, m8 takes the last slot and hits the quota. No
            # slot frees before the stop is recorded, so the known answer is exact: 8 sent, and not one more.
            $scripts = @{ 'm8' = @('303') }
            1..7 | ForEach-Object { $scripts["m$_"] = @('hold') }
            Set-XingtuEmulatorScript -Uri $Uri -Script $scripts
            $ids = 1..400 | ForEach-Object { "m$_" }
            $run = Invoke-Batch -KolId $ids -Extra @{ ThrottleLimit = 8 }
            $run.Terminating.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
            $run.Terminating.Exception.Message | Should -Match '7 KOL\(s\) in flight were cut off'
            $run.Stats.total | Should -Be 8
        }

        It 'gives the resume advice only when something was received, or the stop is the quota''s or the balance''s: code <Code> at <At>' -ForEach @(
            @{ Code = '100'; At = 'k1'; Advice = $false }
            @{ Code = '600'; At = 'k1'; Advice = $false }
            @{ Code = '100'; At = 'k3'; Advice = $true }
            @{ Code = '303'; At = 'k1'; Advice = $true }
            @{ Code = '601'; At = 'k1'; Advice = $true }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -KolId $At -Step $Code
            $ids = 1..5 | ForEach-Object { "k$_" }
            $stop = $null
            # Other commands on the same line: the advice quotes this command alone, not the line.
            try { $before = 1; $null = $ids | Get-XingtuKolSpread -ThrottleLimit 1 -ErrorAction Stop; $after = 2 } catch { $stop = $_ }
            $message = $stop.Exception.Message
            if ($Advice) {
                $message | Should -Match 'To resume, run the same command again, with the same input,'
                $message | Should -Match ([regex]::Escape('Get-XingtuKolSpread -ThrottleLimit 1 -ErrorAction Stop') + '$')
                $message | Should -Not -Match ([regex]::Escape('$before = 1'))
            }
            else {
                $message | Should -Not -Match 'resume|local store|rerun' -Because 'nothing was received, so there is nothing to resume: the message says only what to fix'
                $message | Should -Match 'none was in flight;'
                $message | Should -Match 'no further request was sent\.$'
            }
        }

        It 'sends nothing and names Set-XingtuToken and JUSTONEAPI_TOKEN when there is no token' {
            $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_BASE_URI = $Uri } -Script @"
    Import-Module '$ModulePath'
    try { Get-XingtuKolSpread -KolId 8001 -WarningAction SilentlyContinue; 'no error' }
    catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
            $child.Output | Should -Match 'NoToken,'
            $child.Output | Should -Match 'Set-XingtuToken'
            $child.Output | Should -Match 'JUSTONEAPI_TOKEN'
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 0
        }
    }
}
