BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    # '+', '/' and '=' make the three spellings differ: as typed, as a URL carries it, and as a JSON writer escapes it.
    $script:Secret = 'sw33p+t0k/en=Z9q'
    $script:Forms = [ordered]@{
        raw           = $Secret
        'URL-escaped' = [uri]::EscapeDataString($Secret)
        'JSON-escaped' = [System.Text.Json.JsonEncodedText]::Encode($Secret).ToString()
    }
    $script:SpreadPath = '/api/douyin-xingtu/get-kol-spread-info/v1'

    function Invoke-Swept {
        <#
        Runs $Script in a runspace of its own, with the module pointed at the emulator and $Secret as the session
        token. $Script sees $secret, $path and $note as variables, so no line of it spells the token. Returns every
        text the run left: each output stream, the progress records, every error record (terminating ones from $Error
        too) with its message, target, category, details, invocation and exception chain with all its properties.
        #>
        param([string] $Script, [hashtable] $Variable = @{}, [switch] $StopWhenHeld, [int] $Held = 1)
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        try {
            $runspace.SessionStateProxy.SetVariable('secret', $Secret)
            foreach ($name in $Variable.Keys) { $runspace.SessionStateProxy.SetVariable($name, $Variable[$name]) }
            $null = $ps.AddScript(@"
Import-Module '$ModulePath'
Set-XingtuConfiguration -BaseUri '$Uri' -RetryIntervalSec 0 -MaximumRetryCount 1 -TimeoutSec 30 -MaxRequestsPerSecond 0
Set-XingtuToken -Token `$secret
`$ProgressPreference = 'Continue'
`$ErrorActionPreference = 'Continue'
try {
$Script
} catch { `$null = `$_ }
"@)
            $async = $ps.BeginInvoke()
            if ($StopWhenHeld) {
                $deadline = [DateTime]::UtcNow.AddSeconds(30)
                while ((Get-XingtuEmulatorStats -Uri $Uri).held -lt $Held -and -not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
                    Start-Sleep -Milliseconds 20
                }
                (Get-XingtuEmulatorStats -Uri $Uri).held | Should -Be $Held -Because 'the stop must come while a request is in flight'
                $ps.Stop()
            }
            else {
                $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(120)) | Should -BeTrue -Because 'no run may hang'
            }
            try { $null = $ps.EndInvoke($async) } catch { $stopped = $_ }

            $texts = [Collections.Generic.List[string]]::new()
            foreach ($stream in $ps.Streams.Verbose, $ps.Streams.Debug, $ps.Streams.Warning, $ps.Streams.Information) {
                foreach ($item in $stream) { $texts.Add("$item") }
            }
            foreach ($progress in $ps.Streams.Progress) {
                $texts.Add("$($progress.Activity) $($progress.StatusDescription) $($progress.CurrentOperation)")
            }
            $records = @($ps.Streams.Error) + @($runspace.SessionStateProxy.GetVariable('Error'))
            if ($stopped) { $records += $stopped }
            foreach ($record in $records) {
                if ($record -isnot [Management.Automation.ErrorRecord]) {
                    $record = if ($record.ErrorRecord) { $record.ErrorRecord } else { $null }
                    if (-not $record) { continue }
                }
                $texts.Add($record.ToString())
                $texts.Add("$($record.TargetObject)")
                $texts.Add($record.CategoryInfo.ToString())
                $texts.Add("$($record.ErrorDetails)")
                $texts.Add("$($record.InvocationInfo.Line) $($record.InvocationInfo.PositionMessage) $($record.ScriptStackTrace)")
                for ($e = $record.Exception; $e; $e = $e.InnerException) {
                    $texts.Add($e.ToString())
                    $texts.Add(($e | Format-List * -Force | Out-String -Width 4096))
                }
            }
            [pscustomobject]@{
                Text    = $texts -join "`n"
                Records = @($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
                RowErrors = @($ps.Streams.Error)
                Output  = $ps.Streams.Verbose.Count
            }
        }
        finally {
            $null = Resume-XingtuEmulatorRequest -Uri $Uri
            $ps.Dispose()
            $runspace.Dispose()
        }
    }

    function Assert-NoTokenForm {
        param($Run, [string] $Case)
        $Run.Records.Count + $Run.Output | Should -BeGreaterThan 0 -Because "the case '$Case' must have written something to sweep"
        foreach ($form in $Forms.Keys) {
            $at = $Run.Text.IndexOf($Forms[$form], [StringComparison]::Ordinal)
            $around = if ($at -ge 0) { $Run.Text.Substring([Math]::Max(0, $at - 80), [Math]::Min(160, $Run.Text.Length - [Math]::Max(0, $at - 80))) } else { '' }
            $at | Should -Be -1 -Because "the $form token must not appear after '$Case' (found in: $around)"
        }
    }
}

