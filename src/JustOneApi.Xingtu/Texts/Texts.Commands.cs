namespace JustOneApi.Xingtu
{
    /// <summary>The runtime texts of the cmdlets (Commands/): verbose lines, token and configuration cmdlets, Invoke-JustOneApi, the report; their Chinese is in Texts.Commands.zh.cs.</summary>
    internal static partial class Texts
    {
        public const string MaxAgeNegative = "-MaxAge cannot be negative; 0 fetches everything again.";

        public const string LocalCacheMaxAgeNegative = "-LocalCacheMaxAge cannot be negative; TimeSpan.Zero turns reading off.";

        public const string OlderThanNegative = "-OlderThan cannot be negative.";

        /// <summary>{0} the number as given, {1} the parameter.</summary>
        public const string BareNumberAge = "A bare number ({0}) is not an age: PowerShell would read it as {0} ticks (ten-millionths of a second). Give a TimeSpan, such as -{1} (New-TimeSpan -Days 7) or -{1} 7.00:00:00.";

        /// <summary>{0} the environment variable, {1} the address (scheme, host, port).</summary>
        public const string PlainHttpVariable = "{0} points at {1}, plain HTTP: the token crosses the network unencrypted.";

        /// <summary>{0} the address (scheme, host, port).</summary>
        public const string PlainHttp = "{0} is plain HTTP: the token crosses the network unencrypted.";

        /// <summary>{0} why the store's folder was refused.</summary>
        public const string StoreFolderRefused = "{0} This call goes on without it: its answers are not kept, and nothing is served from there.";

        /// <summary>The first verbose line. {0} where the token came from, {1} the token masked, {2} the address, {3} the ThrottleLimit, {4} the store.</summary>
        public const string CallSettings = "Token from {0} ({1}); {2}; ThrottleLimit {3}; {4}.";

        /// <summary>{0} the address, {1} the proxy's.</summary>
        public const string AddressThroughProxy = "{0} through the proxy {1}";

        public const string TokenFromParameter = "the -Token parameter";

        public const string TokenFromSession = "Set-XingtuToken (this session)";

        /// <summary>{0} the environment variable.</summary>
        public const string TokenFromEnvironment = "the {0} environment variable";

        /// <summary>{0} the file.</summary>
        public const string TokenFromFile = "the stored token file {0}";

        public const string StoreIsOff = "the local store is off";

        /// <summary>{0} the store's folder, {1} the -MaxAge in force, in words.</summary>
        public const string StoreInUse = "local store {0}, answers served up to {1} old";

        /// <summary>The summary of a command whose rows have several parts. {0} rows, {1} unit, {2} with an error, {3} repeats, {4} seconds, {5} the parts' counts.</summary>
        public const string DoneByPart = "Done: {0} {1}(s), {2} with an error, {3} repeated row(s) served from an earlier request; {4:0.0} s. Per part: {5}.";

        /// <summary>{0} the part, {1} requests sent, {2} answers from the store, {3} failed.</summary>
        public const string PartCounts = "{0} {1} request(s) sent, {2} answer(s) served from the local store, {3} failed";

        /// <summary>The progress line. {0} rows done, {1} failed, {2} rows a second, {3} the unit.</summary>
        public const string Progress = "{0} done, {1} failed, {2:0.#} {3}/s";

        /// <summary>Between the parts' counts.</summary>
        public const string PartSeparator = "; ";

        public const string ProgressDone = "Done";

        public const string PartProfile = "Profile";

        public const string PartPrice = "Price";

        public const string PartSpread = "Spread";

        /// <summary>{0} the part (Profile, Price, Spread), {1} the KOL id.</summary>
        public const string PartOfKol = "the {0} part of KOL '{1}'";

        /// <summary>{0} the path and its query, as sent.</summary>
        public const string RequestSubject = "request '{0}'";

        /// <summary>{0} the row, {1} what .NET or the converter said.</summary>
        public const string NotPowerShellObjects = "The API's answer for {0} cannot be made into PowerShell objects: {1} Use -Raw to see it. This call is billed.";

        /// <summary>{0} what .NET said.</summary>
        public const string JsonUndecodable = "a text holds what .NET cannot decode ({0}).";

        /// <summary>{0} what PowerShell said.</summary>
        public const string JsonNameNotProperty = "a name cannot be a PowerShell property ({0}).";

        public const string JsonEmptyName = "an object has a property whose name is empty, which a PowerShell object cannot hold.";

        /// <summary>{0} the key.</summary>
        public const string QueryValueNotScalar = "The query value of '{0}' is a list or an object; a query parameter takes one value.";

        /// <summary>{0} the key as given, {1} its value as given, {2} as normalised.</summary>
        public const string KeyNormalised = "{0} '{1}' normalised to '{2}'";

        /// <summary>{0} the parameter, {1} one value, {2} the other.</summary>
        public const string QueryGivenTwice = "The query gives {0} twice, with different values ('{1}' and '{2}'), under two of its names. Keep one column.";

        /// <summary>{0} the value given as the query.</summary>
        public const string QueryNotHashtable = "The query '{0}' is not a hashtable or an object with properties, so it names no parameter.";

        /// <summary>{0} the platform.</summary>
        public const string PlatformNeedsV2 = "-Platform {0} exists on the V2 endpoint only: V1 measures short videos alone. Use -Endpoint V2 or Auto, or leave -Platform out.";

        /// <summary>{0} the flow type.</summary>
        public const string FlowTypeNotOnV2 = "-FlowType '{0}' cannot be sent to the V2 endpoint, which takes only Exclude or Include.";

        public const string TokenEmpty = "The token is empty. Copy it from the Just One API console and try again.";

        public const string TokenPrompt = "Just One API token: ";

        /// <summary>{0} the environment variable.</summary>
        public const string TokenPromptUnavailable = "No -Token was given, and this session cannot prompt for one (it is non-interactive, or its host cannot read hidden input). Pass -Token, or set the {0} environment variable.";

        /// <summary>-WhatIf's target. {0} the token masked.</summary>
        public const string TokenTarget = "token {0}";

        /// <summary>-WhatIf's action.</summary>
        public const string UseForSession = "Use for this session";

        /// <summary>-WhatIf's action. {0} the token masked.</summary>
        public const string StoreToken = "Store token {0}";

        /// <summary>{0} the token masked, {1} the file.</summary>
        public const string TokenStored = "Stored token {0} in {1}.";

        /// <summary>{0} the file, {1} what failed.</summary>
        public const string TokenNotStored = "The token could not be stored in {0}: {1}";

        /// <summary>-WhatIf's target. {0} the file.</summary>
        public const string SessionTokenAndFile = "session token and {0}";

        /// <summary>-WhatIf's action.</summary>
        public const string Remove = "Remove";

        /// <summary>{0} the file.</summary>
        public const string TokenFileDeleted = "Deleted {0}.";

        public const string NoTokenStored = "No token was stored.";

        /// <summary>{0} the file, {1} what failed.</summary>
        public const string TokenNotDeleted = "The stored token could not be deleted from {0}: {1}";

        /// <summary>{0} the environment variable.</summary>
        public const string TokenVariableStillSet = "The {0} environment variable is still set, so calls keep using its token. Remove it with: Remove-Item Env:{0}";

        /// <summary>-WhatIf's target.</summary>
        public const string ConfigurationTarget = "JustOneApi.Xingtu configuration";

        /// <summary>-WhatIf's action.</summary>
        public const string Set = "Set";

        /// <summary>-WhatIf's action.</summary>
        public const string DeleteKeptAnswers = "Delete kept answers";

        /// <summary>{0} how many, {1} the folder.</summary>
        public const string KeptAnswersDeleted = "Deleted {0} kept answer(s) from {1}.";

        /// <summary>{0} the type of the input.</summary>
        public const string NotAReportRow = "Export-XingtuReport takes KolSpread or XingtuKol rows, or rows of their columns with a KolId (as Import-Csv gives them); this input is a {0} and is not in the report.";

        /// <summary>{0} the file.</summary>
        public const string ReportExists = "The file '{0}' already exists. Use -Force to overwrite it.";

        /// <summary>-WhatIf's action. {0} how many KOLs.</summary>
        public const string WriteReport = "Write a report of {0} KOL(s)";

        /// <summary>{0} how many KOLs, {1} the file.</summary>
        public const string ReportWritten = "Wrote a report of {0} KOL(s) to {1}.";

        /// <summary>The terminating error for input whose first row has no KolId column. {0} the columns found.</summary>
        public const string ReportNoIdColumn = "The input has no KolId column, so no report was written. Export-XingtuReport takes the rows of Get-XingtuKol and Get-XingtuKolSpread, or those rows read back with Import-Csv. Name the id column KolId, or pipe through Select-Object @{{ Name = 'KolId'; Expression = {{ $_.YourColumn }} }}. Columns found: {0}.";

        /// <summary>{0} the row's number in the input, {1} why its KolId cannot be used.</summary>
        public const string ReportRowBadId = "Row {0} of the input is not in the report: {1}";

        /// <summary>{0} the KOL, {1} the row's number in the input, {2} the column, {3} the cell as given, {4} what it should hold.</summary>
        public const string ReportCellUnreadable = "KOL '{0}' (row {1} of the input) is not in the report: its {2} column holds '{3}', which is not {4}.";

        /// <summary>What a cell should hold, for ReportCellUnreadable.</summary>
        public const string ReportValueNumber = "a number";

        public const string ReportValueWholeNumber = "a whole number";

        public const string ReportValueTime = "a date and time";

        public const string ReportValueTrueOrFalse = "True or False";

        /// <summary>A descriptive cell (FetchedAt, FromLocalCache, OnlyAssign) that could not be read; the row is shown without it. {0} the KOL, {1} the row's number in the input, {2} the column, {3} the cell as given, {4} what it should hold.</summary>
        public const string ReportCellLeftEmpty = "KOL '{0}' (row {1} of the input) is in the report without its {2}: the column holds '{3}', which is not {4}.";
    }
}
