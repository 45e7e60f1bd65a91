using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>GET /api/douyin-xingtu/get-kol-spread-info/v1: counting, latency, rate limit, token, validation, script, data.</summary>
internal sealed class ApiEndpoint
{
    public const string Path = "/api/douyin-xingtu/get-kol-spread-info/v1";

    /// <summary>The id in the vendor's documentation; it answers with the documented sample itself.</summary>
    public const string SampleKolId = "6853123456789012345";

    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly byte[] MalformedBody = "<html>not json"u8.ToArray();

    private readonly EmulatorState _state;
    private readonly byte[] _sample;

    public ApiEndpoint(EmulatorState state, byte[] sample)
    {
        _state = state;
        _sample = sample;
    }

    public async Task HandleAsync(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        string kolId = query["kolId"].ToString();
        bool withinRate = _state.BeginRequest(kolId, context.Request.QueryString.Value ?? string.Empty);
        try
        {
            await ProcessAsync(context, query, kolId, withinRate);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-delay; there is nobody to answer.
        }
        finally
        {
            _state.EndRequest();
        }
    }

    private static string? Validate(IQueryCollection query, string kolId)
    {
        if (kolId.Length == 0)
        {
            return "kolId is required";
        }

        if (query.TryGetValue("type", out StringValues type) && type.ToString() is not ("_1" or "_2"))
        {
            return "type must be _1 or _2";
        }

        if (query.TryGetValue("range", out StringValues range) && range.ToString() is not ("_2" or "_3"))
        {
            return "range must be _2 or _3";
        }

        if (query.TryGetValue("onlyAssign", out StringValues onlyAssign) && onlyAssign.ToString() is not ("true" or "false"))
        {
            return "onlyAssign must be true or false";
        }

        if (query.TryGetValue("acceptCache", out StringValues acceptCache) && acceptCache.ToString() is not ("true" or "false"))
        {
            return "acceptCache must be true or false";
        }

        return null;
    }

