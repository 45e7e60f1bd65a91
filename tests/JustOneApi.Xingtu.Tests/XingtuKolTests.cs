using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>The profile and price readers, the units, the joined row, and rows of several parts in the batch.</summary>
    public class XingtuKolTests
    {
        private const string ProfileData = @"{
            ""id"": 6853123456789012345,
            ""nick_name"": ""🍊橙子<b>&\""酱\""\u2028"",
            ""follower"": 1234567,
            ""province"": ""广东"",
            ""city"": ""深圳"",
            ""gender"": 2,
            ""short_id"": ""12345678"",
            ""unique_id"": ""orange_x"",
            ""sec_uid"": ""MS4wLjABAAAAabc-_"",
            ""mcn_name"": """",
            ""tags_relation"": { ""美妆"": [""护肤"", ""彩妆""], ""生活"": [""日常""] },
            ""content_theme_labels"": [""好物分享"", ""护肤教程""],
            ""avatar_uri"": ""tos-cn-i-0813/abc"",
            ""grade"": 5,
            ""base_resp"": { ""status_code"": 0, ""status_message"": """" }
        }";

        // The ordinary 1-20 s tier comes after one of another order kind; the 21-60 s tier is disabled; the over-60 s
        // tier is matched by its label alone; an unknown tier and one without enable are kept.
        private const string PriceData = @"{
            ""price_info"": [
                { ""desc"": ""1-20s视频"", ""video_type"": 1, ""price"": 16400, ""enable"": true, ""task_category"": 2 },
                { ""desc"": ""1-20s视频"", ""video_type"": 1, ""price"": 8200, ""enable"": true, ""is_open"": true, ""need_price"": true, ""task_category"": 1, ""settlement_type"": 2, ""settlement_desc"": ""固定价格"" },
                { ""desc"": ""21-60s视频"", ""video_type"": 2, ""price"": 12000, ""enable"": false, ""task_category"": 1 },
                { ""desc"": ""60s以上视频"", ""price"": ""20000"", ""enable"": true },
                { ""desc"": ""短直种草视频"", ""video_type"": 150, ""price"": 9900.5, ""enable"": true, ""task_category"": 1 },
                { ""desc"": ""新玩法"", ""video_type"": 999, ""price"": 300 }
            ],
            ""industry_tags"": [""美妆-面部洗护"", ""美妆-彩妆""],
            ""hot_list_ranks"": [ { ""hot_list_name"": ""达人热榜"", ""industry_name"": ""美妆"", ""rank_level"": 3, ""period"": ""2026-11"" } ],
            ""base_resp"": { ""status_code"": 0 }
        }";

        private static readonly DateTimeOffset Earlier = TestSupport.ReceivedAt.AddHours(-3);

        private static T Read<T>(IAnswerReader<T> reader, string data, ApiRequest? request = null, DateTimeOffset? at = null, bool fromStore = false)
        {
            request ??= new AuthorQuery(null).Profile(TestSupport.KolId, "KOL");
            ApiAnswer<T> answer = AnswerParser.Interpret(200, TestSupport.Success(data, requestId: "req-1"), request, reader, at ?? TestSupport.ReceivedAt, fromStore);
            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Empty(answer.Anomalies);
            return answer.Result!;
        }

        internal static KolProfile Profile(DateTimeOffset? at = null, bool fromStore = false) => Read(new KolProfileReader(), ProfileData, at: at, fromStore: fromStore);

        internal static KolPrice Price() => Read(new KolPriceReader(), PriceData);

        internal static KolSpread SampleSpread(bool fromStore = false)
        {
            SpreadQuery options = TestSupport.Options();
            ApiAnswer<KolSpread> answer = AnswerParser.Interpret(200, TestSupport.SampleBytes(), options.For(TestSupport.KolId), TestSupport.Reader(options), TestSupport.ReceivedAt, fromStore);
            return answer.Result!;
        }

        [Fact]
        public void Profile_IsReadIntoExactValues()
        {
            KolProfile p = Profile();
            Assert.Equal(TestSupport.KolId, p.KolId);
            Assert.Equal("🍊橙子<b>&\"酱\"\u2028", p.NickName);
            Assert.Equal(1234567L, p.Followers);
            Assert.Equal("广东", p.Province);
            Assert.Equal("深圳", p.City);
            Assert.Equal(2L, p.Gender);
            Assert.Equal("12345678", p.ShortId);
            Assert.Equal("orange_x", p.UniqueId);
            Assert.Equal("MS4wLjABAAAAabc-_", p.SecUid);
            Assert.Null(p.McnName);
            Assert.Equal("美妆: 护肤, 彩妆; 生活: 日常", p.Tags);
            Assert.Equal(new[] { "护肤", "彩妆" }, p.GetTags()["美妆"]);
            Assert.Equal("好物分享, 护肤教程", p.ContentThemes);
            Assert.Equal(5L, p.Grade);
            Assert.Equal("https://www.douyin.com/user/MS4wLjABAAAAabc-_", p.DouyinUrl);
            Assert.Equal("https://www.xingtu.cn/ad/creator/author/douyin/6853123456789012345", p.XingtuUrl);
            Assert.Equal("req-1", p.RequestId);
            Assert.Equal(TestSupport.ReceivedAt, p.FetchedAt);
        }

        [Fact]
        public void Profile_MissingOrMisshapenFields_AreNullAndNoted_NeverZero()
        {
            var anomalies = new List<string>();
            ApiRequest request = new AuthorQuery(null).Profile(TestSupport.KolId, "KOL");
            ApiAnswer<KolProfile> answer = AnswerParser.Interpret(200, TestSupport.Success(@"{""follower"": ""many"", ""tags_relation"": [1], ""gender"": null}"), request, new KolProfileReader(), TestSupport.ReceivedAt);
            KolProfile p = answer.Result!;
            Assert.Null(p.Followers);
            Assert.Null(p.Gender);
            Assert.Null(p.Tags);
            Assert.Null(p.NickName);
            Assert.Null(p.DouyinUrl);
            Assert.Contains(answer.Anomalies, a => a.StartsWith("follower", StringComparison.Ordinal));
            Assert.Contains(answer.Anomalies, a => a.StartsWith("tags_relation", StringComparison.Ordinal));
        }

        [Fact]
        public void Price_MatchesLengthsByVideoTypeThenLabel_SkipsDisabled_KeepsUnknown()
        {
            KolPrice p = Price();
            Assert.Equal(8200m, p.Price1To20Sec);
            Assert.Null(p.Price21To60Sec);
            Assert.Equal(20000m, p.PriceOver60Sec);
            Assert.Equal("1-20s视频: 16400; 短直种草视频: 9900.5; 新玩法: 300", p.OtherPrices);
            Assert.Equal(5, p.Tiers.Count);
            Assert.DoesNotContain(p.Tiers, tier => tier.VideoType == 2);
            KolPriceTier ordinary = p.Tiers[1];
            Assert.Equal("1-20s视频", ordinary.Description);
            Assert.Equal(1L, ordinary.VideoType);
            Assert.True(ordinary.IsOpen);
            Assert.True(ordinary.NeedPrice);
            Assert.Equal(1L, ordinary.TaskCategory);
            Assert.Equal(2L, ordinary.SettlementType);
            Assert.Equal("固定价格", ordinary.SettlementDescription);
            Assert.Equal("美妆-面部洗护, 美妆-彩妆", p.IndustryTags);
            Assert.Equal("达人热榜 美妆 3 2026-11", p.HotListRanks);
        }

        [Fact]
        public void Price_WithNoTiers_HasEveryPriceNull()
        {
            KolPrice p = Read(new KolPriceReader(), @"{""price_info"": []}");
            Assert.Null(p.Price1To20Sec);
            Assert.Null(p.Price21To60Sec);
            Assert.Null(p.PriceOver60Sec);
            Assert.Null(p.OtherPrices);
            Assert.Empty(p.Tiers);
        }

        [Fact]
        public void Spread_GainsPercentages_FromTheSample()
        {
            KolSpread s = SampleSpread();
            Assert.Equal(2.44, s.InteractionRatePercent);
            Assert.Equal(11.13, s.CompletionRatePercent);
            Assert.Equal(244d, s.InteractionRate);
        }

        [Fact]
        public void Units_OfTheSeedSample_InTheJoinedRow()
        {
            XingtuKol row = XingtuKol.Join(TestSupport.KolId, null, null, SampleSpread(), Array.Empty<XingtuKolPart>(), fromLocalCache: false);
            Assert.Equal(2.44, row.InteractionRatePercent);
            Assert.Equal(11.13, row.CompletionRatePercent);
            Assert.Equal(56.57m, row.ExpectedCpm1To20SecYuan);
            Assert.Equal(141.40m, row.ExpectedCpm21To60SecYuan);
            Assert.Equal(2.54m, row.ExpectedCpe1To20SecYuan);
            Assert.Equal(6.35m, row.ExpectedCpeOver60SecYuan);
            Assert.Equal(3642403L, row.PlayMedian);
        }

        [Fact]
        public void ListPricePerThousandPlays_IsPriceOverMedianPlaysTimesAThousand()
        {
            // By hand: 8,200 yuan / 3,642,403 plays × 1000 = 2.25126... yuan per thousand plays; 20,000 → 5.49088...
            XingtuKol row = XingtuKol.Join(TestSupport.KolId, Profile(), Price(), SampleSpread(), Array.Empty<XingtuKolPart>(), fromLocalCache: false);
            Assert.Equal(2.2513m, row.ListPricePerThousandPlays1To20Sec);
            Assert.Null(row.ListPricePerThousandPlays21To60Sec);
            Assert.Equal(5.4909m, row.ListPricePerThousandPlaysOver60Sec);
        }

        [Fact]
        public void JoinedRow_HasTheFlatColumnsOfEveryPart()
        {
            KolProfile profile = Profile(at: Earlier, fromStore: true);
            XingtuKol row = XingtuKol.Join(TestSupport.KolId, profile, Price(), SampleSpread(), Array.Empty<XingtuKolPart>(), fromLocalCache: false);
            Assert.Equal("🍊橙子<b>&\"酱\"\u2028", row.NickName);
            Assert.Equal(1234567L, row.Followers);
            Assert.Equal("美妆: 护肤, 彩妆; 生活: 日常", row.Tags);
            Assert.Equal("美妆-面部洗护, 美妆-彩妆", row.IndustryTags);
            Assert.Equal(8200m, row.Price1To20Sec);
            Assert.Equal("https://www.douyin.com/user/MS4wLjABAAAAabc-_", row.DouyinUrl);
            Assert.Equal(SpreadEndpoint.V1, row.Endpoint);
            Assert.Equal(Earlier, row.FetchedAt);
            Assert.Null(row.MissingParts);
            Assert.Same(profile, row.Profile);
        }

        [Fact]
        public void MissingPart_LeavesItsColumnsNull_NeverZero_AndIsNamed()
        {
            XingtuKol row = XingtuKol.Join(TestSupport.KolId, Profile(), null, SampleSpread(), new[] { XingtuKolPart.Price }, fromLocalCache: false);
            Assert.Equal("Price", row.MissingParts);
            Assert.Null(row.Price1To20Sec);
            Assert.Null(row.OtherPrices);
            Assert.Null(row.IndustryTags);
            Assert.Null(row.ListPricePerThousandPlays1To20Sec);
            Assert.Equal(3642403L, row.PlayMedian);

            XingtuKol none = XingtuKol.Join("k1", null, null, null, new[] { XingtuKolPart.Spread, XingtuKolPart.Profile }, fromLocalCache: false);
            Assert.Equal("Profile, Spread", none.MissingParts);
            Assert.Null(none.FetchedAt);
            Assert.Null(none.Followers);
            Assert.Null(none.PlayMedian);
            Assert.Null(none.ExpectedCpm1To20SecYuan);
        }

        [Fact]
        public void AuthorQuery_SpellsTheQueryAsInvokeJustOneApiDoes()
        {
            // Invoke-JustOneApi sends its query in name order; the same spelling is the same answer in the local store.
            ApiRequest profile = new AuthorQuery(SpreadPlatform.LiveStreaming).Profile("123", "KOL");
            Assert.Equal(
                ApiRequest.ComposeKey(AuthorQuery.ProfilePath, new[] { Pair("oAuthorId", "123"), Pair("platform", "LIVE_STREAMING") }.OrderBy(p => p.Key, StringComparer.Ordinal)),
                profile.Key);
            Assert.Equal("api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1?oAuthorId=123", new AuthorQuery(null).Price("123", "KOL").Key);
            Assert.NotNull(new AuthorQuery(null).Price("7.1E+18", "KOL").Refusal);
        }

        [Fact]
        public void WithSubject_RenamesTheRequestAndItsSuccessor_NotItsKey()
        {
            ApiRequest auto = TestSupport.Options(endpoint: SpreadEndpoint.Auto).For("123");
            ApiRequest renamed = auto.WithSubject("the Spread part of KOL '123'");
            Assert.Equal(auto, renamed);
            Assert.Equal(auto.Key, renamed.Key);
            Assert.Equal("the Spread part of KOL '123'", renamed.Subject);
            Assert.Equal("the Spread part of KOL '123'", renamed.Fallback!.Subject);
        }

        [Fact]
        public async Task Batch_SendsTheParts_OfARowTogether_AndGivesTheRowWhole_WhenAllAreDone()
        {
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int arrived = 0;
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                if (Interlocked.Increment(ref arrived) == 2)
                {
                    bothArrived.TrySetResult();
                }

                // The price part waits for the test; the profile part answers at once.
                if (request.RequestUri!.AbsolutePath.EndsWith("get_author_marketing_info/v1", StringComparison.Ordinal))
                {
                    await held.Task.WaitAsync(ct);
                    return TestSupport.Respond(200, System.Text.Encoding.UTF8.GetString(TestSupport.Success(PriceData)));
                }

                return TestSupport.Respond(200, System.Text.Encoding.UTF8.GetString(TestSupport.Success(ProfileData)));
            });
            using var h = new ClientHarness(handler, throttleLimit: 4);
            using var batch = new RequestBatch<object?>(h.Client, null, windowSize: 4, log: false);
            var author = new AuthorQuery(null);
            batch.Add(author.Profile("k1", "the Profile part of KOL 'k1'"), new PartReader<KolProfile>(new KolProfileReader()), "Profile", endsRow: false);
            batch.Add(author.Price("k1", "the Price part of KOL 'k1'"), new PartReader<KolPrice>(new KolPriceReader()), "Price", endsRow: true);

            // Both requests are out while the price part is held: the parts of a row are in flight together.
            await bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(15));
            var row = new List<RequestBatch<object?>.Entry>();
            Assert.False(batch.TryTakeRow(row));
            Assert.Equal(2, batch.Count);

            held.SetResult();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!batch.TryTakeRow(row))
            {
                Assert.True(DateTime.UtcNow < deadline, "the row never finished");
                batch.WaitForChange(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }

            Assert.Equal(new[] { "Profile", "Price" }, row.Select(entry => entry.Part));
            Assert.IsType<KolProfile>(row[0].Outcome.Result);
            Assert.IsType<KolPrice>(row[1].Outcome.Result);
            Assert.Equal(0, batch.Count);
        }

        [Fact]
        public void Batch_CountsRows_NotParts_TowardsItsWindow()
        {
            var handler = new FakeHandler((request, n, ct) => Task.FromResult(TestSupport.RespondCode(201)));
            using var h = new ClientHarness(handler, throttleLimit: 1);
            using var batch = new RequestBatch<object?>(h.Client, null, windowSize: 2, log: false);
            var reader = new PartReader<KolProfile>(new KolProfileReader());
            var author = new AuthorQuery(null);
            batch.Add(author.Profile("a", "a"), reader, "Profile", endsRow: false);
            batch.Add(author.Price("a", "a"), reader, "Price", endsRow: true);
            Assert.False(batch.IsFull);
            batch.Add(author.Profile("b", "b"), reader, "Profile", endsRow: false);
            Assert.False(batch.IsFull);
            batch.Add(author.Price("b", "b"), reader, "Price", endsRow: true);
            Assert.True(batch.IsFull);
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
    }
}
