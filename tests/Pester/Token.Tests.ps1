BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 1 -TimeoutSec 10
    $script:StoredFile = (Get-XingtuConfiguration).TokenStorePath

    function Get-UsedToken {
        # Which token reached the API: the emulator accepts only the one under test, so success names it.
        param([string] $Token, [hashtable] $Extra = @{})
        Set-XingtuEmulatorConfig -Uri $Uri -Token $Token
        try {
            $null = Get-XingtuKolSpread -KolId 9001 @Extra -ErrorAction Stop -WarningAction SilentlyContinue
            return $true
        }
        catch {
            if ($_.FullyQualifiedErrorId -like 'InvalidToken,*') { return $false }
            throw
        }
    }
}

AfterAll {
    Clear-XingtuToken -WarningAction SilentlyContinue
    Remove-Item Env:JUSTONEAPI_TOKEN -ErrorAction Ignore
    Stop-XingtuEmulator -Emulator $Emulator
}

Describe 'The token' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Clear-XingtuToken -WarningAction SilentlyContinue
        Remove-Item Env:JUSTONEAPI_TOKEN -ErrorAction Ignore
    }

    Context 'Token resolution order' {
        It 'uses -Token before the session token' {
            Set-XingtuToken -Token 'session-token'
            Get-UsedToken -Token 'param-token' -Extra @{ Token = 'param-token' } | Should -BeTrue
            Get-UsedToken -Token 'session-token' -Extra @{ Token = 'param-token' } | Should -BeFalse
        }

        It 'accepts -Token as a SecureString' {
            $secure = ConvertTo-SecureString 'secure-token' -AsPlainText -Force
            Get-UsedToken -Token 'secure-token' -Extra @{ Token = $secure } | Should -BeTrue
        }

        It 'takes a SecureString in Set-XingtuToken too' {
            Set-XingtuToken -Token (ConvertTo-SecureString 'secure-session-token' -AsPlainText -Force)
            Get-UsedToken -Token 'secure-session-token' | Should -BeTrue
        }

        It 'uses the session token before JUSTONEAPI_TOKEN' {
            $env:JUSTONEAPI_TOKEN = 'env-token'
            Set-XingtuToken -Token 'session-token'
            Get-UsedToken -Token 'session-token' | Should -BeTrue
            (Get-XingtuConfiguration).TokenSource | Should -Be 'Session'
        }

        It 'uses JUSTONEAPI_TOKEN before the stored token' {
            $null = Invoke-ChildPwsh -Script "Import-Module '$ModulePath'; Set-XingtuToken -Token 'stored-token' -Persist"
            $StoredFile | Should -Exist
            $env:JUSTONEAPI_TOKEN = 'env-token'
            (Get-XingtuConfiguration).TokenSource | Should -Be 'EnvironmentVariable'
            Get-UsedToken -Token 'env-token' | Should -BeTrue
            Get-UsedToken -Token 'stored-token' | Should -BeFalse
        }

        It 'falls back to the stored token' {
            $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_BASE_URI = $Uri } -Script @"
    Import-Module '$ModulePath'
    Set-XingtuToken -Token '$TestToken' -Persist
"@
            $child.ExitCode | Should -Be 0
            $fresh = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_BASE_URI = $Uri } -Script @"
    Import-Module '$ModulePath'
    (Get-XingtuConfiguration).TokenSource
    (Get-XingtuKolSpread -KolId 9002 -WarningAction SilentlyContinue).KolId
