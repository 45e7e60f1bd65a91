using System;
using System.Collections.Generic;
using System.Globalization;
using JustOneApi.Xingtu.Report;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>Report rows for the renderer and browser tests: ordinary KOLs, missing values and hostile names.</summary>
    internal static class ReportSamples
    {
        public const string ScriptName = "</script><script>window.__pwned = 'script'</script>";
        public const string ImageName = "<img src=x onerror=\"window.__pwned = 'img'\">";
        public const string JavascriptName = "javascript:window.__pwned = 'link'";
        public const string SeparatorName = "line\u2028separator\u2029paragraph";
        public const string MarkupName = "\"quoted\" & <b>bold</b> 'single'";

        public static readonly string[] HostileNames = { ScriptName, ImageName, JavascriptName, SeparatorName, MarkupName };

        public static readonly DateTimeOffset FetchedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

        /// <summary>
        /// count ordinary KOLs (every fifth without a price, every seventh without peer standings), then one row per
        /// hostile name, one with a hostile id, and one with nothing but an id.
        /// </summary>
        public static List<ReportRow> Rows(int count = 12)
        {
            var rows = new List<ReportRow>();
            for (int i = 0; i < count; i++)
            {
                long plays = 20_000 + ((i + 3) * 7919 % 97) * 13_000;
                var row = new ReportRow((7100000000000000000 + i).ToString(CultureInfo.InvariantCulture))
                {
                    NickName = i == 3 ? "一个名字很长很长的美妆博主·日常护肤与彩妆分享" : "达人 " + (i + 1).ToString(CultureInfo.InvariantCulture),
                    Followers = 100_000 + i * 54_321,
                    Location = "广东 深圳",
                    Tags = i % 2 == 0 ? "美妆: 护肤, 彩妆" : "生活: 日常",
                    PlayMedian = plays,
                    InteractionRatePercent = 1 + i % 5 * 0.37,
                    CompletionRatePercent = 10 + i % 7 * 1.3,
                    ExpectedCpm1To20SecYuan = 12 + i * 3.5,
                    ExpectedCpe1To20SecYuan = 0.5 + i * 0.1,
                    FetchedAt = FetchedAt.AddMinutes(i),
                    Query = "V2 · ShortVideo · PersonalVideo · Last30Days",
                };
                if (i % 5 != 4)
                {
                    row.Price1To20Sec = 800 + i * 450;
                    row.ListPricePerThousandPlays1To20Sec = row.Price1To20Sec / plays * 1000;
                }
                if (i % 7 != 6)
                {
                    row.InteractionRatePeerStanding = 1000 + i * 611 % 9000;
                    row.CompletionRatePeerStanding = 500 + i * 377 % 9400;
                }
                if (i == 5) row.MissingParts = "Price";
                row.WithDouyin("MS4wLjABAAAA" + i.ToString(CultureInfo.InvariantCulture));
                rows.Add(row);
            }
            int n = 0;
            foreach (string name in HostileNames)
            {
                rows.Add(new ReportRow("69000000000000000" + (n++).ToString("00", CultureInfo.InvariantCulture))
                {
                    NickName = name,
                    Tags = name,
                    PlayMedian = 50_000,
                    Price1To20Sec = 2_000,
                    ListPricePerThousandPlays1To20Sec = 40,
                    ExpectedCpm1To20SecYuan = 35,
                }.WithDouyin("javascript:alert(1)"));
            }
            rows.Add(new ReportRow("javascript:window.__pwned='id'") { NickName = "hostile id" });
            rows.Add(new ReportRow("6900000000000000999"));
            return rows;
        }

        public static ReportOptions Options(string culture = "en-US", string? title = null) => new ReportOptions
        {
            Culture = new CultureInfo(culture),
            Title = title,
            GeneratedAt = new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero),
        };
    }
}
