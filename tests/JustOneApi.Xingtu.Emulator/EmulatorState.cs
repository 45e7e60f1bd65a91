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
    private readonly ConcurrentDictionary<string, string> _lastQuery = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Script> _scripts = new(System.StringComparer.Ordinal);
    private volatile EmulatorConfig _config;
    private TaskCompletionSource _release = NewRelease();
    private long _total;
    private long _inFlight;
    private long _peakInFlight;
    private long _held;

    public EmulatorState(EmulatorConfig startup)
    {
        _startup = startup;
        _config = startup.Fresh();
    }

    public EmulatorConfig Config => _config;

    /// <summary>Counts an API request and records its raw query; returns whether it is within the rate limit.</summary>
    public bool BeginRequest(string kolId, string rawQuery)
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _perKol.GetOrAdd(kolId, static _ => new StrongBox<long>()).Value);
        _lastQuery[kolId] = rawQuery;

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

        return _config.Limiter?.TryAcquire() ?? true;
    }

    public void EndRequest() => Interlocked.Decrement(ref _inFlight);

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

    public bool TryTakeStep(string kolId, [NotNullWhen(true)] out Step? step)
    {
        step = null;
        return _scripts.TryGetValue(kolId, out Script? script) && script.TryTake(out step);
    }

    public void SetScripts(IEnumerable<KeyValuePair<string, Step[]>> scripts)
    {
        foreach (KeyValuePair<string, Step[]> pair in scripts)
        {
            _scripts[pair.Key] = new Script(pair.Value);
        }
    }

    /// <summary>Applies the given fields under a lock so two control calls cannot lose each other's changes.</summary>
    public EmulatorConfig UpdateConfig(int? latencyMs, int? latencyJitterMs, int? maxRequestsPerSecond, IReadOnlyList<string>? tokens)
    {
        lock (_configGate)
        {
            _config = _config.With(latencyMs, latencyJitterMs, maxRequestsPerSecond, tokens);
            return _config;
        }
    }

    public EmulatorConfig Reset()
    {
        lock (_configGate)
        {
            _scripts.Clear();
            _perKol.Clear();
            _lastQuery.Clear();
            Interlocked.Exchange(ref _total, 0);
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
        writer.WriteStartObject("perKol");
        foreach (KeyValuePair<string, StrongBox<long>> pair in _perKol.OrderBy(static p => p.Key, System.StringComparer.Ordinal))
        {
            writer.WriteNumber(pair.Key, Interlocked.Read(ref pair.Value.Value));
        }

        writer.WriteEndObject();
        writer.WriteNumber("peakInFlight", Interlocked.Read(ref _peakInFlight));
        writer.WriteNumber("inFlight", Interlocked.Read(ref _inFlight));
        writer.WriteNumber("held", Interlocked.Read(ref _held));
        writer.WriteStartObject("lastQuery");
        foreach (KeyValuePair<string, string> pair in _lastQuery.OrderBy(static p => p.Key, System.StringComparer.Ordinal))
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static void WriteConfig(Utf8JsonWriter writer, EmulatorConfig config)
    {
        writer.WriteStartObject();
        writer.WriteNumber("latencyMs", config.LatencyMs);
        writer.WriteNumber("latencyJitterMs", config.LatencyJitterMs);
        writer.WriteNumber("maxRequestsPerSecond", config.MaxRequestsPerSecond);
        writer.WriteStartArray("tokens");
        foreach (string token in config.Tokens.Order(System.StringComparer.Ordinal))
        {
            writer.WriteStringValue(token);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
