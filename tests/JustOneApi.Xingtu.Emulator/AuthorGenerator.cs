using System;
using System.Globalization;
using System.Text.Json;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>
/// Writes the creator profile and creator search answers. A creator's figures depend on its id alone, so a search hit
/// and the profile of the same id agree on nick_name and follower.
/// </summary>
internal static class AuthorGenerator
{
    /// <summary>Search answers 4 creators a page on pages 1-2 and 2 on page 3: 10 for any keyword.</summary>
    public const int PageSize = 4;

    public const int SearchTotal = 10;

    private static readonly string[] NamePrefixes = ["小", "阿", "大", "老", "一只", "爱吃的", "会跑的", "不睡觉的"];

    private static readonly string[] NameStems = ["橙子", "阿杰", "美食家", "旅行日记", "猫咪", "程序员", "妈妈", "摄影师", "球球", "木木"];

    private static readonly string[] Cities = ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京"];

    private static readonly string[] Provinces = ["北京", "上海", "广东", "广东", "浙江", "四川", "重庆", "湖北", "陕西", "江苏"];

    private static readonly string[] Mcns = ["无忧传媒", "papitube", "洋葱集团", "美腕"];

    /// <summary>Names as creators really choose them: emoji (one outside the BMP), markup, ampersands, quotes, U+2028.</summary>
    private static readonly string[] HardNames = ["🍊", "<b>甜甜</b>", "Tom & Jerry ", "\"引号\"'单引号' ", "第一行\u2028第二行", "👩‍🍳&lt;厨房&gt;"];

