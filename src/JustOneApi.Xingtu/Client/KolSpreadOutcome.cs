using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>How one KOL's fetch ended: a result, an error, or cancelled before it finished.</summary>
    internal sealed class KolSpreadOutcome
    {
        private KolSpreadOutcome(KolSpread? spread, XingtuApiException? error, IReadOnlyList<string> warnings, bool canceled)
        {
            Spread = spread;
            Error = error;
            Warnings = warnings;
            Canceled = canceled;
        }

        public static KolSpreadOutcome CanceledOutcome { get; } = new KolSpreadOutcome(null, null, Array.Empty<string>(), canceled: true);

        public KolSpread? Spread { get; }

        public XingtuApiException? Error { get; }

        /// <summary>Fields that could not be read, so their metrics are null.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public bool Canceled { get; }

        public static KolSpreadOutcome Succeeded(KolSpread spread, IReadOnlyList<string> warnings) =>
            new KolSpreadOutcome(spread, null, warnings, canceled: false);

        public static KolSpreadOutcome Failed(XingtuApiException error) =>
            new KolSpreadOutcome(null, error, Array.Empty<string>(), canceled: false);
    }
}
