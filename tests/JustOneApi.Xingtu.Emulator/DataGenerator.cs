using System;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JustOneApi.Xingtu.Emulator;

/// <summary>Which variant of a code-0 body to write; all variants draw the same numbers for a KOL.</summary>
internal enum DataVariant
{
    Normal,
    BaseResp,
    Numbers,
    Nulls,
    Huge,
}

/// <summary>Writes response envelopes: deterministic per-KOL data in the sample's exact shape, and error envelopes.</summary>
internal static class DataGenerator
{
    /// <summary>Relaxed escaping keeps the Chinese labels as raw UTF-8, like the vendor's sample.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The default platform of the V2 endpoints, the only one V1 knows.</summary>
    public const string ShortVideo = "SHORT_VIDEO";

    private const int HugePaddingBytes = 20 * 1024 * 1024;

    /// <summary>Xingtu's content categories, used as peer labels and creator tags.</summary>
    public static readonly string[] Labels =
    [
        "剧情搞笑", "美食", "美妆", "旅行", "时尚", "母婴亲子", "游戏", "科技数码", "萌宠", "知识科普", "汽车", "运动健身",
    ];

    private static readonly DateTime RecordDay = new(2026, 11, 29, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly Lazy<byte[]> HugePadding = new(static () => CreatePadding());

    public static string MessageFor(int code) => code switch
    {
        0 => "success",
        100 => "invalid or inactive token",
        201 => "empty content / resource not found",
        301 => "collection failed, please retry",
        302 => "rate limit exceeded",
        303 => "daily quota exceeded",
        400 => "invalid parameters",
        500 => "internal server error",
        600 => "permission denied",
        601 => "insufficient balance",
        _ => "unknown error",
    };

    /// <summary>Writes {"code":N,"message":...,"data":null,"recordTime":null,"requestId":...}.</summary>
    public static void WriteError(Utf8JsonWriter writer, int code, string? detail)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code"u8, code);
        writer.WriteString("message"u8, detail is null ? MessageFor(code) : MessageFor(code) + ": " + detail);
        writer.WriteNull("data"u8);
        writer.WriteNull("recordTime"u8);
        WriteRequestId(writer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a code-0 spread envelope whose data is seeded by (kolId, type, range, platform), so repeated calls match
    /// except requestId. Short video leaves the platform out of the seed: V1 and V2 then give the same data.
    /// </summary>
    public static void WriteSuccess(Utf8JsonWriter writer, string kolId, string type, string range, string platform, DataVariant variant)
    {
        int seed = platform == ShortVideo ? Seed(kolId, type, range) : Seed(kolId, type, range + "|" + platform);
        var figures = new KolFigures(new Random(seed), kolId, range);
        bool numbers = variant == DataVariant.Numbers;
        bool nulls = variant == DataVariant.Nulls;

        BeginSuccess(writer);

        if (nulls)
        {
            writer.WriteString("avg_duration"u8, ""u8);
        }
        else
        {
            WriteCount(writer, "avg_duration"u8, figures.AvgDuration, numbers);
        }

        WriteBaseResp(writer, variant);

        if (nulls)
        {
            writer.WriteNull("comment_avg"u8);
        }
        else
        {
            WriteCount(writer, "comment_avg"u8, figures.CommentAvg, numbers);
        }

        WriteTiers(writer, "expect_cpe"u8, "cpe_1_20"u8, "cpe_21_60"u8, "cpe_60"u8, figures.Cpe, numbers);
        if (!nulls)
        {
            WriteTiers(writer, "expect_cpm"u8, "cpm_1_20"u8, "cpm_21_60"u8, "cpm_60"u8, figures.Cpm, numbers);
        }

        if (nulls)
        {
            writer.WriteStartObject("interact_rate"u8);
            writer.WriteEndObject();
        }
        else
        {
            WriteRank(writer, "interact_rate"u8, figures.Label, figures.InteractOvertake, figures.InteractValue);
        }

        WriteCount(writer, "item_num"u8, figures.ItemNum, numbers);

        writer.WriteStartObject("item_rate"u8);
        writer.WriteStartObject("interact_rate"u8);
        writer.WriteEndObject();
        WriteRank(writer, "item_num"u8, string.Empty, figures.ItemNumOvertake, figures.ItemNum);
        if (nulls)
        {
            writer.WriteStartObject("play_mid"u8);
            writer.WriteEndObject();
        }
        else
        {
            WriteRank(writer, "play_mid"u8, string.Empty, figures.PlayMidOvertake, figures.PlayMid);
        }

        writer.WriteEndObject();

        if (nulls)
        {
            writer.WriteString("like_avg"u8, ""u8);
            writer.WriteNull("play_mid"u8);
        }
        else
        {
            WriteCount(writer, "like_avg"u8, figures.LikeAvg, numbers);
            WriteCount(writer, "play_mid"u8, figures.PlayMid, numbers);
        }

        WriteRank(writer, "play_over_rate"u8, figures.Label, figures.PlayOverOvertake, figures.PlayOverValue);
        WriteRank(writer, "play_stability"u8, figures.Label, figures.StabilityOvertake, figures.StabilityValue);
        if (nulls)
        {
            writer.WriteStartObject("sales_expect_cpm"u8);
            writer.WriteEndObject();
        }
        else
        {
            WriteTiers(writer, "sales_expect_cpm"u8, "cpm_1_20"u8, "cpm_21_60"u8, "cpm_60"u8, figures.SalesCpm, numbers);
        }

        WriteCount(writer, "share_avg"u8, figures.ShareAvg, numbers);
        EndSuccess(writer, variant, figures.RecordSecond);
    }

    /// <summary>Opens a code-0 envelope up to and including the start of its data object.</summary>
    public static void BeginSuccess(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code"u8, 0);
        writer.WriteString("message"u8, "success"u8);
        writer.WriteStartObject("data"u8);
    }

    /// <summary>Closes what <see cref="BeginSuccess"/> opened: the huge variant's padding, recordTime and requestId.</summary>
    public static void EndSuccess(Utf8JsonWriter writer, DataVariant variant, int recordSecond)
    {
        if (variant == DataVariant.Huge)
        {
            // Written raw: the padding is a fixed, already-quoted JSON string, so a huge answer costs a copy and no
            // escaping pass over 20 MiB, and comes out fast enough for the client's short test timeouts.
            writer.WritePropertyName("padding"u8);
            writer.WriteRawValue(HugePadding.Value, skipInputValidation: true);
        }

        writer.WriteEndObject();

        Span<char> time = stackalloc char[19];
        RecordDay.AddSeconds(recordSecond).TryFormat(time, out int length, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        writer.WriteString("recordTime"u8, time[..length]);
        WriteRequestId(writer);
        writer.WriteEndObject();
    }

    /// <summary>Xingtu's own status inside data; the base-resp variant reports an upstream failure under code 0.</summary>
    public static void WriteBaseResp(Utf8JsonWriter writer, DataVariant variant)
    {
        writer.WriteStartObject("base_resp"u8);
        if (variant == DataVariant.BaseResp)
        {
            writer.WriteNumber("status_code"u8, 10001);
            writer.WriteString("status_message"u8, "upstream author service failed"u8);
        }
        else
        {
            writer.WriteNumber("status_code"u8, 0);
            writer.WriteString("status_message"u8, ""u8);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A creator's own reach and rate, drawn from its id alone: its typical median plays and its 1-20 s expected CPM
    /// (fen per 1,000 plays, evenly on a log scale over 8-120 yuan, where Xingtu's mostly lie). Every spread answer
    /// (any type, range or platform) lies near them, and so does the list price, as on the real page. The sample's
    /// creator has the sample's own figures.
    /// </summary>
    public static (long PlayMedian, long Cpm1To20Sec) Creator(string kolId)
    {
        if (kolId == ApiEndpoint.SampleKolId)
        {
            return (3_642_403, 5_657);
        }

        var random = new Random(Seed("creator", kolId, string.Empty));
        return ((long)Math.Round(Math.Pow(10, 3 + (4 * random.NextDouble()))), (long)Math.Round(800 * Math.Pow(15, random.NextDouble())));
    }

    /// <summary>32-bit FNV-1a over UTF-8 of "first|second|third": stable across processes, unlike string.GetHashCode.</summary>
    public static int Seed(string first, string second, string third)
    {
        byte[] key = Encoding.UTF8.GetBytes(first + "|" + second + "|" + third);
        uint hash = 2166136261;
        foreach (byte b in key)
        {
            hash = (hash ^ b) * 16777619;
        }

        return unchecked((int)hash);
    }

    private static void WriteRequestId(Utf8JsonWriter writer)
    {
        Span<byte> id = stackalloc byte[32];
        Guid.NewGuid().TryFormat(id, out int written, "N");
        writer.WriteString("requestId"u8, id[..written]);
    }

    /// <summary>The sample sends counts as strings; the "numbers" fault sends them as JSON numbers instead.</summary>
    public static void WriteCount(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long value, bool asNumber)
    {
        if (asNumber)
        {
            writer.WriteNumber(name, value);
            return;
        }

        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        writer.WriteString(name, digits[..written]);
    }

    private static void WriteTiers(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> short1, ReadOnlySpan<byte> mid, ReadOnlySpan<byte> long1, Tiers tiers, bool numbers)
    {
        writer.WriteStartObject(name);
        WriteCount(writer, short1, tiers.Short, numbers);
        WriteCount(writer, mid, tiers.Mid, numbers);
        WriteCount(writer, long1, tiers.Long, numbers);
        writer.WriteEndObject();
    }

    /// <summary>The {label, overtake, value} objects carry JSON numbers in the sample, so they stay numbers in every variant.</summary>
    private static void WriteRank(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string label, long overtake, long value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("label"u8, label);
        writer.WriteNumber("overtake"u8, overtake);
        writer.WriteNumber("value"u8, value);
        writer.WriteEndObject();
    }

    private static byte[] CreatePadding()
    {
        byte[] padding = new byte[HugePaddingBytes + 2];
        padding.AsSpan().Fill((byte)'x');
        padding[0] = (byte)'"';
        padding[^1] = (byte)'"';
        return padding;
    }

    private readonly record struct Tiers(long Short, long Mid, long Long);

    /// <summary>Plausible figures drawn in a fixed order from the seeded generator.</summary>
    private readonly struct KolFigures
    {
        public KolFigures(Random random, string kolId, string range)
        {
            // Each figure is one draw in a fixed place, so the ones after it stay the same for an id and its options.
            (long creatorPlays, long creatorCpm) = Creator(kolId);
            Label = Labels[random.Next(Labels.Length)];
            PlayMid = Scale(creatorPlays, random, 0.8, 1.25);
            LikeAvg = Scale(PlayMid, random, 0.005, 0.05);
            CommentAvg = Scale(LikeAvg, random, 0.01, 0.08);
            ShareAvg = Scale(LikeAvg, random, 0.02, 0.15);
            ItemNum = range == "_3" ? random.Next(3, 181) : random.Next(1, 61);
            AvgDuration = random.Next(600, 30_001);
            long cpm = Scale(creatorCpm, random, 0.85, 1.15);
            long cpmMid = Scale(cpm, random, 2.0, 2.8);
            Cpm = new Tiers(cpm, cpmMid, Scale(cpmMid, random, 1.0, 1.3));
            long cpe = random.Next(50, 1_501);
            long cpeMid = Scale(cpe, random, 2.0, 3.0);
            Cpe = new Tiers(cpe, cpeMid, Scale(cpeMid, random, 1.0, 1.2));
            double sales = 1.1 + (0.2 * random.NextDouble());
            SalesCpm = new Tiers((long)(Cpm.Short * sales), (long)(Cpm.Mid * sales), (long)(Cpm.Long * sales));
            InteractOvertake = random.Next(0, 10_001);
            InteractValue = random.Next(20, 2_001);
            PlayOverOvertake = random.Next(0, 10_001);
            PlayOverValue = random.Next(300, 5_001);
            StabilityOvertake = random.Next(0, 10_001);
            StabilityValue = random.Next(10_000, 1_000_000);
            ItemNumOvertake = random.Next(0, 11_001);
            PlayMidOvertake = random.Next(0, 10_001);
            RecordSecond = random.Next(0, 86_400);
        }

        public string Label { get; }

        public long PlayMid { get; }

        public long LikeAvg { get; }

        public long CommentAvg { get; }

        public long ShareAvg { get; }

        public long ItemNum { get; }

        public long AvgDuration { get; }

        public Tiers Cpm { get; }

        public Tiers Cpe { get; }

        public Tiers SalesCpm { get; }

        public long InteractOvertake { get; }

        public long InteractValue { get; }

        public long PlayOverOvertake { get; }

        public long PlayOverValue { get; }

        public long StabilityOvertake { get; }

        public long StabilityValue { get; }

        public long ItemNumOvertake { get; }

        public long PlayMidOvertake { get; }

        public int RecordSecond { get; }

        private static long Scale(long value, Random random, double min, double max) =>
            Math.Max(1, (long)Math.Round(value * (min + ((max - min) * random.NextDouble()))));
    }
}