"@
            $fresh.Output | Should -Match 'Stored'
            $fresh.Output | Should -Match '9002'
        }
    }

    Context 'Token storage' {
        It 'stores the token in a file only the owner can read, and Clear-XingtuToken deletes it' -Skip:$IsWindows {
            Set-XingtuToken -Token 'persisted-token' -Persist
            $StoredFile | Should -Exist
            (Get-Item $StoredFile).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
            (Get-Item (Split-Path $StoredFile)).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
            Clear-XingtuToken
            $StoredFile | Should -Not -Exist
            (Get-XingtuConfiguration).TokenSource | Should -Be 'None'
        }

        It 'fails clearly, without waiting, when it must prompt in a non-interactive session' {
            $child = Invoke-ChildPwsh -Script @"
    Import-Module '$ModulePath'
    try { Set-XingtuToken; 'no error' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
            $child.Output | Should -Match 'TokenPromptUnavailable'
            $child.Output | Should -Match 'JUSTONEAPI_TOKEN'
        }

        It 'fails clearly in a hosted runspace whose host cannot prompt' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; try { Set-XingtuToken; 'no error' } catch { `$_.FullyQualifiedErrorId }")
            ($ps.Invoke() -join ' ') | Should -Match 'TokenPromptUnavailable'
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'rejects an empty token' {
            { Set-XingtuToken -Token ' ' } | Should -Throw -ErrorId 'EmptyToken,*'
        }
    }

    Context 'The token never leaks' {
        It 'is masked in Get-XingtuConfiguration' {
            Set-XingtuToken -Token 'abcdefghijklmnop-secret'
            $configuration = Get-XingtuConfiguration
            $configuration.Token | Should -Be '****cret'
            ($configuration | Format-List * | Out-String) | Should -Not -Match 'abcdefghijklmnop'
        }

        It 'does not appear in verbose, warning, error or output streams, nor in error records' {
            $secret = 'leak-check-token-123456'
            Set-XingtuToken -Token $secret
            Set-XingtuEmulatorConfig -Uri $Uri -Token $secret
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'e1' = @('400'); 'e2' = @('drop*'); 'e3' = @('http:503*'); 'e4' = @('malformed') }
            $all = 'ok', 'e1', 'e2', 'e3', 'e4' | Get-XingtuKolSpread -Verbose -Debug -ErrorVariable errs -ErrorAction SilentlyContinue *>&1 |
                Out-String -Width 500
            $all | Should -Not -Match $secret
            $errs.Count | Should -Be 4
            foreach ($record in $errs) {
                $text = @($record.ToString(), "$($record.TargetObject)", $record.InvocationInfo.Line, ($record | Format-List * -Force | Out-String))
                for ($e = $record.Exception; $e; $e = $e.InnerException) { $text += $e.ToString() }
                ($text -join "`n") | Should -Not -Match $secret
            }
        }

        It 'is scrubbed from what a server quotes back (code <Code>)' -ForEach @(@{ Code = '400' }, @{ Code = '100' }) {
        $secret = 'echoed-secret-token-991'
        Set-XingtuEmulatorConfig -Uri $Uri -Token $secret
        Set-XingtuEmulatorScript -Uri $Uri -KolId 'echo' -Step "echo:$Code"
        $caught = $null
        try { $null = Get-XingtuKolSpread -KolId 'echo' -Token $secret -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $caught = $_ }
        # A row error arrives as a record; the terminating one is caught, and -ErrorVariable holds it as an exception.
        $records = @(@($errs) + @($caught) | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $records.Count | Should -Be 1
        $records[0].Exception.Message | Should -Match 'token \*\*\* is not active'
        $records[0].Exception.ApiMessage.Contains($secret) | Should -BeFalse
        foreach ($item in @($errs) + @($caught) | Where-Object { $_ }) {
            $text = if ($item -is [Exception]) { $item.ToString() } else { ($item | Format-List * -Force | Out-String) + $item.Exception.ToString() }
            $text.Contains($secret) | Should -BeFalse
        }
    }

    It 'is not written by the runbook path either' {
            $child = Invoke-ChildPwsh -Environment @{ JUSTONEAPI_TOKEN = $TestToken; JUSTONEAPI_BASE_URI = $Uri } -Script @"
    Import-Module '$ModulePath'
    Get-XingtuKolSpread -KolId 9100 -Verbose 4>&1 | Out-String
"@
            $child.Output | Should -Match 'token=\*\*\*'
            $child.Output | Should -Not -Match $TestToken
        }
    }

    Context 'A runbook with only JUSTONEAPI_TOKEN' {
        It 'turns a CSV into a CSV in a non-interactive pwsh' {
            $work = Join-Path ([IO.Path]::GetTempPath()) ("xingtu-runbook-" + [guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory $work
            'kol_id', '111', '222', '333' | Set-Content (Join-Path $work 'kols.csv')
            $child = Invoke-ChildPwsh -WorkingDirectory $work -Environment @{ JUSTONEAPI_TOKEN = $TestToken; JUSTONEAPI_BASE_URI = $Uri } -Script @"
    `$ErrorActionPreference = 'Stop'
    Import-Module '$ModulePath'
    Import-Csv ./kols.csv | Get-XingtuKolSpread -Range Last90Days -WarningAction SilentlyContinue | Export-Csv ./out.csv -NoTypeInformation -Encoding utf8
"@
            $child.ExitCode | Should -Be 0 -Because $child.Error
            $rows = Import-Csv (Join-Path $work 'out.csv')
            $rows.KolId | Should -Be @('111', '222', '333')
            $rows.Range | Should -Be @('Last90Days', 'Last90Days', 'Last90Days')
            Remove-Item $work -Recurse -Force
        }
    }
}
