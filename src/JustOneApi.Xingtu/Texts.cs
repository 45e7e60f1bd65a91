using System.Globalization;

namespace JustOneApi.Xingtu
{
    /// <summary>
    /// The user-facing texts of the stop summary and of the proxy settings, in one place so they can be translated
    /// together. Every text is a format string with numbered holes, or a method that fills them.
    /// </summary>
    internal static class Texts
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

        public const string ProxyWithNoProxy = "-NoProxy cannot be given with -Proxy: choose one.";

        public const string ProxyTwoCredentials = "-ProxyCredential and -ProxyUseDefaultCredentials cannot be given together: choose one.";

        public const string ProxyOptionsNeedProxy = "-ProxyCredential, -ProxyUseDefaultCredentials and -ProxyBypassList apply to a proxy set with -Proxy; give -Proxy in the same call, or set it first.";

        /// <summary>Fills <paramref name="format"/> with the invariant culture.</summary>
        public static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
    }
}
