using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: JustOneApi.Xingtu.Emulator [--port N] [--latency-ms N] [--token T]... [--parent-pid N] [--url-file PATH]
//
// API paths (GET, under /api/douyin-xingtu/), each keyed by the value that counts, scripts and bills it:
//   get-kol-spread-info/v1                    V1 spread, key kolId; type _1|_2, range _2|_3, onlyAssign, acceptCache
//   gw/api/data_sp/get_author_spread_info/v1  V2 spread, key oAuthorId; platform, range DAY_30|DAY_90,
//                                             type PERSONAL_VIDEO|XINTU_VIDEO, onlyAssign, flowType EXCLUDE|INCLUDE.
//                                             Short video gives V1's data for the same options; other platforms differ.
//   gw/api/author/get_author_base_info/v1     creator profile, key oAuthorId; platform
//   gw/api/author/get_author_marketing_info/v1  creator prices, key oAuthorId; platform; an id ending in 0201 has none (201)
//   gw/api/gsearch/search_for_author_square/v1  creator search, key keyword (default ""); page >= 1, 10 hits in pages of 4
// Every path runs the same pipeline: count, latency, [V1 only: 404 page when v1Gone], rate limit per token (302),
// token (100), daily quota (303), validation (400 naming the parameter), script step, data. Answers with code 0 or
// 201 are billed against the token's quota.
//
// Control API (never counted):
//   POST /_emulator/reset   clears scripts, counters and quota usage; restores the startup configuration
//   GET  /_emulator/config  the configuration in force
//   POST /_emulator/config  {"latencyMs","latencyJitterMs","maxRequestsPerSecond","tokens","v1Gone","dailyQuota","billOnArrival"}, any subset;
//                           dailyQuota (0 = unlimited) given again starts a new day; "billOnArrival": true bills
//                           each request that would be served as it arrives, before its latency, and refuses one over
//                           the quota (303) at once, as a server that bills before it collects does
//   POST /_emulator/script  {"kolId":KEY,"steps":[...]} or {"scripts":[...]}, each with an optional "path" (such as
//                           /api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1) that limits it to that path;
//                           a path's own script comes before the key's; the step grammar is in Scripts.cs
//   GET  /_emulator/stats   total, perKol, billedTotal, billedPerKol, perPath, perVia (API requests by their Via
//                           header, for those that came through a proxy), peakInFlight, inFlight, lastQuery
int port = 0;
int latencyMs = 0;
int parentPid = 0;
string? urlFile = null;
var tokens = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    string name = args[i];
    string? value = i + 1 < args.Length ? args[++i] : null;
    bool ok = name switch
    {
        "--port" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535,
        "--latency-ms" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out latencyMs),
        "--parent-pid" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out parentPid),
        "--token" when !string.IsNullOrEmpty(value) => Add(tokens, value),
        "--url-file" when !string.IsNullOrEmpty(value) => (urlFile = value) is not null,
        _ => false,
    };
    if (!ok)
    {
        Console.Error.WriteLine($"Bad argument '{name}'. Usage: --port N --latency-ms N --token T (repeatable) --parent-pid N --url-file PATH");
        return 2;
    }
}

var startup = new EmulatorConfig(latencyMs, 0, 0, tokens.Count > 0 ? tokens : ["test-token"]);
var state = new EmulatorState(startup);
byte[] sample = ReadSample();
ApiEndpoint[] endpoints =
[
    new(state, new SpreadV1Route(), sample),
    new(state, new SpreadV2Route(), sample),
    new(state, new ProfileRoute(), sample),
    new(state, new MarketingRoute(), sample),
    new(state, new SearchRoute(), sample),
];
var control = new ControlEndpoints(state);

// Our own arguments are not host configuration, so the builder gets none.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.Services.Configure<HostOptions>(static options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
builder.WebHost.ConfigureKestrel(options =>
{
    options.AddServerHeader = false;
    options.Listen(IPAddress.Loopback, port);
});

await using WebApplication app = builder.Build();
foreach (ApiEndpoint endpoint in endpoints)
{
    app.MapGet(endpoint.Path, new RequestDelegate(endpoint.HandleAsync));
}

app.MapPost("/_emulator/reset", new RequestDelegate(control.ResetAsync));
app.MapGet("/_emulator/config", new RequestDelegate(control.GetConfigAsync));
app.MapPost("/_emulator/config", new RequestDelegate(control.ConfigAsync));
app.MapPost("/_emulator/script", new RequestDelegate(control.ScriptAsync));
app.MapGet("/_emulator/stats", new RequestDelegate(control.StatsAsync));
app.MapPost("/_emulator/release", new RequestDelegate(control.ReleaseAsync));

await app.StartAsync();

// Kestrel reports the port it actually bound, which matters for --port 0.
string url = app.Urls.First();
url = url.Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase).TrimEnd('/');
if (urlFile is not null)
{
    // Write then rename, so a reader polling for the file never sees it half written.
    string temporary = urlFile + ".tmp";
    File.WriteAllText(temporary, url);
    File.Move(temporary, urlFile, overwrite: true);
}

Console.Out.WriteLine("Listening on " + url);
Console.Out.Flush();

IHostApplicationLifetime lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
Task watcher = parentPid > 0 ? WatchParentAsync(parentPid, lifetime) : Task.CompletedTask;
await app.WaitForShutdownAsync();
await watcher;
return 0;

static bool Add(List<string> list, string value)
{
    list.Add(value);
    return true;
}

static byte[] ReadSample()
{
    using Stream stream = typeof(ApiEndpoint).Assembly.GetManifestResourceStream("sample-response.json")
        ?? throw new InvalidOperationException("The embedded sample-response.json is missing.");
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}

// A test run that dies without cleaning up must not leave emulators behind, so we follow the parent's life.
static async Task WatchParentAsync(int pid, IHostApplicationLifetime lifetime)
{
    Process parent;
    try
    {
        parent = Process.GetProcessById(pid);
    }
    catch (ArgumentException)
    {
        lifetime.StopApplication();
        return;
    }

    using (parent)
    using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)))
    {
        try
        {
            while (await timer.WaitForNextTickAsync(lifetime.ApplicationStopping))
            {
                if (HasExited(parent))
                {
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The emulator is shutting down for another reason.
        }
    }
}

static bool HasExited(Process parent)
{
    try
    {
        return parent.HasExited;
    }
    catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
    {
        // No right to query it: fall back to asking whether the id still exists.
        try
        {
            using Process again = Process.GetProcessById(parent.Id);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
