BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Emulator = Start-XingtuEmulator
    $script:Uri = $Emulator.Uri
    $script:BaseInfo = '/api/douyin-xingtu/gw/api/author/get_author_base_info/v1'

    function Invoke-Collected {
        # Runs a script block here (it writes with -OutVariable objects -ErrorVariable errors) and returns what came
        # out: objects, row errors, and the terminating error if any.
        param([scriptblock] $Script)
        $objects = $null
        $errors = $null
        $terminating = $null
        try {
            $null = . $Script
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

Describe 'A billed answer is never lost' {
    BeforeEach {
        Reset-XingtuEmulator -Uri $Uri
        Set-XingtuConfiguration -BaseUri $Uri -RetryIntervalSec 0 -MaximumRetryCount 0 -TimeoutSec 10 -ThrottleLimit 4 -SpreadEndpoint V1
        Set-XingtuToken -Token $TestToken
    }

    Context 'Data that PowerShell objects cannot hold as sent' {
        It 'writes the rows around a <Name> answer, and gives that row a result or its own error' -ForEach @(
            @{ Name = 'psobject' }, @{ Name = 'psbase' }, @{ Name = 'pstypenames' }, @{ Name = 'emptykey' },
            @{ Name = 'dupkeys' }, @{ Name = 'surrogate' }, @{ Name = 'deep' }
        ) {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'h2' = @("hostile:$Name") }
            $run = Invoke-Collected {
                'h1', 'h2', 'h3' | ForEach-Object { @{ oAuthorId = $_ } } |
                    Invoke-JustOneApi -Path $BaseInfo -OutVariable objects -ErrorVariable errors -ErrorAction SilentlyContinue
            }

            $run.Terminating | Should -BeNullOrEmpty -Because 'content PowerShell cannot hold must not end the batch'
            $run.Stats.perKol.h3 | Should -Be 1 -Because 'the row after it is fetched'
            $run.Objects.Count + $run.Errors.Count | Should -Be 3
            foreach ($record in $run.Errors) {
                $record.FullyQualifiedErrorId | Should -BeLike 'MalformedResponse,*'
                "$($record.TargetObject)" | Should -BeLike '*oAuthorId=h2'
                $record.Exception.Message | Should -Match '-Raw'
            }
            # The answer was billed and kept: -Raw serves it from the store, with nothing sent.
            $raw = Invoke-JustOneApi -Path $BaseInfo -Query @{ oAuthorId = 'h2' } -Raw -MaxAge 01:00:00
            $raw | Should -Not -BeNullOrEmpty
            (Get-XingtuEmulatorStats -Uri $Uri).perKol.h2 | Should -Be 1 -Because 'the kept answer is served, not bought again'
        }

        It 'keeps the reserved names under a safe name, with their values' {
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'r1' = @('hostile:psobject') }
            $row = Invoke-JustOneApi -Path $BaseInfo -Query @{ oAuthorId = 'r1' } -ErrorAction Stop
            $row.id | Should -Be '7'
            $row.'PSObject_' | Should -Be 1
        }
    }

    Context 'Requests billed without being counted' {
        It 'sends a request once when the server closes the connection without answering, at -MaximumRetryCount 0' {
            # Connections in the pool first, so the request goes out on a kept-alive one, as in a long batch.
            $null = 'w1', 'w2', 'w3', 'w4' | Get-XingtuKolSpread -ThrottleLimit 4
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'gone' = @('close*') }

            $run = Invoke-Collected {
                Get-XingtuKolSpread -KolId 'gone' -OutVariable objects -ErrorVariable errors -ErrorAction SilentlyContinue
            }

            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
            $run.Stats.perKol.gone | Should -Be 1 -Because 'nothing may resend a request the module does not count'
            $run.Errors[0].Exception.Attempts | Should -Be $run.Stats.perKol.gone
        }

        It 'counts every request it sends for a closed connection when retries are allowed' {
            Set-XingtuConfiguration -MaximumRetryCount 2
            Set-XingtuEmulatorScript -Uri $Uri -Script @{ 'gone' = @('close*') }
            $run = Invoke-Collected {
                Get-XingtuKolSpread -KolId 'gone' -OutVariable objects -ErrorVariable errors -ErrorAction SilentlyContinue
            }
            $run.Stats.perKol.gone | Should -Be 3
            $run.Errors[0].Exception.Attempts | Should -Be 3
            $run.Errors[0].Exception.Message | Should -Match 'Gave up after 3 attempts'
        }
    }
}
