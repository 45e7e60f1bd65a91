using System;
using System.Globalization;
using JustOneApi.Xingtu.Model;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// The model's messages (Model/) come in Chinese under a zh-* UI culture and stay as they were under en-US: one
    /// built from parts, ones with numbers in their holes, a field anomaly, a refused path, id and option.
    /// </summary>
    public class ModelTextsTests
    {
        private const string Kol = "KOL '" + TestSupport.KolId + "'";

        [Fact]
        public void AnEmptyBodyIsOneSentenceBuiltFromItsParts()
        {
            Said(
                () => KolSpreadParser.Interpret(200, Array.Empty<byte>(), TestSupport.Query()).Error!.Message,
                $"The API answered {Kol} with HTTP 200 and an empty body, not a result.",
                $"API 对 {Kol} 返回了 HTTP 200，附带空的应答体，不是结果。");
        }

        [Fact]
        public void AFailedStatusOfXingtuNamesItsNumberAndTheMissingMessage()
        {
            Said(
                () => KolSpreadParser.Interpret(200, TestSupport.Success("{\"base_resp\":{\"status_code\":1001}}"), TestSupport.Query()).Error!.Message,
                $"Xingtu failed for {Kol} (base_resp status 1001: (no message)). This call is billed.",
                $"星图处理 {Kol} 失败（base_resp 状态 1001：无说明）。此次调用计费。");
        }

        [Fact]
        public void AnswerWithoutDataSaysWhatItLacked()
        {
            Said(
                () => KolSpreadParser.Interpret(200, TestSupport.Success("[1]"), TestSupport.Query()).Error!.Message,
                $"The API answered {Kol} with code 0 but no data object. This call is billed.",
                $"API 对 {Kol} 返回了代码 0，但没有 data 对象。此次调用计费。");
        }

        [Fact]
        public void AFieldThatIsNotANumberIsAnAnomalyInTheUsersLanguage()
        {
            Said(
                () => Assert.Single(KolSpreadParser.Interpret(200, TestSupport.Success("{\"play_mid\":\"12.5\"}"), TestSupport.Query()).Anomalies),
                "play_mid = '12.5' is not a whole number in range",
                "play_mid = '12.5' 不是范围内的整数");
            Said(
                () => Assert.Single(KolSpreadParser.Interpret(200, TestSupport.Success("{\"play_mid\":[]}"), TestSupport.Query()).Anomalies),
                "play_mid is a JSON array, not a number",
                "play_mid 是 JSON array，不是数字");
        }

        [Fact]
        public void ARefusedPathShowsItsCharacterCodeInHex()
        {
            Said(
                () => EndpointPath.Problem("/api/a b")!,
                "The path '/api/a b' holds the character ' ' (U+0020). Endpoint paths hold only letters, digits, '-', '_', '.' and '/'.",
                "路径 '/api/a b' 含有字符 ' '（U+0020）。接口路径只能含有字母、数字、'-'、'_'、'.' 和 '/'。");
            Said(
                () => EndpointPath.Problem(" ")!,
                "The path is empty. Give an endpoint path such as /api/douyin-xingtu/gw/api/author/get_author_base_info/v1.",
                "路径为空。请给出接口路径，例如 /api/douyin-xingtu/gw/api/author/get_author_base_info/v1。");
        }

        [Fact]
        public void AnInvisibleCharacterIsDescribedInTheSentencesLanguage()
        {
            Said(
                () => KolIdCheck.Problem("6853\u0001123")!,
                "The KolId '6853<U+0001>123' holds an invisible character inside it, U+0001 (a control character) at position 5, copied along with the id; no author has such an id. Retype the id, or remove the character. It was not sent.",
                "KolId '6853<U+0001>123' 中间含有一个不可见字符：第 5 个位置的 U+0001（控制字符），是随 ID 一起复制进来的；没有作者的 ID 是这样的。请重新输入该 ID，或删除这个字符。它没有被发送。");
        }

        [Fact]
        public void ALinkWithTwoIdsCountsThem()
        {
            const string Link = "https://www.xingtu.cn/a/1234567890123/" + TestSupport.KolId;
            Said(
                () => KolIdNormalizer.Normalize(Link).Problem!,
                $"The KolId '{Link}' is a Xingtu link whose path holds 2 runs of ten or more digits (1234567890123, {TestSupport.KolId}), so which one is the author id is unclear. Pass the author id itself. It was not sent.",
                $"KolId '{Link}' 是星图链接，但其路径中有 2 段 10 位或以上的连续数字（1234567890123, {TestSupport.KolId}），无法确定哪一段是作者 ID。请传入作者 ID 本身。它没有被发送。");
        }

        [Fact]
        public void AFlowTypeTheV2EndpointDoesNotTakeIsRefused()
        {
            Said(
                () => TestSupport.Options(flowType: "Other", endpoint: SpreadEndpoint.V2).For(TestSupport.KolId).Refusal!,
                $"The FlowType 'Other' cannot be sent to the V2 spread endpoint, which takes only Exclude or Include; {Kol} was not fetched.",
                $"FlowType 'Other' 无法发送到 V2 传播数据接口，它只接受 Exclude 或 Include；{Kol} 没有被获取。");
        }

        /// <summary>What <paramref name="say"/> says under en-US and under zh-CN; the UI culture is restored after.</summary>
        private static void Said(Func<string> say, string english, string chinese)
        {
            CultureInfo saved = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo("en-US");
                Assert.Equal(english, say());
                CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
                Assert.Equal(chinese, say());
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }
    }
}
