using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JustOneApi.Xingtu.Emulator;

internal enum StepKind
{
    Ok,
    Sample,
    Code,
    Http,
    Drop,
    Slow,
    Malformed,
    Truncated,
    Empty,
    BaseResp,
    Numbers,
    Nulls,
    Huge,
    Cut,
    Echo,
    Hold,
    Close,
    Hostile,
}

/// <summary>One parsed script step. Repeat is how many requests it answers; -1 means forever.</summary>
internal sealed record Step(StepKind Kind, int Value, int Repeat, string? RetryAfter, int? EnvelopeCode, string Text);

/// <summary>The steps scripted for one key (an id, or a search keyword), consumed one per request on any API path.</summary>
internal sealed class Script
{
    private readonly Step[] _steps;
    private int _index;
    private int _usedOfCurrent;

    public Script(Step[] steps) => _steps = steps;

    /// <summary>Takes the next step; false once the script is used up and the KOL behaves normally again.</summary>
    public bool TryTake([NotNullWhen(true)] out Step? step)
    {
        // Held only for a few field updates, never across an await.
        lock (_steps)
        {
            if (_index >= _steps.Length)
            {
                step = null;
                return false;
            }

            step = _steps[_index];
            if (step.Repeat >= 0 && ++_usedOfCurrent >= step.Repeat)
            {
                _index++;
                _usedOfCurrent = 0;
            }

            return true;
        }
    }
}

/// <summary>
/// Parses the step grammar: <c>KIND[*N|*]</c> where KIND is ok, sample, an envelope code, http:STATUS[:retry-after=V][:code=N],
/// drop, close (the connection shut without a byte of answer, as a server's idle timeout does), slow:MS, hold, malformed,
/// truncated, empty, base-resp, numbers, nulls, huge, cut, hostile:NAME (a billed code-0 answer whose data PowerShell
/// cannot hold as it is, see <see cref="HostileBodies"/>) or echo:CODE. Profile and search have
/// no documented sample, so there sample answers their generated data, and numbers sends their JSON numbers as strings.
/// Answers with code 0 or 201 (ok, sample, slow, truncated, cut, base-resp, numbers, nulls, huge, and 201 or code=201)
/// are billed, or become 303 once the token's daily quota is used up.
/// </summary>
internal static class StepParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out Step? step, [NotNullWhen(false)] out string? error)
    {
        step = null;
        string body = text.Trim();
        int repeat = 1;
        int star = body.LastIndexOf('*');
        if (star >= 0)
        {
            string count = body[(star + 1)..];
            if (count.Length == 0)
            {
                repeat = -1;
            }
            else if (!TryNumber(count, 1, int.MaxValue, out repeat))
            {
                error = $"step '{text}': the repeat count after '*' must be a whole number of at least 1.";
                return false;
            }

            body = body[..star];
        }

        string lower = body.ToLowerInvariant();
        int colon = lower.IndexOf(':');
        string kind = colon < 0 ? lower : lower[..colon];
        string argument = colon < 0 ? string.Empty : body[(colon + 1)..];
        error = null;

        switch (kind)
        {
            case "ok" or "sample" or "drop" or "malformed" or "truncated" or "empty" or "base-resp" or "numbers" or "nulls" or "huge" or "cut" or "hold" or "close" when colon < 0:
                step = new Step(SimpleKind(kind), 0, repeat, null, null, text);
                return true;
            case "slow" when colon >= 0:
                if (!TryNumber(argument, 0, int.MaxValue, out int ms))
                {
                    error = $"step '{text}': slow needs milliseconds, e.g. slow:1500.";
                    return false;
                }

                step = new Step(StepKind.Slow, ms, repeat, null, null, text);
                return true;
            case "http" when colon >= 0:
                return TryParseHttp(text, argument, repeat, out step, out error);
            case "hostile" when colon >= 0:
                int which = Array.IndexOf(HostileBodies.Names, argument.ToLowerInvariant());
                if (which < 0)
                {
                    error = $"step '{text}': hostile needs one of {string.Join(", ", HostileBodies.Names)}.";
                    return false;
                }

                step = new Step(StepKind.Hostile, which, repeat, null, null, text);
                return true;
            case "echo" when colon >= 0:
                if (!TryNumber(argument, 1, 99_999, out int echoed))
                {
                    error = $"step '{text}': echo needs a code, e.g. echo:100.";
                    return false;
                }

                step = new Step(StepKind.Echo, echoed, repeat, null, null, text);
                return true;
        }

        if (colon < 0 && TryNumber(body, 0, 99_999, out int code))
        {
            // Code 0 is success, so "0" reads naturally as "ok".
            step = new Step(code == 0 ? StepKind.Ok : StepKind.Code, code, repeat, null, null, text);
            return true;
        }

        error = $"step '{text}' is not understood; expected ok, sample, CODE, http:STATUS[:retry-after=V][:code=N], drop, close, slow:MS, hold, malformed, truncated, empty, base-resp, numbers, nulls, huge, cut, hostile:NAME or echo:CODE, optionally followed by *N or *.";
        return false;
    }

    private static bool TryParseHttp(string text, string argument, int repeat, [NotNullWhen(true)] out Step? step, [NotNullWhen(false)] out string? error)
    {
        step = null;
        int colon = argument.IndexOf(':');
        string statusText = colon < 0 ? argument : argument[..colon];
        if (!TryNumber(statusText, 100, 599, out int status))
        {
            error = $"step '{text}': http needs a status from 100 to 599, e.g. http:502.";
            return false;
        }

        string? retryAfter = null;
        int? envelopeCode = null;
        string options = colon < 0 ? string.Empty : argument[(colon + 1)..];
        while (options.Length > 0)
        {
            int next;
            if (options.StartsWith("retry-after=", StringComparison.OrdinalIgnoreCase))
            {
                // An HTTP-date contains colons, so the value runs to the next ":code=" option or the end.
                next = options.IndexOf(":code=", StringComparison.OrdinalIgnoreCase);
                retryAfter = (next < 0 ? options : options[..next])["retry-after=".Length..];
                if (retryAfter.Length == 0 || retryAfter.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    error = $"step '{text}': retry-after needs a value, e.g. retry-after=2.";
                    return false;
                }
            }
            else if (options.StartsWith("code=", StringComparison.OrdinalIgnoreCase))
            {
                next = options.IndexOf(':');
                string value = (next < 0 ? options : options[..next])["code=".Length..];
                if (!TryNumber(value, 0, 99_999, out int code))
                {
                    error = $"step '{text}': code= needs an envelope code, e.g. code=302.";
                    return false;
                }

                envelopeCode = code;
            }
            else
            {
                error = $"step '{text}': unknown http option; expected retry-after=V or code=N.";
                return false;
            }

            options = next < 0 ? string.Empty : options[(next + 1)..];
        }

        step = new Step(StepKind.Http, status, repeat, retryAfter, envelopeCode, text);
        error = null;
        return true;
    }

    private static StepKind SimpleKind(string kind) => kind switch
    {
        "ok" => StepKind.Ok,
        "sample" => StepKind.Sample,
        "drop" => StepKind.Drop,
        "malformed" => StepKind.Malformed,
        "truncated" => StepKind.Truncated,
        "empty" => StepKind.Empty,
        "base-resp" => StepKind.BaseResp,
        "numbers" => StepKind.Numbers,
        "nulls" => StepKind.Nulls,
        "cut" => StepKind.Cut,
        "hold" => StepKind.Hold,
        "close" => StepKind.Close,
        _ => StepKind.Huge,
    };

    private static bool TryNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}

