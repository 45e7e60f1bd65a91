<#
.SYNOPSIS
    Builds the module's MAML help (<Assembly>.dll-Help.xml) and about topics from docs/<culture>/*.md and *.help.txt.
.DESCRIPTION
    The syntax, parameter types, mandatory flags, positions, pipeline input, aliases, parameter sets and accepted
    values come from the built cmdlets' own metadata, so the help cannot drift from the code. Everything a person
    writes (synopsis, descriptions, examples, notes, links) comes from one markdown file per cmdlet and culture.

    Runs in a fresh pwsh started by build.ps1, because it imports the built module and a loaded binary module cannot
    be unloaded. Exits 1, listing every problem found, when the markdown and the cmdlets disagree or the help is
    incomplete; nothing is written then.

    The markdown structure (one file per cmdlet: docs/<culture>/<Cmdlet>.md):

        # <Cmdlet>
        ## SYNOPSIS            one paragraph
        ## DESCRIPTION         paragraphs
        ## PARAMETERS          one '### -Name' per parameter; an optional last line 'Default value: ...'
        ## INPUTS              '### <type name>' + text (optional)
        ## OUTPUTS             '### <type name>' + text, one per [OutputType]; 'None' for a cmdlet that writes nothing
        ## EXAMPLES            '### Example N: Title' (a translation may say '### 示例 N：标题'), a fenced code block,
                               then remarks
        ## NOTES               paragraphs (optional)
        ## RELATED LINKS       '- [Text](uri)' or '- Text' (optional)

    The headings and 'Default value:' stay in English in every culture; the text under them is translated.
    Paragraphs are separated by blank lines; lines within a paragraph are joined, except list items ('- ', '* ',
    '1. ') and fenced code, which keep their line breaks so that tables of properties stay readable in Get-Help.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Tools/Build-Help.ps1 -ModulePath out/JustOneApi.Xingtu -DocsPath docs
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# The culture whose markdown must be complete; other cultures may fall back to it for parameter text.
$SourceCulture = 'en-US'

# The fewest examples each cmdlet must have, first match wins: the cmdlets people script against most need the most.
$MinimumExamples = [ordered]@{
    'Get-XingtuKolSpread'     = 5
    'Get-XingtuConfiguration' = 2
    'Set-*'                   = 2
    'Clear-*'                 = 2
    '*'                       = 1
}

$KnownSections = 'SYNOPSIS', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'EXAMPLES', 'NOTES', 'RELATED LINKS'

# Common parameters are PowerShell's own and documented in about_CommonParameters. WhatIf and Confirm still belong in
# the syntax (Get-Command shows them), so they get a standard text unless the markdown gives one.
$CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
$ShouldProcessParameters = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

$Namespaces = @{
    Msh     = 'http://msh'
    Maml    = 'http://schemas.microsoft.com/maml/2004/10'
    Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    Dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

$Problems = [System.Collections.Generic.List[string]]::new()
$Warnings = [System.Collections.Generic.List[string]]::new()

function Add-Problem([string] $Message) { $Problems.Add($Message) }

#region Markdown

function Join-SoftWrappedLine {
    # Joins the lines of one paragraph. Chinese and Japanese text has no spaces between words, so a line break next
    # to such a character disappears instead of becoming a space.
    param([string[]] $Lines)
    $wide = '[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]'
    $text = [System.Text.StringBuilder]::new()
    foreach ($line in $Lines) {
        $line = $line.Trim()
        if ($text.Length -gt 0) {
            if (-not ($text[$text.Length - 1] -match $wide -or $line -match "^$wide")) { $null = $text.Append(' ') }
        }
        $null = $text.Append($line)
    }
    return $text.ToString()
}

function ConvertTo-Paragraph {
    # Splits markdown lines into paragraphs (blank-line separated). Plain lines are soft-wrapped and joined with a
    # space; list items and fenced code keep their line breaks.
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $block = [System.Collections.Generic.List[string]]::new()
    $inFence = $false

    $flush = {
        if ($block.Count -eq 0) { return }
        $keepBreaks = @($block | Where-Object { $_ -match '^\s*([-*]|\d+\.)\s' }).Count -gt 0
        $paragraphs.Add($(if ($keepBreaks) { $block -join "`n" } else { Join-SoftWrappedLine $block }))
        $block.Clear()
    }

    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($inFence) { $paragraphs.Add($block -join "`n"); $block.Clear() } else { & $flush }
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $block.Add($line); continue }
        if ($line.Trim().Length -eq 0) { & $flush; continue }
        $block.Add($line.TrimEnd())
    }
    & $flush
    return , $paragraphs.ToArray()
}

