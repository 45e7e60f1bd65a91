# The README's first command runs the demo: it must work from a fresh pwsh against the built module, end to end.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The demo' {
    It 'runs every example against its own emulator and writes the shortlist and its report' {
        $run = Invoke-ChildPwsh -Script "& '$(Join-Path $RepoRoot 'tests/Tools/Demo.ps1')' -ModulePath '$ModulePath'"
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Error | Should -BeNullOrEmpty
        foreach ($section in '# One KOL', '# Who to book', '# See it', '# The day V1 disappears', '# Ids as people paste them', '# The rest of the Xingtu data') {
            $run.Output | Should -Match ([regex]::Escape($section))
        }

        $work = Join-Path $RepoRoot 'out/demo'
        @(Import-Csv (Join-Path $work 'shortlist.csv')).Count | Should -BeGreaterThan 0
        [IO.File]::ReadAllText((Join-Path $work 'shortlist.html')) | Should -Match '<script type="application/json" id="xt-data">'
    }
}
