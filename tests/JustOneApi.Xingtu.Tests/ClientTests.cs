using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Transport;
using Xunit;
using ApiAnswer = JustOneApi.Xingtu.Model.ApiAnswer<JustOneApi.Xingtu.KolSpread>;
using KolSpreadBatch = JustOneApi.Xingtu.Client.RequestBatch<JustOneApi.Xingtu.KolSpread>;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    public class ClientTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private static void AssertNoTokenIn(ClientHarness harness, KolSpreadOutcome outcome)
        {
            foreach (string line in harness.Log)
            {
                Assert.DoesNotContain(TestSupport.TokenMarker, line);
            }

            for (Exception? ex = outcome.Error; ex != null; ex = ex.InnerException)
            {
                Assert.DoesNotContain(TestSupport.TokenMarker, ex.Message);
                Assert.DoesNotContain(TestSupport.TokenMarker, ex.ToString());
            }
        }

        [Fact]
        public async Task RateLimitedTwice_ThenSuccess_TakesExactlyThreeRequests()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(
                () => TestSupport.RespondCode(302),
                () => TestSupport.RespondCode(302),
                TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Null(outcome.Error);
            Assert.False(outcome.Canceled);
            Assert.Equal(3642403L, outcome.Result!.PlayMedian);
            Assert.Equal(3, h.Handler.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, h.Delays.ToArray());
            Assert.True(h.Gate.CurrentSpacing > TimeSpan.Zero);
        }

        public static TheoryData<string, XingtuErrorKind> Retried => new TheoryData<string, XingtuErrorKind>
        {
            { "code 301", XingtuErrorKind.CollectionFailed },
            { "code 302", XingtuErrorKind.RateLimited },
            { "code 500", XingtuErrorKind.ServerError },
            { "HTTP 503 HTML", XingtuErrorKind.HttpError },
            { "HTTP 502 HTML", XingtuErrorKind.HttpError },
            { "HTTP 429", XingtuErrorKind.RateLimited },
            { "HTTP 408", XingtuErrorKind.HttpError },
        };

        private static HttpResponseMessage Answer(string what) => what switch
        {
            "code 301" => TestSupport.RespondCode(301),
            "code 302" => TestSupport.RespondCode(302),
            "code 500" => TestSupport.RespondCode(500),
            "HTTP 503 HTML" => TestSupport.RespondHtml(503),
            "HTTP 502 HTML" => TestSupport.RespondHtml(502),
            "HTTP 429" => TestSupport.Respond(429, string.Empty, "text/plain"),
            "HTTP 408" => TestSupport.Respond(408, string.Empty, "text/plain"),
            "code 400" => TestSupport.RespondCode(400),
            "code 201" => TestSupport.RespondCode(201),
            "code 100" => TestSupport.RespondCode(100),
            "code 303" => TestSupport.RespondCode(303),
            "code 600" => TestSupport.RespondCode(600),
            "code 601" => TestSupport.RespondCode(601),
            "code 999" => TestSupport.RespondCode(999),
            "HTTP 404 HTML" => TestSupport.RespondHtml(404),
            "base_resp" => TestSupport.Respond(200, "{\"code\":0,\"data\":{\"base_resp\":{\"status_code\":1,\"status_message\":\"upstream\"}}}"),
            "malformed 200" => TestSupport.Respond(200, "{\"code\":0,\"data\":{", "application/json"),
            "empty 200" => TestSupport.Respond(200, string.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
        };

        public static TheoryData<string> RetriedAnswers => new TheoryData<string>(Retried.Select(row => (string)row[0]));

        [Theory]
        [MemberData(nameof(RetriedAnswers))]
        public async Task RetriedAnswer_ThenSuccess(string what)
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => Answer(what), TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.NotNull(outcome.Result);
            Assert.Equal(2, h.Handler.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, h.Delays.ToArray());
        }

        [Theory]
        [MemberData(nameof(Retried))]
        public async Task RetriedAnswer_UntilRetriesRunOut_FailsWithItsKind(string what, XingtuErrorKind kind)
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => Answer(what)), maximumRetryCount: 3);

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Null(outcome.Result);
            Assert.False(outcome.Canceled);
            XingtuApiException error = outcome.Error!;
            Assert.Equal(kind, error.Kind);
            Assert.Equal(4, error.Attempts);
            Assert.Equal(4, h.Handler.Count);
            Assert.Equal(TestSupport.KolId, error.KolId);
            Assert.Contains("Gave up after 4 attempts", error.Message);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }, h.Delays.ToArray());
            AssertNoTokenIn(h, outcome);
        }

        [Theory]
        [InlineData("code 400", XingtuErrorKind.InvalidParameters)]
        [InlineData("code 201", XingtuErrorKind.NoData)]
        [InlineData("code 100", XingtuErrorKind.InvalidToken)]
        [InlineData("code 303", XingtuErrorKind.DailyQuotaExceeded)]
        [InlineData("code 600", XingtuErrorKind.PermissionDenied)]
        [InlineData("code 601", XingtuErrorKind.InsufficientBalance)]
        [InlineData("code 999", XingtuErrorKind.UnknownCode)]
        [InlineData("HTTP 404 HTML", XingtuErrorKind.HttpError)]
        [InlineData("base_resp", XingtuErrorKind.UpstreamFailure)]
        [InlineData("malformed 200", XingtuErrorKind.MalformedResponse)]
        [InlineData("empty 200", XingtuErrorKind.MalformedResponse)]
        public async Task FinalAnswer_IsSentExactlyOnce(string what, XingtuErrorKind kind)
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => Answer(what), TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Equal(kind, outcome.Error!.Kind);
            Assert.Equal(1, outcome.Error.Attempts);
            Assert.Equal(1, h.Handler.Count);
            Assert.Empty(h.Delays);
            Assert.DoesNotContain("Gave up", outcome.Error.Message);
        }

        [Theory]
        [InlineData(100)]
        [InlineData(303)]
        [InlineData(600)]
        [InlineData(601)]
        public async Task AfterAnAccountLevelStop_NoFurtherRequestIsSent(int code)
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => TestSupport.RespondCode(code), TestSupport.RespondSample));

            KolSpreadOutcome first = await h.FetchAsync(TestSupport.Query("first"));
            KolSpreadOutcome second = await h.FetchAsync(TestSupport.Query("second"));

            Assert.True(first.Error!.IsAccountLevel);
            Assert.Equal(code, first.Error.Code);
            Assert.Equal(1, h.Handler.Count);
            Assert.True(second.Canceled);
            Assert.Null(second.Result);
        }

        [Fact]
        public async Task RetryAfterHeader_IsWaitedOut()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(
                () =>
                {
                    HttpResponseMessage busy = TestSupport.Respond(429, string.Empty, "text/plain");
                    busy.Headers.Add("Retry-After", "7");
                    return busy;
                },
                TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.NotNull(outcome.Result);
            Assert.Equal(2, h.Handler.Count);
            TimeSpan waited = Assert.Single(h.Delays);
            // The jitter is fixed at 0 and the computed wait is 1 s, so the wait is exactly the 7 s asked for.
            Assert.Equal(TimeSpan.FromSeconds(7), waited);
        }

        [Fact]
        public async Task RetryAfterBeyondTheLimit_FailsWithoutWaiting()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(
                () =>
                {
                    HttpResponseMessage busy = TestSupport.RespondHtml(503);
                    busy.Headers.Add("Retry-After", "3600");
                    return busy;
                },
                TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Equal(XingtuErrorKind.HttpError, outcome.Error!.Kind);
            Assert.Equal(1, h.Handler.Count);
            Assert.Empty(h.Delays);
        }

        [Fact]
        public async Task ConnectionFailure_IsRetried_AndNeverShowsTheToken()
        {
            var handler = new FakeHandler((request, n, ct) =>
                throw new HttpRequestException(
                    $"Connection refused ({request.RequestUri!.AbsoluteUri})",
                    new IOException($"socket closed while sending {request.RequestUri.OriginalString}; token {TestSupport.Token}")));
            using var h = new ClientHarness(handler, maximumRetryCount: 2);

            KolSpreadOutcome outcome = await h.FetchAsync();

            XingtuApiException error = outcome.Error!;
            Assert.Equal(XingtuErrorKind.ConnectionFailed, error.Kind);
            Assert.Equal(3, error.Attempts);
            Assert.Equal(3, h.Handler.Count);
            Assert.Equal(2, h.Delays.Count);
            Assert.Contains("Connection refused", error.Message);
            Assert.Contains("token=***", error.Message);
            Assert.Null(error.InnerException);
            Assert.NotEmpty(h.Log);
            AssertNoTokenIn(h, outcome);
        }

        [Fact]
        public async Task NoAnswerWithinTheTimeout_IsATimeout_AndRetried()
        {
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
            using var h = new ClientHarness(handler, maximumRetryCount: 1, timeout: TimeSpan.FromMilliseconds(20));

            KolSpreadOutcome outcome = await h.FetchAsync().WaitAsync(Patience);

            Assert.False(outcome.Canceled);
            XingtuApiException error = outcome.Error!;
            Assert.Equal(XingtuErrorKind.Timeout, error.Kind);
            Assert.Equal(2, error.Attempts);
            Assert.Equal(2, h.Handler.Count);
            Assert.Single(h.Delays);
            AssertNoTokenIn(h, outcome);
        }

        [Fact]
        public async Task TheRequest_CarriesTokenAndParameters_AndTheLogMasksTheToken()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(TestSupport.RespondSample));
            var query = TestSupport.Query("a&b 1", SpreadType.XingtuVideo, SpreadRange.Last90Days, "1", true, false);

            KolSpreadOutcome outcome = await h.FetchAsync(query);

            Assert.Equal("a&b 1", outcome.Result!.KolId);
            Uri sent = Assert.Single(h.Handler.Requests);
            Assert.Equal(
                "https://kol-api.example.invalid/api/douyin-xingtu/get-kol-spread-info/v1?token=S3cr3t%2BT0k%2Fen&kolId=a%26b%201&type=_2&range=_3&flowType=1&onlyAssign=true",
                sent.AbsoluteUri);
            Assert.Equal(TestSupport.Token, TestSupport.QueryOf(sent)["token"]);

            Assert.Contains(h.Log, line => line.StartsWith("GET ", StringComparison.Ordinal) && line.Contains("token=***&kolId=a%26b%201&type=_2"));
            AssertNoTokenIn(h, outcome);
        }

        [Fact]
        public async Task RetriedRequests_AreLoggedWithoutTheToken()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => TestSupport.RespondCode(301), TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.NotNull(outcome.Result);
            Assert.Contains(h.Log, line => line.Contains("token=***") && line.Contains("(attempt 2)"));
            Assert.Contains(h.Log, line => line.Contains("Retry 1 of 3"));
            AssertNoTokenIn(h, outcome);
        }

        [Fact]
        public async Task CancellationDuringARequest_GivesTheCanceledOutcome()
        {
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                arrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
            using var h = new ClientHarness(handler);
            using var cancel = new CancellationTokenSource();

            Task<KolSpreadOutcome> fetch = h.FetchAsync(cancellationToken: cancel.Token);
            await arrived.Task.WaitAsync(Patience);
            cancel.Cancel();
            KolSpreadOutcome outcome = await fetch.WaitAsync(Patience);

            Assert.True(outcome.Canceled);
            Assert.Null(outcome.Error);
            Assert.Null(outcome.Result);
            Assert.Equal(1, h.Handler.Count);
        }

        [Fact]
        public async Task CancellationDuringTheBackOff_GivesTheCanceledOutcome()
        {
            using var cancel = new CancellationTokenSource();
            using var h = new ClientHarness(
                FakeHandler.Scripted(() => TestSupport.RespondCode(500), TestSupport.RespondSample),
                delay: (wait, ct) =>
                {
                    cancel.Cancel();
                    return Task.Delay(Timeout.Infinite, ct);
                });

            KolSpreadOutcome outcome = await h.FetchAsync(cancellationToken: cancel.Token).WaitAsync(Patience);

            Assert.True(outcome.Canceled);
            Assert.Equal(1, h.Handler.Count);
        }

        [Fact]
        public async Task AlreadyCanceled_SendsNothing()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync(cancellationToken: new CancellationToken(true));

            Assert.True(outcome.Canceled);
            Assert.Equal(0, h.Handler.Count);
        }

        [Theory]
        [InlineData("")]
        [InlineData("  ")]
        [InlineData("7.1E+18")]
        public async Task InvalidKolId_SendsNoRequest(string kolId)
        {
            using var h = new ClientHarness(FakeHandler.Scripted(TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync(TestSupport.Query(kolId));

            Assert.Equal(XingtuErrorKind.InvalidKolId, outcome.Error!.Kind);
            Assert.Equal(0, outcome.Error.Attempts);
            Assert.Equal(kolId, outcome.Error.KolId);
            Assert.Equal(0, h.Handler.Count);
            Assert.Empty(h.Log);
        }

        [Fact]
        public async Task DeclaredBodyOverTheCap_IsMalformed_AndNotRetried()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(
                () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[HttpTransport.MaxBodyBytes + 1]) },
                TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Equal(XingtuErrorKind.MalformedResponse, outcome.Error!.Kind);
            Assert.Equal(200, outcome.Error.HttpStatusCode);
            Assert.Equal(1, h.Handler.Count);
            Assert.Empty(h.Delays);
        }

        [Fact]
        public async Task UndeclaredBodyOverTheCap_IsMalformed_AndNotRetried()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(
                () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnsizedContent(HttpTransport.MaxBodyBytes + 1) },
                TestSupport.RespondSample));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Equal(XingtuErrorKind.MalformedResponse, outcome.Error!.Kind);
            Assert.Equal(1, h.Handler.Count);
            Assert.Empty(h.Delays);
        }

        [Fact]
        public async Task UndeclaredBodyUnderTheCap_IsRead()
        {
            byte[] sample = TestSupport.SampleBytes();
            using var h = new ClientHarness(FakeHandler.Scripted(
                () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnsizedContent(sample) }));

            KolSpreadOutcome outcome = await h.FetchAsync();

            Assert.Equal(3642403L, outcome.Result!.PlayMedian);
        }

        /// <summary>A body sent without a Content-Length, as a chunked answer is.</summary>
        private sealed class UnsizedContent : HttpContent
        {
            private readonly byte[] _body;

            public UnsizedContent(int length)
                : this(new byte[length])
            {
            }

            public UnsizedContent(byte[] body)
            {
                _body = body;
            }

            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
                stream.WriteAsync(_body, 0, _body.Length);

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }
        }
    }
}