function Split-Subsection {
    # Splits a section's lines at '### ' headings (outside code fences). Returns the lines before the first heading
    # and an ordered list of @{ Title; Lines }.
    param([string[]] $Lines)
    $preamble = [System.Collections.Generic.List[string]]::new()
    $subsections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^###\s+(.+?)\s*$') {
            $current = [pscustomobject]@{ Title = $Matches[1]; Lines = [System.Collections.Generic.List[string]]::new() }
            $subsections.Add($current)
            continue
        }
        if ($null -eq $current) { $preamble.Add($line) } else { $current.Lines.Add($line) }
    }
    [pscustomobject]@{ Preamble = $preamble.ToArray(); Subsections = $subsections.ToArray() }
}

function Test-Blank([string[]] $Lines) { return -not ($Lines | Where-Object { $_.Trim().Length -gt 0 }) }

function Read-Example {
    # One example: the first fenced block is the code; the text after it is the remarks.
    param([string] $File, [string] $Title, [string[]] $Lines)
    $start = -1
    $end = -1
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i] -match '^\s*```') {
            if ($start -lt 0) { $start = $i } else { $end = $i; break }
        }
    }
    if ($start -lt 0 -or $end -lt 0) {
        Add-Problem ("${File}: example '$Title' has no fenced code block: " + '```powershell, the code, then ```.')
        return $null
    }
    if ($start -gt 0 -and -not (Test-Blank $Lines[0..($start - 1)])) {
        Add-Problem "${File}: example '$Title' has text before its code block; put the explanation after the code."
    }
    $code = if ($end -gt $start + 1) { $Lines[($start + 1)..($end - 1)] -join "`n" } else { '' }
    if ($code.Trim().Length -eq 0) { Add-Problem "${File}: example '$Title' has an empty code block." }
    $remarks = if ($end + 1 -lt $Lines.Count) { ConvertTo-Paragraph $Lines[($end + 1)..($Lines.Count - 1)] } else { @() }
    [pscustomobject]@{ Title = $Title; Code = $code; Remarks = $remarks }
}

