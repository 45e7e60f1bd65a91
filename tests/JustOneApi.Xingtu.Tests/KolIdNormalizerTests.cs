using System;
using System.Linq;
using JustOneApi.Xingtu.Model;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    public class KolIdNormalizerTests
    {
        private const string Id = "7100000000000000001";
        private const string Author = "6853123456789012345";
        private const string FullWidthId = "７１００００００００００００００００１";

        /// <summary>Every character the issue names for trimming, as it arrives from Excel, chat and web pages.</summary>
        public static readonly string[] Trimmed =
        {
            " ", "\t", "\r", "\n", "\r\n", "\u00A0", "\u3000", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",
        };

        public static TheoryData<string, string> TrimmedAtEitherEnd()
        {
            var data = new TheoryData<string, string>();
            foreach (string c in Trimmed)
            {
                data.Add(c + Id, "start");
                data.Add(Id + c, "end");
                data.Add(c + Id + c, "both");
                data.Add(c + c + Id + c + c, "both, twice");
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(TrimmedAtEitherEnd))]
        public void Trims(string raw, string where)
        {
            NormalizedKolId result = KolIdNormalizer.Normalize(raw);

            Assert.True(Id == result.Id, $"{KolIdNormalizer.Show(raw)} ({where}) became '{KolIdNormalizer.Show(result.Id)}'");
            Assert.True(result.Changed);
            Assert.Null(result.Problem);
            Assert.Null(KolIdCheck.Problem(raw));
        }

        public static TheoryData<string?, string, bool> Table => new TheoryData<string?, string, bool>
        {
            // Trimming a mix, in any order.
            { "\uFEFF \u200B\t" + Id + "\u3000\r\n\u00A0\u2060", Id, true },
            { "\u200D\u00A0\u200C" + Id + "\u200B \uFEFF", Id, true },

            // Full-width digits, alone, mixed with ASCII, and with trimming.
            { FullWidthId, Id, true },
            { "71０0０00000000000001", Id, true },
            { "\u3000" + FullWidthId + "\t", Id, true },
            { "ab１２", "ab12", true },

            // Xingtu links: with and without a scheme, subdomains, a query, a fragment, a port, upper case.
            { "https://www.xingtu.cn/ad/creator/author/douyin/" + Author, Author, true },
            { "https://xingtu.cn/ad/creator/author/douyin/" + Author + "/1?from=x", Author, true },
            { "http://star.xingtu.cn/ad/creator/author/douyin/" + Author + "/", Author, true },
            { "www.xingtu.cn/ad/creator/author/douyin/" + Author, Author, true },
            { "xingtu.cn/ad/creator/author/douyin/" + Author, Author, true },
            { "https://www.xingtu.cn/ad/creator/author/douyin/" + Author + "#" + Id, Author, true },
            { "https://www.xingtu.cn/ad/creator/author/douyin/" + Author + "?kolId=" + Id + "&t=1700000000000", Author, true },
            { "https://www.xingtu.cn:443/ad/creator/author/douyin/" + Author, Author, true },
            { "HTTPS://WWW.XINGTU.CN/ad/creator/author/douyin/" + Author, Author, true },
            { " https://www.xingtu.cn/ad/creator/author/douyin/" + Author + "\u200B\r\n", Author, true },
            { "https://www.xingtu.cn/ad/creator/author/douyin/６８５３１２３４５６７８９０１２３４５", Author, true },
            { "https://www.xingtu.cn/ad/creator/author/douyin/" + Author + "?" + new string('x', 200), Author, true },

            // Digit groups a spreadsheet or a locale split: spaces, no-break and thin spaces, commas, apostrophes.
            { "7100 0000 0000 0000 001", Id, true },
            { "7100\u00A00000\u00A00000\u00A00000\u00A0001", Id, true },
            { "7\u202F100\u2009000\u3000000", "7100000000", true },
            { "7,100,000,000,000,000,001", Id, true },
            { "7'100'000'000'000'000'001", Id, true },
            { "7\u2019100\u2019000\u2019000\u2019000\u2019000\u2019001", Id, true },
            { "7\uFF0C100\uFF0C000\uFF0C000\uFF0C000\uFF0C000\uFF0C001", Id, true },
            { " 7100 0000 0000 0000 001\t", Id, true },
            { "７１００ ００００ ００００ ００００ ００１", Id, true },
            { "7100, 0000, 0000, 0000, 001", Id, true },

            // Groups that leave fewer than ten digits, or hold anything else, keep today's rules.
            { "123 456", "123 456", false },
            { "1,234,567", "1,234,567", false },
            { "7100 0000 0000 0000 00a", "7100 0000 0000 0000 00a", false },
            { "7100.0000.0000.0000.001", "7100.0000.0000.0000.001", false },
            { "7100-0000-0000-0000-001", "7100-0000-0000-0000-001", false },
            { "7100\u200B0000\u200B0000\u200B0000\u200B001", "7100\u200B0000\u200B0000\u200B0000\u200B001", false },

            // Left exactly as given: ids, non-digit ids the tests and the emulator use, and text that is no link.
            { Id, Id, false },
            { "1", "1", false },
            { "a b", "a b", false },
            { "a&b=c#d", "a&b=c#d", false },
            { "MS4wLjABAAAA+/x%y", "MS4wLjABAAAA+/x%y", false },
            { "达人", "达人", false },
            { "xingtu.cn", "xingtu.cn", false },
            { "7.1E+18", "7.1E+18", false },
            { "@{Name=x}", "@{Name=x}", false },
            { "71000\u200B00000", "71000\u200B00000", false },
            { string.Empty, string.Empty, false },
            { null, string.Empty, false },

            // Trimmed to nothing: KolIdCheck then calls it empty.
            { " \t\u3000\u200B", string.Empty, true },
        };

        [Theory]
        [MemberData(nameof(Table))]
        public void Normalizes(string? raw, string expected, bool changed)
        {
            NormalizedKolId result = KolIdNormalizer.Normalize(raw);

            Assert.Equal(expected, result.Id);
            Assert.Equal(changed, result.Changed);
            Assert.Null(result.Problem);

            // A second pass changes nothing, so KolIdCheck may normalise an id the command has normalised already.
            NormalizedKolId again = KolIdNormalizer.Normalize(result.Id);
            Assert.Equal(expected, again.Id);
            Assert.False(again.Changed);
        }

        public static TheoryData<string, string> Refused => new TheoryData<string, string>
        {
            { "https://www.douyin.com/video/7300000000000000000", "a douyin.com link holds a Douyin user or video id, not the Xingtu author id" },
            { "https://www.douyin.com/user/MS4wLjABAAAAx?from=" + Author, "a douyin.com link holds a Douyin user or video id" },
            { "v.douyin.com/iRNBho6/", "a douyin.com link holds a Douyin user or video id" },
            { "https://www.iesdouyin.com/share/video/7300000000000000000/", "a douyin.com link holds a Douyin user or video id" },
            { "https://example.com/" + Author, "is a link to example.com, not to Xingtu" },
            { "https://evilxingtu.cn/ad/creator/author/douyin/" + Author, "is a link to evilxingtu.cn, not to Xingtu" },
            { "https://xingtu.cn.evil.com/ad/creator/author/douyin/" + Author, "is a link to xingtu.cn.evil.com, not to Xingtu" },
            { "https://xingtu.cn@evil.com/ad/creator/author/douyin/" + Author, "is a link to evil.com, not to Xingtu" },
            { "https://evil.com/xingtu.cn/" + Author, "is a link to evil.com, not to Xingtu" },
            { "xingtu.cn.evil.com/" + Author, "is a link to xingtu.cn.evil.com, not to Xingtu" },
            { "ftp://www.xingtu.cn/" + Author, "is a link with the scheme ftp, not a web page" },
            { "https://www.xingtu.cn/ad/creator/market", "its path holds no author id" },
            { "https://www.xingtu.cn/ad/creator/market?kolId=" + Author, "its path holds no author id" },
            { "https://www.xingtu.cn/ad/creator/market#" + Author, "its path holds no author id" },
            { "https://www.xingtu.cn/ad/123456789/x", "its path holds no author id" },
            { "https://www.xingtu.cn/a/" + Author + "/" + Id, "holds 2 runs of ten or more digits (" + Author + ", " + Id + ")" },
            { "https://", "not a valid web address" },
        };

        [Theory]
        [MemberData(nameof(Refused))]
        public void RefusesLinksWithoutOneXingtuAuthorId(string raw, string why)
        {
            NormalizedKolId result = KolIdNormalizer.Normalize(raw);

            Assert.Equal(raw, result.Id);
            Assert.False(result.Changed);
            Assert.Contains(why, result.Problem, StringComparison.Ordinal);
            Assert.Contains("'" + raw + "'", result.Problem, StringComparison.Ordinal);
            Assert.Contains("It was not sent.", result.Problem, StringComparison.Ordinal);
            Assert.Equal(result.Problem, KolIdCheck.Problem(raw));
        }

        [Fact]
        public void Refusal_NamesTheInput_WithItsInvisibleCharactersShown()
        {
            string raw = "\u200Bhttps://example.com/" + Author + "\t";

            string? problem = KolIdNormalizer.Normalize(raw).Problem;

            Assert.Contains("'<U+200B>https://example.com/" + Author + "<U+0009>'", problem, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\u200B", "U+200B ZERO WIDTH SPACE")]
        [InlineData("\u200C", "U+200C ZERO WIDTH NON-JOINER")]
        [InlineData("\u200D", "U+200D ZERO WIDTH JOINER")]
        [InlineData("\u2060", "U+2060 WORD JOINER")]
        [InlineData("\uFEFF", "U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark)")]
        [InlineData("\u00A0", "U+00A0 NO-BREAK SPACE")]
        [InlineData("\u3000", "U+3000 IDEOGRAPHIC SPACE")]
        [InlineData("\t", "U+0009 CHARACTER TABULATION")]
        [InlineData("\r", "U+000D CARRIAGE RETURN")]
        [InlineData("\n", "U+000A LINE FEED")]
        [InlineData("\u200E", "U+200E LEFT-TO-RIGHT MARK")]
        [InlineData("\u00AD", "U+00AD SOFT HYPHEN")]
        [InlineData("\u0001", "U+0001 (a control character)")]
        [InlineData("\u2066", "U+2066 (an invisible formatting character)")]
        [InlineData("\u2003", "U+2003 (a space character other than the ordinary space)")]
        [InlineData("\U000E0041", "U+E0041 (an invisible formatting character)")]
        public void KolIdCheck_NamesAnInvisibleCharacterLeftInside(string c, string named)
        {
            // Trimming takes the ones at the ends, so the position counts in the normalised id. Nine digits: ten or more
            // split by a no-break or ideographic space are digit groups, and joined.
            string raw = " \u200B71000" + c + "0000\u3000";

            string? problem = KolIdCheck.Problem(raw);

            Assert.NotNull(problem);
            Assert.Contains(named + " at position 6", problem, StringComparison.Ordinal);
            Assert.Contains("'71000<" + named.Substring(0, named.IndexOf(' ')) + ">0000'", problem, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\u200E" + Id, 1)]
        [InlineData(Id + "\u200F", 20)]
        [InlineData("达\U0001F600\u200B1", 3)]
        public void KolIdCheck_CountsPositionsInCharactersAsSeen(string id, int position)
        {
            Assert.Contains(" at position " + position + ",", KolIdCheck.Problem(id), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("a b")]
        [InlineData("剧情 搞笑")]
        [InlineData(" 12345 ")]
        [InlineData("７１００\u3000")]
        [InlineData("https://www.xingtu.cn/ad/creator/author/douyin/" + Author + "?from=market&lang=zh&very-long-tracking-parameter=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
        public void KolIdCheck_AcceptsWhatNormalizesToAnOrdinaryId(string raw)
        {
            Assert.Null(KolIdCheck.Problem(raw));
        }

        [Theory]
        [InlineData("\u200B\u00A0", "The KolId is empty.")]
        [InlineData("\u3000\u3000", "The KolId is empty.")]
        [InlineData("\u00A07.1E+18\u200B", "The KolId '7.1E+18' is in scientific notation")]
        [InlineData("\t@{Name=x}\r\n", "The input '@{Name=x}' is a whole row")]
        public void KolIdCheck_ChecksTheNormalisedId(string raw, string start)
        {
            Assert.StartsWith(start, KolIdCheck.Problem(raw), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("7100\t", "7100<U+0009>")]
        [InlineData(" 7100 ", " 7100 ")]
        [InlineData("\uFEFF71\u00A000\u3000", "<U+FEFF>71<U+00A0>00<U+3000>")]
        [InlineData("达人\U0001F600", "达人\U0001F600")]
        [InlineData(null, "")]
        public void Show_MakesInvisibleCharactersVisible(string? id, string shown)
        {
            Assert.Equal(shown, KolIdNormalizer.Show(id));
        }
    }
}
