using System;
using System.Collections.Generic;
using System.Linq;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    public class WireMappingTests
    {
        private const string Endpoint = "/api/douyin-xingtu/get-kol-spread-info/v1";

        private static string Wire(KolSpreadQuery query) =>
            string.Join("&", query.WireParameters().Select(p => p.Key + "=" + p.Value));

        [Theory]
        [InlineData(SpreadType.PersonalVideo, "_1")]
        [InlineData(SpreadType.XingtuVideo, "_2")]
        public void Type_MapsToItsWireValue(SpreadType type, string wire)
        {
            Assert.Equal(wire, WireFormat.ToWire(type));
            Assert.Equal("kolId=1&type=" + wire, Wire(new KolSpreadQuery("1", type, null, null, false, false)));
        }

        [Theory]
        [InlineData(SpreadRange.Last30Days, "_2")]
        [InlineData(SpreadRange.Last90Days, "_3")]
        public void Range_MapsToItsWireValue(SpreadRange range, string wire)
        {
            Assert.Equal(wire, WireFormat.ToWire(range));
            Assert.Equal("kolId=1&range=" + wire, Wire(new KolSpreadQuery("1", null, range, null, false, false)));
        }

        [Fact]
        public void ParametersNotGiven_AreNotSent()
        {
            List<KeyValuePair<string, string>> sent = new KolSpreadQuery("42", null, null, null, false, false).WireParameters().ToList();

            var only = Assert.Single(sent);
            Assert.Equal("kolId", only.Key);
            Assert.Equal("42", only.Value);
        }

        [Fact]
        public void EveryParameter_InAFixedOrder_BooleansInLowerCase()
        {
            var query = new KolSpreadQuery("42", SpreadType.XingtuVideo, SpreadRange.Last90Days, "1", true, true);

            Assert.Equal("kolId=42&type=_2&range=_3&flowType=1&onlyAssign=true&acceptCache=true", Wire(query));
        }

        [Theory]
        [InlineData(true, false, "kolId=42&onlyAssign=true")]
        [InlineData(false, true, "kolId=42&acceptCache=true")]
        [InlineData(false, false, "kolId=42")]
        public void OnlyAssignAndAcceptCache_AreSentOnlyWhenSet(bool onlyAssign, bool acceptCache, string expected)
        {
            Assert.Equal(expected, Wire(new KolSpreadQuery("42", null, null, null, onlyAssign, acceptCache)));
        }

        [Fact]
        public void Build_PercentEncodesEveryValueAndTheToken()
        {
            var query = new KolSpreadQuery("a&b=c#d+e/f%g h剧情", null, null, "剧情 x&y", false, false);

            Uri uri = RequestUri.Build(TestSupport.BaseUri, query, TestSupport.Token);

            const string expected = "https://kol-api.example.invalid" + Endpoint
                + "?token=S3cr3t%2BT0k%2Fen&kolId=a%26b%3Dc%23d%2Be%2Ff%25g%20h%E5%89%A7%E6%83%85&flowType=%E5%89%A7%E6%83%85%20x%26y";
            Assert.Equal(expected, uri.OriginalString);
            Assert.Equal(expected, uri.AbsoluteUri);
            Assert.Equal(string.Empty, uri.Fragment);

            Dictionary<string, string> parsed = TestSupport.QueryOf(uri);
            Assert.Equal(new[] { "token", "kolId", "flowType" }, parsed.Keys.ToArray());
            Assert.Equal(TestSupport.Token, parsed["token"]);
            Assert.Equal("a&b=c#d+e/f%g h剧情", parsed["kolId"]);
            Assert.Equal("剧情 x&y", parsed["flowType"]);
        }

        [Fact]
        public void Display_MasksTheToken()
        {
            var query = new KolSpreadQuery("a&b", SpreadType.PersonalVideo, SpreadRange.Last30Days, null, true, false);

            string shown = RequestUri.Display(TestSupport.BaseUri, query);

            Assert.Equal("https://kol-api.example.invalid" + Endpoint + "?token=***&kolId=a%26b&type=_1&range=_2&onlyAssign=true", shown);
            Assert.DoesNotContain(TestSupport.TokenMarker, shown);
        }

        [Theory]
        [InlineData("https://kol-api.example.invalid", "https://kol-api.example.invalid")]
        [InlineData("https://kol-api.example.invalid/", "https://kol-api.example.invalid")]
        [InlineData("http://127.0.0.1:30015", "http://127.0.0.1:30015")]
        [InlineData("http://127.0.0.1:5000/proxy", "http://127.0.0.1:5000/proxy")]
        [InlineData("http://127.0.0.1:5000/proxy/", "http://127.0.0.1:5000/proxy")]
        [InlineData("http://127.0.0.1:5000/a/b/?ignored=1", "http://127.0.0.1:5000/a/b")]
        public void BaseUri_WithOrWithoutTrailingSlashAndPathPrefix(string baseUri, string prefix)
        {
            var query = new KolSpreadQuery("7", null, null, null, false, false);

            Uri built = RequestUri.Build(new Uri(baseUri), query, "tok");
            string shown = RequestUri.Display(new Uri(baseUri), query);

            Assert.Equal(prefix + Endpoint + "?token=tok&kolId=7", built.AbsoluteUri);
            Assert.Equal(prefix + Endpoint + "?token=***&kolId=7", shown);
        }
    }
}
