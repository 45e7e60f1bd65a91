using System;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// Exponential back-off with jitter, from RetryInterval: the n-th retry waits RetryInterval * 2^(n-1), up to
    /// half as much again at random so that parallel requests do not retry in step. A Retry-After from the API is
    /// honoured when it asks for longer.
    /// </summary>
    internal sealed class RetryPolicy
    {
        /// <summary>The cap on a computed back-off before jitter, so no wait exceeds 1.5 times this.</summary>
        public static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(60);

        /// <summary>A Retry-After past this is not waited out: the KOL fails and says so, rather than stall a batch.</summary>
        public static readonly TimeSpan MaximumRetryAfter = TimeSpan.FromMinutes(10);

        private readonly Func<double> _random;

        /// <summary>Creates the policy; <paramref name="random"/> returns a number in [0, 1), and tests pass a fixed one.</summary>
        public RetryPolicy(int maximumRetryCount, TimeSpan retryInterval, Func<double> random)
        {
            MaximumRetryCount = maximumRetryCount;
            RetryInterval = retryInterval;
            _random = random;
        }

        public int MaximumRetryCount { get; }

        public TimeSpan RetryInterval { get; }

        /// <summary>True when a request that has been sent <paramref name="attempts"/> times may be sent again.</summary>
        public bool MayRetry(int attempts) => attempts <= MaximumRetryCount;

        /// <summary>How long to wait before retry number <paramref name="retry"/> (1 for the first).</summary>
        public TimeSpan Delay(int retry, TimeSpan? retryAfter)
        {
            double seconds = RetryInterval.TotalSeconds * Math.Pow(2, Math.Min(retry - 1, 30));
            seconds = Math.Min(seconds, MaximumBackoff.TotalSeconds) * (1 + (0.5 * _random()));
            TimeSpan computed = TimeSpan.FromSeconds(seconds);
            return retryAfter is TimeSpan asked && asked > computed ? asked : computed;
        }
    }
}
