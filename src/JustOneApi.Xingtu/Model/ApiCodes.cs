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
            // The API's own words are quoted as they came, never taken for one of the module's texts.
            string said = string.IsNullOrWhiteSpace(apiMessage) ? string.Empty : Texts.L(Texts.ApiSaid).Replace("{0}", apiMessage);
            return code switch
            {
                100 => Texts.Format(Texts.Code100, subject, said),
                303 => Texts.Format(Texts.Code303, subject, said),
                600 => Texts.Format(Texts.Code600, subject, said),
                601 => Texts.Format(Texts.Code601, subject, said),
                400 => Texts.Format(Texts.Code400, subject, said),
                201 => Texts.Format(Texts.Code201, subject, said),
                301 => Texts.Format(Texts.Code301, subject, said),
                302 => Texts.Format(Texts.Code302, subject, said),
                500 => Texts.Format(Texts.Code500, subject, said),
                _ => Texts.Format(Texts.CodeUnknown, code, subject, said),
            };
        }
    }
}