function Read-CommandMarkdown {
    # Parses one docs/<culture>/<Cmdlet>.md into its sections. Structural problems are recorded, not thrown, so one
    # run reports everything that needs fixing.
    param([Parameter(Mandatory)] [System.IO.FileInfo] $File, [Parameter(Mandatory)] [string] $RelativePath)
    $lines = [System.IO.File]::ReadAllLines($File.FullName, [System.Text.UTF8Encoding]::new($false))
    $doc = [pscustomobject]@{
        File        = $RelativePath
        Name        = $null
        Synopsis    = ''
        Description = @()
        Parameters  = [ordered]@{}
        Inputs      = @()
        Outputs     = @()
        Examples    = @()
        Notes       = @()
        Links       = @()
    }

    $sections = [ordered]@{}
    $current = $null
    $inFence = $false
    foreach ($line in $lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^#\s+(\S+)\s*$' -and $null -eq $doc.Name) { $doc.Name = $Matches[1]; continue }
        if (-not $inFence -and $line -match '^##\s+(.+?)\s*$') {
            $current = $Matches[1].ToUpperInvariant()
            if ($current -notin $KnownSections) { Add-Problem "${RelativePath}: unknown section '## $($Matches[1])'; expected one of: $($KnownSections -join ', ')." }
            elseif ($sections.Contains($current)) { Add-Problem "${RelativePath}: section '## $current' appears twice." }
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if ($null -ne $current) { $sections[$current].Add($line) }
        elseif ($line.Trim().Length -gt 0 -and $line -notmatch '^#\s') { Add-Problem "${RelativePath}: text before the first '## ' section: '$line'." }
    }

    if ($null -eq $doc.Name) { Add-Problem "${RelativePath}: the first heading must be '# <Cmdlet-Name>'." }
    elseif ($doc.Name -ne $File.BaseName) { Add-Problem "${RelativePath}: the heading names '$($doc.Name)' but the file is named '$($File.Name)'." }

    $get = { param($name) if ($sections.Contains($name)) { [string[]]$sections[$name] } else { [string[]]@() } }

    $synopsis = ConvertTo-Paragraph (& $get 'SYNOPSIS')
    $doc.Synopsis = $synopsis -join ' '
    $doc.Description = ConvertTo-Paragraph (& $get 'DESCRIPTION')
    $doc.Notes = ConvertTo-Paragraph (& $get 'NOTES')

    $parameters = Split-Subsection (& $get 'PARAMETERS')
    if (-not (Test-Blank $parameters.Preamble)) { Add-Problem "${RelativePath}: text under '## PARAMETERS' before the first '### -Name'." }
    foreach ($sub in $parameters.Subsections) {
        if ($sub.Title -notmatch '^-(\w+)$') { Add-Problem "${RelativePath}: parameter heading '### $($sub.Title)' must be '### -Name'."; continue }
        $name = $Matches[1]
        if ($doc.Parameters.Contains($name)) { Add-Problem "${RelativePath}: parameter -$name is documented twice."; continue }
        # An optional last line 'Default value: x' feeds Get-Help's 'Default value' field instead of the text.
        $body = [string[]]$sub.Lines
        $default = $null
        $defaultLine = @($body | Where-Object { $_ -match '^\s*Default value:\s*(.+?)\s*$' })
        if ($defaultLine.Count -gt 0) {
            $null = $defaultLine[-1] -match '^\s*Default value:\s*(.+?)\s*$'
            $default = $Matches[1]
            $body = [string[]]@($body | Where-Object { $_ -notmatch '^\s*Default value:' })
        }
        # Required, position and pipeline input come from the cmdlet itself; written here they would only show as text.
        foreach ($line in @($body | Where-Object { $_ -match '^\s*(Required|Position|Pipeline input|Aliases|Accept \w+)\??:' })) {
            Add-Problem "${RelativePath}: -$name holds '$($line.Trim())'; the help takes that from the cmdlet, so leave it out."
        }
        $doc.Parameters[$name] = [pscustomobject]@{ Description = (ConvertTo-Paragraph $body); DefaultValue = $default }
    }

    foreach ($kind in 'INPUTS', 'OUTPUTS') {
        $split = Split-Subsection (& $get $kind)
        if (-not (Test-Blank $split.Preamble)) { Add-Problem "${RelativePath}: text under '## $kind' before the first '### <type name>'." }
        $types = foreach ($sub in $split.Subsections) { [pscustomobject]@{ Type = $sub.Title; Description = (ConvertTo-Paragraph $sub.Lines) } }
        if ($kind -eq 'INPUTS') { $doc.Inputs = @($types) } else { $doc.Outputs = @($types) }
    }

    $examples = Split-Subsection (& $get 'EXAMPLES')
    if (-not (Test-Blank $examples.Preamble)) { Add-Problem "${RelativePath}: text under '## EXAMPLES' before the first '### Example 1: ...'." }
    $doc.Examples = @(foreach ($sub in $examples.Subsections) {
            # 'Example 1: Title' in English; a translation may use its own word for it, such as '示例 1：标题'.
            if ($sub.Title -notmatch '^\S+\s*\d+\s*[:：]\s*\S') { Add-Problem "${RelativePath}: example heading '### $($sub.Title)' must be '### Example N: Title'." }
            Read-Example -File $RelativePath -Title $sub.Title -Lines $sub.Lines
        }) | Where-Object { $null -ne $_ }

    $doc.Links = @(foreach ($line in (& $get 'RELATED LINKS')) {
            if ($line.Trim().Length -eq 0) { continue }
            if ($line -match '^\s*[-*]\s+\[([^\]]+)\]\(([^)]*)\)\s*$') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
            elseif ($line -match '^\s*[-*]\s+(.+?)\s*$') { [pscustomobject]@{ Text = $Matches[1]; Uri = '' } }
            else { Add-Problem "${RelativePath}: related link '$line' must be '- [Text](uri)' or '- Text'." }
        })

    return $doc
}

#endregion

#region Cmdlet metadata

function Get-ParameterDisplayOrder {
    # The order Get-Command -Syntax uses: positional parameters by position, then the rest as declared.
    param([System.Management.Automation.CommandParameterInfo[]] $Parameters)
    $positional = @($Parameters | Where-Object Position -GE 0 | Sort-Object Position)
    $named = @($Parameters | Where-Object Position -LT 0)
    return @($positional) + @($named)
}

function Get-AcceptedValue {
    # The values Get-Help shows as {A | B}: a ValidateSet wins (it may narrow an enum), else the enum's names.
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return @($set.ValidValues) }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { return [enum]::GetNames($type) }
    return @()
}

