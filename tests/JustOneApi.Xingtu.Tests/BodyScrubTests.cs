using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Transport;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// A billed body is scrubbed of this call's own token only: another party's token= comes through byte for byte,
    /// and a body that was valid JSON stays valid JSON, so no answer that was paid for is lost to the scrubbing.
    /// </summary>
    public sealed class BodyScrubTests
    {
        // A signed CDN link with its own token, and the same link quoted inside an HTML attribute, escaped as JSON escapes it.
        private const string ForeignData =
            "{\"cover\":\"https://cdn.example.invalid/c.jpg?token=abc123&e=1\",\"bio\":\"href=\\\"https://x.example.invalid/?token=abc\\\"\",\"id\":1234567890123456789}";

        private static readonly ApiRequest Raw = new ApiRequest("api/any/v1", new[] { new System.Collections.Generic.KeyValuePair<string, string>("kolId", "1") }, "request '1'", "/api/any/v1?kolId=1", "1");

        [Fact]
        public async Task ABodyQuotingAnotherPartysToken_ComesThroughByteForByte()
        {
            byte[] body = TestSupport.Success(ForeignData);
            using var h = new ClientHarness(new FakeHandler((request, n, ct) => Task.FromResult(TestSupport.Respond(200, Encoding.UTF8.GetString(body)))));

            Outcome<object?> outcome = await h.Client.FetchAsync(Raw, new JsonDataReader(raw: true), null, default);

            Assert.Null(outcome.Error);
            Assert.Equal(Encoding.UTF8.GetString(body), (string)outcome.Result!);
        }

        [Fact]
        public async Task AForeignTokenBeforeAnEscapedQuote_LeavesTheBilledAnswerValid()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => TestSupport.Respond(200, Encoding.UTF8.GetString(TestSupport.Success("{\"note\":\"href=\\\"https://x/?token=abc\\\"\"}")))));

            Outcome<object?> outcome = await h.Client.FetchAsync(Raw, new JsonDataReader(raw: false), null, default);

            Assert.Null(outcome.Error);
            Assert.Equal("href=\"https://x/?token=abc\"", ((JsonElement)outcome.Result!).GetProperty("note").GetString());
        }

        [Theory]
        [InlineData("{\"echo\":\"https://kol-api.example.invalid/v1?token=S3cr3t%2BT0k%2Fen&kolId=1\"}")]
        [InlineData("{\"echo\":\"S3cr3t+T0k/en\"}")]
        [InlineData("{\"echo\":\"S3cr3t\\u002BT0k\\/en\"}")]
        [InlineData("{\"S3cr3t+T0k/en\":1}")]
        public void OurOwnToken_IsTakenOut_AndTheJsonStaysValid(string data)
        {
            byte[] scrubbed = Redaction.ScrubBody(TestSupport.Success(data), Redaction.FormsOf(TestSupport.Token));

            string text = Encoding.UTF8.GetString(scrubbed);
            using JsonDocument document = JsonDocument.Parse(text);
            Assert.DoesNotContain(TestSupport.TokenMarker, text);
            Assert.DoesNotContain(TestSupport.TokenMarker, document.RootElement.GetRawText().Replace("\\u002B", "+"));
        }

        [Fact]
        public void ATokenSpelledAcrossAnEscape_IsRewrittenAsValidJson()
        {
            // The token "u0041bc" sits inside the escape \u0041: masking the text would leave "\***", not JSON.
            byte[] body = Encoding.UTF8.GetBytes("{\"code\":0,\"data\":{\"a\":\"x\\u0041bc\",\"n\":12345678901234567890}}");

            byte[] scrubbed = Redaction.ScrubBody(body, Redaction.FormsOf("u0041bc"));

            using JsonDocument document = JsonDocument.Parse(scrubbed);
            Assert.Equal("xAbc", document.RootElement.GetProperty("data").GetProperty("a").GetString());
            Assert.Equal("12345678901234567890", document.RootElement.GetProperty("data").GetProperty("n").GetRawText());
        }

        [Fact]
        public void ABodyWithoutOurToken_IsTheSameArray()
        {
            byte[] body = TestSupport.Success(ForeignData);
            Assert.Same(body, Redaction.ScrubBody(body, Redaction.FormsOf(TestSupport.Token)));
        }
    }
}
