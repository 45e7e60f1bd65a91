using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustOneApi.Xingtu.Report;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>The report page as text: escaping, the policy, labels, columns and units. The browser tests run it.</summary>
    public class ReportRendererTests
    {
        private static string Render(List<ReportRow>? rows = null, string culture = "en-US", string? title = null) =>
            ReportRenderer.Render(rows ?? ReportSamples.Rows(), ReportSamples.Options(culture, title));

        private static string DataJson(string html)
        {
            var match = Regex.Match(html, "<script type=\"application/json\" id=\"xt-data\">(.*?)</script>", RegexOptions.Singleline);
            Assert.True(match.Success, "The page has no data block.");
            return match.Groups[1].Value;
        }

        [Fact]
        public void HostileNamesCannotEndTheDataBlockOrBecomeMarkup()
        {
            string html = Render();
            Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
            Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
            string json = DataJson(html);
            foreach (char c in new[] { '<', '>', '&', '\u2028', '\u2029' })
            {
                Assert.DoesNotContain(c.ToString(), json);
            }
            Assert.Contains("\\u003c/script\\u003e", json);
            Assert.Contains("\\u2028", json);
            Assert.DoesNotContain("<img", html);
        }

        [Fact]
        public void TheEscapedDataReadsBackAsTheExactNames()
        {
            using var document = JsonDocument.Parse(DataJson(Render()));
            var names = document.RootElement.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()).ToList();
            foreach (string name in ReportSamples.HostileNames) Assert.Contains(name, names);
        }

        [Fact]
        public void EscapeForScriptEscapesTheFiveCharactersOnly()
        {
            Assert.Equal("{\"a\":\"\\u003c\\u003e\\u0026\\u2028\\u2029 ok\"}", ReportRenderer.EscapeForScript("{\"a\":\"<>&\u2028\u2029 ok\"}"));
        }

        [Fact]
        public void TheTitleIsTextInTheHeadAndDataInTheBody()
        {
            string html = Render(title: ReportSamples.ScriptName);
            Assert.Contains("<title>&lt;/script&gt;&lt;script&gt;", html);
            Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        }

        [Fact]
        public void ThePolicyAllowsOnlyThePagesOwnScriptAndStyleByHash()
        {
            string html = Render();
            var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;
            Assert.StartsWith("default-src 'none';", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.DoesNotContain("http", policy);
            string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
            string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("script-src '" + Hash(script) + "'", policy);
            Assert.Contains("style-src '" + Hash(style) + "'", policy);
        }

        [Fact]
        public void NothingInThePageLoadsFromElsewhere()
        {
            // The data block is checked apart: it holds the hostile names, escaped, which are text.
            string html = Regex.Replace(Render(), "<script type=\"application/json\" id=\"xt-data\">.*?</script>", string.Empty, RegexOptions.Singleline);
            Assert.DoesNotMatch("(?i)\\b(src|srcset)\\s*=", html);
            Assert.DoesNotMatch("(?i)url\\(|@import|@font-face|fetch\\(|XMLHttpRequest|new Image", html);
            // The only addresses are the two link bases the script joins with an id.
            var addresses = Regex.Matches(html, "https?://[^'\"\\s]*").Select(m => m.Value).Distinct().OrderBy(a => a).ToList();
            Assert.Equal(new[] { "http://www.w3.org/2000/svg", "https://www.douyin.com/user/", "https://www.xingtu.cn/ad/creator/author/douyin/" }, addresses);
        }

        [Theory]
        [InlineData("zh-CN", "zh-CN", "星图达人报告")]
        [InlineData("zh-TW", "zh-CN", "星图达人报告")]
        [InlineData("zh", "zh-CN", "星图达人报告")]
        [InlineData("en-US", "en", "Xingtu KOL report")]
        [InlineData("fr-FR", "en", "Xingtu KOL report")]
        public void TheLanguageFollowsTheCulture(string culture, string lang, string title)
        {
            string html = Render(culture: culture);
            Assert.Contains("<html lang=\"" + lang + "\">", html);
            Assert.Contains("<title>" + title + "</title>", html);
        }

        [Fact]
        public void EveryLabelTheScriptUsesIsInTheTableInBothLanguages()
        {
            var keys = ReportLabels.Keys.ToList();
            string script = ReadScript();
            var used = Regex.Matches(script, "\\bL\\.([A-Za-z0-9]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(used);
            foreach (string key in used) Assert.Contains(key, keys);
            var en = ReportLabels.For(new CultureInfo("en-US"));
            var zh = ReportLabels.For(new CultureInfo("zh-CN"));
            foreach (string key in keys)
            {
                Assert.False(string.IsNullOrWhiteSpace(en[key]), key);
                Assert.False(string.IsNullOrWhiteSpace(zh[key]), key);
            }
            Assert.Contains(zh.Values, v => Regex.IsMatch(v, "\\p{IsCJKUnifiedIdeographs}"));
        }

        [Fact]
        public void ColumnsAreTheOnesTheRowsHaveAndMissingIsNull()
        {
            var rows = new List<ReportRow>
            {
                new ReportRow("1") { PlayMedian = 1000, ExpectedCpm1To20SecYuan = 12.5 },
                new ReportRow("2") { PlayMedian = null, ExpectedCpm1To20SecYuan = 30 },
            };
            using var document = JsonDocument.Parse(DataJson(Render(rows)));
            var keys = document.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
            Assert.Equal(new[] { "KolId", "PlayMedian", "ExpectedCpm1To20SecYuan" }, keys);
            var second = document.RootElement.GetProperty("rows")[1];
            Assert.Equal(JsonValueKind.Null, second[1].ValueKind);
            Assert.Equal(30, second[2].GetDouble());
        }

        [Fact]
        public void TilesSummariseOnlyTheValuesThatAreThere()
        {
            var rows = new List<ReportRow>
            {
                new ReportRow("1") { ExpectedCpm1To20SecYuan = 10, InteractionRatePercent = 2, Price1To20Sec = 1000 },
                new ReportRow("2") { ExpectedCpm1To20SecYuan = 30, MissingParts = "Price" },
                new ReportRow("3") { ExpectedCpm1To20SecYuan = 20, InteractionRatePercent = 4, Price1To20Sec = 500 },
                new ReportRow("4"),
            };
            using var document = JsonDocument.Parse(DataJson(Render(rows)));
            var tiles = document.RootElement.GetProperty("tiles").EnumerateArray().ToList();
            Assert.Equal(20, tiles[0].GetProperty("value").GetDouble());
            Assert.Equal(3, tiles[1].GetProperty("value").GetDouble());
            Assert.Equal(1500, tiles[2].GetProperty("value").GetDouble());
            Assert.StartsWith("2 ", tiles[2].GetProperty("note").GetString());
            Assert.Equal(1, tiles[3].GetProperty("value").GetDouble());
        }

        [Fact]
        public void MedianOfNothingIsNullNotZero()
        {
            Assert.Null(ReportRenderer.Median(new double?[] { null, null }));
            Assert.Equal(2.5, ReportRenderer.Median(new double?[] { 4, null, 1, 3, 2 }));
            Assert.Equal(3, ReportRenderer.Median(new double?[] { 5, 1, 3 }));
        }

        [Fact]
        public void HeaderNamesTheQueryAndTheFetchedRange()
        {
            using var document = JsonDocument.Parse(DataJson(Render()));
            var header = document.RootElement.GetProperty("header");
            Assert.Equal("2026-11-30 09:30 UTC", header.GetProperty("generated").GetString());
            Assert.Equal("2026-11-30 08:00 UTC", header.GetProperty("fetchedFrom").GetString());
            Assert.Equal("2026-11-30 08:11 UTC", header.GetProperty("fetchedTo").GetString());
            Assert.Equal("V2 · ShortVideo · PersonalVideo · Last30Days", header.GetProperty("queries")[0].GetString());
        }

        [Theory]
        [InlineData("MS4wLjABAAAAabc_-1", "MS4wLjABAAAAabc_-1")]
        [InlineData("https://www.douyin.com/user/MS4wLjABAAAAabc", "MS4wLjABAAAAabc")]
        [InlineData("javascript:alert(1)", null)]
        [InlineData("https://evil.example/user/abc", null)]
        [InlineData("https://www.douyin.com/user/abc\"onmouseover=x", null)]
        [InlineData(null, null)]
        public void ADouyinLinkIsKeptOnlyAsAPlainToken(string? given, string? kept)
        {
            Assert.Equal(kept, new ReportRow("1").WithDouyin(given).DouyinSecUid);
        }

        [Fact]
        public void ASpreadRowIsInYuanAndPercent()
        {
            var spread = new KolSpread("6853123456789012345", SpreadEndpoint.V2, SpreadPlatform.ShortVideo, SpreadType.PersonalVideo, SpreadRange.Last30Days, null, true)
            {
                PlayMedian = 3642403,
                InteractionRate = 244,
                CompletionRate = 1580,
                ExpectedCpm1To20Sec = 5657,
                InteractionRatePeerStanding = 5973,
                FetchedAt = ReportSamples.FetchedAt,
            };
            var row = ReportRow.From(spread);
            Assert.Equal(2.44, row.InteractionRatePercent);
            Assert.Equal(15.8, row.CompletionRatePercent);
            Assert.Equal(56.57, row.ExpectedCpm1To20SecYuan);
            Assert.Null(row.ExpectedCpe1To20SecYuan);
            Assert.Null(row.NickName);
            Assert.Equal(5973, row.InteractionRatePeerStanding);
            Assert.Equal("V2 · ShortVideo · PersonalVideo · Last30Days · OnlyAssign", row.Query);
        }

        [Fact]
        public void AJoinedRowKeepsItsNameUnitsPeerStandingsAndDouyinToken()
        {
            XingtuKol kol = XingtuKol.Join(TestSupport.KolId, XingtuKolTests.Profile(), XingtuKolTests.Price(), XingtuKolTests.SampleSpread(), Array.Empty<XingtuKolPart>(), fromLocalCache: false);
            var row = ReportRow.From(kol);
            Assert.Equal(kol.NickName, row.NickName);
            Assert.Equal("广东 深圳", row.Location);
            Assert.Null(row.McnName);
            Assert.Equal((double?)kol.Price1To20Sec, row.Price1To20Sec);
            Assert.Equal((double?)kol.ListPricePerThousandPlays1To20Sec, row.ListPricePerThousandPlays1To20Sec);
            Assert.Equal(56.57, row.ExpectedCpm1To20SecYuan);
            Assert.Equal(2.44, row.InteractionRatePercent);
            Assert.Equal(5973, row.InteractionRatePeerStanding);
            Assert.Equal(kol.Spread!.CompletionRatePeerStanding, row.CompletionRatePeerStanding);
            Assert.Equal("MS4wLjABAAAAabc-_", row.DouyinSecUid);
            Assert.Null(row.MissingParts);
        }

        [Fact]
        public void AJoinedRowWithoutItsPriceSaysSoAndHasNoPrice()
        {
            XingtuKol kol = XingtuKol.Join(TestSupport.KolId, XingtuKolTests.Profile(), null, XingtuKolTests.SampleSpread(), new[] { XingtuKolPart.Price }, fromLocalCache: false);
            var row = ReportRow.From(kol);
            Assert.Null(row.Price1To20Sec);
            Assert.Null(row.ListPricePerThousandPlays1To20Sec);
            Assert.Equal(kol.MissingParts, row.MissingParts);
            Assert.NotNull(row.MissingParts);
            using var document = JsonDocument.Parse(DataJson(ReportRenderer.Render(new List<ReportRow> { row }, ReportSamples.Options())));
            Assert.Equal(1, document.RootElement.GetProperty("tiles").EnumerateArray().Last().GetProperty("value").GetDouble());
        }

        [Fact]
        public void FiveThousandKolsFitInFiveMegabytes()
        {
            var rows = Enumerable.Range(0, 5000).Select(i => ReportSamples.Rows(1)[0]).ToList();
            int bytes = Encoding.UTF8.GetByteCount(ReportRenderer.Render(rows, ReportSamples.Options()));
            Assert.True(bytes <= 5_000_000, bytes + " bytes");
        }

        internal static string ReadScript()
        {
            using var stream = typeof(ReportRenderer).Assembly.GetManifestResourceStream("JustOneApi.Xingtu.Report.report.js")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        private static string Hash(string text)
        {
            using var sha = SHA256.Create();
            return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }
    }
}
