using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Model;
using Xunit;
using Xunit.Abstractions;
using ApiAnswer = JustOneApi.Xingtu.Model.ApiAnswer<JustOneApi.Xingtu.KolSpread>;
using KolSpreadBatch = JustOneApi.Xingtu.Client.RequestBatch<JustOneApi.Xingtu.KolSpread>;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// Mutates the documented sample many times with fixed seeds: truncation, byte noise and invalid UTF-8, type swaps,
    /// deep nesting, numbers beyond long, and whole-body oddities. Whatever the body and the HTTP status, the parser must
    /// answer with a result or with its typed error: never another exception, never a hang, never a stack overflow
    /// (which would take the test host down with it).
    /// </summary>
    public sealed class ParserMutationTests
    {
        private const int Seed = 20260412;

        /// <summary>Distinctive, so that "the error names the KOL" cannot pass by accident.</summary>
        private const string Kol = "mutant-6853123456789012345";

        /// <summary>The parser's JsonDocumentOptions.MaxDepth: a body nested deeper than this is not read.</summary>
        private const int MaxDepth = 64;

        private static readonly int[] Statuses = { 200, 404, 429, 502 };

        /// <summary>Generous: only here to turn a hang into a failure. The whole class normally takes about a second.</summary>
        private static readonly TimeSpan HangBudget = TimeSpan.FromSeconds(60);

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly byte[] Sample = TestSupport.SampleBytes();

        private static readonly string LongText = "\"" + new string('x', 100_000) + "\"";

        private static readonly string LongDigits = "\"" + new string('9', 100_000) + "\"";

        private static readonly string LongNumber = "1" + new string('0', 100_000);

        /// <summary>Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF, cut short.</summary>
        private static readonly byte[][] InvalidUtf8 =
        {
            new byte[] { 0xFF },
            new byte[] { 0xFE },
            new byte[] { 0x80 },
            new byte[] { 0xC0, 0xAF },
            new byte[] { 0xE0, 0x80, 0xAF },
            new byte[] { 0xED, 0xA0, 0x80 },
            new byte[] { 0xED, 0xBF, 0xBF },
            new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
            new byte[] { 0xE5, 0x89 },
        };

        /// <summary>JSON escapes of lone surrogates: valid JSON grammar, but no string holding one can be read.</summary>
        private static readonly string[] LoneSurrogateEscapes = { "\\uD800", "\\uDC00", "x\\uDBFFy", "\\uD800\\u0041" };

        /// <summary>Whole-number metrics, by their path under data (as anomalies name them), and where each lands.</summary>
        private static readonly (string Path, Func<KolSpread, long?>? Metric)[] LongFields =
        {
            ("play_mid", s => s.PlayMedian),
            ("like_avg", s => s.LikeAverage),
            ("comment_avg", s => s.CommentAverage),
            ("share_avg", s => s.ShareAverage),
            ("item_num", s => s.VideoCount),
            ("base_resp.status_code", null),
            ("expect_cpm.cpm_1_20", s => s.ExpectedCpm1To20Sec),
            ("expect_cpm.cpm_21_60", s => s.ExpectedCpm21To60Sec),
            ("expect_cpm.cpm_60", s => s.ExpectedCpmOver60Sec),
            ("expect_cpe.cpe_1_20", s => s.ExpectedCpe1To20Sec),
            ("expect_cpe.cpe_21_60", s => s.ExpectedCpe21To60Sec),
            ("expect_cpe.cpe_60", s => s.ExpectedCpeOver60Sec),
            ("sales_expect_cpm.cpm_1_20", s => s.SalesExpectedCpm1To20Sec),
            ("sales_expect_cpm.cpm_21_60", s => s.SalesExpectedCpm21To60Sec),
            ("sales_expect_cpm.cpm_60", s => s.SalesExpectedCpmOver60Sec),
            ("item_rate.item_num.value", s => s.ItemRateVideoCount),
            ("item_rate.play_mid.value", s => s.ItemRatePlayMedian),
        };

        private static readonly (string Path, Func<KolSpread, double?> Metric)[] DoubleFields =
        {
            ("avg_duration", s => s.AverageDuration),
            ("interact_rate.value", s => s.InteractionRate),
            ("interact_rate.overtake", s => s.InteractionRatePeerStanding),
            ("play_over_rate.value", s => s.CompletionRate),
            ("play_over_rate.overtake", s => s.CompletionRatePeerStanding),
            ("play_stability.value", s => s.PlayStability),
            ("play_stability.overtake", s => s.PlayStabilityPeerStanding),
            ("item_rate.item_num.overtake", s => s.ItemRateVideoCountPeerStanding),
            ("item_rate.play_mid.overtake", s => s.ItemRatePlayMedianPeerStanding),
            ("item_rate.interact_rate.value", s => s.ItemRateInteractionRate),
            ("item_rate.interact_rate.overtake", s => s.ItemRateInteractionRatePeerStanding),
        };

        private readonly ITestOutputHelper _output;

        public ParserMutationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        // ---------------------------------------------------------------- a few precise cases, named

        [Fact]
        public void ThousandLevelsOfNestingInData_IsMalformedResponse()
        {
            foreach (string nested in new[] { Nest(1000, '['), Nest(1000, '{') })
            {
                ApiAnswer answer = KolSpreadParser.Interpret(200, WithRaw("data", nested), TestSupport.Query(Kol));

                Assert.Equal(Disposition.Fail, answer.Disposition);
                Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error!.Kind);
                Assert.Null(answer.Error.Code);
                Assert.Contains(Kol, answer.Error.Message);
            }
        }

        [Fact]
        public void InvalidUtf8InsideAStringValue_IsMalformedResponse()
        {
            // "play_mid": "3642403" with a byte that no UTF-8 text holds in the middle of the digits.
            byte[] body = Splice(Sample, IndexOf(Sample, "\"3642403\"") + 4, new byte[] { 0xFF });

            ApiAnswer answer = KolSpreadParser.Interpret(200, body, TestSupport.Query(Kol));

            Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error!.Kind);
            Assert.Null(answer.Error.Code);
            Assert.Null(answer.Result);
        }

        [Fact]
        public void InvalidUtf8InsideALabel_IsMalformedResponse()
        {
            // The second byte of 剧 replaced: the first label is cut-short UTF-8.
            byte[] body = (byte[])Sample.Clone();
            body[IndexOf(Sample, "剧情搞笑") + 1] = (byte)'A';

            ApiAnswer answer = KolSpreadParser.Interpret(200, body, TestSupport.Query(Kol));

            Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error!.Kind);
        }

        [Fact]
        public void EscapedLoneSurrogateInARequiredString_IsMalformedResponse()
        {
            byte[] body = TestSupport.Utf8("{\"code\":\"\\uD800\",\"data\":{}}");
            Assert.Equal(XingtuErrorKind.MalformedResponse, KolSpreadParser.Interpret(200, body, TestSupport.Query(Kol)).Error!.Kind);

            body = TestSupport.Success("{\"play_mid\":\"36\\uDC0042403\"}");
            Assert.Equal(XingtuErrorKind.MalformedResponse, KolSpreadParser.Interpret(200, body, TestSupport.Query(Kol)).Error!.Kind);
        }

        [Fact]
        public void ByteOrderMarkThenSample_IsSuccessWithTheSampleValues()
        {
            byte[] body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Sample).ToArray();

            ApiAnswer answer = KolSpreadParser.Interpret(200, body, TestSupport.Query(Kol));

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Empty(answer.Anomalies);
            Assert.Equal(3642403L, answer.Result!.PlayMedian);
        }

        // ---------------------------------------------------------------- mutation sweeps

        [Fact]
        public async Task Truncation_AtEveryOffset_IsNeverAResult()
        {
            var cases = new List<Case>();
            for (int length = 0; length < Sample.Length; length++)
            {
                cases.Add(new Case($"sample cut to {length} B", Sample.Take(length).ToArray(), NotAnEnvelope));
            }

            byte[] withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Sample).ToArray();
            var random = new Random(Seed);
            for (int i = 0; i < 40; i++)
            {
                int length = random.Next(0, withBom.Length);
                cases.Add(new Case($"BOM + sample cut to {length} B", withBom.Take(length).ToArray(), NotAnEnvelope));
            }

            await RunAsync("truncation", cases);
        }

        [Fact]
        public async Task ByteNoise_AndInvalidUtf8_NeverEscapeTheTypedError()
        {
            var cases = new List<Case>();
            var random = new Random(Seed + 1);
            for (int i = 0; i < 800; i++)
            {
                var body = new List<byte>(Sample);
                var steps = new List<string>();
                int count = random.Next(1, 5);
                for (int k = 0; k < count; k++)
                {
                    steps.Add(MutateBytes(body, random));
                }

                byte[] bytes = body.ToArray();
                cases.Add(new Case("random bytes: " + string.Join("; ", steps), bytes, IsUtf8(bytes) ? null : NotAnEnvelope));
            }

            // Invalid UTF-8 just inside every string value of the sample, and at the end of every property name.
            foreach (int at in StringValueStarts(Sample))
            {
                foreach (byte[] bad in InvalidUtf8)
                {
                    cases.Add(new Case($"{Hex(bad)} inside the string value of '{KeyBefore(Sample, at)}'", Splice(Sample, at + 1, bad), NotAnEnvelope));
                }
            }

            foreach (int at in KeyEnds(Sample))
            {
                foreach (byte[] bad in new[] { InvalidUtf8[0], InvalidUtf8[5] })
                {
                    cases.Add(new Case($"{Hex(bad)} at the end of the name '{KeyEndingAt(Sample, at)}'", Splice(Sample, at, bad), NotAnEnvelope));
                }
            }

            // Escaped lone surrogates in every string value: fatal wherever the parser reads the string, which is
            // everywhere but status_message (only read when status_code is not 0).
            foreach (int at in StringValueStarts(Sample))
            {
                string key = KeyBefore(Sample, at);
                foreach (string escape in LoneSurrogateEscapes)
                {
                    Action<int, ApiAnswer> expect = key == "status_message" ? (Action<int, ApiAnswer>)SampleSuccess : NotAnEnvelope;
                    cases.Add(new Case($"'{escape}' inside the string value of '{key}'", Splice(Sample, at + 1, TestSupport.Utf8(escape)), expect));
                }
            }

            await RunAsync("byte noise and invalid UTF-8", cases);
        }

        [Fact]
        public async Task TypeSwaps_AnywhereInTheDocument_NeverEscapeTheTypedError()
        {
            (string Raw, Swap Flags)[] pool =
            {
                ("null", Swap.None), ("true", Swap.None), ("false", Swap.None), ("\"\"", Swap.None), ("\"abc\"", Swap.None),
                ("0", Swap.None), ("-1", Swap.None), ("1.5", Swap.None), ("1e400", Swap.None), ("-1e400", Swap.None),
                ("99999999999999999999999999999", Swap.None), ("-9223372036854775809", Swap.None), ("9223372036854775808", Swap.None),
                ("\"99999999999999999999\"", Swap.None), ("\"NaN\"", Swap.None), ("\"Infinity\"", Swap.None), ("\"１２３\"", Swap.None),
                ("\" 12 \"", Swap.None), ("\"0x1F\"", Swap.None), ("-0", Swap.None), ("\"\\u0000\"", Swap.None),
                ("[1,\"2\",null,{},[]]", Swap.None), ("[]", Swap.None), ("{}", Swap.None), ("{\"value\":{\"value\":1}}", Swap.None),
                (Nest(10, '{'), Swap.None), (Nest(10, '['), Swap.None), (Nest(100, '{'), Swap.TooDeep), (Nest(100, '['), Swap.TooDeep),
                (LongText, Swap.None), (LongDigits, Swap.None), (LongNumber, Swap.None), ("\"\\uD800\"", Swap.Unreadable),
            };

            var cases = new List<Case>();
            var random = new Random(Seed + 2);
            for (int i = 0; i < 600; i++)
            {
                JsonNode root = JsonNode.Parse(Sample)!;
                var swaps = new List<(string Path, int Pick, string Marker)>();
                int count = random.Next(1, 4);
                for (int k = 0; k < count; k++)
                {
                    // Paths are collected again after each swap, so a swap never lands in a value an earlier one removed.
                    List<(JsonObject Parent, string Name, string Path)> slots = Slots(root.AsObject(), string.Empty).ToList();
                    (JsonObject parent, string slot, string path) = slots[random.Next(slots.Count)];
                    string marker = "@@RAW" + k.ToString(CultureInfo.InvariantCulture) + "@@";
                    parent[slot] = JsonValue.Create(marker);
                    swaps.Add((path, random.Next(pool.Length), marker));
                }

                string text = root.ToJsonString(Compact);
                var kept = new List<(string Path, int Pick)>();
                foreach ((string path, int pick, string marker) in swaps)
                {
                    string quoted = "\"" + marker + "\"";
                    if (text.Contains(quoted, StringComparison.Ordinal))
                    {
                        text = text.Replace(quoted, pool[pick].Raw, StringComparison.Ordinal);
                        kept.Add((path, pick));
                    }
                }

                string name = "swap " + string.Join(", ", kept.Select(s => $"{s.Path} := {Shorten(pool[s.Pick].Raw)}"));
                Action<int, ApiAnswer>? expect = null;
                if (kept.Any(s => pool[s.Pick].Flags == Swap.TooDeep))
                {
                    expect = NotAnEnvelope;
                }
                else if (kept.All(s => s.Path.StartsWith("data.", StringComparison.Ordinal)
                    && s.Path != "data.base_resp.status_code"
                    && pool[s.Pick].Flags == Swap.None))
                {
                    // Junk in a metric costs that metric, never the answer; metrics not swapped keep their values.
                    bool playMidKept = !kept.Any(s => s.Path == "data.play_mid");
                    expect = (status, answer) =>
                    {
                        Assert.Equal(Disposition.Success, answer.Disposition);
                        if (playMidKept)
                        {
                            Assert.Equal(3642403L, answer.Result!.PlayMedian);
                        }
                    };
                }

                cases.Add(new Case(name, TestSupport.Utf8(text), expect));
            }

            await RunAsync("type swaps", cases);
        }

        [Fact]
        public async Task DeepNesting_IsMalformedBeyondTheLimit_AndNeverOverflowsTheStack()
        {
            // Where the nesting goes, and how many containers already enclose that place.
            (string Path, int Enclosing)[] places =
            {
                (string.Empty, 0), ("code", 1), ("message", 1), ("data", 1), ("data.base_resp", 2),
                ("data.play_mid", 2), ("data.interact_rate.value", 3), ("data.item_rate.play_mid.value", 4),
            };

            var cases = new List<Case>();
            foreach (int levels in new[] { 10, 63, 64, 65, 1000, 100_000 })
            {
                foreach (char shape in new[] { '[', '{', 'm' })
                {
                    string nested = Nest(levels, shape);
                    foreach ((string path, int enclosing) in places)
                    {
                        byte[] body = path.Length == 0 ? TestSupport.Utf8(nested) : WithRaw(path, nested);
                        string name = $"{levels} levels of '{shape}' at {(path.Length == 0 ? "the root" : path)}";
                        cases.Add(new Case(name, body, enclosing + levels > MaxDepth ? NotAnEnvelope : WithinDepth(path, shape)));
                    }
                }
            }

            // Never closed, so the reader must give up on depth, not on the end of the text.
            cases.Add(new Case("100000 unclosed '['", TestSupport.Utf8(new string('[', 100_000)), NotAnEnvelope));
            cases.Add(new Case("100000 unclosed '{\"a\":'", TestSupport.Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 100_000))), NotAnEnvelope));

            await RunAsync("deep nesting", cases);
        }

        [Fact]
        public async Task NumbersBeyondRange_GiveANullMetricAndAnAnomalyNamingTheField()
        {
            string[] beyondLong =
            {
                "99999999999999999999", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999",
                "1e30", "-1e19", "1e400", "1" + new string('0', 400),
            };
            string[] beyondDouble = { "1e400", "-1e400", "1e309", "1" + new string('0', 400), "-" + new string('9', 400) };
            string[] beyondLongWithinDouble = { "99999999999999999999", "-9223372036854775809" };

            var cases = new List<Case>();
            foreach ((string path, Func<KolSpread, long?>? metric) in LongFields)
            {
                foreach (string number in beyondLong)
                {
                    foreach (bool quoted in new[] { false, true })
                    {
                        string raw = quoted ? "\"" + number + "\"" : number;
                        cases.Add(new Case($"data.{path} := {Shorten(raw)}", WithRaw("data." + path, raw), (status, answer) =>
                        {
                            Assert.Equal(Disposition.Success, answer.Disposition);
                            if (metric != null)
                            {
                                Assert.Null(metric(answer.Result!));
                            }

                            Assert.StartsWith(path + " ", Assert.Single(answer.Anomalies), StringComparison.Ordinal);
                            if (path != "play_mid")
                            {
                                Assert.Equal(3642403L, answer.Result!.PlayMedian);
                            }
                        }));
                    }
                }
            }

            foreach ((string path, Func<KolSpread, double?> metric) in DoubleFields)
            {
                foreach (string number in beyondDouble)
                {
                    foreach (bool quoted in new[] { false, true })
                    {
                        string raw = quoted ? "\"" + number + "\"" : number;
                        cases.Add(new Case($"data.{path} := {Shorten(raw)}", WithRaw("data." + path, raw), (status, answer) =>
                        {
                            Assert.Equal(Disposition.Success, answer.Disposition);
                            Assert.Null(metric(answer.Result!));
                            Assert.StartsWith(path + " ", Assert.Single(answer.Anomalies), StringComparison.Ordinal);
                        }));
                    }
                }

                // Beyond long is no trouble for a double.
                foreach (string number in beyondLongWithinDouble)
                {
                    foreach (bool quoted in new[] { false, true })
                    {
                        string raw = quoted ? "\"" + number + "\"" : number;
                        double expected = double.Parse(number, CultureInfo.InvariantCulture);
                        cases.Add(new Case($"data.{path} := {raw}", WithRaw("data." + path, raw), (status, answer) =>
                        {
                            Assert.Empty(answer.Anomalies);
                            Assert.Equal(expected, metric(answer.Result!));
                        }));
                    }
                }
            }

            // The envelope's code must be an int; beyond that the body is not an envelope at all.
            foreach (string number in beyondLong.Concat(new[] { "2147483648", "-2147483649" }))
            {
                cases.Add(new Case($"code := {Shorten(number)}", WithRaw("code", number), NotAnEnvelope));
                cases.Add(new Case($"code := \"{Shorten(number)}\"", WithRaw("code", "\"" + number + "\""), NotAnEnvelope));
            }

            await RunAsync("numbers beyond range", cases);
        }

        [Fact]
        public async Task WholeBodyOddities_NeverEscapeTheTypedError()
        {
            byte[] bom = { 0xEF, 0xBB, 0xBF };
            string sampleText = Encoding.UTF8.GetString(Sample);
            var cases = new List<Case>
            {
                new Case("BOM + sample", Concat(bom, Sample), SampleSuccess),
                new Case("BOM + BOM + sample", Concat(bom, bom, Sample), NotAnEnvelope),
                new Case("BOM only", bom, NotAnEnvelope),
                new Case("half a BOM + sample", Concat(new byte[] { 0xEF, 0xBB }, Sample), NotAnEnvelope),
                new Case("empty body", Array.Empty<byte>(), NotAnEnvelope),
                new Case("UTF-16LE with BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(sampleText)).ToArray(), NotAnEnvelope),
                new Case("UTF-16LE", Encoding.Unicode.GetBytes(sampleText), NotAnEnvelope),
                new Case("UTF-16BE with BOM", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(sampleText)).ToArray(), NotAnEnvelope),
                new Case("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(sampleText), NotAnEnvelope),
                new Case("UTF-32LE", Encoding.UTF32.GetBytes(sampleText), NotAnEnvelope),
                new Case("CESU-8 (surrogates encoded one by one)", TestSupport.Utf8("{\"code\":0,\"data\":{\"interact_rate\":{\"label\":\"")
                    .Concat(new byte[] { 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80 }).Concat(TestSupport.Utf8("\"}}}")).ToArray(), NotAnEnvelope),
                new Case("overlong '\"' (C0 A2) closing a string", TestSupport.Utf8("{\"code\":0,\"data\":{\"play_mid\":\"1")
                    .Concat(new byte[] { 0xC0, 0xA2 }).Concat(TestSupport.Utf8("}}")).ToArray(), NotAnEnvelope),
                new Case("array root", Concat(TestSupport.Utf8("["), Sample, TestSupport.Utf8("]")), NotAnEnvelope),
                new Case("string root", TestSupport.Utf8(JsonSerializer.Serialize(sampleText)), NotAnEnvelope),
                new Case("number root", TestSupport.Utf8("0"), NotAnEnvelope),
                new Case("huge number root", TestSupport.Utf8(LongNumber), NotAnEnvelope),
                new Case("null root", TestSupport.Utf8("null"), NotAnEnvelope),
                new Case("true root", TestSupport.Utf8("true"), NotAnEnvelope),
                new Case("empty object", TestSupport.Utf8("{}"), NotAnEnvelope),
                new Case("code \"0\"", WithRaw("code", "\"0\""), SampleSuccess),
                new Case("code \" 0 \"", WithRaw("code", "\" 0 \""), null),
                new Case("code -0", WithRaw("code", "-0"), null),
                new Case("code \"abc\"", WithRaw("code", "\"abc\""), NotAnEnvelope),
                new Case("code \"\"", WithRaw("code", "\"\""), NotAnEnvelope),
                new Case("code null", WithRaw("code", "null"), NotAnEnvelope),
                new Case("code true", WithRaw("code", "true"), NotAnEnvelope),
                new Case("code [0]", WithRaw("code", "[0]"), NotAnEnvelope),
                new Case("code {}", WithRaw("code", "{}"), NotAnEnvelope),
                new Case("code 0.0", WithRaw("code", "0.0"), NotAnEnvelope),
                new Case("code 1e400", WithRaw("code", "1e400"), NotAnEnvelope),
                new Case("code \"\\uD800\"", WithRaw("code", "\"\\uD800\""), NotAnEnvelope),
                new Case("code NaN (not JSON)", TestSupport.Utf8("{\"code\":NaN,\"data\":{}}"), NotAnEnvelope),
                new Case("code 0, message \"\\uDC00\"", WithRaw("message", "\"\\uDC00\""), NotAnEnvelope),
                new Case("code 0, requestId \"\\uD800\"", WithRaw("requestId", "\"\\uD800\""), NotAnEnvelope),
                new Case("code 0, recordTime \"a\\uD800\"", WithRaw("recordTime", "\"a\\uD800\""), NotAnEnvelope),
                new Case("code 100, message \"\\uDC00\"", TestSupport.Utf8("{\"code\":100,\"message\":\"\\uDC00\",\"data\":null}"), NotAnEnvelope),
                new Case("code 100, message with FF", Concat(TestSupport.Utf8("{\"code\":100,\"message\":\"no"), new byte[] { 0xFF }, TestSupport.Utf8("\",\"data\":null}")), NotAnEnvelope),
                new Case("code 100, message of 100k chars", TestSupport.Utf8("{\"code\":100,\"message\":" + LongText + ",\"data\":null}"), null),
                new Case("code 0, data missing", TestSupport.Utf8("{\"code\":0}"), NoDataObject),
                new Case("code 0, data null", TestSupport.Utf8("{\"code\":0,\"data\":null}"), NoDataObject),
                new Case("code 0, data []", TestSupport.Utf8("{\"code\":0,\"data\":[]}"), NoDataObject),
                new Case("code 0 twice, then 201", TestSupport.Utf8("{\"code\":0,\"code\":201,\"data\":{}}"), null),
                new Case("escaped property name \\u0063ode", TestSupport.Utf8("{\"\\u0063ode\":0,\"data\":{}}"), null),
                new Case("sample + whitespace", Concat(Sample, TestSupport.Utf8(" \r\n\t ")), SampleSuccess),
                new Case("sample + 'x'", Concat(Sample, TestSupport.Utf8("x")), NotAnEnvelope),
                new Case("sample + NUL", Concat(Sample, new byte[] { 0 }), NotAnEnvelope),
                new Case("sample twice", Concat(Sample, Sample), NotAnEnvelope),
                new Case("comment + sample", Concat(TestSupport.Utf8("/* c */"), Sample), NotAnEnvelope),
                new Case("trailing comma", TestSupport.Utf8("{\"code\":0,\"data\":{},}"), NotAnEnvelope),
                new Case("single quotes", TestSupport.Utf8("{'code':0,'data':{}}"), NotAnEnvelope),
                new Case("whitespace only", TestSupport.Utf8(" \r\n\t"), NotAnEnvelope),
                new Case("NUL only", new byte[16], NotAnEnvelope),
                new Case("1 MB of spaces", Enumerable.Repeat((byte)' ', 1 << 20).ToArray(), NotAnEnvelope),
                new Case("1 MB of spaces + sample", Concat(Enumerable.Repeat((byte)' ', 1 << 20).ToArray(), Sample), SampleSuccess),
                new Case("property name of 100k chars", WithRaw("data." + new string('k', 100_000), "1"), SampleSuccess),
                new Case("HTML error page", TestSupport.Utf8(TestSupport.HtmlBody), NotAnEnvelope),
            };

            await RunAsync("whole-body oddities", cases);
        }

        // ---------------------------------------------------------------- the harness

        [Flags]
        private enum Swap
        {
            None = 0,
            TooDeep = 1,
            Unreadable = 2,
        }

        private sealed class Case
        {
            public Case(string name, byte[] body, Action<int, ApiAnswer>? expect)
            {
                Name = name;
                Body = body;
                Expect = expect;
            }

            public string Name { get; }

            public byte[] Body { get; }

            /// <summary>What this case must give beyond the invariants every answer keeps; null for "anything typed".</summary>
            public Action<int, ApiAnswer>? Expect { get; }
        }

        private sealed class Progress
        {
            private string _current = "(not started)";

            public string Current
            {
                get => System.Threading.Volatile.Read(ref _current);
                set => System.Threading.Volatile.Write(ref _current, value);
            }
        }

        /// <summary>
        /// Runs every case at every status, in one loop on the thread pool, and fails on any exception, any broken
        /// invariant or expectation, or the loop not finishing within <see cref="HangBudget"/>.
        /// </summary>
        private async Task RunAsync(string kind, IReadOnlyList<Case> cases)
        {
            ApiRequest query = TestSupport.Query(Kol);
            var failures = new List<string>();
            var progress = new Progress();
            var clock = Stopwatch.StartNew();
            Task sweep = Task.Run(() =>
            {
                foreach (Case c in cases)
                {
                    foreach (int status in Statuses)
                    {
                        progress.Current = $"{c.Name} at HTTP {status}";
                        string? problem = Check(c, status, query);
                        if (problem != null)
                        {
                            failures.Add($"{c.Name} at HTTP {status}, body ({c.Body.Length} B) {Show(c.Body)}: {problem}");
                        }
                    }
                }
            });

            try
            {
                await sweep.WaitAsync(HangBudget);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{kind}: the parser did not finish within {HangBudget.TotalSeconds} s; it was at {progress.Current}.");
            }

            _output.WriteLine($"{kind}: {cases.Count} bodies x {Statuses.Length} statuses = {cases.Count * Statuses.Length} answers in {clock.ElapsedMilliseconds} ms");
            Assert.True(
                failures.Count == 0,
                $"{kind}: {failures.Count} of {cases.Count * Statuses.Length} answers were wrong"
                + $" ({failures.Count(f => f.Contains(": Interpret threw ", StringComparison.Ordinal))} of them by throwing). First ones:\n"
                + string.Join("\n\n", failures.Take(8)));
        }

        private static string? Check(Case c, int status, ApiRequest query)
        {
            ApiAnswer answer;
            try
            {
                answer = KolSpreadParser.Interpret(status, c.Body, query);
            }
            catch (Exception ex)
            {
                return "Interpret threw " + ex;
            }

            string? broken = Invariants(status, answer);
            if (broken != null)
            {
                return broken;
            }

            try
            {
                c.Expect?.Invoke(status, answer);
                return null;
            }
            catch (Exception ex)
            {
                return $"{Describe(answer)}, but: {ex.Message}";
            }
        }

        /// <summary>What every answer keeps, whatever the body: a result or the typed error, consistent with the status.</summary>
        private static string? Invariants(int status, ApiAnswer? answer)
        {
            if (answer == null)
            {
                return "no answer";
            }

            if (answer.Anomalies == null)
            {
                return "Anomalies is null";
            }

            foreach (string? anomaly in answer.Anomalies)
            {
                if (string.IsNullOrEmpty(anomaly) || anomaly.Length > 200)
                {
                    return $"an anomaly out of shape ({anomaly?.Length ?? -1} chars): {Shorten(anomaly ?? "(null)")}";
                }
            }

            if (answer.Disposition == Disposition.Success)
            {
                if (answer.Error != null || answer.Result == null)
                {
                    return $"Success with Error={answer.Error != null}, Spread={answer.Result != null}";
                }

                return answer.Result.KolId == Kol ? null : $"a result for KOL '{answer.Result.KolId}'";
            }

            XingtuApiException? error = answer.Error;
            if (error == null || error.GetType() != typeof(XingtuApiException))
            {
                return $"{answer.Disposition} with Error {error?.GetType().FullName ?? "null"}";
            }

            if (answer.Result != null || answer.Anomalies.Count != 0)
            {
                return $"{answer.Disposition} with a Spread or anomalies";
            }

            if (error.KolId != Kol || !error.Message.Contains("'" + Kol + "'", StringComparison.Ordinal))
            {
                return $"an error that does not name the KOL: {Shorten(error.Message)}";
            }

            if (error.HttpStatusCode != status)
            {
                return $"HttpStatusCode {error.HttpStatusCode} for HTTP {status}";
            }

            XingtuErrorKind kind;
            Disposition disposition;
            if (error.Code == null)
            {
                bool ok = status >= 200 && status < 300;
                kind = ok ? XingtuErrorKind.MalformedResponse : status == 429 ? XingtuErrorKind.RateLimited : XingtuErrorKind.HttpError;
                disposition = !ok && (status == 408 || status == 429 || status >= 500) ? Disposition.Retry : Disposition.Fail;
            }
            else if (error.Code == ApiCodes.Success)
            {
                kind = error.Kind == XingtuErrorKind.UpstreamFailure ? XingtuErrorKind.UpstreamFailure : XingtuErrorKind.MalformedResponse;
                disposition = Disposition.Fail;
            }
            else
            {
                kind = ApiCodes.KindOf(error.Code.Value);
                disposition = ApiCodes.DispositionOf(error.Code.Value);

                // An unpublished code says less than a retryable HTTP status it came with.
                if (kind == XingtuErrorKind.UnknownCode && KolSpreadParser.IsRetryableStatus(status))
                {
                    disposition = Disposition.Retry;
                }
            }

            return error.Kind == kind && answer.Disposition == disposition
                ? null
                : $"{Describe(answer)}; expected {kind}/{disposition} for code {error.Code?.ToString(CultureInfo.InvariantCulture) ?? "none"} at HTTP {status}";
        }

        // ---------------------------------------------------------------- expectations

        /// <summary>The body is not read as the API's envelope: MalformedResponse on a 2xx, else the status's own error.</summary>
        private static void NotAnEnvelope(int status, ApiAnswer answer)
        {
            Assert.NotEqual(Disposition.Success, answer.Disposition);
            Assert.Null(answer.Error!.Code);
            if (status == 200)
            {
                Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error.Kind);
            }
        }

        private static void NoDataObject(int status, ApiAnswer answer)
        {
            Assert.Equal(0, answer.Error!.Code);
            Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error.Kind);
        }

        private static void SampleSuccess(int status, ApiAnswer answer)
        {
            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Empty(answer.Anomalies);
            Assert.Equal(3642403L, answer.Result!.PlayMedian);
            Assert.Equal(5657L, answer.Result.ExpectedCpm1To20Sec);
            Assert.Equal("剧情搞笑", answer.Result.InteractionRatePeerCategory);
        }

        /// <summary>Nesting the parser may read, at <paramref name="path"/>: what it must make of it.</summary>
        private static Action<int, ApiAnswer> WithinDepth(string path, char shape) => path switch
        {
            "" or "code" => NotAnEnvelope,
            "data" when shape == '{' => (status, answer) =>
            {
                Assert.Equal(Disposition.Success, answer.Disposition);
                Assert.Empty(answer.Anomalies);
                Assert.Null(answer.Result!.PlayMedian);
            },
            "data" => NoDataObject,
            "message" or "data.base_resp" => (status, answer) =>
            {
                Assert.Equal(Disposition.Success, answer.Disposition);
                Assert.Equal(3642403L, answer.Result!.PlayMedian);
            },
            _ => (status, answer) =>
            {
                string field = path.Substring("data.".Length);
                Assert.Equal(Disposition.Success, answer.Disposition);
                Assert.StartsWith(field + " is a JSON ", Assert.Single(answer.Anomalies), StringComparison.Ordinal);
                KolSpread s = answer.Result!;
                Assert.Null(field switch
                {
                    "play_mid" => (object?)s.PlayMedian,
                    "interact_rate.value" => s.InteractionRate,
                    "item_rate.play_mid.value" => s.ItemRatePlayMedian,
                    _ => throw new ArgumentOutOfRangeException(nameof(path), path, "no metric known for this path"),
                });
            },
        };

        private static string Describe(ApiAnswer answer) =>
            answer.Error == null
                ? $"{answer.Disposition} with {answer.Anomalies.Count} anomalies ({Shorten(string.Join(" | ", answer.Anomalies))})"
                : $"{answer.Disposition} {answer.Error.Kind} code={answer.Error.Code?.ToString(CultureInfo.InvariantCulture) ?? "none"} ({Shorten(answer.Error.Message)})";

        // ---------------------------------------------------------------- building bodies

        /// <summary>The sample with the value at a dotted path (added if absent) replaced by raw JSON text, which may be anything.</summary>
        private static byte[] WithRaw(string path, string rawJson)
        {
            const string Marker = "@@RAW@@";
            JsonObject node = JsonNode.Parse(Sample)!.AsObject();
            JsonObject root = node;
            string[] names = path.Split('.');
            for (int i = 0; i < names.Length - 1; i++)
            {
                node = node[names[i]]!.AsObject();
            }

            node[names[names.Length - 1]] = JsonValue.Create(Marker);
            return TestSupport.Utf8(root.ToJsonString(Compact).Replace("\"" + Marker + "\"", rawJson, StringComparison.Ordinal));
        }

        /// <summary>Every property of the document, at any depth, with its parent and dotted path.</summary>
        private static IEnumerable<(JsonObject Parent, string Name, string Path)> Slots(JsonObject parent, string prefix)
        {
            foreach (KeyValuePair<string, JsonNode?> property in parent.ToList())
            {
                string path = prefix + property.Key;
                yield return (parent, property.Key, path);
                if (property.Value is JsonObject child)
                {
                    foreach ((JsonObject, string, string) inner in Slots(child, path + "."))
                    {
                        yield return inner;
                    }
                }
            }
        }

        /// <summary>
        /// <paramref name="levels"/> nested containers: '[' gives [[[]]], '{' gives {"a":{"a":{}}}, 'm' alternates the two.
        /// Built as text: no recursion anywhere, so the test itself cannot overflow.
        /// </summary>
        private static string Nest(int levels, char shape)
        {
            var text = new StringBuilder(levels * 6);
            var closers = new Stack<char>(levels);
            for (int level = 0; level < levels; level++)
            {
                bool array = shape == '[' || (shape == 'm' && level % 2 == 0);
                bool last = level == levels - 1;
                text.Append(array ? "[" : last ? "{" : "{\"a\":");
                closers.Push(array ? ']' : '}');
            }

            while (closers.Count > 0)
            {
                text.Append(closers.Pop());
            }

            return text.ToString();
        }

        private static readonly byte[][] Insertions =
        {
            new byte[] { 0x00 }, new byte[] { (byte)'"' }, new byte[] { (byte)'\\' }, new byte[] { (byte)'{' }, new byte[] { (byte)'[' },
            new byte[] { (byte)',' }, new byte[] { (byte)':' }, new byte[] { (byte)'-' }, new byte[] { (byte)'9' }, new byte[] { (byte)'e' },
            TestSupport.Utf8("\\uD800"), TestSupport.Utf8("\\u"), TestSupport.Utf8("1e400"), TestSupport.Utf8("99999999999999999999"),
            new byte[] { 0xEF, 0xBB, 0xBF },
        };

        /// <summary>One random edit: a bit flip, a high byte, a deletion, an insertion (often invalid UTF-8), or a copied slice.</summary>
        private static string MutateBytes(List<byte> body, Random random)
        {
            int at = random.Next(body.Count + 1);
            switch (random.Next(6))
            {
                case 0 when at < body.Count:
                    int bit = random.Next(8);
                    body[at] ^= (byte)(1 << bit);
                    return $"flip bit {bit} at {at}";
                case 1 when at < body.Count:
                    byte high = (byte)random.Next(0x80, 0x100);
                    body[at] = high;
                    return $"set {high:X2} at {at}";
                case 2 when at < body.Count:
                    int count = Math.Min(random.Next(1, 9), body.Count - at);
                    body.RemoveRange(at, count);
                    return $"delete {count} at {at}";
                case 3:
                    byte[] bad = InvalidUtf8[random.Next(InvalidUtf8.Length)];
                    body.InsertRange(at, bad);
                    return $"insert {Hex(bad)} at {at}";
                case 4:
                    byte[] insert = random.Next(4) == 0
                        ? new[] { (byte)random.Next(0x80, 0x100) }
                        : Insertions[random.Next(Insertions.Length)];
                    body.InsertRange(at, insert);
                    return $"insert {Hex(insert)} at {at}";
                default:
                    int from = random.Next(body.Count);
                    int length = Math.Min(random.Next(1, 64), body.Count - from);
                    body.InsertRange(at, body.GetRange(from, length));
                    return $"copy {length} from {from} to {at}";
            }
        }

        /// <summary>Where the opening quote of every string value sits ("key": "value").</summary>
        private static IEnumerable<int> StringValueStarts(byte[] text)
        {
            for (int i = 0; i + 3 < text.Length; i++)
            {
                if (text[i] == '"' && text[i + 1] == ':' && text[i + 2] == ' ' && text[i + 3] == '"')
                {
                    yield return i + 3;
                }
            }
        }

        /// <summary>Where the closing quote of every property name sits.</summary>
        private static IEnumerable<int> KeyEnds(byte[] text)
        {
            for (int i = 0; i + 1 < text.Length; i++)
            {
                if (text[i] == '"' && text[i + 1] == ':')
                {
                    yield return i;
                }
            }
        }

        private static string KeyBefore(byte[] text, int valueStart) => KeyEndingAt(text, valueStart - 3);

        private static string KeyEndingAt(byte[] text, int closingQuote)
        {
            int open = Array.LastIndexOf(text, (byte)'"', closingQuote - 1);
            return Encoding.UTF8.GetString(text, open + 1, closingQuote - open - 1);
        }

        private static int IndexOf(byte[] haystack, string needle)
        {
            byte[] bytes = TestSupport.Utf8(needle);
            for (int i = 0; i + bytes.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, bytes.Length).SequenceEqual(bytes))
                {
                    return i;
                }
            }

            throw new ArgumentException($"'{needle}' is not in the sample.", nameof(needle));
        }

        private static byte[] Splice(byte[] body, int at, byte[] insert) =>
            body.Take(at).Concat(insert).Concat(body.Skip(at)).ToArray();

        private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

        /// <summary>Whether the body, after the one byte order mark the parser allows, is UTF-8.</summary>
        private static bool IsUtf8(byte[] body)
        {
            int start = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
            try
            {
                StrictUtf8.GetCharCount(body, start, body.Length - start);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        private static string Hex(byte[] bytes) => string.Join(" ", bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + $"...({text.Length} chars)";

        /// <summary>The body's start, printable ASCII as is and every other byte as \xNN, so a failure can be replayed.</summary>
        private static string Show(byte[] body)
        {
            var text = new StringBuilder();
            foreach (byte b in body.Take(240))
            {
                text.Append(b >= 0x20 && b < 0x7F && b != '\\' ? ((char)b).ToString() : "\\x" + b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return body.Length > 240 ? text.Append("...").ToString() : text.ToString();
        }
    }
}
