using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>What one HTTP answer means: a result, or an error and whether to retry, fail the request or stop.</summary>
    internal sealed class ApiAnswer<T>
    {
        private ApiAnswer(Disposition disposition, T? result, XingtuApiException? error, IReadOnlyList<string> anomalies, bool billed)
        {
            Disposition = disposition;
            Result = result;
            Error = error;
            Anomalies = anomalies;
            Billed = billed;
        }

        public Disposition Disposition { get; }

        /// <summary>The result, when <see cref="Disposition"/> is Success.</summary>
        public T? Result { get; }

        /// <summary>The failure, for every other disposition.</summary>
        public XingtuApiException? Error { get; }

        /// <summary>Fields that were present but unreadable, so their value is null: worth a warning, not an error.</summary>
        public IReadOnlyList<string> Anomalies { get; }

        /// <summary>True when the API bills this answer (code 0 or 201), so it is worth keeping.</summary>
        public bool Billed { get; }

        public static ApiAnswer<T> Succeeded(T result, IReadOnlyList<string> anomalies) =>
            new ApiAnswer<T>(Disposition.Success, result, null, anomalies, billed: true);

        public static ApiAnswer<T> Failed(Disposition disposition, XingtuApiException error, bool billed = false) =>
            new ApiAnswer<T>(disposition, default, error, Array.Empty<string>(), billed);
    }
}
