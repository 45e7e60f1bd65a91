using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>What one HTTP answer means: a result, or an error and whether to retry, fail the KOL or stop.</summary>
    internal sealed class ApiAnswer
    {
        private ApiAnswer(Disposition disposition, KolSpread? spread, XingtuApiException? error, IReadOnlyList<string> anomalies)
        {
            Disposition = disposition;
            Spread = spread;
            Error = error;
            Anomalies = anomalies;
        }

        public Disposition Disposition { get; }

        /// <summary>The result, when <see cref="Disposition"/> is Success.</summary>
        public KolSpread? Spread { get; }

        /// <summary>The failure, for every other disposition.</summary>
        public XingtuApiException? Error { get; }

        /// <summary>Fields that were present but unreadable, so their metric is null: worth a warning, not an error.</summary>
        public IReadOnlyList<string> Anomalies { get; }

        public static ApiAnswer Succeeded(KolSpread spread, IReadOnlyList<string> anomalies) =>
            new ApiAnswer(Disposition.Success, spread, null, anomalies);

        public static ApiAnswer Failed(Disposition disposition, XingtuApiException error) =>
            new ApiAnswer(disposition, null, error, Array.Empty<string>());
    }
}
