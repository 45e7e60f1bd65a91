using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>How one request ended: a result, an error, or cancelled before it finished.</summary>
    internal sealed class Outcome<T>
    {
        private static readonly Outcome<T> CanceledUnsent = new Outcome<T>(default, null, Array.Empty<string>(), Array.Empty<string>(), canceled: true, sent: false, fromLocalCache: false);
        private static readonly Outcome<T> CanceledSent = new Outcome<T>(default, null, Array.Empty<string>(), Array.Empty<string>(), canceled: true, sent: true, fromLocalCache: false);

        private Outcome(T? result, XingtuApiException? error, IReadOnlyList<string> anomalies, IReadOnlyList<string> notices, bool canceled, bool sent, bool fromLocalCache)
        {
            Result = result;
            Error = error;
            Anomalies = anomalies;
            Notices = notices;
            Canceled = canceled;
            Sent = sent;
            FromLocalCache = fromLocalCache;
        }

        public T? Result { get; }

        public XingtuApiException? Error { get; }

        /// <summary>Fields that could not be read, so their values are null.</summary>
        public IReadOnlyList<string> Anomalies { get; }

        /// <summary>Warnings about the batch that this request found, such as a switch of endpoint.</summary>
        public IReadOnlyList<string> Notices { get; }

        public bool Canceled { get; }

        /// <summary>True when a request went out for it (a cancelled one was then in flight); false when none did.</summary>
        public bool Sent { get; }

        /// <summary>True when the local answer store served it, so nothing was sent or billed.</summary>
        public bool FromLocalCache { get; }

        /// <summary>Cancelled, either before anything was sent or with a request in flight.</summary>
        public static Outcome<T> CanceledOutcome(bool sent) => sent ? CanceledSent : CanceledUnsent;

        public static Outcome<T> Succeeded(T result, IReadOnlyList<string> anomalies, IReadOnlyList<string> notices, bool fromLocalCache) =>
            new Outcome<T>(result, null, anomalies, notices, canceled: false, sent: !fromLocalCache, fromLocalCache);

        public static Outcome<T> Failed(XingtuApiException error, IReadOnlyList<string> notices, bool sent, bool fromLocalCache = false) =>
            new Outcome<T>(default, error, Array.Empty<string>(), notices, canceled: false, sent, fromLocalCache);
    }
}
