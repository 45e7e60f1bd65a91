using System;
using JustOneApi.Xingtu.Store;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>The settings one batch runs with, fixed when it starts.</summary>
    internal sealed class ClientOptions
    {
        public ClientOptions(Uri baseUri, TimeSpan timeout, int maximumRetryCount, TimeSpan retryInterval, int throttleLimit, double maxRequestsPerSecond, LocalAnswerStore? store = null, TimeSpan storeMaxAge = default, ProxySettings? proxy = null)
        {
            Proxy = proxy ?? ProxySettings.System;
            Store = store;
            StoreMaxAge = storeMaxAge;
            BaseUri = baseUri;
            Timeout = timeout;
            MaximumRetryCount = maximumRetryCount;
            RetryInterval = retryInterval;
            ThrottleLimit = throttleLimit;
            MaxRequestsPerSecond = maxRequestsPerSecond;
        }

        public Uri BaseUri { get; }

        /// <summary>The bound on each attempt.</summary>
        public TimeSpan Timeout { get; }

        public int MaximumRetryCount { get; }

        /// <summary>The first back-off; later ones double.</summary>
        public TimeSpan RetryInterval { get; }

        /// <summary>How many requests may be in flight at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>The cap on request starts per second, retries included; 0 means none.</summary>
        public double MaxRequestsPerSecond { get; }

        /// <summary>Where billed answers are kept, or null to keep none.</summary>
        public LocalAnswerStore? Store { get; }

        /// <summary>How requests reach the API.</summary>
        public ProxySettings Proxy { get; }

        /// <summary>How old a kept answer may be and still be served instead of a request; zero serves none.</summary>
        public TimeSpan StoreMaxAge { get; }
    }
}
