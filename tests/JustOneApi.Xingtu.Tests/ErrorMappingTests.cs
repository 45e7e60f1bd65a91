using System;
using JustOneApi.Xingtu.Model;
using Xunit;
using ApiAnswer = JustOneApi.Xingtu.Model.ApiAnswer<JustOneApi.Xingtu.KolSpread>;
using KolSpreadBatch = JustOneApi.Xingtu.Client.RequestBatch<JustOneApi.Xingtu.KolSpread>;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    public class ErrorMappingTests
    {
        private static ApiAnswer Interpret(int status, string body) =>
            KolSpreadParser.Interpret(status, TestSupport.Utf8(body), TestSupport.Query());

        [Fact]
        public void CodeZero_IsSuccess()
        {
            Assert.Equal(Disposition.Success, ApiCodes.DispositionOf(0));
        }

        [Theory]
        [InlineData(100, "Stop", XingtuErrorKind.InvalidToken, true)]
        [InlineData(201, "Fail", XingtuErrorKind.NoData, false)]
        [InlineData(301, "Retry", XingtuErrorKind.CollectionFailed, false)]
        [InlineData(302, "Retry", XingtuErrorKind.RateLimited, false)]
        [InlineData(303, "Stop", XingtuErrorKind.DailyQuotaExceeded, true)]
        [InlineData(400, "Fail", XingtuErrorKind.InvalidParameters, false)]
        [InlineData(500, "Retry", XingtuErrorKind.ServerError, false)]
        [InlineData(600, "Stop", XingtuErrorKind.PermissionDenied, true)]
        [InlineData(601, "Stop", XingtuErrorKind.InsufficientBalance, true)]
        [InlineData(101, "Fail", XingtuErrorKind.UnknownCode, false)]
        [InlineData(202, "Fail", XingtuErrorKind.UnknownCode, false)]
        [InlineData(300, "Fail", XingtuErrorKind.UnknownCode, false)]
        [InlineData(404, "Fail", XingtuErrorKind.UnknownCode, false)]
        [InlineData(503, "Fail", XingtuErrorKind.UnknownCode, false)]
        [InlineData(602, "Fail", XingtuErrorKind.UnknownCode, false)]
        [InlineData(999, "Fail", XingtuErrorKind.UnknownCode, false)]
        public void EveryCode_MapsAsTheReadmeTableSays(int code, string dispositionName, XingtuErrorKind kind, bool accountLevel)
        {
            Disposition disposition = Enum.Parse<Disposition>(dispositionName);
            Assert.Equal(disposition, ApiCodes.DispositionOf(code));
            Assert.Equal(kind, ApiCodes.KindOf(code));
            Assert.Equal(accountLevel, ApiCodes.IsAccountLevel(kind));

            ApiAnswer answer = Interpret(200, TestSupport.ErrorEnvelope(code, "the api message", "req-7"));

            Assert.Equal(disposition, answer.Disposition);
            Assert.Null(answer.Result);
            XingtuApiException error = answer.Error!;
            Assert.Equal(kind, error.Kind);
            Assert.Equal(code, error.Code);
            Assert.Equal("the api message", error.ApiMessage);
            Assert.Equal("req-7", error.RequestId);
            Assert.Equal(200, error.HttpStatusCode);
            Assert.Equal(TestSupport.KolId, error.KolId);
            Assert.Equal(accountLevel, error.IsAccountLevel);
            Assert.Contains($"KOL '{TestSupport.KolId}'", error.Message);
            Assert.Contains("the api message", error.Message);
        }

        [Fact]
        public void NoToken_IsAccountLevel()
        {
            Assert.True(new XingtuApiException(XingtuErrorKind.NoToken, "none").IsAccountLevel);
            Assert.False(new XingtuApiException(XingtuErrorKind.InvalidKolId, "bad").IsAccountLevel);
        }

        [Fact]
        public void CodeSentAsString_IsRead()
        {
            ApiAnswer answer = Interpret(200, "{\"code\":\"303\",\"message\":\"quota\",\"data\":null}");

            Assert.Equal(Disposition.Stop, answer.Disposition);
            Assert.Equal(303, answer.Error!.Code);
        }

        [Theory]
        [InlineData(429, 303, "Stop", XingtuErrorKind.DailyQuotaExceeded)]
        [InlineData(429, 302, "Retry", XingtuErrorKind.RateLimited)]
        [InlineData(400, 400, "Fail", XingtuErrorKind.InvalidParameters)]
        [InlineData(500, 400, "Fail", XingtuErrorKind.InvalidParameters)]
        [InlineData(500, 500, "Retry", XingtuErrorKind.ServerError)]
        [InlineData(401, 100, "Stop", XingtuErrorKind.InvalidToken)]
        [InlineData(503, 601, "Stop", XingtuErrorKind.InsufficientBalance)]
        public void EnvelopeOnAnErrorStatus_IsDecidedByItsCode(int status, int code, string dispositionName, XingtuErrorKind kind)
        {
            Disposition disposition = Enum.Parse<Disposition>(dispositionName);
            ApiAnswer answer = Interpret(status, TestSupport.ErrorEnvelope(code));

            Assert.Equal(disposition, answer.Disposition);
            Assert.Equal(kind, answer.Error!.Kind);
            Assert.Equal(code, answer.Error.Code);
            Assert.Equal(status, answer.Error.HttpStatusCode);
        }

        [Fact]
        public void SuccessEnvelopeOnAnErrorStatus_IsASuccess()
        {
            ApiAnswer answer = KolSpreadParser.Interpret(500, TestSupport.SampleBytes(), TestSupport.Query());

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Equal(3642403L, answer.Result!.PlayMedian);
        }

        [Theory]
        [InlineData(502, XingtuErrorKind.HttpError)]
        [InlineData(503, XingtuErrorKind.HttpError)]
        [InlineData(504, XingtuErrorKind.HttpError)]
        [InlineData(500, XingtuErrorKind.HttpError)]
        [InlineData(408, XingtuErrorKind.HttpError)]
        [InlineData(429, XingtuErrorKind.RateLimited)]
        public void HtmlOnATransientStatus_IsRetried(int status, XingtuErrorKind kind)
        {
            ApiAnswer answer = Interpret(status, TestSupport.HtmlBody);

            Assert.Equal(Disposition.Retry, answer.Disposition);
            Assert.Equal(kind, answer.Error!.Kind);
            Assert.Equal(status, answer.Error.HttpStatusCode);
            Assert.Null(answer.Error.Code);
            Assert.Contains($"KOL '{TestSupport.KolId}'", answer.Error.Message);
            Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Error.Message);
        }

        [Theory]
        [InlineData(404)]
        [InlineData(403)]
        [InlineData(401)]
        [InlineData(400)]
        public void HtmlOnAPermanentStatus_Fails(int status)
        {
            ApiAnswer answer = Interpret(status, TestSupport.HtmlBody);

            Assert.Equal(Disposition.Fail, answer.Disposition);
            Assert.Equal(XingtuErrorKind.HttpError, answer.Error!.Kind);
            Assert.Equal(status, answer.Error.HttpStatusCode);
        }

        [Theory]
        [InlineData("")]
        [InlineData("not json at all")]
        [InlineData("<html>OK</html>")]
        [InlineData("{\"code\":0,\"data\":{\"play_mid\":\"1\"")]
        [InlineData("{\"message\":\"no code here\",\"data\":{}}")]
        [InlineData("{\"code\":null,\"data\":{}}")]
        [InlineData("{\"code\":\"zero\",\"data\":{}}")]
        [InlineData("[0]")]
        [InlineData("0")]
        public void MalformedBodyOn200_FailsWithoutRetry(string body)
        {
            ApiAnswer answer = Interpret(200, body);

            Assert.Equal(Disposition.Fail, answer.Disposition);
            Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error!.Kind);
            Assert.Equal(200, answer.Error.HttpStatusCode);
            Assert.Contains($"KOL '{TestSupport.KolId}'", answer.Error.Message);
        }

        [Theory]
        [InlineData("10001")]
        [InlineData("\"10001\"")]
        public void UpstreamStatusNonZero_IsUpstreamFailure(string statusCode)
        {
            ApiAnswer answer = Interpret(200,
                "{\"code\":0,\"requestId\":\"r-1\",\"data\":{\"play_mid\":\"5\",\"base_resp\":{\"status_code\":" + statusCode + ",\"status_message\":\"author not found\"}}}");

            Assert.Equal(Disposition.Fail, answer.Disposition);
            Assert.Null(answer.Result);
            XingtuApiException error = answer.Error!;
            Assert.Equal(XingtuErrorKind.UpstreamFailure, error.Kind);
            Assert.Equal("author not found", error.ApiMessage);
            Assert.Equal(0, error.Code);
            Assert.Equal("r-1", error.RequestId);
            Assert.Contains("author not found", error.Message);
            Assert.Contains("10001", error.Message);
            Assert.Contains($"KOL '{TestSupport.KolId}'", error.Message);
            Assert.False(error.IsAccountLevel);
        }

        [Fact]
        public void UpstreamStatusZero_IsASuccess()
        {
            ApiAnswer answer = Interpret(200, "{\"code\":0,\"data\":{\"play_mid\":\"5\",\"base_resp\":{\"status_code\":\"0\",\"status_message\":\"\"}}}");

            Assert.Equal(Disposition.Success, answer.Disposition);
            Assert.Equal(5L, answer.Result!.PlayMedian);
        }

        [Theory]
        [InlineData("{\"code\":0,\"message\":\"success\",\"data\":null,\"requestId\":\"r-2\"}")]
        [InlineData("{\"code\":0,\"message\":\"success\",\"requestId\":\"r-2\"}")]
        [InlineData("{\"code\":0,\"message\":\"success\",\"data\":\"oops\",\"requestId\":\"r-2\"}")]
        [InlineData("{\"code\":0,\"message\":\"success\",\"data\":[],\"requestId\":\"r-2\"}")]
        public void CodeZeroWithoutADataObject_IsMalformed(string body)
        {
            ApiAnswer answer = Interpret(200, body);

            Assert.Equal(Disposition.Fail, answer.Disposition);
            Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error!.Kind);
            Assert.Equal(0, answer.Error.Code);
            Assert.Equal("r-2", answer.Error.RequestId);
        }

        [Fact]
        public void TooLarge_IsMalformedWithoutRetry()
        {
            ApiAnswer answer = KolSpreadParser.TooLarge(200, TestSupport.Query());

            Assert.Equal(Disposition.Fail, answer.Disposition);
            Assert.Equal(XingtuErrorKind.MalformedResponse, answer.Error!.Kind);
            Assert.Equal(200, answer.Error.HttpStatusCode);
        }

        public static TheoryData<string?> BadKolIds => new TheoryData<string?>
        {
            null,
            string.Empty,
            "   ",
            "\t",
            "7.1E+18",
            "6.85312E+18",
            "6.85312e18",
            " 7.1E+18 ",
            new string('1', KolIdCheck.MaxLength + 1),
            "@{Name=no id here}",
            "System.Collections.Hashtable",
        };

        [Theory]
        [MemberData(nameof(BadKolIds))]
        public void KolIdCheck_FindsAProblem(string? kolId)
        {
            Assert.Equal(129, KolIdCheck.MaxLength + 1);
            string? problem = KolIdCheck.Problem(kolId);
            Assert.False(string.IsNullOrWhiteSpace(problem));
        }

        public static TheoryData<string> GoodKolIds => new TheoryData<string>
        {
            "6853123456789012345",
            "1",
            "a&b=c#d",
            "MS4wLjABAAAA+/x%y",
            "剧情搞笑",
            "71E18x",
            "@{",
            new string('1', KolIdCheck.MaxLength),
        };

        [Theory]
        [MemberData(nameof(GoodKolIds))]
        public void KolIdCheck_AcceptsOrdinaryIds(string kolId)
        {
            Assert.Null(KolIdCheck.Problem(kolId));
        }

        [Fact]
        public void KolIdCheck_WholeRow_SaysWhichColumnsBind()
        {
            Assert.Contains("no column named KolId", KolIdCheck.Problem("@{Name=x; Email=y}"), StringComparison.Ordinal);
        }

        [Fact]
        public void KolIdCheck_ScientificNotation_SaysSo()
        {
            Assert.Contains("scientific notation", KolIdCheck.Problem("7.1E+18"), StringComparison.Ordinal);
        }
    }
}
