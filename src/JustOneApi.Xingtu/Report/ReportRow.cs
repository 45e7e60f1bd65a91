using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Report
{
    /// <summary>
    /// One KOL as the report shows it, built from either input type (KolSpread, XingtuKol) or from their columns read
    /// back from a CSV (ReportColumns), so the renderer knows nothing of where a row came from. Missing is null, never 0. Money is in yuan, rates in percent; peer standings
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

        /// <summary>A spread row: no name, price or profile; CPM and CPE in yuan and rates in percent, by the module's Units.</summary>
        public static ReportRow From(KolSpread spread)
        {
            if (spread == null) throw new ArgumentNullException(nameof(spread));
            return new ReportRow(spread.KolId)
            {
                PlayMedian = spread.PlayMedian,
                InteractionRatePercent = spread.InteractionRatePercent,
                InteractionRatePeerStanding = spread.InteractionRatePeerStanding,
                CompletionRatePercent = spread.CompletionRatePercent,
                CompletionRatePeerStanding = spread.CompletionRatePeerStanding,
                ExpectedCpm1To20SecYuan = (double?)Units.FenToYuan(spread.ExpectedCpm1To20Sec),
                ExpectedCpe1To20SecYuan = (double?)Units.FenToYuan(spread.ExpectedCpe1To20Sec),
                FetchedAt = spread.FetchedAt,
                FromLocalCache = spread.FromLocalCache,
                Query = QueryOf(spread),
            };
        }

        /// <summary>A joined row: every figure as XingtuKol states it, peer standings from its spread part.</summary>
        public static ReportRow From(XingtuKol kol)
        {
            if (kol == null) throw new ArgumentNullException(nameof(kol));
            return new ReportRow(kol.KolId)
            {
                NickName = kol.NickName,
                Followers = kol.Followers,
                Location = LocationOf(kol.Province, kol.City),
                McnName = string.IsNullOrWhiteSpace(kol.McnName) ? null : kol.McnName,
                Tags = kol.Tags,
                Price1To20Sec = (double?)kol.Price1To20Sec,
                Price21To60Sec = (double?)kol.Price21To60Sec,
                PriceOver60Sec = (double?)kol.PriceOver60Sec,
                PlayMedian = kol.PlayMedian,
                InteractionRatePercent = kol.InteractionRatePercent,
                InteractionRatePeerStanding = kol.Spread?.InteractionRatePeerStanding,
                CompletionRatePercent = kol.CompletionRatePercent,
                CompletionRatePeerStanding = kol.Spread?.CompletionRatePeerStanding,
                ExpectedCpm1To20SecYuan = (double?)kol.ExpectedCpm1To20SecYuan,
                ExpectedCpe1To20SecYuan = (double?)kol.ExpectedCpe1To20SecYuan,
                ListPricePerThousandPlays1To20Sec = (double?)kol.ListPricePerThousandPlays1To20Sec,
                FetchedAt = kol.FetchedAt,
                FromLocalCache = kol.FromLocalCache,
                MissingParts = string.IsNullOrEmpty(kol.MissingParts) ? null : kol.MissingParts,
                // The spread's options when the row has its spread; a row without it cannot say what was asked.
                Query = kol.Spread == null ? null : QueryOf(kol.Spread),
            }.WithDouyin(kol.Profile?.SecUid);
        }

        internal static string QueryOf(KolSpread spread) =>
            QueryOf(spread.Endpoint.ToString(), spread.Platform.ToString(), spread.Type.ToString(), spread.Range.ToString(), spread.FlowType, spread.OnlyAssign);

        /// <summary>The query as the header shows it, from its parts as text (a typed spread's or a CSV row's).</summary>
        internal static string QueryOf(string endpoint, string platform, string type, string range, string? flowType, bool onlyAssign)
        {
            string text = string.Join(" · ", endpoint, platform, type, range);
            if (flowType != null) text += " · FlowType " + flowType;
            if (onlyAssign) text += " · OnlyAssign";
            return text;
        }

        /// <summary>Province and city as one place, or null when neither is there.</summary>
        internal static string? LocationOf(string? province, string? city)
        {
            string location = string.Join(" ", new[] { province, city }.Where(p => !string.IsNullOrWhiteSpace(p)));
            return location.Length == 0 ? null : location;
        }

        internal static string FormatTime(DateTimeOffset time) =>
            time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
