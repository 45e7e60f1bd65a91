namespace JustOneApi.Xingtu
{
    /// <summary>The settings in force, as Get-XingtuConfiguration shows them. Never holds the token itself.</summary>
    public sealed class XingtuConfiguration
    {
        internal XingtuConfiguration(
            XingtuEnvironment environment,
            string baseUri,
            BaseUriSource baseUriSource,
            int timeoutSec,
            int maximumRetryCount,
            double retryIntervalSec,
            int throttleLimit,
            double maxRequestsPerSecond,
            SpreadEndpoint spreadEndpoint,
            SpreadEndpoint spreadEndpointInUse,
            bool localCacheEnabled,
            string localCachePath,
            System.TimeSpan localCacheMaxAge,
            TokenSource tokenSource,
            string maskedToken,
            string tokenStorePath,
            ProxyMode proxyMode = ProxyMode.System,
            string? proxy = null,
            string? proxyUser = null,
            string[]? proxyBypassList = null)
        {
            ProxyMode = proxyMode;
            Proxy = proxy ?? string.Empty;
            ProxyUser = proxyUser ?? string.Empty;
            ProxyBypassList = proxyBypassList ?? System.Array.Empty<string>();
            Environment = environment;
            BaseUri = baseUri;
            BaseUriSource = baseUriSource;
            TimeoutSec = timeoutSec;
            MaximumRetryCount = maximumRetryCount;
            RetryIntervalSec = retryIntervalSec;
            ThrottleLimit = throttleLimit;
            MaxRequestsPerSecond = maxRequestsPerSecond;
            SpreadEndpoint = spreadEndpoint;
            SpreadEndpointInUse = spreadEndpointInUse;
            LocalCacheEnabled = localCacheEnabled;
            LocalCachePath = localCachePath;
            LocalCacheMaxAge = localCacheMaxAge;
            TokenSource = tokenSource;
            Token = maskedToken;
            TokenStorePath = tokenStorePath;
        }

        /// <summary>Global, China, or Custom for any other base URI.</summary>
        public XingtuEnvironment Environment { get; }

        /// <summary>The base URI requests go to.</summary>
        public string BaseUri { get; }

        /// <summary>Where the base URI came from: Default, EnvironmentVariable (JUSTONEAPI_BASE_URI) or Session.</summary>
        public BaseUriSource BaseUriSource { get; }

        /// <summary>Seconds each attempt may take before it is abandoned (and retried).</summary>
        public int TimeoutSec { get; }

        /// <summary>How many times a retryable failure is retried.</summary>
        public int MaximumRetryCount { get; }

        /// <summary>Seconds before the first retry; later retries wait twice as long each time, plus jitter.</summary>
        public double RetryIntervalSec { get; }

        /// <summary>The default number of requests in flight at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>The cap on request starts per second of the account in this process, shared by every call, retries included; 0 means no cap.</summary>
        public double MaxRequestsPerSecond { get; }

        /// <summary>The endpoint Get-XingtuKolSpread asks by default: Auto, V1 or V2.</summary>
        public SpreadEndpoint SpreadEndpoint { get; }

        /// <summary>
        /// The endpoint a short-video spread request goes to now, V1 or V2: under Auto, V2 once V1 has answered as
        /// removed in this session (other platforms always go to V2).
        /// </summary>
        public SpreadEndpoint SpreadEndpointInUse { get; }

        /// <summary>False when no answer is kept or served.</summary>
        public bool LocalCacheEnabled { get; }

        /// <summary>The folder of the local answer store, where every billed answer is kept.</summary>
        public string LocalCachePath { get; }

        /// <summary>How old a kept answer may be and still be served by Get-XingtuKolSpread; zero means reading is off.</summary>
        public System.TimeSpan LocalCacheMaxAge { get; }

        /// <summary>How requests reach the API: System (the system's or the environment's proxy, the default), Explicit (-Proxy) or NoProxy.</summary>
        public ProxyMode ProxyMode { get; }

        /// <summary>The proxy requests to BaseUri go through now (set with -Proxy, or the environment's), or empty when they go direct.</summary>
        public string Proxy { get; }

        /// <summary>The user given to the proxy (DOMAIN\user), "(default credentials)", or empty. The password is never shown.</summary>
        public string ProxyUser { get; }

        /// <summary>The hosts that go direct rather than through -Proxy.</summary>
        public string[] ProxyBypassList { get; }

        /// <summary>Where the token a call would use now comes from (a -Token parameter overrides it per call).</summary>
        public TokenSource TokenSource { get; }

        /// <summary>The token in masked form (****abcd), or empty when there is none.</summary>
        public string Token { get; }

        /// <summary>The file Set-XingtuToken -Persist writes; it need not exist.</summary>
        public string TokenStorePath { get; }
    }
}
