using System;
using System.Collections.Generic;
using System.Linq;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>One query parameter an endpoint declares.</summary>
    internal sealed class EndpointParameter
    {
        public EndpointParameter(string name, bool required)
        {
            Name = name;
            Required = required;
        }

        /// <summary>The name as the API spells it.</summary>
        public string Name { get; }

        /// <summary>True when the vendor marks it required.</summary>
        public bool Required { get; }

        public override string ToString() => Required ? Name + "*" : Name;
    }

    /// <summary>One endpoint of the vendor's list: its path below the base address, what it is, and its parameters.</summary>
    internal sealed class XingtuEndpoint
    {
        public XingtuEndpoint(string path, string summary, IReadOnlyList<EndpointParameter> parameters)
        {
            Path = path;
            Summary = summary;
            Parameters = parameters;
            IdParameter = parameters.FirstOrDefault(p => XingtuEndpoints.IdParameterNames.Contains(p.Name, StringComparer.Ordinal))?.Name;
        }

        /// <summary>The path below the base address, without a leading slash: api/douyin-xingtu/gw/api/...</summary>
        public string Path { get; }

        /// <summary>The vendor's summary, such as Creator Profile.</summary>
        public string Summary { get; }

        /// <summary>The declared query parameters, in the vendor's order; the token is not one of them.</summary>
        public IReadOnlyList<EndpointParameter> Parameters { get; }

        /// <summary>The parameter that carries the KOL id (oAuthorId, kolId or starAuthorId), or null.</summary>
        public string? IdParameter { get; }

        /// <summary>The declared parameter named <paramref name="key"/>, in any case, or null.</summary>
        public EndpointParameter? Find(string key) =>
            Parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

        /// <summary>The accepted keys for messages: oAuthorId (required), platform, ...</summary>
        public string Accepted() => string.Join(", ", Parameters.Select(p => p.Required ? Texts.Format(Texts.RequiredParameter, p.Name) : p.Name));
    }

    /// <summary>
    /// The current Douyin Xingtu endpoints of Just One API and their declared query parameters: the one table
    /// Invoke-JustOneApi checks a query against and the about topic lists (a test keeps the two the same). Taken from
    /// the vendor's OpenAPI file; a path not in it is sent as given.
    /// </summary>
    internal static class XingtuEndpoints
    {
        /// <summary>The path every endpoint below starts with.</summary>
        public const string Prefix = "api/douyin-xingtu/";

        /// <summary>The parameter names that carry a KOL (author) id, on these endpoints and the deprecated V1 ones.</summary>
        public static readonly string[] IdParameterNames = { "oAuthorId", "kolId", "starAuthorId" };

        /// <summary>
        /// What people call the id column, which maps onto an endpoint's id parameter: Get-XingtuKolSpread's KolId and
        /// its aliases (a test keeps them the same), and the id parameter names themselves.
        /// </summary>
        public static readonly string[] IdAliases =
        {
            "KolId", "kol_id", "Id", "AuthorId", "author_id", "oAuthorId", "StarId", "star_id", "XingtuId", "达人ID", "星图ID", "starAuthorId",
        };

        /// <summary>Every endpoint, in the vendor's order.</summary>
        public static readonly IReadOnlyList<XingtuEndpoint> All = new[]
        {
            E("gw/api/aggregator/get_author_commerce_seed_base_info/v1", "Commerce Seeding Base Info", "oAuthorId* range"),
            E("gw/api/aggregator/get_author_commerce_spread_info/v1", "Creator Commerce Spread Info", "oAuthorId*"),
            E("gw/api/aggregator/get_author_contract_base_info", "Creator Contract Base Info", "oAuthorId* range"),
            E("gw/api/aggregator/get_author_homepage_videos/v1", "Creator Homepage Videos", "oAuthorId* page keyword videoType onlyAssign startDate endDate"),
            E("gw/api/aggregator/get_author_live_statistics/v1", "Live Statistics", "oAuthorId* liveType period onlyStarOrder flowType"),
            E("gw/api/aggregator/get_author_live_watch_distribution/v1", "Live Watch Distribution", "oAuthorId* liveCrowdType liveType"),
            E("gw/api/aggregator/get_author_order_experience/v1", "Creator Order Experience", "oAuthorId* period"),
            E("gw/api/aggregator/get_author_side_base_info/v1", "Creator Side Base Info", "oAuthorId*"),
            E("gw/api/aggregator/get_author_tags/v1", "Creator Tags", "starAuthorId*"),
            E("gw/api/author/get_author_base_info/v1", "Creator Profile", "oAuthorId* platform"),
            E("gw/api/author/get_author_marketing_info/v1", "Marketing Metrics", "oAuthorId* platform"),
            E("gw/api/author/get_author_platform_channel_info_v2/v1", "Creator Channel Metrics", "oAuthorId* platform"),
            E("gw/api/author/get_author_show_items_v2/v1", "Showcase Items", "oAuthorId* platform onlyAssign flowType"),
            E("gw/api/data/get_author_hot_comment_tokens/v1", "Comment Keyword Analysis", "oAuthorId*"),
            E("gw/api/data_sp/author_audience_distribution/v1", "Audience Distribution", "oAuthorId* platform linkType"),
            E("gw/api/data_sp/author_cp_info/v1", "Cost Performance Analysis", "oAuthorId* platform"),
            E("gw/api/data_sp/author_link_struct/v1", "Creator Link Structure", "oAuthorId* platform"),
            E("gw/api/data_sp/author_rec_videos_v2/v1", "Recommended Videos", "oAuthorId* platform"),
            E("gw/api/data_sp/author_touch_distribution/v1", "Audience Touchpoint Distribution", "oAuthorId* platform"),
            E("gw/api/data_sp/author_video_distribution/v1", "Video Distribution", "oAuthorId* platform"),
            E("gw/api/data_sp/check_author_display/v1", "Creator Visibility Status", "oAuthorId* platform"),
            E("gw/api/data_sp/get_author_convert_ability/v1", "Conversion Analysis", "oAuthorId* platform range"),
            E("gw/api/data_sp/get_author_convert_videos_or_products/v1", "Conversion Resources", "oAuthorId* platform industryId range detailType page"),
            E("gw/api/data_sp/get_author_daily_fans/v1", "Follower Growth Trend", "oAuthorId* startDate* endDate*"),
            E("gw/api/data_sp/get_author_fans_distribution/v1", "Follower Distribution", "oAuthorId* authorType"),
            E("gw/api/data_sp/get_author_link_info/v1", "Creator Link Metrics", "oAuthorId* platform industryTag"),
            E("gw/api/data_sp/get_author_spread_info/v1", "Spread Metrics", "oAuthorId* platform range type onlyAssign flowType"),
            E("gw/api/data_sp/item_report_detail/v1", "Video Details", "itemId*"),
            E("gw/api/data_sp/item_report_th_analysis/v1", "Item Report Analysis", "itemId*"),
            E("gw/api/data_sp/item_report_trend/v1", "Item Report Trends", "itemId*"),
            E("gw/api/gauthor/author_get_business_card_info/v1", "Creator Business Card", "oAuthorId*"),
            E("gw/api/gauthor/get_author_content_hot_keywords/v1", "Content Keyword Analysis", "oAuthorId*"),
            E("gw/api/gsearch/search_for_author_square/v1", "Creator Search", "keyword page sort searchType marketingTarget industry isSuperstar followerRange kolPriceType kolPriceRange contentTag contentTheme personaTag gender location tonalityTag connectedUserRange audienceImage fansImage expectedPlayRange expectedCpmRange expectedCpeRange interactionRateRange completionRateRange viralRateRange progressTaskRange isCuratedAuthor authorList"),
        };

        /// <summary>The endpoint at <paramref name="path"/> (with or without the leading slash), or null when it is not in the list.</summary>
        public static XingtuEndpoint? Find(string path)
        {
            string key = path.Trim().TrimStart('/');
            return All.FirstOrDefault(e => string.Equals(e.Path, key, StringComparison.Ordinal));
        }

        /// <summary>An endpoint from its path after the prefix and its parameters, separated by spaces, a required one marked *.</summary>
        private static XingtuEndpoint E(string path, string summary, string parameters) =>
            new XingtuEndpoint(
                Prefix + path,
                summary,
                parameters.Split(' ').Select(p => new EndpointParameter(p.TrimEnd('*'), p.EndsWith("*", StringComparison.Ordinal))).ToArray());
    }
}
