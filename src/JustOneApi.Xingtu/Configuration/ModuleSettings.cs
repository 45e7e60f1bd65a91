using System;
using JustOneApi.Xingtu.Store;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Configuration
{
    /// <summary>
    /// The process-wide settings of Set-XingtuConfiguration. Immutable: a change swaps in a new instance, so a batch
    /// that has started keeps the settings it started with.
    /// </summary>
    internal sealed class ModuleSettings
    {
        public const string BaseUriVariable = "JUSTONEAPI_BASE_URI";
        public static readonly Uri GlobalBaseUri = new Uri("https://api.justoneapi.com");
        public static readonly Uri ChinaBaseUri = new Uri("http://47.117.133.51:30015");

        public const int DefaultTimeoutSec = 60;
        public const int DefaultMaximumRetryCount = 3;
        public const double DefaultRetryIntervalSec = 1;

        /// <summary>Enough to hide most of the API's latency without looking like a flood; see about_JustOneApi.Xingtu.</summary>
        public const int DefaultThrottleLimit = 8;
        public const int MaxThrottleLimit = 64;

        private static ModuleSettings _current = new ModuleSettings(null, DefaultTimeoutSec, DefaultMaximumRetryCount, DefaultRetryIntervalSec, DefaultThrottleLimit, 0, SpreadEndpoint.Auto, true, null, LocalAnswerStore.DefaultMaxAge);

        public ModuleSettings(
            Uri? baseUri,
            int timeoutSec,
            int maximumRetryCount,
            double retryIntervalSec,
            int throttleLimit,
            double maxRequestsPerSecond,
            SpreadEndpoint spreadEndpoint,
            bool localCacheEnabled,
            string? localCachePath,
            TimeSpan localCacheMaxAge,
            ProxySettings? proxy = null)
        {
            Proxy = proxy ?? ProxySettings.System;
            SpreadEndpoint = spreadEndpoint;
            LocalCacheEnabled = localCacheEnabled;
            ExplicitLocalCachePath = localCachePath;
            LocalCacheMaxAge = localCacheMaxAge;
            ExplicitBaseUri = baseUri;
            TimeoutSec = timeoutSec;
            MaximumRetryCount = maximumRetryCount;
            RetryIntervalSec = retryIntervalSec;
            ThrottleLimit = throttleLimit;
            MaxRequestsPerSecond = maxRequestsPerSecond;
        }

        public static ModuleSettings Current => _current;

        /// <summary>How requests reach the API: the system's proxy, one set with -Proxy, or none. Kept for this process only.</summary>
        public ProxySettings Proxy { get; }

        /// <summary>The base URI set in this process, or null to use JUSTONEAPI_BASE_URI or the default.</summary>
        public Uri? ExplicitBaseUri { get; }

        public int TimeoutSec { get; }

        public int MaximumRetryCount { get; }

        public double RetryIntervalSec { get; }

        public int ThrottleLimit { get; }

        public double MaxRequestsPerSecond { get; }

        /// <summary>The endpoint Get-XingtuKolSpread asks when the call does not say.</summary>
        public SpreadEndpoint SpreadEndpoint { get; }

        /// <summary>False when answers are neither kept nor served: nothing is written to disk.</summary>
        public bool LocalCacheEnabled { get; }

        /// <summary>The local answer store's folder set in this process, or null for the per-user default.</summary>
        public string? ExplicitLocalCachePath { get; }

        /// <summary>How old a stored answer may be and still be served; zero turns reading off.</summary>
        public TimeSpan LocalCacheMaxAge { get; }

        public static void Replace(ModuleSettings settings) => _current = settings;

        /// <summary>The local answer store's folder in force: this process's, else the per-user default.</summary>
        public string ResolveLocalCachePath() => ExplicitLocalCachePath ?? LocalAnswerStore.DefaultDirectory();

        public static XingtuEnvironment EnvironmentOf(Uri baseUri) =>
            SameBase(baseUri, GlobalBaseUri) ? XingtuEnvironment.Global
            : SameBase(baseUri, ChinaBaseUri) ? XingtuEnvironment.China
            : XingtuEnvironment.Custom;

        public static Uri BaseUriOf(XingtuEnvironment environment) =>
            environment == XingtuEnvironment.China ? ChinaBaseUri : GlobalBaseUri;

        /// <summary>Returns null when <paramref name="text"/> is a usable base URI, else why not.</summary>
        public static string? BaseUriProblem(string text, out Uri? uri)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                uri = null;
                return Texts.L(Texts.BaseUriInvalid);
            }

            return null;
        }

        /// <summary>True when a token sent to <paramref name="baseUri"/> would cross a network in clear text.</summary>
        public static bool IsPlainHttpOffMachine(Uri baseUri) => baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback;

        /// <summary>The base URI in force: this process's, else the environment variable's, else the default.</summary>
        public Uri ResolveBaseUri(out BaseUriSource source)
        {
            if (ExplicitBaseUri != null)
            {
                source = BaseUriSource.Session;
                return ExplicitBaseUri;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(BaseUriVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                string? problem = BaseUriProblem(fromEnvironment!.Trim(), out Uri? uri);
                if (problem != null)
                {
                    throw new ArgumentException(Texts.Format(Texts.BaseUriVariableUnusable, BaseUriVariable, problem));
                }

                source = BaseUriSource.EnvironmentVariable;
                return uri!;
            }

            source = BaseUriSource.Default;
            return GlobalBaseUri;
        }

        private static bool SameBase(Uri a, Uri b) =>
            string.Equals(a.GetLeftPart(UriPartial.Path).TrimEnd('/'), b.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
