using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JustOneApi.Xingtu.Report
{
    /// <summary>
    /// One KOL as the report shows it, built from either input type (KolSpread, XingtuKol), so the renderer knows
    /// nothing of where a row came from. Missing is null, never 0. Money is in yuan, rates in percent; peer standings
    /// keep the API's raw number because its scale is unpublished.
    /// </summary>
    internal sealed class ReportRow
    {
        // A Douyin sec_uid is a URL-safe token; anything else is not turned into a link.
        private static readonly Regex SecUidPattern = new Regex("^[A-Za-z0-9_-]{1,200}$", RegexOptions.CultureInvariant);
        private static readonly Regex DouyinUserUrl = new Regex("^https://www\\.douyin\\.com/user/([A-Za-z0-9_-]{1,200})$", RegexOptions.CultureInvariant);

        public ReportRow(string kolId) => KolId = kolId ?? string.Empty;

        public string KolId { get; }
        public string? NickName { get; set; }
        public long? Followers { get; set; }
        public string? Location { get; set; }
        public string? McnName { get; set; }
        public string? Tags { get; set; }
        public double? Price1To20Sec { get; set; }
        public double? Price21To60Sec { get; set; }
        public double? PriceOver60Sec { get; set; }
        public long? PlayMedian { get; set; }
        public double? InteractionRatePercent { get; set; }
        public double? InteractionRatePeerStanding { get; set; }
        public double? CompletionRatePercent { get; set; }
        public double? CompletionRatePeerStanding { get; set; }
        public double? ExpectedCpm1To20SecYuan { get; set; }
        public double? ExpectedCpe1To20SecYuan { get; set; }
        public double? ListPricePerThousandPlays1To20Sec { get; set; }
        public DateTimeOffset? FetchedAt { get; set; }
        public bool FromLocalCache { get; set; }
        public string? MissingParts { get; set; }

        /// <summary>How the row was asked for (endpoint and options), shown once in the header for all rows alike.</summary>
        public string? Query { get; set; }

        /// <summary>The Douyin sec_uid, only when it is a plain URL-safe token: the page builds the link from it alone.</summary>
        public string? DouyinSecUid { get; private set; }

        /// <summary>Keeps a sec_uid (or the sec_uid of a https://www.douyin.com/user/… link) only when it is a plain token.</summary>
        public ReportRow WithDouyin(string? secUidOrUrl)
        {
            if (string.IsNullOrEmpty(secUidOrUrl)) return this;
            if (SecUidPattern.IsMatch(secUidOrUrl))
            {
                DouyinSecUid = secUidOrUrl;
            }
            else
            {
                Match match = DouyinUserUrl.Match(secUidOrUrl);
                if (match.Success) DouyinSecUid = match.Groups[1].Value;
            }
            return this;
        }

        /// <summary>A spread row: no name, price or profile; CPM and CPE from fen to yuan, rates from the raw value to percent.</summary>
        public static ReportRow From(KolSpread spread)
        {
            if (spread == null) throw new ArgumentNullException(nameof(spread));
            return new ReportRow(spread.KolId)
            {
                PlayMedian = spread.PlayMedian,
                InteractionRatePercent = spread.InteractionRate / 100,
                InteractionRatePeerStanding = spread.InteractionRatePeerStanding,
                CompletionRatePercent = spread.CompletionRate / 100,
                CompletionRatePeerStanding = spread.CompletionRatePeerStanding,
                ExpectedCpm1To20SecYuan = spread.ExpectedCpm1To20Sec / 100.0,
                ExpectedCpe1To20SecYuan = spread.ExpectedCpe1To20Sec / 100.0,
                FetchedAt = spread.FetchedAt,
                FromLocalCache = spread.FromLocalCache,
                Query = QueryOf(spread),
            };
        }

        internal static string QueryOf(KolSpread spread)
        {
            string text = string.Join(" · ", spread.Endpoint, spread.Platform, spread.Type, spread.Range);
            if (spread.FlowType != null) text += " · FlowType " + spread.FlowType;
            if (spread.OnlyAssign) text += " · OnlyAssign";
            return text;
        }

        internal static string FormatTime(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
