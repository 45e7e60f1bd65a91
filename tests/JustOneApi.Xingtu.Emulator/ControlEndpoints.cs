using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>The /_emulator/ control API used by tests; these requests are never counted as API traffic.</summary>
internal sealed class ControlEndpoints
{
    private readonly EmulatorState _state;

    public ControlEndpoints(EmulatorState state) => _state = state;

    public Task ResetAsync(HttpContext context)
    {
        EmulatorConfig config = _state.Reset();
        return WriteJsonAsync(context, 200, writer => EmulatorState.WriteConfig(writer, config));
    }

    public Task GetConfigAsync(HttpContext context) =>
        WriteJsonAsync(context, 200, writer => EmulatorState.WriteConfig(writer, _state.Config));

    public Task StatsAsync(HttpContext context) => WriteJsonAsync(context, 200, _state.WriteStats);

    public Task ReleaseAsync(HttpContext context)
    {
        long released = _state.Release();
        return WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("released", released);
            writer.WriteEndObject();
        });
    }

    public async Task ConfigAsync(HttpContext context)
    {
        using JsonDocument? document = await ReadBodyAsync(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            await WriteProblemAsync(context, "the body must be a JSON object such as {\"latencyMs\":20}");
            return;
        }

        JsonElement root = document.RootElement;
        if (!TryReadInt(root, "latencyMs", 0, int.MaxValue / 2, out int? latency, out string? problem)
            || !TryReadInt(root, "latencyJitterMs", 0, int.MaxValue / 2, out int? jitter, out problem)
            || !TryReadInt(root, "maxRequestsPerSecond", 0, EmulatorConfig.MaxRateLimit, out int? maxRate, out problem)
            || !TryReadStrings(root, "tokens", out List<string>? tokens, out problem)
            || !TryReadBool(root, "v1Gone", out bool? v1Gone, out problem)
            || !TryReadInt(root, "dailyQuota", 0, int.MaxValue, out int? dailyQuota, out problem)
            || !TryReadBool(root, "billOnArrival", out bool? billOnArrival, out problem))
        {
            await WriteProblemAsync(context, problem);
            return;
        }

        EmulatorConfig config = _state.UpdateConfig(latency, jitter, maxRate, tokens, v1Gone, dailyQuota, billOnArrival);
        await WriteJsonAsync(context, 200, writer => EmulatorState.WriteConfig(writer, config));
    }

    public async Task ScriptAsync(HttpContext context)
    {
        using JsonDocument? document = await ReadBodyAsync(context);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            await WriteProblemAsync(context, "the body must be {\"kolId\":\"...\",\"steps\":[...]} or {\"scripts\":[...]}");
            return;
        }

        // Everything is parsed before anything is applied, so a bad step leaves all scripts as they were.
        var parsed = new List<KeyValuePair<string, Step[]>>();
        JsonElement root = document.RootElement;
        string? problem = null;
        if (root.TryGetProperty("scripts", out JsonElement scripts))
        {
            if (scripts.ValueKind != JsonValueKind.Array)
            {
                problem = "scripts must be an array of {\"kolId\":...,\"steps\":[...]}";
            }
            else
            {
                foreach (JsonElement item in scripts.EnumerateArray())
                {
                    if (!TryParseScript(item, parsed, out problem))
                    {
                        break;
                    }
                }
            }
        }

        if (problem is null && root.TryGetProperty("kolId", out _))
        {
            TryParseScript(root, parsed, out problem);
        }

        if (problem is null && !root.TryGetProperty("scripts", out _) && !root.TryGetProperty("kolId", out _))
        {
            problem = "no script given: send kolId and steps, or scripts";
        }

        if (problem is not null)
        {
            await WriteProblemAsync(context, problem);
            return;
        }

        _state.SetScripts(parsed);
        await WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("scripts", parsed.Count);
            writer.WriteEndObject();
        });
    }

    private static bool TryParseScript(JsonElement item, List<KeyValuePair<string, Step[]>> parsed, out string? problem)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("kolId", out JsonElement id)
            || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            problem = "each script needs a kolId string";
            return false;
        }

        string kolId = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
        string key = kolId;
        if (item.TryGetProperty("path", out JsonElement path) && path.ValueKind != JsonValueKind.Null)
        {
            if (path.ValueKind != JsonValueKind.String || path.GetString()!.Trim('/').Length == 0)
            {
                problem = $"the script for kolId '{kolId}' has a path that is not an API path";
                return false;
            }

            key = EmulatorState.PathKey(path.GetString()!, kolId);
        }

        if (!TryReadStrings(item, "steps", out List<string>? texts, out problem) || texts is null)
        {
            problem ??= $"the script for kolId '{kolId}' needs steps";
            return false;
        }

        var steps = new Step[texts.Count];
        for (int i = 0; i < steps.Length; i++)
        {
            if (!StepParser.TryParse(texts[i], out Step? step, out string? error))
            {
                problem = $"kolId '{kolId}': {error}";
                return false;
            }

            steps[i] = step;
        }

        parsed.Add(new KeyValuePair<string, Step[]>(key, steps));
        return true;
    }

    private static bool TryReadInt(JsonElement root, string name, int min, int max, out int? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int number) || number < min || number > max)
        {
            problem = $"{name} must be a whole number from {min} to {max}";
            return false;
        }

        value = number;
        return true;
    }

    private static bool TryReadBool(JsonElement root, string name, out bool? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problem = $"{name} must be true or false";
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    /// <summary>Reads an array of strings; a single string is taken as a one-element array for lenient callers.</summary>
    private static bool TryReadStrings(JsonElement root, string name, out List<string>? values, out string? problem)
    {
        values = null;
        problem = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            values = [element.GetString()!];
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            problem = $"{name} must be an array of strings";
            return false;
        }

        values = new List<string>(element.GetArrayLength());
        foreach (JsonElement item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                problem = $"{name} must be an array of strings";
                return false;
            }

            values.Add(item.GetString()!);
        }

        return true;
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteProblemAsync(HttpContext context, string? problem) =>
        WriteJsonAsync(context, 400, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", problem);
            writer.WriteEndObject();
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledBufferWriter(1024);
        using (var writer = new Utf8JsonWriter(buffer, DataGenerator.WriterOptions))
        {
            write(writer);
        }

        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenMemory.Length;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
