BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:Secret = 'fault-mix-secret-token-0042'

    # Every fault the emulator can inject, with what the row must become: 'ok' for an object, else the ErrorId.
    # With MaximumRetryCount 2, 'x*2' then succeeds on the third try and 'x*' never does.
    $script:Faults = [ordered]@{
        'ok'                       = 'ok'
        'sample'                   = 'ok'
        'numbers'                  = 'ok'
        'nulls'                    = 'ok'
        '201'                      = 'NoData'
        '400'                      = 'InvalidParameters'
        '101'                      = 'UnknownCode'
        '202'                      = 'UnknownCode'
        '300'                      = 'UnknownCode'
        '404'                      = 'UnknownCode'
        '503'                      = 'UnknownCode'
        '602'                      = 'UnknownCode'
        '999'                      = 'UnknownCode'
        '301*2'                    = 'ok'
        '302*2'                    = 'ok'
        '500*2'                    = 'ok'
        '301*'                     = 'CollectionFailed'
        '302*'                     = 'RateLimited'
        '500*'                     = 'ServerError'
        'http:429'                 = 'ok'
        'http:429:code=302'        = 'ok'
        'http:429:code=302*'       = 'RateLimited'
        'http:502'                 = 'ok'
        'http:503*'                = 'HttpError'
        'http:504*2'               = 'ok'
        'http:429:retry-after=1'   = 'ok'
        'http:404'                 = 'HttpError'
        'drop'                     = 'ok'
        'drop*'                    = 'ConnectionFailed'
        'slow:1500'                = 'ok'
        'slow:1500*'               = 'Timeout'
        'truncated'                = 'MalformedResponse'
        'malformed'                = 'MalformedResponse'
        'empty'                    = 'MalformedResponse'
        'base-resp'                = 'UpstreamFailure'
        'huge'                     = 'MalformedResponse'
    }
    # Drawn less often: timeouts and Retry-After cost real seconds each, and every rate-limit answer slows the
    # whole batch down for a while, as it should against a real limit.
    $script:Rare = @('slow:1500', 'slow:1500*', 'http:429:retry-after=1', '302*2', '302*', 'http:429', 'http:429:code=302', 'http:429:code=302*')

    function New-FaultPlan {
        # A seeded plan: KolId -> fault, in input order.
        param([int] $Seed, [int] $Count)
        $random = [Random]::new($Seed)
        $common = @($Faults.Keys | Where-Object { $_ -notin $Rare })
        $plan = [ordered]@{}
        for ($i = 0; $i -lt $Count; $i++) {
            $fault = if ($random.Next(40) -eq 0) { $Rare[$random.Next($Rare.Count)] } else { $common[$random.Next($common.Count)] }
            $plan["fm$Seed-$i"] = $fault
        }
        # Every fault at least once, whatever the draw.
        $j = 0
        foreach ($fault in $Faults.Keys) { $plan["fm$Seed-all-$j"] = $fault; $j++ }
        $plan
    }

    function Invoke-Hosted {
        # Runs the batch in a hosted pwsh so a hang shows up as a timeout rather than a stuck test run.
        param(
            [string[]] $KolId,
            [int] $ThrottleLimit,
            [int] $TimeoutSeconds = 180,
            # V1 itself: under Auto, the plan's per-KOL 'http:404' would read as V1 removed and switch the session to V2.
            [string] $Command = 'Get-XingtuKolSpread -Endpoint V1'
        )
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@"
Import-Module '$ModulePath'
Set-XingtuConfiguration -BaseUri '$Uri' -RetryIntervalSec 0 -MaximumRetryCount 2 -TimeoutSec 1
Set-XingtuToken -Token '$Secret'
`$ErrorActionPreference = 'Continue'
`$input | $Command -ThrottleLimit $ThrottleLimit -Verbose -Debug -WarningAction Continue
"@)
            $inputs = [Management.Automation.PSDataCollection[object]]::new()
            foreach ($id in $KolId) { $inputs.Add($id) }
            $inputs.Complete()
            $outputs = [Management.Automation.PSDataCollection[object]]::new()
            $async = $ps.BeginInvoke($inputs, $outputs)
            $finished = $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSeconds))
            if (-not $finished) { $ps.Stop() }
            else { $null = $ps.EndInvoke($async) }
            [pscustomobject]@{
                Finished = $finished
                Objects  = @($outputs)
                Errors   = @($ps.Streams.Error)
                Streams  = @($ps.Streams.Verbose) + @($ps.Streams.Debug) + @($ps.Streams.Warning) + @($ps.Streams.Information)
                State    = $ps.InvocationStateInfo
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    function Assert-RunHasNoSecret {
        # The token appears in no stream, and nowhere in any error record: message, target, invocation, stack, exceptions.
        param($Run)
        Assert-NoSecret -Text (($Run.Streams | ForEach-Object { "$_" }) -join "`n") -Where 'verbose, debug, warning or information'
        foreach ($record in $Run.Errors) {
            $text = @($record.ToString(), "$($record.TargetObject)", $record.InvocationInfo.MyCommand, $record.InvocationInfo.Line, $record.ScriptStackTrace)
            for ($e = $record.Exception; $e; $e = $e.InnerException) { $text += $e.ToString() }
            Assert-NoSecret -Text ($text -join "`n") -Where "the error for $($record.TargetObject)"
        }
    }

    function Assert-NoSecret {
        param([string] $Text, [string] $Where)
        $Text.Contains($Secret) | Should -BeFalse -Because "the token must not appear in $Where"
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Every row is accounted for under a seeded mix of faults' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -Token $Secret -LatencyMs 0 -LatencyJitterMs 5
    }

    It 'yields exactly one object or one error per row, in order, at ThrottleLimit <Limit> (seed <Seed>)' -ForEach @(
        @{ Limit = 2; Seed = 11; Count = 150 }
        @{ Limit = 8; Seed = 23; Count = 300 }
        @{ Limit = 32; Seed = 37; Count = 400 }
    ) {
        $plan = New-FaultPlan -Seed $Seed -Count $Count
        $scripts = @{}
        foreach ($id in $plan.Keys) { $scripts[$id] = @($plan[$id]) }
        Set-XingtuEmulatorScript -Uri $Uri -Script $scripts
        $ids = [string[]]@($plan.Keys)

        $run = Invoke-Hosted -KolId $ids -ThrottleLimit $Limit
        $run.Finished | Should -BeTrue -Because 'no request may hang'
        $run.State.State | Should -Be 'Completed'

        # The accounting invariant: objects and errors together name every row once, in input order.
        $byRow = @{}
        foreach ($object in $run.Objects) { $byRow[$object.KolId] += @('ok') }
        foreach ($record in $run.Errors) { $byRow[[string]$record.TargetObject] += @($record.FullyQualifiedErrorId.Split(',')[0]) }
        $run.Objects.Count + $run.Errors.Count | Should -Be $ids.Count
        foreach ($id in $ids) {
            $byRow[$id].Count | Should -Be 1 -Because "row $id ($($plan[$id])) must yield exactly one result or error"
            $byRow[$id][0] | Should -Be $Faults[$plan[$id]] -Because "row $id had fault $($plan[$id])"
        }
        $expectedObjects = @($ids | Where-Object { $Faults[$plan[$_]] -eq 'ok' })
        @($run.Objects.KolId) | Should -Be $expectedObjects

        # No raw .NET exception: every error is one of the module's, with its typed exception.
        $known = [Enum]::GetNames([JustOneApi.Xingtu.XingtuErrorKind])
        foreach ($record in $run.Errors) {
            $record.FullyQualifiedErrorId.Split(',')[0] | Should -BeIn $known
            $record.Exception | Should -BeOfType ([JustOneApi.Xingtu.XingtuApiException])
        }

        # And the token appears nowhere: streams, errors, exceptions, result objects.
        Assert-RunHasNoSecret -Run $run
        Assert-NoSecret -Text ($run.Objects | ConvertTo-Csv | Out-String) -Where 'the result objects'
    }

    It 'gives Invoke-JustOneApi the same accounting and the same redaction (seed <Seed>)' -ForEach @(@{ Seed = 29; Count = 200 }) {
        $plan = New-FaultPlan -Seed $Seed -Count $Count
        $scripts = @{}
        foreach ($id in $plan.Keys) { $scripts[$id] = @($plan[$id]) }
        Set-XingtuEmulatorScript -Uri $Uri -Script $scripts
        $ids = [string[]]@($plan.Keys)

        $run = Invoke-Hosted -KolId $ids -ThrottleLimit 8 -Command "ForEach-Object { @{ kolId = `$_ } } | Invoke-JustOneApi -Path /api/douyin-xingtu/get-kol-spread-info/v1"
        $run.Finished | Should -BeTrue -Because 'no request may hang'
        $run.State.State | Should -Be 'Completed'

        # Each query yields one object or one error; an error's TargetObject is the path and the query, without the token.
        $run.Objects.Count | Should -Be @($ids | Where-Object { $Faults[$plan[$_]] -eq 'ok' }).Count
        $run.Objects.Count + $run.Errors.Count | Should -Be $ids.Count
        foreach ($record in $run.Errors) {
            "$($record.TargetObject)" | Should -Match '^/api/douyin-xingtu/get-kol-spread-info/v1\?kolId=fm'
            $id = [uri]::UnescapeDataString(([regex]::Match("$($record.TargetObject)", 'kolId=([^&]+)')).Groups[1].Value)
            $record.FullyQualifiedErrorId.Split(',')[0] | Should -Be $Faults[$plan[$id]] -Because "query $id had fault $($plan[$id])"
            $record.Exception | Should -BeOfType ([JustOneApi.Xingtu.XingtuApiException])
        }

        Assert-RunHasNoSecret -Run $run
        Assert-NoSecret -Text ($run.Objects | ConvertTo-Json -Depth 5) -Where 'the result objects'
    }

    It 'accounts for the rows before an account-level stop in its message' {
        $plan = New-FaultPlan -Seed 5 -Count 120
        $scripts = @{}
        foreach ($id in $plan.Keys) { $scripts[$id] = @($plan[$id]) }
        $ids = [string[]]@($plan.Keys)
        $scripts[$ids[60]] = @('303')
        Set-XingtuEmulatorScript -Uri $Uri -Script $scripts

        $run = Invoke-Hosted -KolId $ids -ThrottleLimit 8
        $run.Finished | Should -BeTrue
        $stops = @($run.Errors | Where-Object FullyQualifiedErrorId -Like 'DailyQuotaExceeded,*')
        $stops.Count | Should -Be 1
        $stop = $stops[0]
        $stop.TargetObject | Should -Be $ids[60]
        $rows = @($run.Errors | Where-Object { $_ -ne $stop })
        $written = $run.Objects.Count + $rows.Count
        $stop.Exception.Message | Should -Match "\b$written KOL\(s\) completed before the stop"
        # Everything written names a distinct row, and none is the row that hit the stop.
        $names = @($run.Objects.KolId) + @($rows.TargetObject)
        ($names | Sort-Object -Unique).Count | Should -Be $names.Count
        $names | Should -Not -Contain $ids[60]
        Assert-NoSecret -Text $stop.Exception.ToString() -Where 'the terminating error'
    }
}
