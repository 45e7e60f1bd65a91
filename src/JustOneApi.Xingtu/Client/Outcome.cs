using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>How one request ended: a result, an error, or cancelled before it finished.</summary>
    internal sealed class Outcome<T>
    {
        private static readonly Outcome<T> CanceledUnsent = new Outcome<T>(default, null, Array.Empty<string>(), canceled: true, sent: false, fromLocalCache: false);
        private static readonly Outcome<T> CanceledSent = new Outcome<T>(default, null, Array.Empty<string>(), canceled: true, sent: true, fromLocalCache: false);
        private static readonly Outcome<T> KeptAfterStop = new Outcome<T>(default, null, Array.Empty<string>(), canceled: true, sent: true, fromLocalCache: false, keptAtStop: true);

        private Outcome(T? result, XingtuApiException? error, IReadOnlyList<string> anomalies, bool canceled, bool sent, bool fromLocalCache, bool keptAtStop = false)
        {
            KeptAtStop = keptAtStop;
            Result = result;
            Error = error;
            Anomalies = anomalies;
            Canceled = canceled;
            Sent = sent;
            FromLocalCache = fromLocalCache;
        }

        public T? Result { get; }

        public XingtuApiException? Error { get; }

        /// <summary>Fields that could not be read, so their values are null.</summary>
        public IReadOnlyList<string> Anomalies { get; }

        public bool Canceled { get; }

        /// <summary>True when a request went out for it (a cancelled one was then in flight); false when none did.</summary>
        public bool Sent { get; }

        /// <summary>True when the local answer store served it, so nothing was sent or billed.</summary>
        public bool FromLocalCache { get; }

        /// <summary>
        /// True when the request was in flight at the account's stop and its billed answer, which came after, was kept
        /// in the local store (so a rerun is served it). Such an outcome counts as cancelled: it is not written as a row.
        /// </summary>
        public bool KeptAtStop { get; }

        /// <summary>Answered after the account's stop: kept in the local store when <paramref name="kept"/>, else as if cut off.</summary>
        public static Outcome<T> AnsweredAfterStop(bool kept) => kept ? KeptAfterStop : CanceledSent;

        /// <summary>Cancelled, either before anything was sent or with a request in flight.</summary>
        public static Outcome<T> CanceledOutcome(bool sent) => sent ? CanceledSent : CanceledUnsent;

        public static Outcome<T> Succeeded(T result, IReadOnlyList<string> anomalies, bool fromLocalCache) =>
            new Outcome<T>(result, null, anomalies, canceled: false, sent: !fromLocalCache, fromLocalCache);

        public static Outcome<T> Failed(XingtuApiException error, bool sent, bool fromLocalCache = false) =>
            new Outcome<T>(default, error, Array.Empty<string>(), canceled: false, sent, fromLocalCache);
    }
}