AfterAll {
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'No spelling of the token in any output, after every refusal and every stop' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuEmulatorConfig -Uri $Uri -Token $Secret -LatencyMs 0
    }

    Context 'Refusals' {
        It 'refuses a pasted URL as -Path without quoting its token (<Case>)' -ForEach @(
            @{ Case = 'with a scheme'; Path = 'https://api.example.invalid/api/douyin-xingtu/get-kol-spread-info/v1?token={0}&kolId=1' }
            @{ Case = 'without a scheme'; Path = '/api/douyin-xingtu/get-kol-spread-info/v1?kolId=1&token={0}' }
            @{ Case = 'the token in the path itself'; Path = '/api/{0}/v1' }
        ) {
            $run = Invoke-Swept -Script 'Invoke-JustOneApi -Path $path -Query @{ kolId = 1 } -Verbose' -Variable @{ path = ($Path -f $Secret) }
            @($run.Records | Where-Object FullyQualifiedErrorId -Like 'InvalidPath,*').Count | Should -BeGreaterThan 0
            Assert-NoTokenForm -Run $run -Case "-Path $Case"
        }

        It 'refuses a query that quotes the token (<Case>)' -ForEach @(
            @{ Case = 'a token key'; Script = 'Invoke-JustOneApi -Path $path -Query @{ kolId = 1; token = $secret } -Verbose' }
            @{ Case = 'a query given as a string'; Script = 'Invoke-JustOneApi -Path $path -Query "kolId=1&token=$secret" -Verbose' }
            @{ Case = 'a bad id that holds it'; Script = 'Invoke-JustOneApi -Path $path -Query @{ kolId = "id $secret" } -Verbose' }
            @{ Case = 'a list value beside it'; Script = 'Invoke-JustOneApi -Path $path -Query @{ kolId = 1; note = $note; list = 1, 2 } -Verbose' }
        ) {
            $run = Invoke-Swept -Script $Script -Variable @{ path = $SpreadPath; note = "https://cdn.example.invalid/v.mp4?token=$Secret" }
            Assert-NoTokenForm -Run $run -Case $Case
        }

        It 'refuses or normalises a pasted link that holds the token (<Case>)' -ForEach @(
            @{ Case = 'a douyin.com link'; Id = 'https://www.douyin.com/user/MS4wLjAB?token={0}' }
            @{ Case = 'a Xingtu creator link'; Id = 'https://www.xingtu.cn/ad/creator/author/douyin/6853123456789012345?token={0}' }
            @{ Case = 'an id with the token after it'; Id = '6853123456789012345 {0}' }
        ) {
            $run = Invoke-Swept -Script 'Get-XingtuKolSpread -KolId $id -Verbose' -Variable @{ id = ($Id -f $Secret) }
            Assert-NoTokenForm -Run $run -Case $Case
        }
    }

    Context 'Rows that fail with the token in their query' {
        It 'keeps it out of the GET lines, the retry lines and the error targets' {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'e1' = @('400'); 'e2' = @('500*'); 'e3' = @('malformed') }
            $script = '"e1", "e2", "e3", "e4" | ForEach-Object { @{ kolId = $_; note = $note; ref = "see $secret" } } | Invoke-JustOneApi -Path $path -Verbose -Debug'
            $run = Invoke-Swept -Script $script -Variable @{ path = $SpreadPath; note = "https://cdn.example.invalid/v.mp4?token=$Secret" }
            $run.RowErrors.Count | Should -Be 3
            Assert-NoTokenForm -Run $run -Case 'failed rows'
        }
    }

    Context 'Stops' {
        It 'keeps it out of the stop summary after code <Code>' -ForEach @(
            @{ Code = '100' }, @{ Code = '303' }, @{ Code = '600' }, @{ Code = '601' }
        ) {
            # ThrottleLimit 2: s1 is held in flight, s2 hits the code after the emulator's 1 s latency, by which time
            # s3 to s6 wait in the window for a slot: they are queued and never sent.
            Set-XingtuEmulatorConfig -Uri $Uri -LatencyMs 1000
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 's1' = @('hold'); 's2' = @($Code) }
            $script = '"s1", "s2", "s3", "s4", "s5", "s6" | ForEach-Object { @{ kolId = $_; note = $note } } | Invoke-JustOneApi -Path $path -ThrottleLimit 2 -Verbose'
            $run = Invoke-Swept -Script $script -Variable @{ path = $SpreadPath; note = "https://cdn.example.invalid/v.mp4?token=$Secret" }
            $stop = @($run.Records | Where-Object { $_.Exception.Message -match 'The batch stopped' })
            $stop.Count | Should -BeGreaterThan 0
            $stop[0].Exception.Message | Should -Match 'in flight were cut off'
            $stop[0].Exception.Message | Should -Match 'queued were never sent'
            Assert-NoTokenForm -Run $run -Case "the stop on code $Code"
        }

        It 'keeps it out of everything written before Ctrl+C' {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'c2' = @('hold') }
            $script = '"c1", "c2", "c3" | ForEach-Object { @{ kolId = $_; note = $note } } | Invoke-JustOneApi -Path $path -ThrottleLimit 1 -Verbose'
            $run = Invoke-Swept -Script $script -Variable @{ path = $SpreadPath; note = "https://cdn.example.invalid/v.mp4?token=$Secret" } -StopWhenHeld
            Assert-NoTokenForm -Run $run -Case 'Ctrl+C'
        }
    }
}