function Get-PipelineInputText {
    param([bool] $ByValue, [bool] $ByPropertyName)
    if ($ByValue -and $ByPropertyName) { return 'True (ByValue, ByPropertyName)' }
    if ($ByValue) { return 'True (ByValue)' }
    if ($ByPropertyName) { return 'True (ByPropertyName)' }
    return 'False'
}

function Get-CommandModel {
    # Everything the help takes from the cmdlet itself rather than from the markdown.
    param([System.Management.Automation.CmdletInfo] $Command)
    # A DontShow parameter (the pipeline object itself, which -KeepInputColumns reads) is plumbing, not for users.
    $hidden = @($Command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow } } | ForEach-Object Name)
    $documentable = { param($name) $name -notin $CommonParameters -and $name -ne 'UseTransaction' -and $name -notin $hidden }

    $sets = foreach ($set in $Command.ParameterSets) {
        $inDisplayOrder = Get-ParameterDisplayOrder @($set.Parameters | Where-Object { & $documentable $_.Name })
        [pscustomobject]@{
            Name       = $set.Name
            Parameters = @(foreach ($p in $inDisplayOrder) {
                    [pscustomobject]@{
                        Name          = $p.Name
                        Required      = $p.IsMandatory
                        Position      = if ($p.Position -ge 0) { [string]$p.Position } else { 'named' }
                        PipelineInput = Get-PipelineInputText $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName
                    }
                })
        }
    }

    # The parameter list in declaration order, as Get-Command lists them. Required, Position and PipelineInput come
    # from the parameter's first set; a syntax item above shows each set's own values where they differ.
    $parameters = [ordered]@{}
    foreach ($name in $Command.Parameters.Keys) {
        if (-not (& $documentable $name)) { continue }
        $metadata = $Command.Parameters[$name]
        $inSet = @($metadata.ParameterSets.Values)[0]
        $type = $metadata.ParameterType
        $parameters[$name] = [pscustomobject]@{
            Name            = $name
            Required        = $inSet.IsMandatory
            Position        = if ($inSet.Position -ge 0) { [string]$inSet.Position } else { 'named' }
            PipelineInput   = Get-PipelineInputText $inSet.ValueFromPipeline $inSet.ValueFromPipelineByPropertyName
            Aliases         = @($metadata.Aliases)
            Globbing        = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            TypeName        = $type.FullName
            ShortTypeName   = $type.Name
            IsSwitch        = $type -eq [System.Management.Automation.SwitchParameter]
            AcceptedValues  = @(Get-AcceptedValue $metadata)
            IsShouldProcess = $ShouldProcessParameters.ContainsKey($name)
        }
    }

    $outputs = @($Command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } } |
            Where-Object { $_ -ne 'System.Void' })

    [pscustomobject]@{
        Name        = $Command.Name
        Verb        = $Command.Verb
        Noun        = $Command.Noun
        HelpFile    = $Command.HelpFile
        Sets        = @($sets)
        Parameters  = $parameters
        OutputTypes = $outputs
    }
}

#endregion

#region Checks

function Get-MinimumExampleCount([string] $Name) {
    foreach ($pattern in $MinimumExamples.Keys) { if ($Name -like $pattern) { return $MinimumExamples[$pattern] } }
}

