using System.Globalization;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>What a client does with an answer.</summary>
    internal enum Disposition
    {
        /// <summary>Parse the data.</summary>
        Success,

        /// <summary>Try again after a back-off, if retries are left.</summary>
        Retry,

        /// <summary>This KOL fails; the batch goes on.</summary>
        Fail,

        /// <summary>Nothing else can succeed: stop the batch.</summary>
        Stop,
    }

    /// <summary>The API's business codes and what each one means for a client (see the API README's table).</summary>
    internal static class ApiCodes
    {
        public const int Success = 0;

        public static Disposition DispositionOf(int code) => code switch
        {
            0 => Disposition.Success,
            301 or 302 or 500 => Disposition.Retry,
            100 or 303 or 600 or 601 => Disposition.Stop,
            _ => Disposition.Fail,
        };

        public static XingtuErrorKind KindOf(int code) => code switch
        {
            100 => XingtuErrorKind.InvalidToken,
            201 => XingtuErrorKind.NoData,
            301 => XingtuErrorKind.CollectionFailed,
            302 => XingtuErrorKind.RateLimited,
            303 => XingtuErrorKind.DailyQuotaExceeded,
            400 => XingtuErrorKind.InvalidParameters,
            500 => XingtuErrorKind.ServerError,
            600 => XingtuErrorKind.PermissionDenied,
            601 => XingtuErrorKind.InsufficientBalance,
            _ => XingtuErrorKind.UnknownCode,
        };


        /// <summary>True for the codes the API bills: a result (0) and "no data" (201).</summary>
        public static bool IsBilled(int code) => code == 0 || code == 201;

        public static bool IsAccountLevel(XingtuErrorKind kind) =>
            kind == XingtuErrorKind.InvalidToken
            || kind == XingtuErrorKind.DailyQuotaExceeded
            || kind == XingtuErrorKind.PermissionDenied
            || kind == XingtuErrorKind.InsufficientBalance
            || kind == XingtuErrorKind.NoToken
            || kind == XingtuErrorKind.ProxyAuthenticationRequired
            || kind == XingtuErrorKind.ProxyUnreachable;

        /// <summary>The sentence a user reads for a code: what happened to <paramref name="subject"/> (such as KOL '123') and what to do.</summary>
        public static string Describe(int code, string subject, string? apiMessage)
        {
            string said = string.IsNullOrWhiteSpace(apiMessage) ? string.Empty : $" The API said: {apiMessage}";
            return code switch
            {
                100 => $"The API rejected the token (code 100: invalid or inactive) at {subject}. Check the token, then set it with Set-XingtuToken or the JUSTONEAPI_TOKEN environment variable.{said}",
                303 => $"The daily quota is used up (code 303) at {subject}. Nothing else can succeed today: wait for the quota to reset, or raise it with Just One API.{said}",
                600 => $"Permission denied (code 600) at {subject}: this account may not use this endpoint. Check the account's plan with Just One API.{said}",
                601 => $"The account's balance is too low (code 601) at {subject}. Top up the Just One API account, then run the batch again.{said}",
                400 => $"The API rejected the parameters for {subject} (code 400).{said}",
                201 => $"The API has no data for {subject} (code 201: empty content or not found). This call is billed.{said}",
                301 => $"Collection failed for {subject} (code 301).{said}",
                302 => $"The API's rate limit was exceeded for {subject} (code 302). Lower -ThrottleLimit or set a rate cap with Set-XingtuConfiguration.{said}",
                500 => $"The API had an internal error for {subject} (code 500).{said}",
                _ => $"The API answered code {code.ToString(CultureInfo.InvariantCulture)} for {subject}, whose meaning is not published.{said}",
            };
        }
    }
}
