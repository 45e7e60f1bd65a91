using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>An immutable snapshot of the tunable behaviour; requests read it once, the control API swaps it whole.</summary>
internal sealed class EmulatorConfig
{
    /// <summary>The ring of arrival times is sized to the limit, so the limit is capped to keep it small.</summary>
    public const int MaxRateLimit = 1_000_000;

    public EmulatorConfig(int latencyMs, int latencyJitterMs, int maxRequestsPerSecond, IEnumerable<string> tokens)
        : this(latencyMs, latencyJitterMs, maxRequestsPerSecond, tokens.ToFrozenSet(System.StringComparer.Ordinal), null)
    {
    }

    private EmulatorConfig(int latencyMs, int latencyJitterMs, int maxRequestsPerSecond, FrozenSet<string> tokens, RateLimiter? limiter)
    {
        LatencyMs = latencyMs;
        LatencyJitterMs = latencyJitterMs;
        MaxRequestsPerSecond = maxRequestsPerSecond;
        Tokens = tokens;
        Limiter = maxRequestsPerSecond > 0 ? limiter ?? new RateLimiter(maxRequestsPerSecond) : null;
    }

    public int LatencyMs { get; }

    public int LatencyJitterMs { get; }

    public int MaxRequestsPerSecond { get; }

    public FrozenSet<string> Tokens { get; }

    /// <summary>Null when rate limiting is off.</summary>
    public RateLimiter? Limiter { get; }

    /// <summary>A fresh copy with an empty rate-limit window, used by reset.</summary>
    public EmulatorConfig Fresh() => new(LatencyMs, LatencyJitterMs, MaxRequestsPerSecond, Tokens, null);

    /// <summary>Applies the given fields; the rate-limit window survives unless the limit itself changes.</summary>
    public EmulatorConfig With(int? latencyMs, int? latencyJitterMs, int? maxRequestsPerSecond, IReadOnlyList<string>? tokens)
    {
        int max = maxRequestsPerSecond ?? MaxRequestsPerSecond;
        return new EmulatorConfig(
            latencyMs ?? LatencyMs,
            latencyJitterMs ?? LatencyJitterMs,
            max,
            tokens is null ? Tokens : tokens.ToFrozenSet(System.StringComparer.Ordinal),
            max == MaxRequestsPerSecond ? Limiter : null);
    }
}

/// <summary>
/// Exact sliding one-second window without locks: a ring holds the arrival times of the last N requests, so the
/// slot a new request lands in holds the arrival N requests ago; if that was under a second ago, this is request N+1.
/// </summary>
internal sealed class RateLimiter
{
    private readonly long[] _arrivals;
    private long _sequence;

    public RateLimiter(int maxPerSecond) => _arrivals = new long[maxPerSecond];

    /// <summary>Records an arrival and says whether it is within the limit.</summary>
    public bool TryAcquire()
    {
        long now = Stopwatch.GetTimestamp();
        long n = Interlocked.Increment(ref _sequence) - 1;
        long previous = Interlocked.Exchange(ref _arrivals[(int)(n % _arrivals.Length)], now);
        return previous == 0 || now - previous >= Stopwatch.Frequency;
    }
}
