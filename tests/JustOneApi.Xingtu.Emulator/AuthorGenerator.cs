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

    /// <summary>Writes a code-0 profile envelope for the creator id.</summary>
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
        writer.WriteNumber("gender"u8, author.Gender);
        writer.WriteString("city"u8, nulls ? string.Empty : author.City);
        writer.WriteStartArray("tags"u8);
        if (!nulls)
        {
            writer.WriteStringValue(author.Tag);
            writer.WriteStringValue(author.SecondTag);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("price_info"u8);
        if (!nulls)
        {
            WriteNumber(writer, "video_1_20"u8, author.Price, flip);
            WriteNumber(writer, "video_21_60"u8, author.Price * 2, flip);
            WriteNumber(writer, "video_60"u8, author.Price * 3, flip);
        }

        writer.WriteEndObject();
        DataGenerator.WriteBaseResp(writer, variant);
        DataGenerator.EndSuccess(writer, variant, author.RecordSecond);
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

    /// <summary>A creator's figures, drawn in a fixed order from a generator seeded by the id alone.</summary>
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
            Price = random.Next(1_000, 500_001);
            RecordSecond = random.Next(0, 86_400);
        }

        public string NickName { get; }

        public long Follower { get; }

        public int Gender { get; }

        public string City { get; }

        public string Tag { get; }

        public string SecondTag { get; }

        public string AvatarUri { get; }

        public long Price { get; }

        public int RecordSecond { get; }
    }
}
