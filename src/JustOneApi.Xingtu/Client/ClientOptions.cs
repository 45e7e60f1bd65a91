using System;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>The settings one batch runs with, fixed when it starts.</summary>
    internal sealed class ClientOptions
    {
        public ClientOptions(Uri baseUri, TimeSpan timeout, int maximumRetryCount, TimeSpan retryInterval, int throttleLimit, double maxRequestsPerSecond)
        {
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
    }
}
