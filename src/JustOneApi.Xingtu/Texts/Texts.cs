using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace JustOneApi.Xingtu
{
    /// <summary>
    /// The user-facing runtime texts (errors, warnings, verbose summaries), in one place so they are translated
    /// together. Every text is a format string with numbered holes, or a method that fills them. The English text is
    /// the neutral source and the key of its translations (Texts.zh.cs): <see cref="Format"/> and <see cref="L"/> give
    /// the text in the UI culture's language, as the help does.
    /// </summary>
    internal static partial class Texts
    {
        /// <summary>{0} the stop's own message, {1} rows written, {2} the unit (KOL, request), {3} of them with an error,
        /// {4} the row that hit the stop, {5} what it hit, {6} what was in flight, {7} what was queued, {8} the advice.</summary>
        public const string StopSummary =
            "{0} The batch stopped: {1} {2}(s) completed before the stop ({3} with an error); {2} '{4}' {5}; {6}; {7}. The rest of the input was not read, and no further request was sent. {8}";

        /// <summary>{0} the business code.</summary>
        public const string StopHitCode = "hit code {0}";

        /// <summary>{0} the HTTP status.</summary>
        public const string StopHitStatus = "got HTTP {0}";

        public const string StopHitConnection = "could not connect";

        public const string InFlightKept = "in flight were answered after the stop and kept in the local store (not written here; a rerun is served them without a request)";

        public const string InFlightCut = "in flight were cut off (sent, their answers dropped)";

        public const string NoneInFlight = "none was in flight";

        public const string Queued = "queued were never sent";

        public const string NoneQueued = "none was queued";

        /// <summary>{0} how many, {1} the unit, {2} what became of them, {3} the first ten, quoted, {4} ", ..." when there are more.</summary>
        public const string NamedRows = "{0} {1}(s) {2}: {3}{4}";

        public const string StoreOff =
            "The local store is off (Set-XingtuConfiguration -LocalCacheEnabled $false), so a rerun fetches, and pays for, every row again.";

        public const string StoreRefused =
            "The local store was not used (see the warning about its folder), so a rerun fetches, and pays for, every row again.";

        /// <summary>{0} how the rerun reads the store, {1} the store's folder, {2} the command.</summary>
        public const string Resume =
            "To resume, run the same command again, with the same input, {0}: the answers already received are kept in the local store ({1}), so only the rest is fetched and billed. {2}";

        /// <summary>{0} the -MaxAge in force.</summary>
        public const string ResumeWithin = "within {0}";

        public const string ResumeWithMaxAge = "with -MaxAge 12:00:00 (this call read nothing from the store)";

        public const string SameCommand = "(the same command)";

        /// <summary>{0} the HTTP status, {1} the row, {2} the answer's own message.</summary>
        public const string V1Gone =
            "The V1 spread endpoint is gone (HTTP {0} for {1}, not billed): use -Endpoint V2 or Auto, or Set-XingtuConfiguration -SpreadEndpoint Auto. {2}";

        public const string V1GoneBefore =
            "-Endpoint V1 cannot work: the V1 spread endpoint answered as removed earlier in this session, so nothing was sent. Use -Endpoint V2 or Auto (the default), or Set-XingtuConfiguration -SpreadEndpoint Auto.";

        /// <summary>{0} the proxy's scheme, host and port, {1} what the network stack said (token-free).</summary>
        public const string ProxyConnectionFailed = "The proxy {0} could not be reached: {1}";

        /// <summary>{0} the row's subject, such as KOL '123'.</summary>
        public const string ProxyAuthenticationRequired =
            "The proxy asked for credentials, or refused the ones given (HTTP 407 Proxy Authentication Required), at {0}; nothing reached the API, and nothing was billed. Set them with Set-XingtuConfiguration -Proxy <address> -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials for Windows integrated authentication, then run the command again.";

        /// <summary>{0} the row's subject, {1} how many attempts, {2} what failed.</summary>
        public const string ProxyUnreachable =
            "The proxy could not be reached for {0} after {1} attempt(s), so nothing can reach the API: {2} Check the address given with Set-XingtuConfiguration -Proxy (Get-XingtuConfiguration shows it), or go without it with -NoProxy.";

        /// <summary>{0} the proxy's scheme, host and port.</summary>
        public const string PlainHttpThroughProxy = " It also passes through the proxy {0} in the URL, where the proxy can read and log it.";

        public const string ProxyAddressInvalid = "The proxy is not an absolute http:// address with a host and port, such as http://proxy.example.com:8080; give its user with -ProxyCredential, not in the address.";

        public const string ProxyWithNoProxy = "-NoProxy cannot be given with -Proxy: choose one.";

        public const string ProxyTwoCredentials = "-ProxyCredential and -ProxyUseDefaultCredentials cannot be given together: choose one.";

        public const string ProxyOptionsNeedProxy = "-ProxyCredential, -ProxyUseDefaultCredentials and -ProxyBypassList apply to a proxy set with -Proxy; give -Proxy in the same call, or set it first.";

        public const string UnitKol = "KOL";

        public const string UnitRequest = "request";

        // The account-level and per-row codes: what happened first, then what to do. {0} the row, {1} " The API said: ..." or nothing.
        public const string Code100 = "The API rejected the token (code 100: invalid or inactive) at {0}. Check the token, then set it with Set-XingtuToken or the JUSTONEAPI_TOKEN environment variable.{1}";
        public const string Code303 = "The daily quota is used up (code 303) at {0}. Nothing else can succeed today: wait for the quota to reset, or raise it with Just One API.{1}";
        public const string Code600 = "Permission denied (code 600) at {0}: this account may not use this endpoint. Check the account's plan with Just One API.{1}";
        public const string Code601 = "The account's balance is too low (code 601) at {0}. Top up the Just One API account, then run the batch again.{1}";
        public const string Code400 = "The API rejected the parameters for {0} (code 400).{1}";
        public const string Code201 = "The API has no data for {0} (code 201: empty content or not found). This call is billed.{1}";
        public const string Code301 = "Collection failed for {0} (code 301).{1}";
        public const string Code302 = "The API's rate limit was exceeded for {0} (code 302). Lower -ThrottleLimit or set a rate cap with Set-XingtuConfiguration.{1}";
        public const string Code500 = "The API had an internal error for {0} (code 500).{1}";

        /// <summary>{0} the code, {1} the row, {2} what the API said.</summary>
        public const string CodeUnknown = "The API answered code {0} for {1}, whose meaning is not published.{2}";

        /// <summary>{0} the API's own message.</summary>
        public const string ApiSaid = " The API said: {0}";

        /// <summary>{0} the row, {1} when it was fetched.</summary>
        public const string NoDataFromStore = "The API has no data for {0} (code 201: empty content or not found), as it answered at {1}. This answer came from the local store: it was not billed again.";

        /// <summary>{0} the message, {1} the input row's number.</summary>
        public const string InputRow = "{0} (input row {1})";

        /// <summary>{0} rows, {1} unit, {2} with an error, {3} refused before sending, {4} from the store, {5} fetched, {6} repeats, {7} seconds.</summary>
        public const string Done = "Done: {0} {1}(s), {2} with an error; {3} refused before sending, {4} served from the local store, {5} fetched, {6} repeated row(s) served from an earlier request; {7} s.";

        /// <summary>{0} the row, {1} what was wrong with one value.</summary>
        public const string Anomaly = "{0}: {1}; that value is left empty.";

        /// <summary>{0} the store's problem.</summary>
        public const string StoreProblem = "{0} Results are still written; later runs will fetch (and pay for) these answers again.";

        public const string V1Deprecated = "Just One API marks the KOL Data Overview (V1) endpoint as deprecated: it may be removed in a future version. -Endpoint Auto (the default) switches to its successor by itself.";

        /// <summary>{0} the removed path, {1} its HTTP status, {2} the row, {3} the successor's path.</summary>
        public const string Switched = "The endpoint /{0} answered HTTP {1} (removed) at {2}. Switched to its successor /{3} for the rest of the batch and of this session.";

        public const string Garbled = "The input's column names are garbled (they hold U+FFFD �): the file looks like GBK (code page 936), as Excel saves a CSV on a Chinese Windows, read as UTF-8. Read it with Import-Csv -Encoding 936, or save it in Excel as \"CSV UTF-8\".";

        /// <summary>{0} the column names.</summary>
        public const string GarbledColumns = "{0} Column names: {1}.";

        /// <summary>{0} the garble advice or nothing, {1} the id parameter, {2} its aliases, {3} the columns found.</summary>
        public const string NoIdColumn = "The input has no id column, so nothing was sent. {0}Name the column {1} or one of its aliases ({2}), or pipe through Select-Object @{{ Name = '{1}'; Expression = {{ $_.YourColumn }} }}. Columns found: {3}.";

        /// <summary>{0} the columns, {1} the endpoint, {2} its path, {3} what it takes.</summary>
        public const string ColumnsNotSent = "Columns not sent: {0}. {1} ({2}) takes only {3}.";

        /// <summary>{0} the keys, {1} the endpoint, {2} what it takes.</summary>
        public const string UnknownKeys = "The query holds {0}, which {1} does not take. It takes: {2}.";

        /// <summary>{0} the keys, {1} the endpoint, {2} what it takes.</summary>
        public const string MissingKeys = "The query lacks {0}, which {1} requires. It takes: {2}.";

        public const string TokenKey = "The query holds a 'token' key. The module adds the token itself, and only ever sends it to the configured address: set it with Set-XingtuToken or -Token.";

        /// <summary>{0} the problem, {1} the row.</summary>
        public const string NothingSent = "{0} Nothing was sent for {1}.";

        /// <summary>{0} the id as given, {1} as normalised.</summary>
        public const string Normalised = "KolId '{0}' normalised to '{1}'";

        public const string KolIdEmpty = "The KolId is empty. Check the input for a blank row or a column that did not bind (the KolId column may be named differently).";

        /// <summary>{0} the id.</summary>
        public const string KolIdScientific = "The KolId '{0}' is in scientific notation: a spreadsheet turned the long id into a rounded number, so its digits are lost. Keep the id column as text (in Excel, format it as Text before pasting) and export again.";

        /// <summary>{0} the whole row as text.</summary>
        public const string KolIdWholeRow = "The input '{0}' is a whole row, not a KolId: it has no column named KolId or one of its aliases (kol_id, Id, AuthorId, author_id, oAuthorId, StarId, star_id, XingtuId, 达人ID, 星图ID). Rename the column, or pipe through Select-Object @{{ Name = 'KolId'; Expression = {{ $_.YourColumn }} }}.";

        /// <summary>{0} the last error, {1} how many attempts.</summary>
        public const string GaveUpAfter = "{0} Gave up after {1} attempts.";

        /// <summary>{0} the last error, {1} 1.</summary>
        public const string GaveUpAfterOne = "{0} Gave up after {1} attempt.";

        /// <summary>{0} the environment variable.</summary>
        public const string NoToken = "No Just One API token was found, so no request was sent. Run Set-XingtuToken (add -Persist to keep it for later sessions), set the {0} environment variable, or pass -Token.";

        /// <summary>{0} the length.</summary>
        public const string KolIdTooLong = "The KolId is {0} characters long; Xingtu ids are about 19 digits. It was not sent.";

        /// <summary>{0} the id shown, {1} the character named, {2} its position.</summary>
        public const string KolIdInvisible = "The KolId '{0}' holds an invisible character inside it, {1} at position {2}, copied along with the id; no author has such an id. Retype the id, or remove the character. It was not sent.";

        /// <summary>{0} the id shown, {1} the host, {2} why that host will not do.</summary>
        public const string KolIdOtherHost = "The KolId '{0}' is a link to {1}, not to Xingtu: {2}. Open the creator's page on xingtu.cn and pass its link or the author id in it. It was not sent.";

        public const string DouyinLink = "a douyin.com link holds a Douyin user or video id, not the Xingtu author id";

        public const string OnlyXingtuLink = "only a link to a Xingtu creator page (xingtu.cn) holds the Xingtu author id";

        /// <summary>{0} the id shown.</summary>
        public const string KolIdNoAuthorInLink = "The KolId '{0}' is a Xingtu link, but its path holds no author id (a run of ten or more digits). Pass the link of the creator's own page, or the author id itself. It was not sent.";

        /// <summary>Fills <paramref name="format"/> in the UI culture's language, with the invariant culture's number format.</summary>
        public static string Format(string format, params object[] values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                // A text of this table passed as a value (a part of a sentence) is translated with the sentence. It is
                // known by identity, not by its letters: the module passes the constant itself (a literal, one object
                // in this assembly), while a user's column, cell or id that merely reads "Price" or "Done" is another
                // object and is quoted as given.
                if (values[i] is string text && TextObjects.Contains(text))
                {
                    values[i] = L(text);
                }
            }

            return string.Format(CultureInfo.InvariantCulture, L(format), values);
        }

        /// <summary>The text in the UI culture's language: Chinese under any zh-* UI culture, else English.</summary>
        public static string L(string english) =>
            IsChinese() && Chinese.TryGetValue(english, out string? translated) ? translated : english;

        /// <summary>A duration as people say it: "12 hours", "90 minutes", "2 days" (in Chinese under zh-*).</summary>
        public static string Duration(System.TimeSpan span)
        {
            bool zh = IsChinese();
            if (span.Ticks % System.TimeSpan.TicksPerDay == 0 && span.Days > 0)
            {
                return zh ? span.Days.ToString(CultureInfo.InvariantCulture) + " 天" : Count(span.Days, "day");
            }

            if (span.Ticks % System.TimeSpan.TicksPerHour == 0 && span.TotalHours >= 1)
            {
                return zh ? ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " 小时" : Count((long)span.TotalHours, "hour");
            }

            if (span.Ticks % System.TimeSpan.TicksPerMinute == 0 && span.TotalMinutes >= 1)
            {
                return zh ? ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " 分钟" : Count((long)span.TotalMinutes, "minute");
            }

            string seconds = span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return zh ? seconds + " 秒" : seconds + (span.TotalSeconds == 1 ? " second" : " seconds");
        }

        private static string Count(long n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s");

        private static bool IsChinese() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

        /// <summary>Equality by reference, as ReferenceEqualityComparer (not in netstandard2.0) does.</summary>
        private sealed class SameObject : IEqualityComparer<string>
        {
            public static readonly SameObject Instance = new SameObject();

            public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

            public int GetHashCode(string obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
