using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>Turns the module's failures into error records: ErrorId from the kind, the KolId (or path and query) as TargetObject.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(XingtuApiException exception) =>
            new ErrorRecord(exception, exception.Kind.ToString(), CategoryOf(exception.Kind), exception.Target);

        public static ErrorCategory CategoryOf(XingtuErrorKind kind) => kind switch
        {
            XingtuErrorKind.InvalidKolId => ErrorCategory.InvalidArgument,
            XingtuErrorKind.InvalidParameters => ErrorCategory.InvalidArgument,
            XingtuErrorKind.InvalidRequest => ErrorCategory.InvalidArgument,
            XingtuErrorKind.NoData => ErrorCategory.ObjectNotFound,
            XingtuErrorKind.UpstreamFailure => ErrorCategory.ResourceUnavailable,
            XingtuErrorKind.CollectionFailed => ErrorCategory.ResourceUnavailable,
            XingtuErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
            XingtuErrorKind.ServerError => ErrorCategory.ResourceUnavailable,
            XingtuErrorKind.HttpError => ErrorCategory.ProtocolError,
            XingtuErrorKind.Timeout => ErrorCategory.OperationTimeout,
            XingtuErrorKind.ConnectionFailed => ErrorCategory.ConnectionError,
            XingtuErrorKind.MalformedResponse => ErrorCategory.InvalidData,
            XingtuErrorKind.InvalidToken => ErrorCategory.AuthenticationError,
            XingtuErrorKind.DailyQuotaExceeded => ErrorCategory.QuotaExceeded,
            XingtuErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            XingtuErrorKind.InsufficientBalance => ErrorCategory.QuotaExceeded,
            XingtuErrorKind.NoToken => ErrorCategory.AuthenticationError,
            XingtuErrorKind.InternalError => ErrorCategory.NotSpecified,
            _ => ErrorCategory.InvalidResult,
        };
    }
}