/// <summary>
/// Code-0 answers whose data is valid JSON that PowerShell objects cannot hold as sent: names PowerShell reserves,
/// empty and duplicate names, an escaped lone surrogate, and nesting deeper than a reader may allow. "oddvalues" is
/// a spread answer whose values are of the wrong kind (a word for the median plays, text for a rate), as a changed
/// API might send: each is left empty with a warning, and the rest of the row is read.
/// </summary>
internal static class HostileBodies
{
    public static readonly string[] Names = { "psobject", "psbase", "pstypenames", "emptykey", "dupkeys", "surrogate", "deep", "oddvalues" };

    public static string DataOf(int which) => Names[which] switch
    {
        "psobject" => "{\"PSObject\":1,\"id\":\"7\"}",
        "psbase" => "{\"id\":\"7\",\"inner\":{\"PSBase\":{\"a\":1}}}",
        "pstypenames" => "{\"pstypenames\":[\"x\"],\"id\":\"7\"}",
        "emptykey" => "{\"\":1,\"id\":\"7\"}",
        "dupkeys" => "{\"id\":\"7\",\"Id\":\"8\",\"id\":\"9\"}",
        "surrogate" => "{\"nick\":\"a\\ud800b\",\"id\":\"7\"}",
        "oddvalues" => "{\"play_mid\":\"n/a\",\"like_avg\":\"95028\",\"interact_rate\":{\"label\":\"x\",\"overtake\":5,\"value\":\"high\"}}",
        _ => new string('[', 60) + "1" + new string(']', 60),
    };
}
