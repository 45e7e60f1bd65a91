using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace JustOneApi.Xingtu
{
    /// <summary>
    /// One kind of order on a creator's price list (an item of price_info). Immutable; every value as sent.
    /// </summary>
    public sealed class KolPriceTier
    {
        internal KolPriceTier(string? description, long? videoType, decimal? price, bool? isOpen, bool? needPrice, long? taskCategory, long? settlementType, string? settlementDescription)
        {
            Description = description;
            VideoType = videoType;
            Price = price;
            IsOpen = isOpen;
            NeedPrice = needPrice;
            TaskCategory = taskCategory;
            SettlementType = settlementType;
            SettlementDescription = settlementDescription;
        }

        /// <summary>The label (desc), such as 1-20s视频 or 短直种草视频.</summary>
        public string? Description { get; }

        /// <summary>The kind of video (video_type): 1 = 1-20 s, 2 = 21-60 s, 71 = over 60 s; others exist.</summary>
        public long? VideoType { get; }

        /// <summary>The list price in yuan (price).</summary>
        public decimal? Price { get; }

        /// <summary>Open for orders (is_open).</summary>
        public bool? IsOpen { get; }

        /// <summary>Whether the price applies (need_price).</summary>
        public bool? NeedPrice { get; }

        /// <summary>The kind of order (task_category): 1 for the ordinary video order.</summary>
        public long? TaskCategory { get; }

        /// <summary>How it is settled (settlement_type), e.g. 2.</summary>
        public long? SettlementType { get; }

        /// <summary>How it is settled, as text (settlement_desc), e.g. 固定价格 (fixed price).</summary>
        public string? SettlementDescription { get; }

        /// <summary>The label, else the video type, as a name for the tier.</summary>
        public string Name => Description ?? ("video_type " + (VideoType?.ToString(CultureInfo.InvariantCulture) ?? "?"));

        /// <summary>"label: price", for a quick look.</summary>
        public override string ToString() => Price is decimal price ? Name + ": " + price.ToString(CultureInfo.InvariantCulture) : Name;
    }

    /// <summary>
    /// A creator's prices (gw/api/author/get_author_marketing_info/v1): what the KOL costs. Keeps every enabled tier,
    /// known or not; the three video lengths are matched by video_type first and by label second. Prices are in yuan.
    /// Immutable.
    /// </summary>
    public sealed class KolPrice
    {
        private static readonly (long VideoType, string Description)[] Lengths =
        {
            (1, "1-20s视频"),
            (2, "21-60s视频"),
            (71, "60s以上视频"),
        };

        internal KolPrice(string kolId, IReadOnlyList<KolPriceTier> tiers, IReadOnlyList<string>? industryTags, string? hotListRanks, string? requestId, DateTimeOffset fetchedAt, bool fromLocalCache)
        {
            KolId = kolId;
            Tiers = tiers;
            IndustryTags = industryTags == null || industryTags.Count == 0 ? null : string.Join(", ", industryTags);
            HotListRanks = hotListRanks;
            RequestId = requestId;
            FetchedAt = fetchedAt;
            FromLocalCache = fromLocalCache;

            var used = new bool[tiers.Count];
            Price1To20Sec = Match(tiers, used, 0);
            Price21To60Sec = Match(tiers, used, 1);
            PriceOver60Sec = Match(tiers, used, 2);
            List<string> others = tiers.Where((tier, i) => !used[i]).Select(tier => tier.ToString()).ToList();
            OtherPrices = others.Count == 0 ? null : string.Join("; ", others);
        }

        /// <summary>The Xingtu author id the request was for, as sent (normalised).</summary>
        public string KolId { get; }

        /// <summary>The list price of a 1-20 s video, in yuan (price_info item with video_type 1, or desc 1-20s视频).</summary>
        public decimal? Price1To20Sec { get; }

        /// <summary>The list price of a 21-60 s video, in yuan (video_type 2, or desc 21-60s视频).</summary>
        public decimal? Price21To60Sec { get; }

        /// <summary>The list price of a video over 60 s, in yuan (video_type 71, or desc 60s以上视频).</summary>
        public decimal? PriceOver60Sec { get; }

        /// <summary>Every other enabled tier as text, "label: yuan" joined with "; ", e.g. <c>短直种草视频: 12000</c>.</summary>
        public string? OtherPrices { get; }

        /// <summary>The industry tags (industry_tags), such as 美妆-面部洗护, joined with ", ".</summary>
        public string? IndustryTags { get; }

        /// <summary>The hot lists the creator ranks on (hot_list_ranks), as text joined with "; ".</summary>
        public string? HotListRanks { get; }

        /// <summary>Every enabled tier (enable not false), in the order sent.</summary>
        public IReadOnlyList<KolPriceTier> Tiers { get; }

        /// <summary>The envelope's requestId: quote it in a support ticket.</summary>
        public string? RequestId { get; }

        /// <summary>When the answer was received from the API (UTC); for an answer from the local store, when it was first received.</summary>
        public DateTimeOffset FetchedAt { get; }

        /// <summary>True when the answer came from the local answer store, so it cost nothing.</summary>
        public bool FromLocalCache { get; }

        /// <summary>The tiers as text, for a quick look.</summary>
        public override string ToString() => string.Join("; ", Tiers.Select(tier => tier.ToString()));

        /// <summary>
        /// The price of one video length: the tier with its video_type, an ordinary order (task_category 1 or none)
        /// first; else the tier with its label and no video_type. The tier taken is marked, so it is not also "other".
        /// </summary>
        private static decimal? Match(IReadOnlyList<KolPriceTier> tiers, bool[] used, int length)
        {
            (long videoType, string description) = Lengths[length];
            int found = Find(tiers, used, tier => tier.VideoType == videoType && (tier.TaskCategory == null || tier.TaskCategory == 1));
            if (found < 0)
            {
                found = Find(tiers, used, tier => tier.VideoType == videoType);
            }

            if (found < 0)
            {
                found = Find(tiers, used, tier => tier.VideoType == null && string.Equals(tier.Description?.Trim(), description, StringComparison.OrdinalIgnoreCase));
            }

            if (found < 0)
            {
                return null;
            }

            used[found] = true;
            return tiers[found].Price;
        }

        private static int Find(IReadOnlyList<KolPriceTier> tiers, bool[] used, Func<KolPriceTier, bool> match)
        {
            for (int i = 0; i < tiers.Count; i++)
            {
                if (!used[i] && match(tiers[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
