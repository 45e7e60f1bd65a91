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
        private const string V2Endpoint = "/api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1";

        private static string Wire(ApiRequest request) =>
            string.Join("&", request.Parameters.Select(p => p.Key + "=" + p.Value));

        private static SpreadQuery V2(SpreadType? type = null, SpreadRange? range = null, string? flowType = null, bool onlyAssign = false, SpreadPlatform? platform = null) =>
            TestSupport.Options(type, range, flowType, onlyAssign, false, SpreadEndpoint.V2, platform);

        [Theory]
        [InlineData(SpreadType.PersonalVideo, "_1", "PERSONAL_VIDEO")]
        [InlineData(SpreadType.XingtuVideo, "_2", "XINTU_VIDEO")]
        public void Type_MapsToEachEndpointsWireValue(SpreadType type, string v1, string v2)
        {
            Assert.Equal("kolId=1&type=" + v1, Wire(TestSupport.Query("1", type)));
            Assert.Equal("oAuthorId=1&type=" + v2, Wire(V2(type).For("1")));
        }

        [Theory]
        [InlineData(SpreadRange.Last30Days, "_2", "DAY_30")]
        [InlineData(SpreadRange.Last90Days, "_3", "DAY_90")]
        public void Range_MapsToEachEndpointsWireValue(SpreadRange range, string v1, string v2)
        {
            Assert.Equal("kolId=1&range=" + v1, Wire(TestSupport.Query("1", range: range)));
            Assert.Equal("oAuthorId=1&range=" + v2, Wire(V2(range: range).For("1")));
        }

        [Theory]
        [InlineData(SpreadPlatform.ShortVideo, "SHORT_VIDEO")]
        [InlineData(SpreadPlatform.LiveStreaming, "LIVE_STREAMING")]
        [InlineData(SpreadPlatform.PictureText, "PICTURE_TEXT")]
        [InlineData(SpreadPlatform.ShortDrama, "SHORT_DRAMA")]
        public void Platform_IsSentToV2Only(SpreadPlatform platform, string wire)
        {
            Assert.Equal("oAuthorId=1&platform=" + wire, Wire(V2(platform: platform).For("1")));
            Assert.Equal("kolId=1", Wire(TestSupport.Options(platform: platform).For("1")));
        }

        [Theory]
        [InlineData("Exclude", "EXCLUDE")]
        [InlineData("include", "INCLUDE")]
        [InlineData(" EXCLUDE ", "EXCLUDE")]
        public void FlowType_IsExcludeOrIncludeOnV2_AndSentAsGivenToV1(string given, string v2)
        {
            Assert.Equal("oAuthorId=1&flowType=" + v2, Wire(V2(flowType: given).For("1")));
            Assert.Equal("kolId=1&flowType=" + given, Wire(TestSupport.Query("1", flowType: given)));
        }

        [Fact]
        public void FlowType_ThatV2CannotTake_IsRefusedBeforeSending()
        {
            ApiRequest request = V2(flowType: "1").For("1");

            Assert.Equal(XingtuErrorKind.InvalidParameters, request.RefusalKind);
            Assert.Contains("Exclude or Include", request.Refusal);
        }

        [Fact]
        public void ParametersNotGiven_AreNotSent()
        {
            Assert.Equal("kolId=42", Wire(TestSupport.Query("42")));
            Assert.Equal("oAuthorId=42", Wire(V2().For("42")));
        }

        [Fact]
        public void EveryParameter_InAFixedOrder_BooleansInLowerCase()
        {
            Assert.Equal(
                "kolId=42&type=_2&range=_3&flowType=1&onlyAssign=true&acceptCache=true",
                Wire(TestSupport.Query("42", SpreadType.XingtuVideo, SpreadRange.Last90Days, "1", true, true)));
            Assert.Equal(
                "oAuthorId=42&platform=SHORT_DRAMA&range=DAY_90&type=XINTU_VIDEO&onlyAssign=true&flowType=INCLUDE",
                Wire(V2(SpreadType.XingtuVideo, SpreadRange.Last90Days, "Include", true, SpreadPlatform.ShortDrama).For("42")));
        }

        [Theory]
        [InlineData(true, false, "kolId=42&onlyAssign=true")]
        [InlineData(false, true, "kolId=42&acceptCache=true")]
        [InlineData(false, false, "kolId=42")]
        public void OnlyAssignAndAcceptCache_AreSentOnlyWhenSet(bool onlyAssign, bool acceptCache, string expected)
        {
            Assert.Equal(expected, Wire(TestSupport.Query("42", onlyAssign: onlyAssign, acceptCache: acceptCache)));
        }

        [Fact]
        public void Auto_AsksV1_WithTheEquivalentV2RequestAsItsFallback()
        {
            ApiRequest request = TestSupport.Options(SpreadType.XingtuVideo, SpreadRange.Last90Days, endpoint: SpreadEndpoint.Auto).For("42");

            Assert.Equal(Endpoint.TrimStart('/'), request.Path);
            Assert.Equal("kolId=42&type=_2&range=_3", Wire(request));
            Assert.Equal(V2Endpoint.TrimStart('/'), request.Fallback!.Path);
            Assert.Equal("oAuthorId=42&range=DAY_90&type=XINTU_VIDEO", Wire(request.Fallback));
        }

        [Fact]
        public void Auto_AsksV2AtOnce_ForWhatOnlyV2Has()
        {
            ApiRequest request = TestSupport.Options(endpoint: SpreadEndpoint.Auto, platform: SpreadPlatform.LiveStreaming).For("42");

            Assert.Equal(V2Endpoint.TrimStart('/'), request.Path);
            Assert.Null(request.Fallback);
        }

        [Fact]
        public void Build_PercentEncodesEveryValueAndTheToken()
        {
            ApiRequest query = TestSupport.Query("a&b=c#d+e/f%g h剧情", flowType: "剧情 x&y");

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
            ApiRequest query = TestSupport.Query("a&b", SpreadType.PersonalVideo, SpreadRange.Last30Days, null, true, false);

            string shown = RequestUri.Display(TestSupport.BaseUri, query);

            Assert.Equal("https://kol-api.example.invalid" + Endpoint + "?token=***&kolId=a%26b&type=_1&range=_2&onlyAssign=true", shown);
            Assert.DoesNotContain(TestSupport.TokenMarker, shown);
        }

        [Fact]
        public void Key_IsThePathAndTheEscapedQuery_WithoutTheToken()
        {
            ApiRequest query = TestSupport.Query("a&b", range: SpreadRange.Last90Days);

            Assert.Equal(Endpoint.TrimStart('/') + "?kolId=a%26b&range=_3", query.Key);
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
            ApiRequest query = TestSupport.Query("7");

            Uri built = RequestUri.Build(new Uri(baseUri), query, "tok");
            string shown = RequestUri.Display(new Uri(baseUri), query);

            Assert.Equal(prefix + Endpoint + "?token=tok&kolId=7", built.AbsoluteUri);
            Assert.Equal(prefix + Endpoint + "?token=***&kolId=7", shown);
        }
    }
}
