using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Turns one HTTP answer into an <see cref="ApiAnswer"/>. Success is decided by the envelope's code, not the
    /// HTTP status, so the body is read on any status. Nothing here throws for bad input: every failure is an answer.
    /// </summary>
    internal static class KolSpreadParser
    {
        private static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions { MaxDepth = 64 };

        /// <summary>Throws on bytes that are not UTF-8, which JsonDocument lets through inside strings.</summary>
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static ApiAnswer Interpret(int httpStatus, byte[] body, KolSpreadQuery query)
        {
            JsonDocument? document = TryParse(body, out string? parseProblem);
            using (document)
            {
                try
                {
                    if (document != null
                        && document.RootElement.ValueKind == JsonValueKind.Object
                        && TryGetCode(document.RootElement, out int code))
                    {
                        return FromEnvelope(document.RootElement, code, httpStatus, query);
                    }
                }
                catch (InvalidOperationException)
                {
                    // JsonDocument accepts an escaped lone surrogate ("\ud800"), but reading that string throws.
                    parseProblem = "a string that is not valid Unicode";
                }

                return FromNonEnvelope(httpStatus, body.Length == 0 ? "an empty body" : parseProblem ?? "JSON that is not the API's envelope", query);
            }
        }

        /// <summary>An answer too large to be a real one. Not retried: it may have been billed.</summary>
        public static ApiAnswer TooLarge(int httpStatus, KolSpreadQuery query) =>
            ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                XingtuErrorKind.MalformedResponse,
                $"The API answered KOL '{query.KolId}' with HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)} and a body too large to be a result, which was not read.",
                query.KolId,
                httpStatusCode: httpStatus));

        /// <summary>No answer arrived (a timeout or a failed connection): worth a retry, since nothing was billed.</summary>
        public static ApiAnswer NoAnswer(XingtuErrorKind kind, string message, KolSpreadQuery query) =>
            ApiAnswer.Failed(Disposition.Retry, new XingtuApiException(kind, message, query.KolId));

        private static ApiAnswer FromNonEnvelope(int httpStatus, string what, KolSpreadQuery query)
        {
            string status = httpStatus.ToString(CultureInfo.InvariantCulture);
            if (httpStatus >= 200 && httpStatus < 300)
            {
                // Not retried: a 200 may have been billed.
                return ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                    XingtuErrorKind.MalformedResponse,
                    $"The API answered KOL '{query.KolId}' with HTTP {status} and {what}, not a result.",
                    query.KolId,
                    httpStatusCode: httpStatus));
            }

            bool retry = httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
            return ApiAnswer.Failed(retry ? Disposition.Retry : Disposition.Fail, new XingtuApiException(
                httpStatus == 429 ? XingtuErrorKind.RateLimited : XingtuErrorKind.HttpError,
                $"The API answered KOL '{query.KolId}' with HTTP {status} and {what}.",
                query.KolId,
                httpStatusCode: httpStatus));
        }

        private static ApiAnswer FromEnvelope(JsonElement root, int code, int httpStatus, KolSpreadQuery query)
        {
            string? message = ReadString(root, "message");
            string? requestId = ReadString(root, "requestId");
            if (code != ApiCodes.Success)
            {
                var error = new XingtuApiException(
                    ApiCodes.KindOf(code), ApiCodes.Describe(code, query.KolId, message), query.KolId, code, message, requestId, httpStatus);
                return ApiAnswer.Failed(ApiCodes.DispositionOf(code), error);
            }

            if (!root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Object)
            {
                return ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                    XingtuErrorKind.MalformedResponse,
                    $"The API answered KOL '{query.KolId}' with code 0 but no data object. This call is billed.",
                    query.KolId, code, message, requestId, httpStatus));
            }

            var anomalies = new List<string>();
            if (Child(data, "base_resp") is JsonElement baseResp)
            {
                long? upstreamStatus = ReadLong(baseResp, "status_code", "base_resp.status_code", anomalies);
                if (upstreamStatus.HasValue && upstreamStatus.Value != 0)
                {
                    string upstreamMessage = ReadString(baseResp, "status_message") ?? "(no message)";
                    return ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                        XingtuErrorKind.UpstreamFailure,
                        $"Xingtu failed for KOL '{query.KolId}' (base_resp status {upstreamStatus.Value.ToString(CultureInfo.InvariantCulture)}: {upstreamMessage}). This call is billed.",
                        query.KolId, code, upstreamMessage, requestId, httpStatus));
                }
            }

            var spread = new KolSpread(query.KolId, query.EffectiveType, query.EffectiveRange, query.FlowType, query.OnlyAssign)
            {
                PlayMedian = ReadLong(data, "play_mid", "play_mid", anomalies),
                LikeAverage = ReadLong(data, "like_avg", "like_avg", anomalies),
                CommentAverage = ReadLong(data, "comment_avg", "comment_avg", anomalies),
                ShareAverage = ReadLong(data, "share_avg", "share_avg", anomalies),
                VideoCount = ReadLong(data, "item_num", "item_num", anomalies),
                AverageDuration = ReadDouble(data, "avg_duration", "avg_duration", anomalies),
                RecordTime = ReadString(root, "recordTime"),
                RequestId = requestId,
            };

            JsonElement? interact = Child(data, "interact_rate");
            spread.InteractionRate = ReadDouble(interact, "value", "interact_rate.value", anomalies);
            spread.InteractionRatePeerStanding = ReadDouble(interact, "overtake", "interact_rate.overtake", anomalies);
            spread.InteractionRatePeerCategory = ReadString(interact, "label");

            JsonElement? completion = Child(data, "play_over_rate");
            spread.CompletionRate = ReadDouble(completion, "value", "play_over_rate.value", anomalies);
            spread.CompletionRatePeerStanding = ReadDouble(completion, "overtake", "play_over_rate.overtake", anomalies);
            spread.CompletionRatePeerCategory = ReadString(completion, "label");

            JsonElement? stability = Child(data, "play_stability");
            spread.PlayStability = ReadDouble(stability, "value", "play_stability.value", anomalies);
            spread.PlayStabilityPeerStanding = ReadDouble(stability, "overtake", "play_stability.overtake", anomalies);
            spread.PlayStabilityPeerCategory = ReadString(stability, "label");

            JsonElement? cpm = Child(data, "expect_cpm");
            spread.ExpectedCpm1To20Sec = ReadLong(cpm, "cpm_1_20", "expect_cpm.cpm_1_20", anomalies);
            spread.ExpectedCpm21To60Sec = ReadLong(cpm, "cpm_21_60", "expect_cpm.cpm_21_60", anomalies);
            spread.ExpectedCpmOver60Sec = ReadLong(cpm, "cpm_60", "expect_cpm.cpm_60", anomalies);

            JsonElement? cpe = Child(data, "expect_cpe");
            spread.ExpectedCpe1To20Sec = ReadLong(cpe, "cpe_1_20", "expect_cpe.cpe_1_20", anomalies);
            spread.ExpectedCpe21To60Sec = ReadLong(cpe, "cpe_21_60", "expect_cpe.cpe_21_60", anomalies);
            spread.ExpectedCpeOver60Sec = ReadLong(cpe, "cpe_60", "expect_cpe.cpe_60", anomalies);

            JsonElement? salesCpm = Child(data, "sales_expect_cpm");
            spread.SalesExpectedCpm1To20Sec = ReadLong(salesCpm, "cpm_1_20", "sales_expect_cpm.cpm_1_20", anomalies);
            spread.SalesExpectedCpm21To60Sec = ReadLong(salesCpm, "cpm_21_60", "sales_expect_cpm.cpm_21_60", anomalies);
            spread.SalesExpectedCpmOver60Sec = ReadLong(salesCpm, "cpm_60", "sales_expect_cpm.cpm_60", anomalies);

            JsonElement? itemRate = Child(data, "item_rate");
            JsonElement? itemCount = Child(itemRate, "item_num");
            spread.ItemRateVideoCount = ReadLong(itemCount, "value", "item_rate.item_num.value", anomalies);
            spread.ItemRateVideoCountPeerStanding = ReadDouble(itemCount, "overtake", "item_rate.item_num.overtake", anomalies);
            spread.ItemRateVideoCountPeerCategory = ReadString(itemCount, "label");
            JsonElement? itemPlay = Child(itemRate, "play_mid");
            spread.ItemRatePlayMedian = ReadLong(itemPlay, "value", "item_rate.play_mid.value", anomalies);
            spread.ItemRatePlayMedianPeerStanding = ReadDouble(itemPlay, "overtake", "item_rate.play_mid.overtake", anomalies);
            spread.ItemRatePlayMedianPeerCategory = ReadString(itemPlay, "label");
            JsonElement? itemInteract = Child(itemRate, "interact_rate");
            spread.ItemRateInteractionRate = ReadDouble(itemInteract, "value", "item_rate.interact_rate.value", anomalies);
            spread.ItemRateInteractionRatePeerStanding = ReadDouble(itemInteract, "overtake", "item_rate.interact_rate.overtake", anomalies);
            spread.ItemRateInteractionRatePeerCategory = ReadString(itemInteract, "label");

            return ApiAnswer.Succeeded(spread, anomalies);
        }

        private static JsonDocument? TryParse(byte[] body, out string? problem)
        {
            problem = null;
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                // The UTF-8 byte order mark is not JSON; some proxies add it.
                int start = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;

                // JSON is UTF-8 (RFC 8259); JsonDocument does not check inside strings, and reading one that is not throws.
                // DecoderFallbackException is an ArgumentException.
                StrictUtf8.GetCharCount(body, start, body.Length - start);
                return JsonDocument.Parse(new ReadOnlyMemory<byte>(body, start, body.Length - start), DocumentOptions);
            }
            catch (Exception ex) when (ex is JsonException || ex is ArgumentException || ex is InvalidOperationException)
            {
                problem = "a body that is not valid JSON";
                return null;
            }
        }

        private static bool TryGetCode(JsonElement root, out int code)
        {
            code = 0;
            if (!root.TryGetProperty("code", out JsonElement element))
            {
                return false;
            }

            return element.ValueKind switch
            {
                JsonValueKind.Number => element.TryGetInt32(out code),
                JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out code),
                _ => false,
            };
        }

        private static JsonElement? Child(JsonElement? parent, string name) =>
            parent is JsonElement p && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty(name, out JsonElement child) && child.ValueKind == JsonValueKind.Object
                ? child
                : (JsonElement?)null;

        private static string? ReadString(JsonElement? parent, string name)
        {
            if (!(parent is JsonElement p) || p.ValueKind != JsonValueKind.Object || !p.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>Reads a whole number sent as a string or a JSON number; absent, null or empty is null.</summary>
        private static long? ReadLong(JsonElement? parent, string name, string path, List<string> anomalies)
        {
            string? raw = RawNumber(parent, name, path, anomalies);
            if (raw == null)
            {
                return null;
            }

            if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole))
            {
                return whole;
            }

            // "12.0" or 1.2e3 still name a whole number; anything else is kept out rather than rounded.
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
                && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
            {
                return (long)number;
            }

            anomalies.Add($"{path} = '{Shorten(raw)}' is not a whole number in range");
            return null;
        }

        /// <summary>Reads a number sent as a string or a JSON number; absent, null or empty is null.</summary>
        private static double? ReadDouble(JsonElement? parent, string name, string path, List<string> anomalies)
        {
            string? raw = RawNumber(parent, name, path, anomalies);
            if (raw == null)
            {
                return null;
            }

            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                && !double.IsInfinity(number) && !double.IsNaN(number))
            {
                return number;
            }

            anomalies.Add($"{path} = '{Shorten(raw)}' is not a number in range");
            return null;
        }

        private static string? RawNumber(JsonElement? parent, string name, string path, List<string> anomalies)
        {
            if (!(parent is JsonElement p) || p.ValueKind != JsonValueKind.Object || !p.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.String:
                    string text = value.GetString()!.Trim();
                    return text.Length == 0 ? null : text;
                default:
                    anomalies.Add($"{path} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a number");
                    return null;
            }
        }

        private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw.Substring(0, 40) + "...";
    }
}