    /// <summary>
    /// Writes a code-0 profile envelope for the creator id, in the shape public tools read (shared/api/
    /// xingtu-profile-and-price.md): id, nick_name, follower, province, city, gender, short_id, unique_id, sec_uid,
    /// mcn_name, tags_relation, content_theme_labels, avatar_uri, grade, base_resp.
    /// </summary>
    public static void WriteProfile(Utf8JsonWriter writer, string id, DataVariant variant)
    {
        var author = new AuthorFigures(id);
        bool flip = variant == DataVariant.Numbers;
        bool nulls = variant == DataVariant.Nulls;

        DataGenerator.BeginSuccess(writer);

        // Xingtu sends a numeric id as a bare JSON number of up to 19 digits, beyond what a double holds exactly.
        if (TryNumericId(id, out long number) && !flip)
        {
            writer.WriteNumber("id"u8, number);
        }
        else
        {
            writer.WriteString("id"u8, id);
        }

        WriteNickName(writer, author, nulls);
        writer.WriteString("avatar_uri"u8, author.AvatarUri);
        WriteFollower(writer, author, flip, nulls);
        WriteNumber(writer, "gender"u8, author.Gender, flip);
        writer.WriteString("province"u8, nulls ? string.Empty : author.Province);
        writer.WriteString("city"u8, nulls ? string.Empty : author.City);
        writer.WriteString("short_id"u8, author.ShortId);
        writer.WriteString("unique_id"u8, author.UniqueId);
        writer.WriteString("sec_uid"u8, author.SecUid);
        writer.WriteString("mcn_name"u8, nulls ? string.Empty : author.McnName);
        WriteNumber(writer, "grade"u8, author.Grade, flip);
        writer.WriteStartObject("tags_relation"u8);
        if (!nulls)
        {
            writer.WriteStartArray(author.Tag);
            writer.WriteStringValue(author.Tag + "日常");
            writer.WriteStringValue(author.Tag + "测评");
            writer.WriteEndArray();
            writer.WriteStartArray(author.SecondTag);
            writer.WriteStringValue(author.SecondTag + "分享");
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("content_theme_labels"u8);
        if (!nulls)
        {
            writer.WriteStringValue(author.Tag + "种草");
            writer.WriteStringValue("生活记录");
        }

        writer.WriteEndArray();
        DataGenerator.WriteBaseResp(writer, variant);
        DataGenerator.EndSuccess(writer, variant, author.RecordSecond);
    }

    /// <summary>True for a creator without marketing data, which the price path answers 201 (billed): an id ending in 0201.</summary>
    public static bool HasNoMarketingData(string id) => id.EndsWith("0201", StringComparison.Ordinal);

    /// <summary>
    /// Writes a code-0 marketing envelope: price_info as an array of tiers (prices in yuan, as JSON numbers), the
    /// industry tags and the hot list ranks. Per creator, drawn from its id: the 21-60 s tier may be disabled
    /// (enable false), the over-60 s tier may be missing, a 短直种草 tier (video_type 150) may be offered, and a
    /// 1-20 s tier of another order kind (task_category 2) may come before the ordinary one.
    /// </summary>
    public static void WriteMarketing(Utf8JsonWriter writer, string id, DataVariant variant)
    {
        var author = new AuthorFigures(id);
        bool flip = variant == DataVariant.Numbers;
        bool nulls = variant == DataVariant.Nulls;

        DataGenerator.BeginSuccess(writer);
        writer.WriteStartArray("price_info"u8);
        if (!nulls)
        {
            if (author.OtherOrderKind)
            {
                WriteTier(writer, "1-20s视频", 1, author.Price * 2, true, 2, flip);
            }

            WriteTier(writer, "1-20s视频", 1, author.Price, true, 1, flip);
            WriteTier(writer, "21-60s视频", 2, author.Price * 2, !author.MidTierDisabled, 1, flip);
            if (!author.LongTierMissing)
            {
                WriteTier(writer, "60s以上视频", 71, author.Price * 3, true, 1, flip);
            }

            if (author.OffersSeeding)
            {
                WriteTier(writer, "短直种草视频", 150, author.Price * 3 / 2, true, 1, flip);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("industry_tags"u8);
        if (!nulls)
        {
            writer.WriteStringValue(author.Tag + "-" + author.Tag + "日常");
            writer.WriteStringValue(author.SecondTag + "-综合");
        }

        writer.WriteEndArray();
        writer.WriteStartArray("hot_list_ranks"u8);
        if (!nulls && author.Grade >= 4)
        {
            writer.WriteStartObject();
            writer.WriteString("hot_list_name"u8, "星图达人热榜");
            writer.WriteString("industry_name"u8, author.Tag);
            WriteNumber(writer, "rank_level"u8, author.Grade - 3, flip);
            writer.WriteString("period"u8, "2026-11");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        DataGenerator.WriteBaseResp(writer, variant);
        DataGenerator.EndSuccess(writer, variant, author.RecordSecond);
    }

    private static void WriteTier(Utf8JsonWriter writer, string desc, int videoType, long price, bool enable, int taskCategory, bool flip)
    {
        writer.WriteStartObject();
        writer.WriteString("desc"u8, desc);
        WriteNumber(writer, "video_type"u8, videoType, flip);
        WriteNumber(writer, "price"u8, price, flip);
        writer.WriteBoolean("enable"u8, enable);
        writer.WriteBoolean("is_open"u8, enable);
        writer.WriteBoolean("need_price"u8, true);
        WriteNumber(writer, "task_category"u8, taskCategory, flip);
        WriteNumber(writer, "settlement_type"u8, 2, flip);
        writer.WriteString("settlement_desc"u8, "固定价格");
        writer.WriteEndObject();
    }

    /// <summary>Writes a code-0 search envelope: the page's creators, then the pagination; pages past the end are empty.</summary>
    public static void WriteSearch(Utf8JsonWriter writer, string keyword, int page, DataVariant variant)
    {
        bool flip = variant == DataVariant.Numbers;
        bool nulls = variant == DataVariant.Nulls;
        long first = (page - 1L) * PageSize;
        int count = first >= SearchTotal ? 0 : (int)Math.Min(PageSize, SearchTotal - first);
        var random = new Random(DataGenerator.Seed("search", keyword, page.ToString(CultureInfo.InvariantCulture)));

        DataGenerator.BeginSuccess(writer);
        writer.WriteStartArray("authors"u8);
        Span<byte> digits = stackalloc byte[20];
        for (int i = 0; i < count; i++)
        {
            // 19 digits, like every Xingtu author id.
            long starId = 6_800_000_000_000_000_000L + random.NextInt64(0, 2_000_000_000_000_000_000L);
            starId.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
            var author = new AuthorFigures(System.Text.Encoding.ASCII.GetString(digits[..written]));

            writer.WriteStartObject();
            if (flip)
            {
                writer.WriteNumber("star_id"u8, starId);
            }
            else
            {
                writer.WriteString("star_id"u8, digits[..written]);
            }

            WriteNickName(writer, author, nulls);
            WriteFollower(writer, author, flip, nulls);
            writer.WriteString("avatar_uri"u8, author.AvatarUri);
            writer.WriteString("city"u8, nulls ? string.Empty : author.City);
            writer.WriteStartArray("tags"u8);
            if (!nulls)
            {
                writer.WriteStringValue(author.Tag);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("pagination"u8);
        writer.WriteNumber("page"u8, page);
        writer.WriteNumber("limit"u8, PageSize);
        writer.WriteBoolean("has_more"u8, first + PageSize < SearchTotal);
        writer.WriteNumber("total_count"u8, SearchTotal);
        writer.WriteEndObject();
        DataGenerator.WriteBaseResp(writer, variant);
        DataGenerator.EndSuccess(writer, variant, random.Next(0, 86_400));
    }

    /// <summary>Digits only, no leading zero, and within a long: the ids Xingtu would send as JSON numbers.</summary>
    private static bool TryNumericId(string id, out long number)
    {
        number = 0;
        return id.Length > 0 && (id[0] != '0' || id.Length == 1)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static void WriteNickName(Utf8JsonWriter writer, in AuthorFigures author, bool nulls)
    {
        if (nulls)
        {
            writer.WriteNull("nick_name"u8);
        }
        else
        {
            writer.WriteString("nick_name"u8, author.NickName);
        }
    }

    private static void WriteFollower(Utf8JsonWriter writer, in AuthorFigures author, bool flip, bool nulls)
    {
        if (nulls)
        {
            writer.WriteNull("follower"u8);
        }
        else
        {
            WriteNumber(writer, "follower"u8, author.Follower, flip);
        }
    }

    /// <summary>Profile and search send counts as JSON numbers; the "numbers" fault flips them to strings.</summary>
    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long value, bool asString) =>
        DataGenerator.WriteCount(writer, name, value, !asString);

    /// <summary>
    /// A creator's figures, drawn in a fixed order from a generator seeded by the id alone; what was added later is
    /// drawn after what came before, so the older figures of an id stay the same.
    /// </summary>
    private readonly struct AuthorFigures
    {
        public AuthorFigures(string id)
        {
            var random = new Random(DataGenerator.Seed("author", id, string.Empty));
            NickName = NamePrefixes[random.Next(NamePrefixes.Length)] + NameStems[random.Next(NameStems.Length)];
            Follower = (long)Math.Round(Math.Pow(10, 3 + (5 * random.NextDouble())));
            Gender = random.Next(0, 3);
            City = Cities[random.Next(Cities.Length)];
            int tag = random.Next(DataGenerator.Labels.Length);
            Tag = DataGenerator.Labels[tag];
            SecondTag = DataGenerator.Labels[(tag + 1 + random.Next(DataGenerator.Labels.Length - 1)) % DataGenerator.Labels.Length];
            AvatarUri = "tos-cn-i-0813/" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            // As on Xingtu, the list price over the median plays, times 1,000, lies near the expected CPM (one draw, so
            // the figures drawn after it stay the same); ¥1,000 is the floor of a list price.
            (long plays, long cpm) = DataGenerator.Creator(id);
            double nearCpm = 0.75 + (0.5 * random.NextDouble());
            Price = Math.Max(1_000, (long)Math.Round(plays / 1000.0 * (cpm / 100.0) * nearCpm / 100.0) * 100);
            RecordSecond = random.Next(0, 86_400);

            // One creator in four has a name that tests the client: emoji, markup characters, quotes, a line separator.
            if (random.Next(4) == 0)
            {
                NickName = HardNames[random.Next(HardNames.Length)] + NickName;
            }

            Province = Provinces[Array.IndexOf(Cities, City)];
            ShortId = random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            UniqueId = "xt_" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
            SecUid = "MS4wLjABAAAA" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + "-_";
            McnName = random.Next(3) == 0 ? string.Empty : Mcns[random.Next(Mcns.Length)];
            Grade = random.Next(1, 7);
            MidTierDisabled = random.Next(6) == 0;
            LongTierMissing = random.Next(5) == 0;
            OffersSeeding = random.Next(3) == 0;
            OtherOrderKind = random.Next(5) == 0;
        }

        public string NickName { get; }

        public long Follower { get; }

        public int Gender { get; }

        public string City { get; }

        public string Province { get; }

        public string Tag { get; }

        public string SecondTag { get; }

        public string AvatarUri { get; }

        public long Price { get; }

        public int RecordSecond { get; }

        public string ShortId { get; }

        public string UniqueId { get; }

        public string SecUid { get; }

        /// <summary>Empty for an independent creator, as Xingtu sends it.</summary>
        public string McnName { get; }

        public int Grade { get; }

        public bool MidTierDisabled { get; }

        public bool LongTierMissing { get; }

        public bool OffersSeeding { get; }

        public bool OtherOrderKind { get; }
    }
}
