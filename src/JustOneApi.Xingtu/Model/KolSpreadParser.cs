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

        /// <summary>
        /// A 2xx answer whose body broke off (reset or timeout while reading). Not retried: it may have been billed.
        /// </summary>
        public static ApiAnswer Interrupted(int httpStatus, string what, KolSpreadQuery query) =>
            ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                XingtuErrorKind.MalformedResponse,
                $"The API's answer for KOL '{query.KolId}' (HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)}) broke off: {what} It was not retried, since it may have been billed.",
                query.KolId,
                httpStatusCode: httpStatus));

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

            return ApiAnswer.Failed(IsRetryableStatus(httpStatus) ? Disposition.Retry : Disposition.Fail, new XingtuApiException(
                httpStatus == 429 ? XingtuErrorKind.RateLimited : XingtuErrorKind.HttpError,
                $"The API answered KOL '{query.KolId}' with HTTP {status} and {what}.",
                query.KolId,
                httpStatusCode: httpStatus));
        }

        private static ApiAnswer FromEnvelope(JsonElement root, int code, int httpStatus, KolSpreadQuery query)
        {
            var anomalies = new List<string>();
            var envelope = new FieldReader(root, string.Empty, anomalies);
            string? message = envelope.Text("message");
            string? requestId = envelope.Text("requestId");
            if (code != ApiCodes.Success)
            {
                var error = new XingtuApiException(
                    ApiCodes.KindOf(code), ApiCodes.Describe(code, query.KolId, message), query.KolId, code, message, requestId, httpStatus);

                // A code whose meaning is unpublished says less than the HTTP status it came with: a 429 or 5xx is retried.
                Disposition disposition = ApiCodes.DispositionOf(code);
                if (error.Kind == XingtuErrorKind.UnknownCode && IsRetryableStatus(httpStatus))
                {
                    disposition = Disposition.Retry;
                }

                return ApiAnswer.Failed(disposition, error);
            }

            if (!root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Object)
            {
                return ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                    XingtuErrorKind.MalformedResponse,
                    $"The API answered KOL '{query.KolId}' with code 0 but no data object. This call is billed.",
                    query.KolId, code, message, requestId, httpStatus));
            }

            var fields = new FieldReader(data, string.Empty, anomalies);
            FieldReader baseResp = fields.Child("base_resp");
            long? upstreamStatus = baseResp.WholeNumber("status_code");
            if (upstreamStatus.HasValue && upstreamStatus.Value != 0)
            {
                string upstreamMessage = baseResp.Text("status_message") ?? "(no message)";
                return ApiAnswer.Failed(Disposition.Fail, new XingtuApiException(
                    XingtuErrorKind.UpstreamFailure,
                    $"Xingtu failed for KOL '{query.KolId}' (base_resp status {upstreamStatus.Value.ToString(CultureInfo.InvariantCulture)}: {upstreamMessage}). This call is billed.",
                    query.KolId, code, upstreamMessage, requestId, httpStatus));
            }

            var spread = new KolSpread(query.KolId, query.EffectiveType, query.EffectiveRange, query.FlowType, query.OnlyAssign)
            {
                PlayMedian = fields.WholeNumber("play_mid"),
                LikeAverage = fields.WholeNumber("like_avg"),
                CommentAverage = fields.WholeNumber("comment_avg"),
                ShareAverage = fields.WholeNumber("share_avg"),
                VideoCount = fields.WholeNumber("item_num"),
                AverageDuration = fields.Number("avg_duration"),
                RecordTime = envelope.Text("recordTime"),
                RequestId = requestId,
            };

            FieldReader interact = fields.Child("interact_rate");
            spread.InteractionRate = interact.Number("value");
            (spread.InteractionRatePeerStanding, spread.InteractionRatePeerCategory) = interact.PeerStanding();

            FieldReader completion = fields.Child("play_over_rate");
            spread.CompletionRate = completion.Number("value");
            (spread.CompletionRatePeerStanding, spread.CompletionRatePeerCategory) = completion.PeerStanding();

            FieldReader stability = fields.Child("play_stability");
            spread.PlayStability = stability.Number("value");
            (spread.PlayStabilityPeerStanding, spread.PlayStabilityPeerCategory) = stability.PeerStanding();

            FieldReader cpm = fields.Child("expect_cpm");
            spread.ExpectedCpm1To20Sec = cpm.WholeNumber("cpm_1_20");
            spread.ExpectedCpm21To60Sec = cpm.WholeNumber("cpm_21_60");
            spread.ExpectedCpmOver60Sec = cpm.WholeNumber("cpm_60");

            FieldReader cpe = fields.Child("expect_cpe");
            spread.ExpectedCpe1To20Sec = cpe.WholeNumber("cpe_1_20");
            spread.ExpectedCpe21To60Sec = cpe.WholeNumber("cpe_21_60");
            spread.ExpectedCpeOver60Sec = cpe.WholeNumber("cpe_60");

            FieldReader salesCpm = fields.Child("sales_expect_cpm");
            spread.SalesExpectedCpm1To20Sec = salesCpm.WholeNumber("cpm_1_20");
            spread.SalesExpectedCpm21To60Sec = salesCpm.WholeNumber("cpm_21_60");
            spread.SalesExpectedCpmOver60Sec = salesCpm.WholeNumber("cpm_60");

            FieldReader itemRate = fields.Child("item_rate");
            FieldReader itemCount = itemRate.Child("item_num");
            spread.ItemRateVideoCount = itemCount.WholeNumber("value");
            (spread.ItemRateVideoCountPeerStanding, spread.ItemRateVideoCountPeerCategory) = itemCount.PeerStanding();
            FieldReader itemPlay = itemRate.Child("play_mid");
            spread.ItemRatePlayMedian = itemPlay.WholeNumber("value");
            (spread.ItemRatePlayMedianPeerStanding, spread.ItemRatePlayMedianPeerCategory) = itemPlay.PeerStanding();
            FieldReader itemInteract = itemRate.Child("interact_rate");
            spread.ItemRateInteractionRate = itemInteract.Number("value");
            (spread.ItemRateInteractionRatePeerStanding, spread.ItemRateInteractionRatePeerCategory) = itemInteract.PeerStanding();

            return ApiAnswer.Succeeded(spread, anomalies);
        }

        /// <summary>The HTTP statuses worth a retry when the body does not say otherwise: timeout, rate limit, server errors.</summary>
        public static bool IsRetryableStatus(int httpStatus) => httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;

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
    }
}
