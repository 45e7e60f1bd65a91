using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu
{
    /// <summary>The answers Get-XingtuKol joins for each KOL; each is one billed request.</summary>
    public enum XingtuKolPart
    {
        /// <summary>The creator profile (gw/api/author/get_author_base_info/v1): name, followers, location, MCN, tags.</summary>
        Profile,

        /// <summary>The prices (gw/api/author/get_author_marketing_info/v1): the list price per video length.</summary>
        Price,

        /// <summary>The spread metrics (V1 or V2, as Get-XingtuKolSpread): plays, rates, expected CPM and CPE.</summary>
        Spread,
    }

    /// <summary>
    /// One KOL to book: the profile, the prices and the spread joined in one row, in the units people read (yuan,
    /// percent). The flat properties are what Export-Csv writes; the typed parts (Profile, Price, Spread) are there
    /// for scripts and kept out of Export-Csv. A part that failed or was not asked for leaves its columns null, never
    /// 0; MissingParts names the parts that failed. Immutable.
    /// </summary>
    public sealed class XingtuKol : IInputKolId
    {
        private XingtuKol(string kolId, KolProfile? profile, KolPrice? price, KolSpread? spread, string? missingParts, DateTimeOffset? fetchedAt, bool fromLocalCache)
        {
            KolId = kolId;
            Profile = profile;
            Price = price;
            Spread = spread;
            MissingParts = missingParts;
            FetchedAt = fetchedAt;
            FromLocalCache = fromLocalCache;
        }

        /// <summary>The Xingtu KOL (author) id, as sent (normalised).</summary>
        public string KolId { get; }

        /// <summary>The KOL id as the input gave it, before normalisation: the key to join a row back to the input row.</summary>
        public string? InputKolId { get; private set; }

        /// <summary>Set once, by the pipeline side, as each row is written.</summary>
        string? IInputKolId.InputKolId
        {
            set => InputKolId = value;
        }

        /// <summary>The display name (profile nick_name), exactly as sent.</summary>
        public string? NickName => Profile?.NickName;

        /// <summary>Followers (profile follower). Count.</summary>
        public long? Followers => Profile?.Followers;

        /// <summary>Province (profile province).</summary>
        public string? Province => Profile?.Province;

        /// <summary>City (profile city).</summary>
        public string? City => Profile?.City;

        /// <summary>Gender (profile gender), the number as sent: its meaning is disputed, so it is not mapped.</summary>
        public long? Gender => Profile?.Gender;

        /// <summary>The MCN agency (profile mcn_name); null when independent.</summary>
        public string? McnName => Profile?.McnName;

        /// <summary>Content categories (profile tags_relation) as text: <c>美妆: 护肤, 彩妆; 生活: 日常</c>.</summary>
        public string? Tags => Profile?.Tags;

        /// <summary>Content themes (profile content_theme_labels), joined with ", ".</summary>
        public string? ContentThemes => Profile?.ContentThemes;

        /// <summary>Industry tags (prices industry_tags), such as 美妆-面部洗护, joined with ", ".</summary>
        public string? IndustryTags => Price?.IndustryTags;

        /// <summary>The creator's Douyin page, built from the profile's sec_uid.</summary>
        public string? DouyinUrl => Profile?.DouyinUrl;

        /// <summary>The creator's Xingtu page.</summary>
        public string XingtuUrl => "https://www.xingtu.cn/ad/creator/author/douyin/" + Uri.EscapeDataString(KolId);

        /// <summary>The list price of a 1-20 s video, in yuan.</summary>
        public decimal? Price1To20Sec => Price?.Price1To20Sec;

        /// <summary>The list price of a 21-60 s video, in yuan.</summary>
        public decimal? Price21To60Sec => Price?.Price21To60Sec;

        /// <summary>The list price of a video over 60 s, in yuan.</summary>
        public decimal? PriceOver60Sec => Price?.PriceOver60Sec;

        /// <summary>Every other enabled price tier as text, "label: yuan" joined with "; ".</summary>
        public string? OtherPrices => Price?.OtherPrices;

        /// <summary>Median plays per video in the range (spread play_mid). Count.</summary>
        public long? PlayMedian => Spread?.PlayMedian;

        /// <summary>Interaction rate in percent (spread interact_rate.value / 100: 244 is 2.44 %).</summary>
        public double? InteractionRatePercent => Spread?.InteractionRatePercent;

        /// <summary>Completion rate in percent (spread play_over_rate.value / 100: 1113 is 11.13 %).</summary>
        public double? CompletionRatePercent => Spread?.CompletionRatePercent;

        /// <summary>Expected CPM of a 1-20 s video in yuan (spread expect_cpm.cpm_1_20, fen / 100: "5657" is 56.57).</summary>
        public decimal? ExpectedCpm1To20SecYuan => Units.FenToYuan(Spread?.ExpectedCpm1To20Sec);

        /// <summary>Expected CPM of a 21-60 s video in yuan (expect_cpm.cpm_21_60 / 100).</summary>
        public decimal? ExpectedCpm21To60SecYuan => Units.FenToYuan(Spread?.ExpectedCpm21To60Sec);

        /// <summary>Expected CPM of a video over 60 s in yuan (expect_cpm.cpm_60 / 100).</summary>
        public decimal? ExpectedCpmOver60SecYuan => Units.FenToYuan(Spread?.ExpectedCpmOver60Sec);

        /// <summary>Expected cost per engagement of a 1-20 s video in yuan (expect_cpe.cpe_1_20 / 100; fen by analogy).</summary>
        public decimal? ExpectedCpe1To20SecYuan => Units.FenToYuan(Spread?.ExpectedCpe1To20Sec);

        /// <summary>Expected cost per engagement of a 21-60 s video in yuan (expect_cpe.cpe_21_60 / 100).</summary>
        public decimal? ExpectedCpe21To60SecYuan => Units.FenToYuan(Spread?.ExpectedCpe21To60Sec);

        /// <summary>Expected cost per engagement of a video over 60 s in yuan (expect_cpe.cpe_60 / 100).</summary>
        public decimal? ExpectedCpeOver60SecYuan => Units.FenToYuan(Spread?.ExpectedCpeOver60Sec);

        /// <summary>The buyer's CPM at list price: Price1To20Sec / PlayMedian × 1000, in yuan per thousand plays.</summary>
        public decimal? ListPricePerThousandPlays1To20Sec => Units.PerThousandPlays(Price1To20Sec, PlayMedian);

        /// <summary>Price21To60Sec / PlayMedian × 1000, in yuan per thousand plays.</summary>
        public decimal? ListPricePerThousandPlays21To60Sec => Units.PerThousandPlays(Price21To60Sec, PlayMedian);

        /// <summary>PriceOver60Sec / PlayMedian × 1000, in yuan per thousand plays.</summary>
        public decimal? ListPricePerThousandPlaysOver60Sec => Units.PerThousandPlays(PriceOver60Sec, PlayMedian);

        /// <summary>The spread endpoint that answered (V1 or V2); null without a spread.</summary>
        public SpreadEndpoint? Endpoint => Spread?.Endpoint;

        /// <summary>Where the spread was measured; null without a spread.</summary>
        public SpreadPlatform? Platform => Spread?.Platform;

        /// <summary>When the oldest of the row's answers was received from the API (UTC); null when no part came.</summary>
        public DateTimeOffset? FetchedAt { get; }

        /// <summary>True only when every part asked for came from the local answer store, so the row cost nothing.</summary>
        public bool FromLocalCache { get; }

        /// <summary>The parts asked for that failed, such as "Price" or "Profile, Price"; null when none did.</summary>
        public string? MissingParts { get; }

        /// <summary>The creator profile, or null when it was not asked for or failed. Kept out of Export-Csv.</summary>
        [Hidden]
        public KolProfile? Profile { get; }

        /// <summary>The prices with every enabled tier, or null when not asked for or failed. Kept out of Export-Csv.</summary>
        [Hidden]
        public KolPrice? Price { get; }

        /// <summary>The spread metrics, or null when not asked for or failed. Kept out of Export-Csv.</summary>
        [Hidden]
        public KolSpread? Spread { get; }

        /// <summary>
        /// Joins the parts of one KOL. <paramref name="missing"/> names the parts asked for that failed;
        /// <paramref name="fromLocalCache"/> says whether every part asked for came from the local store.
        /// </summary>
        internal static XingtuKol Join(string kolId, KolProfile? profile, KolPrice? price, KolSpread? spread, IEnumerable<XingtuKolPart> missing, bool fromLocalCache)
        {
            DateTimeOffset?[] times = { profile?.FetchedAt, price?.FetchedAt, spread?.FetchedAt };
            DateTimeOffset? oldest = times.Where(time => time.HasValue).Select(time => time!.Value).DefaultIfEmpty().Min();
            bool anyPart = times.Any(time => time.HasValue);
            List<XingtuKolPart> failed = missing.Distinct().OrderBy(part => part).ToList();
            return new XingtuKol(
                kolId,
                profile,
                price,
                spread,
                failed.Count == 0 ? null : string.Join(", ", failed),
                anyPart ? oldest : null,
                fromLocalCache);
        }
    }
}
