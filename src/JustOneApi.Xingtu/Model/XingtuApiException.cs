using System;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu
{
    /// <summary>
    /// A failure of one request (one KOL's, or one Invoke-JustOneApi query's), or of the account. Its text never contains the token.
    /// </summary>
    public sealed class XingtuApiException : Exception
    {
        internal XingtuApiException(
            XingtuErrorKind kind,
            string message,
            string? kolId = null,
            int? code = null,
            string? apiMessage = null,
            string? requestId = null,
            int? httpStatusCode = null,
            int attempts = 0,
            string? target = null)
            : base(message)
        {
            Kind = kind;
            KolId = kolId;
            Code = code;
            ApiMessage = apiMessage;
            RequestId = requestId;
            HttpStatusCode = httpStatusCode;
            Attempts = attempts;
            Target = target ?? kolId;
        }

        /// <summary>Why the request failed; also the error record's ErrorId.</summary>
        public XingtuErrorKind Kind { get; }

        /// <summary>The KOL the request was for, or null for an account-level failure found before any request.</summary>
        public string? KolId { get; }

        /// <summary>What the request was for, the error record's TargetObject: the KOL id, or an endpoint path and its query (never the token).</summary>
        public string? Target { get; }

        /// <summary>The API's business code, or null when no API answer was read.</summary>
        public int? Code { get; }

        /// <summary>The API's own message, as sent.</summary>
        public string? ApiMessage { get; }

        /// <summary>The API's requestId, for support tickets.</summary>
        public string? RequestId { get; }

        /// <summary>The HTTP status of the last answer, or null when none arrived.</summary>
        public int? HttpStatusCode { get; }

        /// <summary>How many requests were sent for this KOL.</summary>
        public int Attempts { get; }

        /// <summary>True when no other KOL can succeed either, so the batch stops.</summary>
        public bool IsAccountLevel => ApiCodes.IsAccountLevel(Kind);

        internal XingtuApiException WithAttempts(int attempts, string message) =>
            new XingtuApiException(Kind, message, KolId, Code, ApiMessage, RequestId, HttpStatusCode, attempts, Target);

        /// <summary>A copy whose texts have been through <paramref name="redact"/>: they may quote the server, and a server may quote the request.</summary>
        internal XingtuApiException Redacted(Func<string, string> redact) =>
            new XingtuApiException(Kind, redact(Message), KolId == null ? null : redact(KolId), Code, ApiMessage == null ? null : redact(ApiMessage), RequestId, HttpStatusCode, Attempts, Target == null ? null : redact(Target));
    }
}
