using System;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// The units of the Xingtu page, which the vendor does not publish (see about_JustOneApi.Xingtu): rates in 1/10000,
    /// so a percentage is the value / 100 (244 is 2.44 %); CPM and CPE in fen, so yuan are the value / 100 ("5657" is
    /// ¥56.57). Missing stays missing.
    /// </summary>
    internal static class Units
    {
        /// <summary>A rate sent in 1/10000 as a percentage: 244 → 2.44.</summary>
        public static double? RateToPercent(double? rate) => rate / 100d;

        /// <summary>An amount in fen as yuan, exactly: 5657 → 56.57.</summary>
        public static decimal? FenToYuan(long? fen) => fen / 100m;

        /// <summary>
        /// The list price per thousand median plays, in yuan to four decimals: the buyer's own CPM at list price, to set
        /// beside the expected CPM. Null when either is missing or there are no plays.
        /// </summary>
        public static decimal? PerThousandPlays(decimal? price, long? playMedian) =>
            price is decimal p && playMedian is long plays && plays > 0
                ? Math.Round(p * 1000m / plays, 4, MidpointRounding.AwayFromZero)
                : (decimal?)null;
    }
}
