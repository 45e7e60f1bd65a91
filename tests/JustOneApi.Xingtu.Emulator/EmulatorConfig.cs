using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>An immutable snapshot of the tunable behaviour; requests read it once, the control API swaps it whole.</summary>
internal sealed class EmulatorConfig
{
    /// <summary>The ring of arrival times is sized to the limit, so the limit is capped to keep it small.</summary>
    public const int MaxRateLimit = 1_000_000;

    public EmulatorConfig(int latencyMs, int latencyJitterMs, int maxRequestsPerSecond, IEnumerable<string> tokens)
        : this(latencyMs, latencyJitterMs, maxRequestsPerSecond, tokens.ToFrozenSet(System.StringComparer.Ordinal), false, new QuotaLedger(0), null, false)
    {
    }

    private EmulatorConfig(
        int latencyMs, int latencyJitterMs, int maxRequestsPerSecond, FrozenSet<string> tokens, bool v1Gone, QuotaLedger quota, TokenRateLimits? limits, bool billOnArrival)
    {
        BillOnArrival = billOnArrival;
        LatencyMs = latencyMs;
        LatencyJitterMs = latencyJitterMs;
        MaxRequestsPerSecond = maxRequestsPerSecond;
        Tokens = tokens;
        V1Gone = v1Gone;
        Quota = quota;
        RateLimits = maxRequestsPerSecond > 0 ? limits ?? new TokenRateLimits(maxRequestsPerSecond) : null;
    }

    public int LatencyMs { get; }

    public int LatencyJitterMs { get; }

    public int MaxRequestsPerSecond { get; }

    public FrozenSet<string> Tokens { get; }

    /// <summary>True when the V1 path answers as a removed endpoint would: an nginx 404 page.</summary>
    public bool V1Gone { get; }

    /// <summary>Billed answers each token may receive per "day"; 0 means unlimited.</summary>
    public int DailyQuota => Quota.Limit;

    /// <summary>Today's per-token usage; a new ledger is a new day.</summary>
    public QuotaLedger Quota { get; }

    /// <summary>
    /// True when a request is billed as it arrives, before its latency, as a server that bills before it collects
    /// does: one over the quota is refused (303) at once, and an admitted one stays billed even if the client hangs up.
    /// False (the default) bills an answer (code 0 or 201) as it is written.
    /// </summary>
    public bool BillOnArrival { get; }

    /// <summary>One rate limiter per token; null when rate limiting is off.</summary>
    public TokenRateLimits? RateLimits { get; }

    /// <summary>A fresh copy with empty rate-limit windows and a new quota day, used by reset.</summary>
    public EmulatorConfig Fresh() => new(LatencyMs, LatencyJitterMs, MaxRequestsPerSecond, Tokens, V1Gone, new QuotaLedger(DailyQuota), null, BillOnArrival);

    /// <summary>
    /// Applies the given fields. The rate-limit windows survive unless the limit itself changes; the quota usage
    /// survives unless dailyQuota is given, since setting it (to any value) starts a new day.
    /// </summary>
    public EmulatorConfig With(
        int? latencyMs, int? latencyJitterMs, int? maxRequestsPerSecond, IReadOnlyList<string>? tokens, bool? v1Gone, int? dailyQuota, bool? billOnArrival = null)
    {
        int max = maxRequestsPerSecond ?? MaxRequestsPerSecond;
        return new EmulatorConfig(
            latencyMs ?? LatencyMs,
            latencyJitterMs ?? LatencyJitterMs,
            max,
            tokens is null ? Tokens : tokens.ToFrozenSet(System.StringComparer.Ordinal),
            v1Gone ?? V1Gone,
            dailyQuota is int quota ? new QuotaLedger(quota) : Quota,
            max == MaxRequestsPerSecond ? RateLimits : null,
            billOnArrival ?? BillOnArrival);
    }
}

/// <summary>The per-token rate limiters of one limit, each created on a token's first request.</summary>
internal sealed class TokenRateLimits
{
    private readonly int _maxPerSecond;
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(System.StringComparer.Ordinal);

    public TokenRateLimits(int maxPerSecond) => _maxPerSecond = maxPerSecond;

    /// <summary>Records an arrival for the token and says whether it is within that token's limit.</summary>
    public bool TryAcquire(string token)
    {
        // A lookup first, so the steady state allocates no factory closure; GetOrAdd keeps one limiter per token
        // even when two first requests race, since only the stored one is ever used.
        if (!_limiters.TryGetValue(token, out RateLimiter? limiter))
        {
            limiter = _limiters.GetOrAdd(token, static (_, max) => new RateLimiter(max), _maxPerSecond);
        }

        return limiter.TryAcquire();
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

/// <summary>One day's billed answers per token against a daily quota, reserved atomically so it is never overrun.</summary>
internal sealed class QuotaLedger
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _used = new(System.StringComparer.Ordinal);

    public QuotaLedger(int limit) => Limit = limit;

    /// <summary>0 means unlimited.</summary>
    public int Limit { get; }

    public bool IsExhausted(string token) =>
        Limit > 0 && _used.TryGetValue(token, out StrongBox<long>? used) && Volatile.Read(ref used.Value) >= Limit;

    /// <summary>Takes one unit of the token's quota; false when none is left. A compare-and-swap loop, so the count never passes the limit even for a moment.</summary>
    public bool TryReserve(string token)
    {
        if (Limit <= 0)
        {
            return true;
        }

        StrongBox<long> used = _used.GetOrAdd(token, static _ => new StrongBox<long>());
        long seen = Volatile.Read(ref used.Value);
        while (seen < Limit)
        {
            long before = Interlocked.CompareExchange(ref used.Value, seen + 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }
}
