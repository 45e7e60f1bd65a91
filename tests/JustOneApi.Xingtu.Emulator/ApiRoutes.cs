using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>
/// A validated request: the key it is counted, scripted and billed under, and the values its data is drawn from.
/// Spread requests carry V1's wire codes (type _1/_2, range _2/_3) whichever endpoint they came by.
/// </summary>
internal readonly record struct ApiRequest(string Key, string Type, string Range, string Platform, int Page);

/// <summary>What one API path adds to the shared pipeline of <see cref="ApiEndpoint"/>: its key, its validation and its data.</summary>
internal abstract class ApiRoute
{
    protected const string Prefix = "/api/douyin-xingtu/";

    protected static readonly string[] Booleans = ["true", "false"];

    protected static readonly string[] Platforms = [DataGenerator.ShortVideo, "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"];

    protected ApiRoute(string path) => Path = path;

    public string Path { get; }

    /// <summary>Only V1 can be switched off by v1Gone.</summary>
    public virtual bool IsV1 => false;

    /// <summary>Whether the "sample" step serves the vendor's documented sample; the other routes have none and answer normally.</summary>
    public virtual bool HasSample => false;

    /// <summary>The id (or keyword) the request is counted, scripted and billed under; read before validation.</summary>
    public abstract string KeyOf(IQueryCollection query);

    public abstract bool TryParse(IQueryCollection query, string key, out ApiRequest request, [NotNullWhen(false)] out string? problem);

    /// <summary>The code a normal answer has instead of data for this request (201 for a creator with none), or null.</summary>
    public virtual int? NoDataCode(in ApiRequest request) => null;

    /// <summary>Whether the normal answer is the documented sample rather than generated data.</summary>
    public virtual bool AnswersSample(in ApiRequest request) => false;

    public abstract void WriteData(Utf8JsonWriter writer, in ApiRequest request, DataVariant variant);

    /// <summary>
    /// Checks an optional enum parameter: absent means the first allowed value. Leaves a message naming the parameter
    /// in <paramref name="problem"/> when the value is outside the enum, and does nothing once a problem is found.
    /// </summary>
    protected static int Choose(IQueryCollection query, string name, string[] allowed, ref string? problem)
    {
        if (problem is not null || !query.TryGetValue(name, out StringValues given))
        {
            return 0;
        }

        int index = Array.IndexOf(allowed, given.ToString());
        if (index < 0)
        {
            problem = name + " must be " + string.Join(", ", allowed, 0, allowed.Length - 1) + " or " + allowed[^1];
        }

        return index;
    }

    protected static string? Required(string value, string name) => value.Length == 0 ? name + " is required" : null;
}

/// <summary>Deprecated V1 spread: GET /api/douyin-xingtu/get-kol-spread-info/v1?kolId=&amp;type=_1|_2&amp;range=_2|_3.</summary>
internal sealed class SpreadV1Route : ApiRoute
{
    private static readonly string[] Types = ["_1", "_2"];
    private static readonly string[] Ranges = ["_2", "_3"];

    public SpreadV1Route()
        : base(Prefix + "get-kol-spread-info/v1")
    {
    }

    public override bool IsV1 => true;

    public override bool HasSample => true;

    public override string KeyOf(IQueryCollection query) => query["kolId"].ToString();

    public override bool TryParse(IQueryCollection query, string key, out ApiRequest request, [NotNullWhen(false)] out string? problem)
    {
        // flowType is a free string in V1, so it is not checked.
        problem = Required(key, "kolId");
        int type = Choose(query, "type", Types, ref problem);
        int range = Choose(query, "range", Ranges, ref problem);
        Choose(query, "onlyAssign", Booleans, ref problem);
        Choose(query, "acceptCache", Booleans, ref problem);
        request = problem is null ? new ApiRequest(key, Types[type], Ranges[range], DataGenerator.ShortVideo, 0) : default;
        return problem is null;
    }

    public override bool AnswersSample(in ApiRequest request) => request.Key == ApiEndpoint.SampleKolId;

    public override void WriteData(Utf8JsonWriter writer, in ApiRequest request, DataVariant variant) =>
        DataGenerator.WriteSuccess(writer, request.Key, request.Type, request.Range, request.Platform, variant);
}

/// <summary>
/// V2 spread: GET /api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1. Its options map onto V1's wire codes,
/// so a short-video request yields exactly V1's data; onlyAssign and flowType are checked but, as in V1, change nothing.
/// </summary>
internal sealed class SpreadV2Route : ApiRoute
{
    private static readonly string[] Types = ["PERSONAL_VIDEO", "XINTU_VIDEO"];
    private static readonly string[] TypeCodes = ["_1", "_2"];
    private static readonly string[] Ranges = ["DAY_30", "DAY_90"];
    private static readonly string[] RangeCodes = ["_2", "_3"];
    private static readonly string[] FlowTypes = ["EXCLUDE", "INCLUDE"];