    private static async Task WriteBodyAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (body.Length > 0)
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, int code, string? detail)
    {
        using var buffer = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(buffer, DataGenerator.WriterOptions))
        {
            DataGenerator.WriteError(writer, code, detail);
        }

        await WriteBodyAsync(context, status, JsonContentType, buffer.WrittenMemory);
    }

    private static Task WriteHtmlAsync(HttpContext context, int status)
    {
        // 1xx, 204 and 304 answers cannot carry a body.
        if (status < 200 || status is 204 or 304)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        string reason = ReasonPhrases.GetReasonPhrase(status);
        string title = reason.Length == 0 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : status + " " + reason;
        string html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
            + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return WriteBodyAsync(context, status, "text/html", Encoding.UTF8.GetBytes(html));
    }

    private async Task ProcessAsync(HttpContext context, IQueryCollection query, string kolId, bool withinRate)
    {
        EmulatorConfig config = _state.Config;
        int delay = config.LatencyMs + (config.LatencyJitterMs > 0 ? Random.Shared.Next(config.LatencyJitterMs + 1) : 0);
        if (delay > 0)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (!withinRate)
        {
            await WriteErrorAsync(context, 200, 302, null);
            return;
        }

        // Read again after the delay so a config change made meanwhile applies.
        string token = query["token"].ToString();
        if (token.Length == 0 || !_state.Config.Tokens.Contains(token))
        {
            await WriteErrorAsync(context, 200, 100, null);
            return;
        }

        string? problem = Validate(query, kolId);
        if (problem is not null)
        {
            await WriteErrorAsync(context, 200, 400, problem);
            return;
        }

        // Absent type and range mean the documented defaults, so they yield the same data as the explicit defaults.
        string type = query.TryGetValue("type", out StringValues t) ? t.ToString() : "_1";
        string range = query.TryGetValue("range", out StringValues r) ? r.ToString() : "_2";

        if (_state.TryTakeStep(kolId, out Step? step))
        {
            await RunStepAsync(context, step, kolId, type, range);
            return;
        }

        await WriteNormalAsync(context, kolId, type, range);
    }

    private async Task RunStepAsync(HttpContext context, Step step, string kolId, string type, string range)
    {
        switch (step.Kind)
        {
            case StepKind.Ok:
                await WriteNormalAsync(context, kolId, type, range);
                break;
            case StepKind.Sample:
                await WriteBodyAsync(context, 200, JsonContentType, _sample);
                break;
            case StepKind.Code:
                await WriteErrorAsync(context, 200, step.Value, null);
                break;
            case StepKind.Http:
                if (step.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = step.RetryAfter;
                }

                if (step.EnvelopeCode is int code)
                {
                    await WriteErrorAsync(context, step.Value, code, null);
                }
                else
                {
                    await WriteHtmlAsync(context, step.Value);
                }

                break;
            case StepKind.Drop:
                context.Abort();
                break;
            case StepKind.Slow:
                await Task.Delay(step.Value, context.RequestAborted);
                await WriteNormalAsync(context, kolId, type, range);
                break;
            case StepKind.Hold:
                // Waits for the test, not for a clock: POST /_emulator/release (or reset) lets it answer.
                await _state.HoldAsync(context.RequestAborted);
                await WriteNormalAsync(context, kolId, type, range);
                break;
            case StepKind.Malformed:
                await WriteBodyAsync(context, 200, JsonContentType, MalformedBody);
                break;
            case StepKind.Truncated:
                await WriteNormalAsync(context, kolId, type, range, truncate: true);
                break;
            case StepKind.Empty:
                await WriteBodyAsync(context, 200, JsonContentType, ReadOnlyMemory<byte>.Empty);
                break;
            case StepKind.BaseResp:
                await WriteDataAsync(context, kolId, type, range, DataVariant.BaseResp, truncate: false);
                break;
            case StepKind.Numbers:
                await WriteDataAsync(context, kolId, type, range, DataVariant.Numbers, truncate: false);
                break;
            case StepKind.Nulls:
                await WriteDataAsync(context, kolId, type, range, DataVariant.Nulls, truncate: false);
                break;
            case StepKind.Huge:
                await WriteDataAsync(context, kolId, type, range, DataVariant.Huge, truncate: false);
                break;
            case StepKind.Cut:
                await WriteCutAsync(context);
                break;
            case StepKind.Echo:
                // A server that quotes the request back, token and all: the client must not pass that on.
                await WriteErrorAsync(context, 200, step.Value, "token " + context.Request.Query["token"] + " is not active");
                break;
        }
    }

    /// <summary>
    /// A 200 whose body breaks off half way: the headers declare the whole body, half of it is sent, and the
    /// connection closes. Kestrel closes a response that ends short of its Content-Length after sending what was
    /// written, so the client always gets the status and half the body before the close, on any machine.
    /// </summary>
    private static async Task WriteCutAsync(HttpContext context)
    {
        ReadOnlyMemory<byte> body = Encoding.UTF8.GetBytes("{\"code\":0,\"message\":\"success\",\"data\":{\"play_mid\":\"3642403\",\"like_avg\":\"95028\"}}");
        HttpResponse response = context.Response;
        response.StatusCode = 200;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
    }

    private Task WriteNormalAsync(HttpContext context, string kolId, string type, string range, bool truncate = false)
    {
        if (kolId == SampleKolId)
        {
            ReadOnlyMemory<byte> sample = _sample;
            return WriteBodyAsync(context, 200, JsonContentType, truncate ? sample[..(sample.Length / 2)] : sample);
        }

        return WriteDataAsync(context, kolId, type, range, DataVariant.Normal, truncate);
    }

    private static async Task WriteDataAsync(HttpContext context, string kolId, string type, string range, DataVariant variant, bool truncate)
    {
        using var buffer = new PooledBufferWriter(variant == DataVariant.Huge ? (21 * 1024 * 1024) : 2048);
        using (var writer = new Utf8JsonWriter(buffer, DataGenerator.WriterOptions))
        {
            DataGenerator.WriteSuccess(writer, kolId, type, range, variant);
        }

        ReadOnlyMemory<byte> body = buffer.WrittenMemory;
        await WriteBodyAsync(context, 200, JsonContentType, truncate ? body[..(body.Length / 2)] : body);
    }
}
