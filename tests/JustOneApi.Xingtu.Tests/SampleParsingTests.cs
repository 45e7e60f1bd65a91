using System;
using System.IO;
using System.Linq;
using JustOneApi.Xingtu.Model;
using Xunit;
using ApiAnswer = JustOneApi.Xingtu.Model.ApiAnswer<JustOneApi.Xingtu.KolSpread>;
using KolSpreadBatch = JustOneApi.Xingtu.Client.RequestBatch<JustOneApi.Xingtu.KolSpread>;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    public class SampleParsingTests
    {
        private static KolSpread Parse(byte[] body, string kolId = TestSupport.KolId, SpreadQuery? options = null)
        {
            options ??= TestSupport.Options();
            ApiAnswer answer = KolSpreadParser.Interpret(200, body, options.For(kolId), options);
            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Null(answer.Error);
            Assert.NotNull(answer.Result);
            return answer.Result!;
        }

        private static void AssertSampleValues(KolSpread s)
        {
            Assert.Equal(3642403L, s.PlayMedian);
            Assert.Equal(95028L, s.LikeAverage);
            Assert.Equal(4192L, s.CommentAverage);
            Assert.Equal(9637L, s.ShareAverage);
            Assert.Equal(3L, s.VideoCount);
            Assert.Equal(2600d, s.AverageDuration);

            Assert.Equal(244d, s.InteractionRate);
            Assert.Equal(5973d, s.InteractionRatePeerStanding);
            Assert.Equal("剧情搞笑", s.InteractionRatePeerCategory);
            Assert.Equal(1113d, s.CompletionRate);
            Assert.Equal(6400d, s.CompletionRatePeerStanding);
            Assert.Equal("剧情搞笑", s.CompletionRatePeerCategory);
            Assert.Equal(540887d, s.PlayStability);
            Assert.Equal(8865d, s.PlayStabilityPeerStanding);
            Assert.Equal("剧情搞笑", s.PlayStabilityPeerCategory);

            Assert.Equal(5657L, s.ExpectedCpm1To20Sec);
            Assert.Equal(14140L, s.ExpectedCpm21To60Sec);
            Assert.Equal(14140L, s.ExpectedCpmOver60Sec);
            Assert.Equal(254L, s.ExpectedCpe1To20Sec);
            Assert.Equal(635L, s.ExpectedCpe21To60Sec);
            Assert.Equal(635L, s.ExpectedCpeOver60Sec);
            Assert.Equal(6619L, s.SalesExpectedCpm1To20Sec);
            Assert.Equal(16543L, s.SalesExpectedCpm21To60Sec);
            Assert.Equal(16543L, s.SalesExpectedCpmOver60Sec);

            Assert.Equal(3L, s.ItemRateVideoCount);
            Assert.Equal(10800d, s.ItemRateVideoCountPeerStanding);
            Assert.Null(s.ItemRateVideoCountPeerCategory);
            Assert.Equal(3642403L, s.ItemRatePlayMedian);
            Assert.Equal(9993d, s.ItemRatePlayMedianPeerStanding);
            Assert.Null(s.ItemRatePlayMedianPeerCategory);
            Assert.Null(s.ItemRateInteractionRate);
            Assert.Null(s.ItemRateInteractionRatePeerStanding);
            Assert.Null(s.ItemRateInteractionRatePeerCategory);
        }

        [Fact]
        public void Sample_ParsesToTheDocumentedValues()
        {
            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.SampleBytes(), TestSupport.Query());

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Empty(answer.Anomalies);
            KolSpread s = answer.Result!;
            AssertSampleValues(s);
            Assert.Null(s.RequestId);
            Assert.Null(s.RecordTime);
        }

        [Fact]
        public void Sample_EchoesTheQuery_WithTheApiDefaultsForTypeAndRange()
        {
            KolSpread s = Parse(TestSupport.SampleBytes(), "abc");
            Assert.Equal("abc", s.KolId);
            Assert.Equal(SpreadType.PersonalVideo, s.Type);
            Assert.Equal(SpreadRange.Last30Days, s.Range);
            Assert.Null(s.FlowType);
            Assert.False(s.OnlyAssign);

            s = Parse(TestSupport.SampleBytes(), "id-2", TestSupport.Options(SpreadType.XingtuVideo, SpreadRange.Last90Days, "7", true, true));
            Assert.Equal("id-2", s.KolId);
            Assert.Equal(SpreadEndpoint.V1, s.Endpoint);
            Assert.Equal(SpreadPlatform.ShortVideo, s.Platform);
            Assert.Equal(TestSupport.ReceivedAt, s.FetchedAt);
            Assert.False(s.FromLocalCache);
            Assert.Equal(SpreadType.XingtuVideo, s.Type);
            Assert.Equal(SpreadRange.Last90Days, s.Range);
            Assert.Equal("7", s.FlowType);
            Assert.True(s.OnlyAssign);
        }

        [SharedSampleFact]
        public void LinkedSample_IsByteForByteTheSharedOne()
        {
            string[] found = SharedSampleFactAttribute.Candidates().Where(File.Exists).ToArray();
            Assert.NotEmpty(found);

            byte[] linked = TestSupport.SampleBytes();
            Assert.NotEmpty(linked);
            foreach (string shared in found)
            {
                Assert.True(File.ReadAllBytes(shared).SequenceEqual(linked), $"{TestSupport.SamplePath} differs from {shared}.");
            }
        }

        [Fact]
        public void NumbersSentAsJsonNumbers_GiveTheSameValues()
        {
            const string data = @"{
                ""avg_duration"": 2600, ""comment_avg"": 4192, ""item_num"": 3, ""like_avg"": 95028, ""play_mid"": 3642403, ""share_avg"": 9637,
                ""base_resp"": { ""status_code"": 0, ""status_message"": """" },
                ""expect_cpe"": { ""cpe_1_20"": 254, ""cpe_21_60"": 635, ""cpe_60"": 635 },
                ""expect_cpm"": { ""cpm_1_20"": 5657, ""cpm_21_60"": 14140, ""cpm_60"": 14140 },
                ""sales_expect_cpm"": { ""cpm_1_20"": 6619, ""cpm_21_60"": 16543, ""cpm_60"": 16543 },
                ""interact_rate"": { ""label"": ""剧情搞笑"", ""overtake"": ""5973"", ""value"": ""244"" },
                ""play_over_rate"": { ""label"": ""剧情搞笑"", ""overtake"": 6400, ""value"": 1113 },
                ""play_stability"": { ""label"": ""剧情搞笑"", ""overtake"": 8865, ""value"": 540887 },
                ""item_rate"": {
                    ""interact_rate"": {},
                    ""item_num"": { ""label"": """", ""overtake"": 10800, ""value"": ""3"" },
                    ""play_mid"": { ""label"": null, ""overtake"": 9993, ""value"": 3642403 }
                }
            }";

            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success(data), TestSupport.Query());

            Assert.Empty(answer.Anomalies);
            AssertSampleValues(answer.Result!);
        }

        [Fact]
        public void NullEmptyMissingAndEmptyObjects_GiveNull_NeverZero()
        {
            const string data = @"{
                ""play_mid"": null, ""like_avg"": """", ""comment_avg"": ""   "",
                ""avg_duration"": null,
                ""interact_rate"": {},
                ""play_over_rate"": { ""label"": """", ""overtake"": null, ""value"": """" },
                ""expect_cpm"": {},
                ""item_rate"": {}
            }";

            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success(data), TestSupport.Query());

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Empty(answer.Anomalies);
            KolSpread s = answer.Result!;
            Assert.Null(s.PlayMedian);
            Assert.Null(s.LikeAverage);
            Assert.Null(s.CommentAverage);
            Assert.Null(s.ShareAverage);
            Assert.Null(s.VideoCount);
            Assert.Null(s.AverageDuration);
            Assert.Null(s.InteractionRate);
            Assert.Null(s.InteractionRatePeerStanding);
            Assert.Null(s.InteractionRatePeerCategory);
            Assert.Null(s.CompletionRate);
            Assert.Null(s.CompletionRatePeerStanding);
            Assert.Null(s.CompletionRatePeerCategory);
            Assert.Null(s.PlayStability);
            Assert.Null(s.ExpectedCpm1To20Sec);
            Assert.Null(s.ExpectedCpe1To20Sec);
            Assert.Null(s.SalesExpectedCpmOver60Sec);
            Assert.Null(s.ItemRateVideoCount);
            Assert.Null(s.ItemRatePlayMedian);
        }

        [Fact]
        public void EmptyDataObject_IsASuccessWithEveryMetricNull()
        {
            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success("{}"), TestSupport.Query());

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Empty(answer.Anomalies);
            KolSpread s = answer.Result!;
            Assert.Equal(TestSupport.KolId, s.KolId);
            Assert.Null(s.PlayMedian);
            Assert.Null(s.AverageDuration);
            Assert.Null(s.InteractionRate);
            Assert.Null(s.ExpectedCpmOver60Sec);
            Assert.Null(s.ItemRateInteractionRate);
        }

        [Fact]
        public void NonNumericString_GivesNullAndAnAnomaly()
        {
            ApiAnswer answer = KolSpreadParser.Interpret(
                200, TestSupport.Success(@"{ ""like_avg"": ""abc"", ""play_mid"": ""5"", ""interact_rate"": { ""value"": ""n/a"", ""overtake"": 1 } }"), TestSupport.Query());

            Assert.Equal(Disposition.Success, answer.Disposition);
            KolSpread s = answer.Result!;
            Assert.Null(s.LikeAverage);
            Assert.Equal(5L, s.PlayMedian);
            Assert.Null(s.InteractionRate);
            Assert.Equal(1d, s.InteractionRatePeerStanding);
            Assert.Equal(2, answer.Anomalies.Count);
            Assert.Contains(answer.Anomalies, a => a.Contains("like_avg") && a.Contains("abc"));
            Assert.Contains(answer.Anomalies, a => a.Contains("interact_rate.value") && a.Contains("n/a"));
        }

        [Fact]
        public void WrongJsonKind_GivesNullAndAnAnomaly()
        {
            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success(@"{ ""share_avg"": true, ""item_num"": [1] }"), TestSupport.Query());

            KolSpread s = answer.Result!;
            Assert.Null(s.ShareAverage);
            Assert.Null(s.VideoCount);
            Assert.Equal(2, answer.Anomalies.Count);
            Assert.Contains(answer.Anomalies, a => a.Contains("share_avg"));
            Assert.Contains(answer.Anomalies, a => a.Contains("item_num"));
        }

        [Theory]
        [InlineData("\"12.0\"", 12L)]
        [InlineData("12.0", 12L)]
        [InlineData("\"1.2e3\"", 1200L)]
        [InlineData("\" 42 \"", 42L)]
        [InlineData("\"-7\"", -7L)]
        [InlineData("\"9223372036854775807\"", long.MaxValue)]
        public void WholeNumberSpellings_ReadAsLong(string json, long expected)
        {
            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success("{ \"play_mid\": " + json + " }"), TestSupport.Query());

            Assert.Empty(answer.Anomalies);
            Assert.Equal(expected, answer.Result!.PlayMedian);
        }

        [Theory]
        [InlineData("\"9223372036854775808\"")]
        [InlineData("99999999999999999999")]
        [InlineData("1e30")]
        [InlineData("\"12.5\"")]
        public void NotAWholeNumberInRange_GivesNullAndAnAnomaly(string json)
        {
            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success("{ \"play_mid\": " + json + ", \"like_avg\": \"1\" }"), TestSupport.Query());

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Null(answer.Result!.PlayMedian);
            Assert.Equal(1L, answer.Result.LikeAverage);
            string anomaly = Assert.Single(answer.Anomalies);
            Assert.StartsWith("play_mid", anomaly);
        }

        [Fact]
        public void DoubleBeyondRange_GivesNullAndAnAnomaly()
        {
            ApiAnswer answer = KolSpreadParser.Interpret(200, TestSupport.Success("{ \"avg_duration\": 1e400 }"), TestSupport.Query());

            Assert.Null(answer.Result!.AverageDuration);
            Assert.StartsWith("avg_duration", Assert.Single(answer.Anomalies));
        }

        [Fact]
        public void EnvelopeRequestIdAndRecordTime_AreCarried()
        {
            KolSpread s = Parse(TestSupport.Success("{ \"play_mid\": \"1\" }", requestId: "9f1c-req", recordTime: "2026-01-02 03:04:05"));

            Assert.Equal("9f1c-req", s.RequestId);
            Assert.Equal("2026-01-02 03:04:05", s.RecordTime);
            Assert.Equal(1L, s.PlayMedian);
        }

        [Fact]
        public void ByteOrderMark_IsAccepted()
        {
            byte[] sample = TestSupport.SampleBytes();
            byte[] withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(sample).ToArray();

            AssertSampleValues(Parse(withBom));
        }
    }
}
