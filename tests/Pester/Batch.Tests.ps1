BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri

    function New-HostedPowerShell {
        # A [powershell] instance in this process with the module loaded and pointed at the emulator.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$ModulePath'; Set-XingtuConfiguration -BaseUri '$Uri' -RetryIntervalSec 0; Set-XingtuToken -Token '$TestToken'").Invoke()
        $ps.Commands.Clear()
        $ps
    }

    function Invoke-HeldBatch {
        <#
        Runs Get-XingtuKolSpread over $KolId in a hosted pwsh while the emulator holds the first $Hold KOLs' requests
        open: held requests keep their slots, so the batch fills every slot it may use and then waits for the test,
        whatever the scheduler does. Returns the stats seen while they were held, and the stats at the end.
        #>
        param([string[]] $KolId, [int] $Hold, [hashtable] $Parameter = @{})
        $held = @{}
        foreach ($id in $KolId[0..($Hold - 1)]) { $held[$id] = @('hold') }
        Set-XingtuEmulatorScript -Uri $Uri -Script $held
        $ps = New-HostedPowerShell
        try {
            $null = $ps.AddCommand('Get-XingtuKolSpread').AddParameter('KolId', $KolId)
            foreach ($name in $Parameter.Keys) { $null = $ps.AddParameter($name, $Parameter[$name]) }
            $async = $ps.BeginInvoke()
            # Waits for the held requests; the deadline only ends the wait when the module never sends them all.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-XingtuEmulatorStats -Uri $Uri).held -lt $Hold -and -not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 20
            }
            $during = Get-XingtuEmulatorStats -Uri $Uri
            $null = Resume-XingtuEmulatorRequest -Uri $Uri
            $results = $ps.EndInvoke($async)
            [pscustomobject]@{ During = $during; After = Get-XingtuEmulatorStats -Uri $Uri; Count = $results.Count; Errors = @($ps.Streams.Error) }
        }
        finally {
            $null = Resume-XingtuEmulatorRequest -Uri $Uri
            $ps.Dispose()
        }
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'Get-XingtuKolSpread at scale' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 3 -TimeoutSec 30 -ThrottleLimit 8 -MaxRequestsPerSecond 0
        Set-XingtuToken -Token $TestToken
    }

    Context 'Concurrency' {
        It 'keeps input order under random latency at ThrottleLimit <Limit>' -ForEach @(@{ Limit = 4 }, @{ Limit = 32 }) {
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 1 -LatencyJitterMs 30
            $ids = 1..150 | ForEach-Object { "ord-$_" }
            ($ids | Get-XingtuKolSpread -ThrottleLimit $Limit).KolId | Should -Be $ids
        }

        It 'never has more than ThrottleLimit <Limit> requests in flight' -ForEach @(@{ Limit = 1 }, @{ Limit = 3 }, @{ Limit = 16 }) {
            # The emulator holds the first Limit requests until all of them are in flight together, so the limit is
            # reached on any machine; then the rest run under random latency, churning the slots.
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 10 -LatencyJitterMs 10
            $run = Invoke-HeldBatch -KolId (1..120 | ForEach-Object { "fly-$_" }) -Hold $Limit -Parameter @{ ThrottleLimit = $Limit }
            $run.Errors | Should -BeNullOrEmpty
            $run.Count | Should -Be 120
            # Reached: otherwise the limit would not be doing anything.
            $run.During.held | Should -Be $Limit
            $run.During.inFlight | Should -Be $Limit -Because 'every slot holds a held request, and no request goes beyond the slots'
            $run.After.peakInFlight | Should -Be $Limit
        }

        It 'takes its default ThrottleLimit from Set-XingtuConfiguration' {
            Set-XingtuConfiguration -ThrottleLimit 2
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 10
            $run = Invoke-HeldBatch -KolId (1..40 | ForEach-Object { "def-$_" }) -Hold 2
            $run.Count | Should -Be 40
            $run.During.inFlight | Should -Be 2
            $run.After.peakInFlight | Should -Be 2
        }

        It 'fetches each repeated KOL once under concurrency, and writes every row in place' {
            $ids = 1..200 | ForEach-Object { "dup-$($_ % 25)" }
            $results = $ids | Get-XingtuKolSpread -ThrottleLimit 16
            $results.KolId | Should -Be $ids
            $stats = Get-XingtuEmulatorStats -Uri $Uri
            $stats.total | Should -Be 25
            $stats.perKol.Values | ForEach-Object { $_ | Should -Be 1 }
        }

        It 'fetches the same KOL again when the parameters differ' {
            $null = Get-XingtuKolSpread -KolId 'same', 'same' -Range Last30Days
            $null = Get-XingtuKolSpread -KolId 'same' -Range Last90Days
            (Get-XingtuEmulatorStats -Uri $Uri).perKol.same | Should -Be 2
        }
    }

    Context 'Rate cap' {
        It 'keeps request starts under MaxRequestsPerSecond, so the API''s own limit never answers 302' {
            # The emulator answers 302 past 25 requests in a second; a cap of 20 must keep every request under it.
            Set-XingtuEmulatorConfig -Uri $Uri -MaxRequestsPerSecond 25
            Set-XingtuConfiguration -MaxRequestsPerSecond 20 -MaximumRetryCount 0
            $ids = 1..45 | ForEach-Object { "cap-$_" }
            $results = $ids | Get-XingtuKolSpread -ThrottleLimit 16 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -BeNullOrEmpty
            $results.Count | Should -Be 45
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 45
        }

        It 'keeps under the cap when slow requests finish together and free their slots at once' {
            # Eight slow KOLs free all eight slots within a moment; the requests waiting for them must still be spaced.
            Set-XingtuEmulatorConfig -Uri $Uri -MaxRequestsPerSecond 5
            Set-XingtuConfiguration -MaxRequestsPerSecond 4 -MaximumRetryCount 0
            $ids = 1..30 | ForEach-Object { "burst-$_" }
            $slow = @{}
            for ($i = 0; $i -lt 8; $i++) { $slow[$ids[$i]] = @("slow:$(3000 - 250 * $i)") }
            Set-XingtuEmulatorScript -Uri $Uri -Script $slow
            $results = $ids | Get-XingtuKolSpread -ThrottleLimit 8 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -BeNullOrEmpty
            $results.Count | Should -Be 30
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 30
        }

        It 'without a cap, the same burst does hit the API''s limit (the test above can fail)' {
            Set-XingtuEmulatorConfig -Uri $Uri -MaxRequestsPerSecond 25
            Set-XingtuConfiguration -MaximumRetryCount 0
            $null = 1..45 | ForEach-Object { "nocap-$_" } | Get-XingtuKolSpread -ThrottleLimit 16 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -BeGreaterThan 0
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'RateLimited,*'
        }
    }

    Context 'Stopping' {
        It 'accounts for every row up to the stop, even while a slow consumer holds the pipeline' {
            $ids = 1..300 | ForEach-Object { "race-$_" }
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 2 -LatencyJitterMs 6
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'race-151' -Step '303*'
            $written = [Collections.Generic.List[string]]::new()
            $errs = $null
            $stop = $null
            try {
                $ids | Get-XingtuKolSpread -ThrottleLimit 16 -ErrorVariable errs -ErrorAction SilentlyContinue |
                    ForEach-Object { Start-Sleep -Milliseconds 3; $written.Add($_.KolId) }
            }
            catch {
                $stop = $_
            }
            $stop.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
            $stop.TargetObject | Should -Be 'race-151'
            # -ErrorVariable holds the terminating error as an exception and the row errors as records.
            $rowErrors = @($errs | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
            $rowErrors | Should -BeNullOrEmpty -Because 'the row that hit the stop is reported once, by the terminating error'

            # Every row up to the last one read is written, the stop, or cut off: nothing vanishes. How many are cut off
            # is the scheduler's choice (the fetches that had not finished when the 303 came back), and the message
            # names only the first ten, so the check rests on its counts: written + cut off + the stop are the first
            # rows of the input, and every row it names lies among them, once.
            $message = $stop.Exception.Message
            $message -match '\b(\d+) KOL\(s\) completed before the stop' | Should -BeTrue
            [int]$Matches[1] | Should -Be $written.Count
            # The rest is counted in three parts, each naming its first ten: in flight and answered after the stop (kept
            # in the local store), in flight and cut off, and queued (never sent).
            $kept = if ($message -match '\b(\d+) KOL\(s\) in flight were answered after the stop and kept') { [int]$Matches[1] } else { 0 }
            $inFlight = if ($message -match '\b(\d+) KOL\(s\) in flight were cut off') { [int]$Matches[1] } else { 0 }
            if ($kept + $inFlight -eq 0) { $message | Should -Match 'none was in flight' }
            $queued = if ($message -match '\b(\d+) KOL\(s\) queued were never sent') { [int]$Matches[1] } else { $message | Should -Match 'none was queued'; 0 }
            $cutCount = $kept + $inFlight + $queued
            $named = @([regex]::Matches($message, "'(race-\d+)'") | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -ne 'race-151' })
            $named.Count | Should -Be ([Math]::Min($kept, 10) + [Math]::Min($inFlight, 10) + [Math]::Min($queued, 10))
            $known = @($written) + $named + 'race-151'
            ($known | Sort-Object -Unique).Count | Should -Be $known.Count
            $accounted = $written.Count + $cutCount + 1
            @($known | Where-Object { [array]::IndexOf($ids, $_) -ge $accounted }) | Should -BeNullOrEmpty -Because "the first $accounted rows are accounted for"
        }

        It 'counts the rows cut off in flight apart from the rows queued and never sent' {
            # ThrottleLimit 4: rows 1 to 3 are sent at once and stay slow; row 4 takes the last slot and hits the quota
            # after the emulator's 3 s latency, by which time rows 5 to 16 fill the window of 16 and wait for a slot.
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 3000
            $ids = 1..40 | ForEach-Object { "apart-$_" }
            $scripts = @{}
            foreach ($id in $ids) { $scripts[$id] = @('slow:30000') }
            $scripts['apart-4'] = @('303')
            Set-XingtuEmulatorScript -Uri $Uri -Script $scripts
            $stop = $null
            try { $null = $ids | Get-XingtuKolSpread -ThrottleLimit 4 -ErrorAction Stop } catch { $stop = $_ }
            $stop.FullyQualifiedErrorId | Should -BeLike 'DailyQuotaExceeded,*'
            $stop.Exception.Message | Should -Match "3 KOL\(s\) in flight were cut off \(sent, their answers dropped\): 'apart-1', 'apart-2', 'apart-3';"
            $stop.Exception.Message | Should -Match "12 KOL\(s\) queued were never sent: 'apart-5', 'apart-6', .*'apart-14', \.\.\."
            (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 4 -Because 'the queued rows were never sent'
        }

        It 'cancels in-flight requests on Stop' {
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 60000
            $ps = New-HostedPowerShell
            try {
                $null = $ps.AddScript('1..50 | ForEach-Object { "stop-$_" } | Get-XingtuKolSpread -ThrottleLimit 4')
                $async = $ps.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(20)
                while ((Get-XingtuEmulatorStats -Uri $Uri).inFlight -lt 4 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                (Get-XingtuEmulatorStats -Uri $Uri).inFlight | Should -Be 4

                # Without cancellation, Stop would wait for the 60 s answers.
                $stop = $ps.BeginStop($null, $null)
                $stop.AsyncWaitHandle.WaitOne(15000) | Should -BeTrue
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                while ((Get-XingtuEmulatorStats -Uri $Uri).inFlight -gt 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                (Get-XingtuEmulatorStats -Uri $Uri).inFlight | Should -Be 0
                (Get-XingtuEmulatorStats -Uri $Uri).total | Should -Be 4
            }
            finally {
                $ps.Dispose()
            }
        }
    }

    Context 'Progress' {
        It 'shows done and failed counts, the rate and a percentage, then completes the bar' {
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 40
            Set-XingtuEmulatorScript -Uri $Uri -KolId 'p-3' -Step '400'
            $ps = New-HostedPowerShell
            try {
                $ids = 1..80 | ForEach-Object { "p-$_" }
                $null = $ps.AddCommand('Get-XingtuKolSpread').AddParameter('KolId', $ids).AddParameter('ThrottleLimit', 2).AddParameter('ErrorAction', 'SilentlyContinue')
                $results = $ps.Invoke()
                $results.Count | Should -Be 79
                $progress = @($ps.Streams.Progress)
                $progress.Count | Should -BeGreaterThan 1
                $progress[0].StatusDescription | Should -Match '\d+ done, 1 failed, [\d.]+ KOL/s'
                $progress[0].PercentComplete | Should -BeGreaterOrEqual 0
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            finally {
                $ps.Dispose()
            }
        }

        It 'measures the percentage of a -KolId list against the whole list' {
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 40
            $ps = New-HostedPowerShell
            try {
                $ids = 1..80 | ForEach-Object { "pc-$_" }
                $null = $ps.AddCommand('Get-XingtuKolSpread').AddParameter('KolId', $ids).AddParameter('ThrottleLimit', 2)
                $null = $ps.Invoke()
                $running = @($ps.Streams.Progress | Where-Object RecordType -EQ 'Processing')
                $running.Count | Should -BeGreaterThan 0
                foreach ($record in $running) {
                    $done = [int]($record.StatusDescription -replace '^(\d+) done.*$', '$1')
                    $record.PercentComplete | Should -Be ([Math]::Floor($done * 100 / 80)) -Because "$done of 80 rows are done"
                }
            }
            finally {
                $ps.Dispose()
            }
        }

        It 'shows no progress for a batch that finishes in a moment' {
            $ps = New-HostedPowerShell
            try {
                $null = $ps.AddCommand('Get-XingtuKolSpread').AddParameter('KolId', @('quick-1', 'quick-2'))
                $null = $ps.Invoke()
                $ps.Streams.Progress.Count | Should -Be 0
            }
            finally {
                $ps.Dispose()
            }
        }
    }
}
