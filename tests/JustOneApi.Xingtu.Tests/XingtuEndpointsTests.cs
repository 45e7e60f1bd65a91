using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JustOneApi.Xingtu.Model;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    public class XingtuEndpointsTests
    {
        [Fact]
        public void HoldsTheVendorsThirtyThreeCurrentPaths()
        {
            Assert.Equal(33, XingtuEndpoints.All.Count);
            Assert.Equal(33, XingtuEndpoints.All.Select(e => e.Path).Distinct().Count());
            Assert.All(XingtuEndpoints.All, e => Assert.StartsWith("api/douyin-xingtu/gw/api/", e.Path, StringComparison.Ordinal));
            Assert.Equal("oAuthorId", XingtuEndpoints.Find("/" + SpreadQuery.V2Path)!.IdParameter);
            Assert.Equal("starAuthorId", XingtuEndpoints.Find("/api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1")!.IdParameter);
            Assert.Null(XingtuEndpoints.Find("/api/douyin-xingtu/gw/api/data_sp/item_report_detail/v1")!.IdParameter);
            Assert.Null(XingtuEndpoints.Find("/" + SpreadQuery.V1Path));
        }

        [Theory]
        [InlineData("en-US")]
        [InlineData("zh-CN")]
        public void IsWhatTheAboutTopicLists(string culture)
        {
            string about = File.ReadAllText(Path.Combine(TestSupport.RepoRoot(), "docs", culture, "about_JustOneApi.Xingtu.help.txt"));
            var listed = Regex.Matches(about, @"^\s+(gw/api/\S+)\s+(.+)$", RegexOptions.Multiline).Cast<Match>().ToList();
            Assert.Equal(XingtuEndpoints.All.Select(e => e.Path.Substring(XingtuEndpoints.Prefix.Length)), listed.Select(m => m.Groups[1].Value));
            foreach (Match line in listed)
            {
                XingtuEndpoint endpoint = XingtuEndpoints.Find(XingtuEndpoints.Prefix + line.Groups[1].Value)!;
                // The names before any note in parentheses; the search line names its first four and sums up the rest.
                string[] names = Regex.Replace(line.Groups[2].Value, @"\(.*\)|\uFF08.*\uFF09", string.Empty).Split(',').Select(n => n.Trim()).Where(n => Regex.IsMatch(n, "^[A-Za-z]+\\*?$")).ToArray();
                Assert.Equal(endpoint.Parameters.Take(names.Length).Select(p => p.ToString()), names);
                if (names.Length < endpoint.Parameters.Count)
                {
                    Assert.Matches("many filters|众多筛选条件", line.Value);
                }
            }
        }
    }
}