function Test-CommandDoc {
    # Checks one culture's markdown against its cmdlet. The source culture must document every parameter; other
    # cultures may leave a parameter out and fall back to the source text, with a warning.
    param($Model, $Doc, [string] $Culture)
    $file = $Doc.File
    if ($Doc.Synopsis.Trim().Length -eq 0) { Add-Problem "${file}: the SYNOPSIS is empty." }
    if (@($Doc.Description | Where-Object { $_.Trim().Length -gt 0 }).Count -eq 0) { Add-Problem "${file}: the DESCRIPTION is empty." }

    foreach ($name in $Doc.Parameters.Keys) {
        if (-not $Model.Parameters.Contains($name)) {
            Add-Problem "${file}: documents -$name, which $($Model.Name) does not have."
        }
        elseif (@($Doc.Parameters[$name].Description | Where-Object { $_.Trim().Length -gt 0 }).Count -eq 0) {
            Add-Problem "${file}: the section for -$name is empty."
        }
    }
    foreach ($parameter in $Model.Parameters.Values) {
        if ($parameter.IsShouldProcess -or $Doc.Parameters.Contains($parameter.Name)) { continue }
        if ($Culture -eq $SourceCulture) { Add-Problem "${file}: -$($parameter.Name) has no '### -$($parameter.Name)' section." }
        else { $Warnings.Add("${file}: -$($parameter.Name) is not translated; the $SourceCulture text is used.") }
    }

    $minimum = Get-MinimumExampleCount $Model.Name
    if ($Doc.Examples.Count -lt $minimum) { Add-Problem "${file}: $($Model.Name) needs at least $minimum example(s); found $($Doc.Examples.Count)." }

    $declared = if ($Model.OutputTypes.Count -gt 0) { $Model.OutputTypes } else { @('None') }
    foreach ($output in $Doc.Outputs) {
        if ($output.Type -notin $declared) { Add-Problem "${file}: OUTPUTS names '$($output.Type)', but $($Model.Name) declares $($declared -join ', ')." }
    }
    if ($Culture -eq $SourceCulture) {
        foreach ($type in $declared) {
            if ($type -notin @($Doc.Outputs.Type)) { Add-Problem "${file}: OUTPUTS has no '### $type' section." }
        }
    }
}

function Compare-Translation {
    # A translation should show the same examples as the source: same number, same code. A difference is worth a
    # warning rather than a failure, since the translation may simply lag behind for a release.
    param($Doc, $SourceDoc)
    if ($null -eq $SourceDoc) { return }
    if ($Doc.Examples.Count -ne $SourceDoc.Examples.Count) {
        $Warnings.Add("$($Doc.File): $($Doc.Examples.Count) example(s), but $($SourceDoc.File) has $($SourceDoc.Examples.Count).")
        return
    }
    for ($i = 0; $i -lt $Doc.Examples.Count; $i++) {
        if ($Doc.Examples[$i].Code -cne $SourceDoc.Examples[$i].Code) {
            $Warnings.Add("$($Doc.File): the code of example $($i + 1) differs from $($SourceDoc.File).")
        }
    }
}

#endregion

#region MAML

function Write-Para {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    $Writer.WriteStartElement('maml', 'description', $Namespaces.Maml)
    if (-not $Paragraphs -or $Paragraphs.Count -eq 0) { $Paragraphs = @('') }
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $Namespaces.Maml, $paragraph) }
    $Writer.WriteEndElement()
}

