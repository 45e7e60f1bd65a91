using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Turns one HTTP answer of any endpoint into an <see cref="ApiAnswer{T}"/>: the envelope, the codes and
    /// Xingtu's own <c>base_resp</c> status are read here once, and only the data is left to the endpoint's reader.
    /// Success is decided by the envelope's code, not the HTTP status, so the body is read on any status. Nothing
    /// here throws for bad input: every failure is an answer.
    /// </summary>
    internal static class AnswerParser
    {
        private static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions { MaxDepth = 64 };

        /// <summary>Throws on bytes that are not UTF-8, which JsonDocument lets through inside strings.</summary>
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static ApiAnswer<T> Interpret<T>(int httpStatus, byte[] body, ApiRequest request, IAnswerReader<T> reader, DateTimeOffset fetchedAt, bool fromLocalCache = false)
        {
            if (httpStatus == 407)
            {
                return ProxyAuthenticationRequired<T>(request);
            }

            JsonDocument? document = TryParse(body, out string? parseProblem);
            using (document)
            {
                try
                {
                    if (document != null
                        && document.RootElement.ValueKind == JsonValueKind.Object
                        && TryGetCode(document.RootElement, out int code))
                    {
                        return FromEnvelope(document.RootElement, code, httpStatus, body, request, reader, fetchedAt, fromLocalCache);
                    }
                }
                catch (InvalidOperationException)
                {
                    // JsonDocument accepts an escaped lone surrogate ("\ud800"), but reading that string throws.
                    parseProblem = Texts.BodyNotUnicode;
                }

                return FromNonEnvelope<T>(httpStatus, body.Length == 0 ? Texts.BodyEmpty : parseProblem ?? Texts.BodyNotEnvelope, request);
            }
        }

        /// <summary>An answer too large to be a real one. Not retried: it may have been billed.</summary>
        public static ApiAnswer<T> TooLarge<T>(int httpStatus, ApiRequest request) =>
            ApiAnswer<T>.Failed(Disposition.Fail, new XingtuApiException(
                XingtuErrorKind.MalformedResponse,
                Texts.Format(Texts.AnswerTooLarge, request.Subject, httpStatus),
                request.KolId,
                httpStatusCode: httpStatus,
                target: request.Target));

        /// <summary>
        /// A 2xx answer whose body broke off (reset or timeout while reading). Not retried: it may have been billed.
        /// </summary>
        public static ApiAnswer<T> Interrupted<T>(int httpStatus, string what, ApiRequest request) =>
            ApiAnswer<T>.Failed(Disposition.Fail, new XingtuApiException(
                XingtuErrorKind.MalformedResponse,
                Texts.Format(Texts.AnswerBrokeOff, request.Subject, httpStatus, what),
                request.KolId,
                httpStatusCode: httpStatus,
                target: request.Target));

        /// <summary>
        /// HTTP 407, whatever the body: only a proxy sends it, so nothing reached the API and no other row can get
        /// through either. It stops the batch, and is not retried.
        /// </summary>
        public static ApiAnswer<T> ProxyAuthenticationRequired<T>(ApiRequest request) =>
            ApiAnswer<T>.Failed(Disposition.Stop, new XingtuApiException(
                XingtuErrorKind.ProxyAuthenticationRequired,
                Texts.Format(Texts.ProxyAuthenticationRequired, request.Subject),
                request.KolId,
                httpStatusCode: 407,
                target: request.Target));

        /// <summary>The HTTP statuses worth a retry when the body does not say otherwise: timeout, rate limit, server errors.</summary>
        public static bool IsRetryableStatus(int httpStatus) => httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;

        /// <summary>True for an answer that says the endpoint itself no longer exists: 404 or 410 without an envelope.</summary>
        public static bool IsEndpointGone(XingtuApiException error) =>
            error.Code == null && error.Kind == XingtuErrorKind.HttpError && (error.HttpStatusCode == 404 || error.HttpStatusCode == 410);

        private static ApiAnswer<T> FromNonEnvelope<T>(int httpStatus, string what, ApiRequest request)
        {
            if (httpStatus >= 200 && httpStatus < 300)
            {
                // Not retried: a 200 may have been billed.
                return ApiAnswer<T>.Failed(Disposition.Fail, new XingtuApiException(
                    XingtuErrorKind.MalformedResponse,
                    Texts.Format(Texts.AnswerNotResult, request.Subject, httpStatus, what),
                    request.KolId,
                    httpStatusCode: httpStatus,
                    target: request.Target));
            }

            return ApiAnswer<T>.Failed(IsRetryableStatus(httpStatus) ? Disposition.Retry : Disposition.Fail, new XingtuApiException(
                httpStatus == 429 ? XingtuErrorKind.RateLimited : XingtuErrorKind.HttpError,
                Texts.Format(Texts.AnswerHttpFailed, request.Subject, httpStatus, what),
                request.KolId,
                httpStatusCode: httpStatus,
                target: request.Target));
        }

        private static ApiAnswer<T> FromEnvelope<T>(JsonElement root, int code, int httpStatus, byte[] body, ApiRequest request, IAnswerReader<T> reader, DateTimeOffset fetchedAt, bool fromLocalCache)
        {
            var anomalies = new List<string>();
            var envelope = new FieldReader(root, string.Empty, anomalies);
            string? message = envelope.Text("message");
            string? requestId = envelope.Text("requestId");
            if (code != ApiCodes.Success)
            {
                var error = new XingtuApiException(
                    ApiCodes.KindOf(code), ApiCodes.Describe(code, request.Subject, message), request.KolId, code, message, requestId, httpStatus, target: request.Target);

                // A code whose meaning is unpublished says less than the HTTP status it came with: a 429 or 5xx is retried.
                Disposition disposition = ApiCodes.DispositionOf(code);
                if (error.Kind == XingtuErrorKind.UnknownCode && IsRetryableStatus(httpStatus))
                {
                    disposition = Disposition.Retry;
                }

                return ApiAnswer<T>.Failed(disposition, error, billed: ApiCodes.IsBilled(code));
            }

            root.TryGetProperty("data", out JsonElement data);
            if (data.ValueKind == JsonValueKind.Object)
            {
                FieldReader baseResp = new FieldReader(data, string.Empty, anomalies).Child("base_resp");
                long? upstreamStatus = baseResp.WholeNumber("status_code");
                if (upstreamStatus.HasValue && upstreamStatus.Value != 0)
                {
                    string upstreamMessage = baseResp.Text("status_message") ?? Texts.L(Texts.UpstreamNoMessage);
                    return ApiAnswer<T>.Failed(Disposition.Fail, new XingtuApiException(
                        XingtuErrorKind.UpstreamFailure,
                        Texts.Format(Texts.UpstreamFailed, request.Subject, upstreamStatus.Value, upstreamMessage),
                        request.KolId, code, upstreamMessage, requestId, httpStatus, target: request.Target), billed: true);
                }
            }

            var answer = new AnswerEnvelope(data, body, requestId, envelope.Text("recordTime"), fetchedAt, fromLocalCache);
            if (!reader.TryRead(request, answer, anomalies, out T result, out string? problem))
            {
                return ApiAnswer<T>.Failed(Disposition.Fail, new XingtuApiException(
                    XingtuErrorKind.MalformedResponse,
                    Texts.Format(Texts.AnswerUnreadable, request.Subject, problem ?? string.Empty),
                    request.KolId, code, message, requestId, httpStatus, target: request.Target), billed: true);
            }

            return ApiAnswer<T>.Succeeded(result, anomalies);
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
                problem = Texts.BodyNotJson;
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
