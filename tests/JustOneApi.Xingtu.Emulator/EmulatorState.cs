using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>Everything shared between requests: configuration, counters and scripts, all lock-free on the request path.</summary>
internal sealed class EmulatorState
{
    private readonly EmulatorConfig _startup;
    private readonly object _configGate = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _perKol = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _billedPerKol = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _perPath = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _perVia = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastQuery = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Script> _scripts = new(System.StringComparer.Ordinal);
    private volatile EmulatorConfig _config;
    private TaskCompletionSource _release = NewRelease();
    private long _total;
    private long _billedTotal;
    private long _inFlight;
    private long _peakInFlight;
    private long _held;
    private bool _pathScripts;

    public EmulatorState(EmulatorConfig startup)
    {
        _startup = startup;
        _config = startup.Fresh();
    }

    public EmulatorConfig Config => _config;

    /// <summary>Counts an API request under its path and key (the id, or the search keyword) and records its raw query.</summary>
    public void BeginRequest(string path, string key, string rawQuery)
    {
        Interlocked.Increment(ref _total);
        Increment(_perKol, key);
        Increment(_perPath, path);
        _lastQuery[key] = rawQuery;

        long now = Interlocked.Increment(ref _inFlight);
        long peak = Volatile.Read(ref _peakInFlight);
        while (now > peak)
        {
            long seen = Interlocked.CompareExchange(ref _peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>
    /// Records an arrival in the token's own rate window and says whether it is within the limit. Only configured
    /// tokens have a window: an unknown one is answered 100 anyway, and must not cost a window per guess.
    /// </summary>
    public bool TryAcquireRate(string token)
    {
        EmulatorConfig config = _config;
        return config.RateLimits is not { } limits || !config.Tokens.Contains(token) || limits.TryAcquire(token);
    }

    /// <summary>
    /// Bills one answer (code 0 or 201) for the key against the token's daily quota. False, with nothing counted,
    /// when the quota is used up: the caller must answer 303 instead, so the quota is never overrun.
    /// </summary>
    public bool TryBill(string token, string key)
    {
        if (!_config.Quota.TryReserve(token))
        {
            return false;
        }

        Interlocked.Increment(ref _billedTotal);
        Increment(_billedPerKol, key);
        return true;
    }

    public void EndRequest() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Counts an API request that came through a proxy, under its Via header.</summary>
    public void CountVia(string via) => Increment(_perVia, via);

    /// <summary>Holds a request (a 'hold' step) until <see cref="Release"/> or the client goes away.</summary>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        Task release = Volatile.Read(ref _release).Task;
        Interlocked.Increment(ref _held);
        try
        {
            await release.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    /// <summary>Lets every held request answer; returns how many were held.</summary>
    public long Release()
    {
        long held = Interlocked.Read(ref _held);
        Interlocked.Exchange(ref _release, NewRelease()).TrySetResult();
        return held;
    }

    /// <summary>Takes the next step scripted for the key on this path, else for the key on any path.</summary>
    public bool TryTakeStep(string path, string kolId, [NotNullWhen(true)] out Step? step)
    {
        step = null;
        if (Volatile.Read(ref _pathScripts) && _scripts.TryGetValue(PathKey(path, kolId), out Script? own) && own.TryTake(out step))
        {
            return true;
        }

        return _scripts.TryGetValue(kolId, out Script? script) && script.TryTake(out step);
    }

    /// <summary>The key of a script limited to one path.</summary>
    public static string PathKey(string path, string kolId) => "/" + path.TrimStart('/') + " " + kolId;

    public void SetScripts(IEnumerable<KeyValuePair<string, Step[]>> scripts)
    {
        foreach (KeyValuePair<string, Step[]> pair in scripts)
        {
            _scripts[pair.Key] = new Script(pair.Value);
            if (pair.Key.StartsWith('/'))
            {
                Volatile.Write(ref _pathScripts, true);
            }
        }
    }

    /// <summary>Applies the given fields under a lock so two control calls cannot lose each other's changes.</summary>
    public EmulatorConfig UpdateConfig(
        int? latencyMs, int? latencyJitterMs, int? maxRequestsPerSecond, IReadOnlyList<string>? tokens, bool? v1Gone, int? dailyQuota, bool? billOnArrival = null)
    {
        lock (_configGate)
        {
            _config = _config.With(latencyMs, latencyJitterMs, maxRequestsPerSecond, tokens, v1Gone, dailyQuota, billOnArrival);
            return _config;
        }
    }

    public EmulatorConfig Reset()
    {
        lock (_configGate)
        {
            _scripts.Clear();
            Volatile.Write(ref _pathScripts, false);
            _perKol.Clear();
            _billedPerKol.Clear();
            _perPath.Clear();
            _perVia.Clear();
            _lastQuery.Clear();
            Interlocked.Exchange(ref _total, 0);
            Interlocked.Exchange(ref _billedTotal, 0);
            Interlocked.Exchange(ref _peakInFlight, 0);
            _config = _startup.Fresh();
            Release();
            return _config;
        }
    }

    public void WriteStats(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("total", Interlocked.Read(ref _total));
        WriteCounts(writer, "perKol", _perKol);
        writer.WriteNumber("billedTotal", Interlocked.Read(ref _billedTotal));
        WriteCounts(writer, "billedPerKol", _billedPerKol);
        WriteCounts(writer, "perPath", _perPath);
        WriteCounts(writer, "perVia", _perVia);
        writer.WriteNumber("peakInFlight", Interlocked.Read(ref _peakInFlight));
        writer.WriteNumber("inFlight", Interlocked.Read(ref _inFlight));
        writer.WriteNumber("held", Interlocked.Read(ref _held));
        writer.WriteStartObject("lastQuery");
        foreach (KeyValuePair<string, string> pair in Snapshot(_lastQuery))
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The pairs at one moment, in key order. ConcurrentDictionary's own ToArray takes the snapshot under its locks;
    /// LINQ over the dictionary sizes an array by Count and then copies, which throws when a request adds a key in
    /// between, and the stats call then answers 500 while a batch is running.
    /// </summary>
    private static KeyValuePair<string, T>[] Snapshot<T>(ConcurrentDictionary<string, T> source)
    {
        KeyValuePair<string, T>[] pairs = source.ToArray();
        System.Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return pairs;
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static void WriteConfig(Utf8JsonWriter writer, EmulatorConfig config)
    {
        writer.WriteStartObject();
        writer.WriteNumber("latencyMs", config.LatencyMs);
        writer.WriteNumber("latencyJitterMs", config.LatencyJitterMs);
        writer.WriteNumber("maxRequestsPerSecond", config.MaxRequestsPerSecond);
        writer.WriteBoolean("v1Gone", config.V1Gone);
        writer.WriteNumber("dailyQuota", config.DailyQuota);
        writer.WriteBoolean("billOnArrival", config.BillOnArrival);
        writer.WriteStartArray("tokens");
        foreach (string token in config.Tokens.Order(System.StringComparer.Ordinal))
        {
            writer.WriteStringValue(token);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Increment(ConcurrentDictionary<string, StrongBox<long>> counts, string key) =>
        Interlocked.Increment(ref counts.GetOrAdd(key, static _ => new StrongBox<long>()).Value);

    private static void WriteCounts(Utf8JsonWriter writer, string name, ConcurrentDictionary<string, StrongBox<long>> counts)
    {
        writer.WriteStartObject(name);
        foreach (KeyValuePair<string, StrongBox<long>> pair in Snapshot(counts))
        {
            writer.WriteNumber(pair.Key, Interlocked.Read(ref pair.Value.Value));
        }

        writer.WriteEndObject();
    }
}
