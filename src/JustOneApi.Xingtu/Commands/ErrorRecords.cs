using System;
using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>Turns the module's failures into error records: ErrorId from the kind, the KolId (or path and query) as TargetObject.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(XingtuApiException exception) =>
            new ErrorRecord(exception, exception.Kind.ToString(), CategoryOf(exception.Kind), exception.Target);

        /// <summary>
        /// A copy of <paramref name="record"/> (not yet written) with every text it carries passed through
        /// <paramref name="redact"/>: the exception's texts (a foreign exception whose chain would change is replaced by
        /// one of the same broad kind, without its inner exceptions), the target when it is text, and the error details.
        /// </summary>
        public static ErrorRecord Redacted(ErrorRecord record, Func<string, string> redact)
        {
            Exception exception = record.Exception;
            Exception cleanException = exception switch
            {
                XingtuApiException own => own.Redacted(redact),
                _ when !ChainChanges(exception, redact) => exception,
                ArgumentException _ => new ArgumentException(redact(exception.Message)),
                _ => new InvalidOperationException(redact(exception.Message)),
            };
            object? target = record.TargetObject is string text ? redact(text) : record.TargetObject;
            var clean = new ErrorRecord(cleanException, record.FullyQualifiedErrorId, record.CategoryInfo.Category, target);
            if (record.ErrorDetails != null)
            {
                clean.ErrorDetails = new ErrorDetails(redact(record.ErrorDetails.Message ?? string.Empty))
                {
                    RecommendedAction = redact(record.ErrorDetails.RecommendedAction ?? string.Empty),
                };
            }

            return clean;
        }

        private static bool ChainChanges(Exception exception, Func<string, string> redact)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (!string.Equals(redact(current.Message), current.Message, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

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
            XingtuErrorKind.ProxyAuthenticationRequired => ErrorCategory.AuthenticationError,
            XingtuErrorKind.ProxyUnreachable => ErrorCategory.ConnectionError,
            _ => ErrorCategory.InvalidResult,
        };
    }
}
