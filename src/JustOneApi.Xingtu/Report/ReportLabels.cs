using System;
using System.Collections.Generic;
using System.Globalization;

namespace JustOneApi.Xingtu.Report
{
    /// <summary>
    /// Every word the report shows, in English and Chinese, from this one table. The page reads the chosen language's
    /// labels from its data, so a label missing here is a test failure, not an English word on a Chinese page.
    /// </summary>
    internal static class ReportLabels
    {
        private static readonly (string Key, string En, string Zh)[] Table =
        {
            ("title", "Xingtu KOL report", "星图达人报告"),
            ("generated", "Made", "生成时间"),
            ("kols", "KOLs", "达人数"),
            ("query", "Endpoint and options", "接口与选项"),
            ("fetched", "Fetched", "获取时间"),
            ("fromStore", "from the local store", "来自本地存储"),
            ("tileMedianCpm", "Median expected CPM, 1-20 s (¥ per 1,000 plays)", "预期CPM中位数，1-20秒（元/千次播放）"),
            ("tileMedianPpm", "Median list price per 1,000 plays, 1-20 s (¥)", "千次播放报价中位数，1-20秒（元）"),
            ("tileMedianInteraction", "Median interaction rate (%)", "互动率中位数（%）"),
            ("tileTotalPrice", "Total list price, 1-20 s (¥)", "报价合计，1-20秒（元）"),
            ("tileRowsWithPrice", "rows with a price", "行有报价"),
            ("tileMissing", "Rows with missing parts", "有缺失部分的行"),
            ("filter", "Filter by name, id or tag", "按昵称、ID或标签筛选"),
            ("shown", "shown", "显示"),
            ("of", "of", "/"),
            ("sortHint", "Click a header to sort", "点击表头排序"),
            ("chartPrice", "List price (1-20 s) against median plays, log axes", "报价（1-20秒）与播放中位数，对数坐标"),
            ("chartPriceX", "Median plays", "播放中位数"),
            ("chartPriceY", "List price 1-20 s (¥)", "1-20秒报价（元）"),
            ("chartCpmLine", "¥{0} per 1,000 plays", "每千次播放{0}元"),
            ("chartRank", "Price per 1,000 plays, cheapest first", "千次播放成本排名，低者在前"),
            ("chartRankPpm", "List price per 1,000 plays (¥)", "报价/千次播放（元）"),
            ("chartRankCpm", "Expected CPM where there is no price (¥)", "无报价时为预期CPM（元）"),
            ("chartPeer", "Peer standing: interaction against completion", "同类排名：互动与完播"),
            ("chartPeerX", "Interaction peer standing (overtake)", "互动率同类排名（overtake）"),
            ("chartPeerY", "Completion peer standing (overtake)", "完播率同类排名（overtake）"),
            ("chartMarks", "KOLs drawn: {0} of {1}", "已绘制达人：{0} / {1}"),
            ("chartNoData", "No row has the data this chart needs.", "没有行具备此图所需数据。"),
            ("chartHint", "Hover or tap a mark for the name; click it to go to the row.", "悬停或轻触标记显示名称；点击跳转到表格行。"),
            ("links", "Links", "链接"),
            ("linkXingtu", "Xingtu", "星图"),
            ("linkDouyin", "Douyin", "抖音"),
            ("colNickName", "Name", "昵称"),
            ("colKolId", "KOL id", "达人ID"),
            ("colFollowers", "Followers", "粉丝数"),
            ("colLocation", "Location", "地区"),
            ("colMcnName", "MCN", "MCN机构"),
            ("colTags", "Tags", "标签"),
            ("colPrice1To20Sec", "Price 1-20 s (¥)", "1-20秒报价（元）"),
            ("colPrice21To60Sec", "Price 21-60 s (¥)", "21-60秒报价（元）"),
            ("colPriceOver60Sec", "Price >60 s (¥)", "60秒以上报价（元）"),
            ("colPlayMedian", "Median plays", "播放中位数"),
            ("colInteractionRatePercent", "Interaction (%)", "互动率（%）"),
            ("colInteractionRatePeerStanding", "Interaction peer standing (overtake)", "互动率同类排名（overtake）"),
            ("colCompletionRatePercent", "Completion (%)", "完播率（%）"),
            ("colCompletionRatePeerStanding", "Completion peer standing (overtake)", "完播率同类排名（overtake）"),
            ("colListPricePerThousandPlays1To20Sec", "Price per 1,000 plays 1-20 s (¥)", "千次播放报价 1-20秒（元）"),
            ("colExpectedCpm1To20SecYuan", "Expected CPM 1-20 s (¥)", "预期CPM 1-20秒（元）"),
            ("colExpectedCpe1To20SecYuan", "Expected CPE 1-20 s (¥)", "预期CPE 1-20秒（元）"),
            ("colFetchedAt", "Fetched (UTC)", "获取时间（UTC）"),
            ("colMissingParts", "Missing parts", "缺失部分"),
        };

        private static readonly Dictionary<string, string> English = Build(false);
        private static readonly Dictionary<string, string> Chinese = Build(true);

        /// <summary>Every key of the table.</summary>
        public static IEnumerable<string> Keys
        {
            get { foreach (var row in Table) yield return row.Key; }
        }

        /// <summary>Chinese for any zh-* culture (and zh itself), English for every other.</summary>
        public static bool IsChinese(CultureInfo culture) =>
            culture != null && (culture.Name.Equals("zh", StringComparison.OrdinalIgnoreCase) || culture.Name.StartsWith("zh-", StringComparison.OrdinalIgnoreCase));

        public static IReadOnlyDictionary<string, string> For(CultureInfo culture) => IsChinese(culture) ? Chinese : English;

        private static Dictionary<string, string> Build(bool chinese)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, en, zh) in Table) labels.Add(key, chinese ? zh : en);
            return labels;
        }
    }
}