    public SpreadV2Route()
        : base(Prefix + "gw/api/data_sp/get_author_spread_info/v1")
    {
    }

    public override bool HasSample => true;

    public override string KeyOf(IQueryCollection query) => query["oAuthorId"].ToString();

    public override bool TryParse(IQueryCollection query, string key, out ApiRequest request, [NotNullWhen(false)] out string? problem)
    {
        problem = Required(key, "oAuthorId");
        int platform = Choose(query, "platform", Platforms, ref problem);
        int range = Choose(query, "range", Ranges, ref problem);
        int type = Choose(query, "type", Types, ref problem);
        Choose(query, "onlyAssign", Booleans, ref problem);
        Choose(query, "flowType", FlowTypes, ref problem);
        request = problem is null ? new ApiRequest(key, TypeCodes[type], RangeCodes[range], Platforms[platform], 0) : default;
        return problem is null;
    }

    /// <summary>The sample is V1's, which only knows short video.</summary>
    public override bool AnswersSample(in ApiRequest request) =>
        request.Key == ApiEndpoint.SampleKolId && request.Platform == DataGenerator.ShortVideo;

    public override void WriteData(Utf8JsonWriter writer, in ApiRequest request, DataVariant variant) =>
        DataGenerator.WriteSuccess(writer, request.Key, request.Type, request.Range, request.Platform, variant);
}

/// <summary>A creator's path, asked by oAuthorId and platform: the profile and the prices.</summary>
internal abstract class AuthorRoute : ApiRoute
{
    protected AuthorRoute(string path)
        : base(path)
    {
    }

    public override string KeyOf(IQueryCollection query) => query["oAuthorId"].ToString();

    public override bool TryParse(IQueryCollection query, string key, out ApiRequest request, [NotNullWhen(false)] out string? problem)
    {
        problem = Required(key, "oAuthorId");
        int platform = Choose(query, "platform", Platforms, ref problem);
        request = problem is null ? new ApiRequest(key, string.Empty, string.Empty, Platforms[platform], 0) : default;
        return problem is null;
    }
}

/// <summary>Creator profile: GET /api/douyin-xingtu/gw/api/author/get_author_base_info/v1?oAuthorId=&amp;platform=.</summary>
internal sealed class ProfileRoute : AuthorRoute
{
    public ProfileRoute()
        : base(Prefix + "gw/api/author/get_author_base_info/v1")
    {
    }

    /// <summary>The profile is the creator's whatever the platform, so the platform is checked but not used.</summary>
    public override void WriteData(Utf8JsonWriter writer, in ApiRequest request, DataVariant variant) =>
        AuthorGenerator.WriteProfile(writer, request.Key, variant);
}

/// <summary>
/// Creator prices: GET /api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1?oAuthorId=&amp;platform=. A creator
/// without marketing data (an id ending in 0201) is answered code 201, billed.
/// </summary>
internal sealed class MarketingRoute : AuthorRoute
{
    public MarketingRoute()
        : base(Prefix + "gw/api/author/get_author_marketing_info/v1")
    {
    }

    public override int? NoDataCode(in ApiRequest request) => AuthorGenerator.HasNoMarketingData(request.Key) ? 201 : null;

    public override void WriteData(Utf8JsonWriter writer, in ApiRequest request, DataVariant variant) =>
        AuthorGenerator.WriteMarketing(writer, request.Key, variant);
}

/// <summary>Creator search: GET /api/douyin-xingtu/gw/api/gsearch/search_for_author_square/v1?keyword=&amp;page=; keyed by the keyword.</summary>
internal sealed class SearchRoute : ApiRoute
{
    public SearchRoute()
        : base(Prefix + "gw/api/gsearch/search_for_author_square/v1")
    {
    }

    public override string KeyOf(IQueryCollection query) => query["keyword"].ToString();

    public override bool TryParse(IQueryCollection query, string key, out ApiRequest request, [NotNullWhen(false)] out string? problem)
    {
        int page = 1;
        problem = query.TryGetValue("page", out StringValues given)
            && !(int.TryParse(given.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1)
            ? "page must be a whole number of at least 1"
            : null;
        request = problem is null ? new ApiRequest(key, string.Empty, string.Empty, string.Empty, page) : default;
        return problem is null;
    }

    public override void WriteData(Utf8JsonWriter writer, in ApiRequest request, DataVariant variant) =>
        AuthorGenerator.WriteSearch(writer, request.Key, request.Page, variant);
}
