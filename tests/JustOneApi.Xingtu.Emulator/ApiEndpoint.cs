using System;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>
/// One API path: counting, latency, v1Gone, rate limit, token, daily quota, validation, script, data. The path's own
/// part (key, validation, data) is its <see cref="ApiRoute"/>; everything else is shared, so every path behaves alike.
/// </summary>
internal sealed class ApiEndpoint
{
    /// <summary>The id in the vendor's documentation; the spread paths answer it with the documented sample itself.</summary>
    public const string SampleKolId = "6853123456789012345";

    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly byte[] MalformedBody = "<html>not json"u8.ToArray();

    /// <summary>The HttpContext item that marks a request billed as it arrived, so its answer is not billed again.</summary>
    private static readonly object BilledOnArrival = new();

    private readonly EmulatorState _state;
    private readonly ApiRoute _route;
    private readonly byte[] _sample;

    public ApiEndpoint(EmulatorState state, ApiRoute route, byte[] sample)
    {
        _state = state;
        _route = route;
        _sample = sample;
    }

    public string Path => _route.Path;

    public async Task HandleAsync(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        string key = _route.KeyOf(query);
        string token = query["token"].ToString();
        _state.BeginRequest(_route.Path, key, context.Request.QueryString.Value ?? string.Empty);
        string via = context.Request.Headers["Via"].ToString();
        if (via.Length > 0)
        {
            _state.CountVia(via);
        }

        // A removed endpoint is answered by the proxy in front of the API, so it takes nothing from the rate window.
        bool withinRate = (_route.IsV1 && _state.Config.V1Gone) || _state.TryAcquireRate(token);
        try
        {
            if (withinRate && !await BillOnArrivalAsync(context, query, key, token))
            {
                return;
            }

            await ProcessAsync(context, query, key, token, withinRate);
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

    private static bool IsBilled(int code) => code is 0 or 201;

    /// <summary>
    /// In the bill-on-arrival mode, bills a request that would be served (known token, live endpoint, valid
    /// parameters) as it arrives, before its latency; one over the quota is refused with 303 at once, and false is
    /// returned. An admitted request stays billed whatever happens next, even when the client hangs up.
    /// </summary>
    private async Task<bool> BillOnArrivalAsync(HttpContext context, IQueryCollection query, string key, string token)
    {
        EmulatorConfig config = _state.Config;
        if (!config.BillOnArrival || (_route.IsV1 && config.V1Gone) || token.Length == 0 || !config.Tokens.Contains(token)
            || !_route.TryParse(query, key, out ApiRequest request, out _))
        {
            return true;
        }

        if (!_state.TryBill(token, request.Key))
        {
            await WriteErrorAsync(context, 200, 303, null);
            return false;
        }

        context.Items[BilledOnArrival] = true;
        return true;
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

    private async Task ProcessAsync(HttpContext context, IQueryCollection query, string key, string token, bool withinRate)
    {
        EmulatorConfig config = _state.Config;
        int delay = config.LatencyMs + (config.LatencyJitterMs > 0 ? Random.Shared.Next(config.LatencyJitterMs + 1) : 0);
        if (delay > 0)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        // Read again after the delay so a config change made meanwhile applies, v1Gone included.
        config = _state.Config;
        if (_route.IsV1 && config.V1Gone)
        {
            await WriteHtmlAsync(context, 404);
            return;
        }

        if (!withinRate)
        {
            await WriteErrorAsync(context, 200, 302, null);
            return;
        }

        if (token.Length == 0 || !config.Tokens.Contains(token))
        {
            await WriteErrorAsync(context, 200, 100, null);
            return;
        }

        // The vendor refuses a spent token before looking at the request, so no script step is used up either. A
        // request billed on arrival was admitted before the quota ran out, and is answered.
        if (!context.Items.ContainsKey(BilledOnArrival) && config.Quota.IsExhausted(token))
        {
            await WriteErrorAsync(context, 200, 303, null);
            return;
        }

        if (!_route.TryParse(query, key, out ApiRequest request, out string? problem))
        {
            await WriteErrorAsync(context, 200, 400, problem);
            return;
        }

        if (_state.TryTakeStep(_route.Path, key, out Step? step))
        {
            await RunStepAsync(context, step, request, token);
            return;
        }

        await WriteNormalAsync(context, request, token);
    }

    private async Task RunStepAsync(HttpContext context, Step step, ApiRequest request, string token)
    {
        switch (step.Kind)
        {
            case StepKind.Ok:
                await WriteNormalAsync(context, request, token);
                break;
            case StepKind.Sample when _route.HasSample:
                if (await TryBillAsync(context, request, token))
                {
                    await WriteBodyAsync(context, 200, JsonContentType, _sample);
                }

                break;
            case StepKind.Sample:
                await WriteNormalAsync(context, request, token);
                break;
            case StepKind.Code:
                await WriteCodeAsync(context, 200, step.Value, null, request, token);
                break;
            case StepKind.Http:
                if (step.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = step.RetryAfter;
                }

                if (step.EnvelopeCode is int code)
                {
                    await WriteCodeAsync(context, step.Value, code, null, request, token);
                }
                else
                {
                    await WriteHtmlAsync(context, step.Value);
                }

                break;
            case StepKind.Drop:
                context.Abort();
                break;
            case StepKind.Close:
                // A FIN, not a reset: the client reads the end of the stream where an answer should start, as when a
                // server's idle timeout closes a kept-alive connection just as a request goes out on it.
                context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Both);
                context.Abort();
                break;
            case StepKind.Hostile:
                if (await TryBillAsync(context, request, token))
                {
                    await WriteBodyAsync(context, 200, JsonContentType, Encoding.UTF8.GetBytes("{\"code\":0,\"message\":\"success\",\"data\":" + HostileBodies.DataOf(step.Value) + "}"));
                }

                break;
            case StepKind.Slow:
                await Task.Delay(step.Value, context.RequestAborted);
                await WriteNormalAsync(context, request, token);
                break;
            case StepKind.Hold:
                // Waits for the test, not for a clock: POST /_emulator/release (or reset) lets it answer.
                await _state.HoldAsync(context.RequestAborted);
                await WriteNormalAsync(context, request, token);
                break;
            case StepKind.Malformed:
                await WriteBodyAsync(context, 200, JsonContentType, MalformedBody);
                break;
            case StepKind.Truncated:
                await WriteNormalAsync(context, request, token, truncate: true);
                break;
            case StepKind.Empty:
                await WriteBodyAsync(context, 200, JsonContentType, ReadOnlyMemory<byte>.Empty);
                break;
            case StepKind.BaseResp:
                await WriteDataAsync(context, request, token, DataVariant.BaseResp, truncate: false);
                break;
            case StepKind.Numbers:
                await WriteDataAsync(context, request, token, DataVariant.Numbers, truncate: false);
                break;
            case StepKind.Nulls:
                await WriteDataAsync(context, request, token, DataVariant.Nulls, truncate: false);
                break;
            case StepKind.Huge:
                await WriteDataAsync(context, request, token, DataVariant.Huge, truncate: false);
                break;
            case StepKind.Cut:
                // The half that arrives is a code-0 answer, which the vendor has billed.
                if (await TryBillAsync(context, request, token))
                {
                    await WriteCutAsync(context);
                }

                break;
            case StepKind.Echo:
                // A server that quotes the request back, token and all: the client must not pass that on.
                await WriteCodeAsync(context, 200, step.Value, "token " + token + " is not active", request, token);
                break;
        }
    }

    /// <summary>
    /// Bills the answer about to be written; once the token's quota is used up, answers 303 instead and returns false.
    /// Billing just before writing means the quota unit is reserved exactly when a billed answer is certain.
    /// </summary>
    private async Task<bool> TryBillAsync(HttpContext context, ApiRequest request, string token)
    {
        if (context.Items.ContainsKey(BilledOnArrival) || _state.TryBill(token, request.Key))
        {
            return true;
        }

        await WriteErrorAsync(context, 200, 303, null);
        return false;
    }

    /// <summary>An envelope with a scripted code; 0 and 201 are billed like any answer with those codes.</summary>
    private async Task WriteCodeAsync(HttpContext context, int status, int code, string? detail, ApiRequest request, string token)
    {
        if (!IsBilled(code) || await TryBillAsync(context, request, token))
        {
            await WriteErrorAsync(context, status, code, detail);
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

    private async Task WriteNormalAsync(HttpContext context, ApiRequest request, string token, bool truncate = false)
    {
        if (_route.NoDataCode(request) is int code)
        {
            await WriteCodeAsync(context, 200, code, null, request, token);
            return;
        }

        if (!_route.AnswersSample(request))
        {
            await WriteDataAsync(context, request, token, DataVariant.Normal, truncate);
            return;
        }

        if (await TryBillAsync(context, request, token))
        {
            ReadOnlyMemory<byte> sample = _sample;
            await WriteBodyAsync(context, 200, JsonContentType, truncate ? sample[..(sample.Length / 2)] : sample);
        }
    }

    private async Task WriteDataAsync(HttpContext context, ApiRequest request, string token, DataVariant variant, bool truncate)
    {
        if (!await TryBillAsync(context, request, token))
        {
            return;
        }

        using var buffer = new PooledBufferWriter(variant == DataVariant.Huge ? (21 * 1024 * 1024) : 2048);
        using (var writer = new Utf8JsonWriter(buffer, DataGenerator.WriterOptions))
        {
            _route.WriteData(writer, request, variant);
        }

        ReadOnlyMemory<byte> body = buffer.WrittenMemory;
        await WriteBodyAsync(context, 200, JsonContentType, truncate ? body[..(body.Length / 2)] : body);
    }
}
