namespace JustOneApi.Xingtu
{
    /// <summary>
    /// Why a request failed. The name is the stable first part of the error record's FullyQualifiedErrorId.
    /// </summary>
    public enum XingtuErrorKind
    {
        /// <summary>The KolId is empty, too long, or mangled (for example 7.1E+18); no request was sent.</summary>
        InvalidKolId,

        /// <summary>An Invoke-JustOneApi query that may not be sent (a token key, a list value); no request was sent.</summary>
        InvalidRequest,

        /// <summary>Code 400: the API rejected the parameters for this KOL.</summary>
        InvalidParameters,

        /// <summary>Code 201: the API has no data for this KOL. Billed.</summary>
        NoData,

        /// <summary>Code 0, but Xingtu's own status (<c>base_resp</c>) reports a failure. Billed.</summary>
        UpstreamFailure,

        /// <summary>Code 301: collection kept failing after every retry.</summary>
        CollectionFailed,

        /// <summary>Code 302 or HTTP 429: still rate limited after every retry.</summary>
        RateLimited,

        /// <summary>Code 500: the API kept failing after every retry.</summary>
        ServerError,

        /// <summary>An HTTP error status without an API answer, after any retries.</summary>
        HttpError,

        /// <summary>No answer within TimeoutSec, after every retry.</summary>
        Timeout,

        /// <summary>The connection failed or was reset, after every retry.</summary>
        ConnectionFailed,

        /// <summary>The answer was empty, not JSON, truncated, too large, or not of the documented shape.</summary>
        MalformedResponse,

        /// <summary>A code whose meaning is not published.</summary>
        UnknownCode,

        /// <summary>Code 100: the token is invalid or inactive. Stops the batch.</summary>
        InvalidToken,

        /// <summary>Code 303: the daily quota is used up. Stops the batch.</summary>
        DailyQuotaExceeded,

        /// <summary>Code 600: the account may not use this endpoint. Stops the batch.</summary>
        PermissionDenied,

        /// <summary>Code 601: the account's balance is too low. Stops the batch.</summary>
        InsufficientBalance,

        /// <summary>No token was found in any of the places the module looks.</summary>
        NoToken,

        /// <summary>An unexpected failure inside the module; the message asks for a report.</summary>
        InternalError,

        /// <summary>HTTP 407: the proxy wants credentials, or refused the ones given. Stops the batch; never retried.</summary>
        ProxyAuthenticationRequired,

        /// <summary>The proxy could not be reached after every retry of the first request. Stops the batch.</summary>
        ProxyUnreachable,
    }
}