function Write-Parameter {
    # One command:parameter, as used both in a syntax item and in the parameter list.
    param([System.Xml.XmlWriter] $Writer, $Parameter, [string[]] $Description, [string] $DefaultValue, [switch] $InSyntax)
    $Writer.WriteStartElement('command', 'parameter', $Namespaces.Command)
    $Writer.WriteAttributeString('required', $Parameter.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Parameter.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Parameter.PipelineInput)
    $Writer.WriteAttributeString('position', $Parameter.Position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count -gt 0) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $Namespaces.Maml, $Parameter.Name)
    Write-Para $Writer $Description

    if ($Parameter.AcceptedValues.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Namespaces.Command)
        foreach ($value in $Parameter.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.Command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # A switch has no value to show in the syntax ([-PassThru]); the parameter list still names its type.
    if (-not ($InSyntax -and $Parameter.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.Command)
        $Writer.WriteAttributeString('required', (-not $Parameter.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.ShortTypeName)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $Namespaces.Dev)
    $Writer.WriteElementString('maml', 'name', $Namespaces.Maml, $Parameter.TypeName)
    $Writer.WriteElementString('maml', 'uri', $Namespaces.Maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $Namespaces.Dev, $(if ($DefaultValue) { $DefaultValue } elseif ($Parameter.IsSwitch) { 'False' } else { 'None' }))
    $Writer.WriteEndElement()
}

function Get-ParameterText {
    # The culture's text for a parameter, else the source culture's, else the standard WhatIf/Confirm text.
    param($Name, $Doc, $SourceDoc)
    foreach ($d in $Doc, $SourceDoc) {
        if ($d -and $d.Parameters.Contains($Name)) { return $d.Parameters[$Name] }
    }
    [pscustomobject]@{ Description = @($ShouldProcessParameters[$Name]); DefaultValue = 'False' }
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Types)
    $Writer.WriteStartElement('command', $ListName, $Namespaces.Command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement('command', $ItemName, $Namespaces.Command)
        $Writer.WriteStartElement('dev', 'type', $Namespaces.Dev)
        $Writer.WriteElementString('maml', 'name', $Namespaces.Maml, $type.Type)
        $Writer.WriteEndElement()
        Write-Para $Writer $type.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    # One command:command element: the structure of PowerShell's own help files (and platyPS's output).
    param([System.Xml.XmlWriter] $Writer, $Model, $Doc, $SourceDoc)
    $Writer.WriteStartElement('command', 'command', $Namespaces.Command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $Namespaces.Maml)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $Namespaces.Command)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $Namespaces.Dev)
    $Writer.WriteAttributeString('xmlns', 'MSHelp', $null, $Namespaces.MSHelp)

    $Writer.WriteStartElement('command', 'details', $Namespaces.Command)
    $Writer.WriteElementString('command', 'name', $Namespaces.Command, $Model.Name)
    Write-Para $Writer @($Doc.Synopsis)
    $Writer.WriteElementString('command', 'verb', $Namespaces.Command, $Model.Verb)
    $Writer.WriteElementString('command', 'noun', $Namespaces.Command, $Model.Noun)
    $Writer.WriteEndElement()

    Write-Para $Writer $Doc.Description

    $Writer.WriteStartElement('command', 'syntax', $Namespaces.Command)
    foreach ($set in $Model.Sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Namespaces.Command)
        $Writer.WriteElementString('maml', 'name', $Namespaces.Maml, $Model.Name)
        foreach ($p in $set.Parameters) {
            # Required and Position can differ between sets; the syntax item shows this set's.
            $parameter = $Model.Parameters[$p.Name].PSObject.Copy()
            $parameter.Required = $p.Required
            $parameter.Position = $p.Position
            $parameter.PipelineInput = $p.PipelineInput
            $text = Get-ParameterText $p.Name $Doc $SourceDoc
            Write-Parameter $Writer $parameter $text.Description $text.DefaultValue -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $Namespaces.Command)
    foreach ($parameter in $Model.Parameters.Values) {
        $text = Get-ParameterText $parameter.Name $Doc $SourceDoc
        Write-Parameter $Writer $parameter $text.Description $text.DefaultValue
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' $Doc.Inputs
    Write-TypeList $Writer 'returnValues' 'returnValue' $Doc.Outputs

    $Writer.WriteStartElement('maml', 'alertSet', $Namespaces.Maml)
    $Writer.WriteStartElement('maml', 'alert', $Namespaces.Maml)
    foreach ($note in $(if ($Doc.Notes.Count) { $Doc.Notes } else { @('') })) { $Writer.WriteElementString('maml', 'para', $Namespaces.Maml, $note) }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $Namespaces.Command)
    foreach ($example in $Doc.Examples) {
        $Writer.WriteStartElement('command', 'example', $Namespaces.Command)
        $Writer.WriteElementString('maml', 'title', $Namespaces.Maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $Namespaces.Dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $Namespaces.Dev)
        # A trailing empty paragraph puts a blank line between one example's remarks and the next example's title.
        foreach ($remark in @($example.Remarks) + @('')) { $Writer.WriteElementString('maml', 'para', $Namespaces.Maml, $remark) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $Namespaces.Command)
    foreach ($link in $Doc.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $Namespaces.Maml)
        $Writer.WriteElementString('maml', 'linkText', $Namespaces.Maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $Namespaces.Maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlFile {
    param([string] $Path, $Models, $Docs, $SourceDocs)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    # With a byte order mark, as PowerShell's own help files: Windows PowerShell 5.1 reads it either way, editors too.
    $settings.Encoding = [System.Text.UTF8Encoding]::new($true)
    $settings.NewLineChars = "`n"
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $Namespaces.Msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($model in $Models) { Write-CommandHelp $writer $model $Docs[$model.Name] $SourceDocs[$model.Name] }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

#endregion

#region About topics

function Copy-AboutTopic {
    # Copies an about topic as UTF-8 with a byte order mark: without one, Windows PowerShell 5.1 reads the file in
    # the ANSI code page and the Chinese text turns into mojibake.
    param([System.IO.FileInfo] $Source, [string] $Destination)
    $text = [System.IO.File]::ReadAllText($Source.FullName, [System.Text.UTF8Encoding]::new($false))
    $text = $text.TrimStart([char]0xFEFF)
    [System.IO.File]::WriteAllText($Destination, $text, [System.Text.UTF8Encoding]::new($true))
}

#endregion

$ModulePath = (Resolve-Path $ModulePath).Path
$DocsPath = (Resolve-Path $DocsPath).Path
$moduleName = Split-Path $ModulePath -Leaf
$module = Import-Module $ModulePath -PassThru -Force
$models = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name | ForEach-Object { Get-CommandModel $_ })
$modelByName = @{}
foreach ($model in $models) { $modelByName[$model.Name] = $model }

$cultures = @(Get-ChildItem $DocsPath -Directory | Where-Object { $_.Name -match '^[a-z]{2,3}(-[A-Za-z]{2,4})*$' } | Sort-Object { $_.Name -ne $SourceCulture }, Name)
if ($SourceCulture -notin $cultures.Name) { Add-Problem "$DocsPath has no $SourceCulture folder." }

$docsByCulture = @{}
foreach ($culture in $cultures) {
    $docs = @{}
    foreach ($file in Get-ChildItem $culture.FullName -Filter *.md -File) {
        $relative = "$($culture.Name)/$($file.Name)"
        $doc = Read-CommandMarkdown -File $file -RelativePath $relative
        if ($null -eq $doc.Name) { continue }
        if (-not $modelByName.ContainsKey($doc.Name)) { Add-Problem "${relative}: $moduleName has no cmdlet named '$($doc.Name)'."; continue }
        $docs[$doc.Name] = $doc
        Test-CommandDoc -Model $modelByName[$doc.Name] -Doc $doc -Culture $culture.Name
    }
    foreach ($model in $models) {
        if (-not $docs.ContainsKey($model.Name)) { Add-Problem "$($culture.Name)/$($model.Name).md is missing: every cmdlet needs help in every culture." }
    }
    $about = Join-Path $culture.FullName "about_$moduleName.help.txt"
    if (-not (Test-Path $about)) { Add-Problem "$($culture.Name)/about_$moduleName.help.txt is missing." }
    elseif ((Get-Content $about -Raw -Encoding utf8).Trim().Length -eq 0) { Add-Problem "$($culture.Name)/about_$moduleName.help.txt is empty." }
    $docsByCulture[$culture.Name] = $docs
    if ($culture.Name -ne $SourceCulture -and $docsByCulture.ContainsKey($SourceCulture)) {
        foreach ($name in $docs.Keys) { Compare-Translation $docs[$name] $docsByCulture[$SourceCulture][$name] }
    }
}

foreach ($warning in $Warnings) { Write-Warning $warning }
if ($Problems.Count -gt 0) {
    Write-Host "The help was not built: $($Problems.Count) problem(s) in $DocsPath." -ForegroundColor Red
    foreach ($problem in $Problems) { Write-Host "ERROR: $problem" -ForegroundColor Red }
    exit 1
}

$helpFile = ($models | Select-Object -First 1).HelpFile
foreach ($culture in $cultures) {
    $target = New-Item -ItemType Directory -Force (Join-Path $ModulePath $culture.Name)
    Write-MamlFile -Path (Join-Path $target.FullName $helpFile) -Models $models -Docs $docsByCulture[$culture.Name] -SourceDocs $docsByCulture[$SourceCulture]
    Get-ChildItem $culture.FullName -Filter 'about_*.help.txt' -File | ForEach-Object { Copy-AboutTopic $_ (Join-Path $target.FullName $_.Name) }
}
Write-Host "Help built for $($models.Count) cmdlets in $($cultures.Name -join ', ')."
