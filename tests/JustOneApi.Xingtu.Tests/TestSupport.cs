using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Transport;
using ApiAnswer = JustOneApi.Xingtu.Model.ApiAnswer<JustOneApi.Xingtu.KolSpread>;
using KolSpreadBatch = JustOneApi.Xingtu.Client.RequestBatch<JustOneApi.Xingtu.KolSpread>;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>Shared fixtures: the sample, envelopes, and a fake HTTP handler. No test here touches the network.</summary>
    internal static class TestSupport
    {
        public const string KolId = "6853123456789012345";

        /// <summary>Distinctive enough that any leak of it, raw or escaped, contains "S3cr3t".</summary>
        public const string Token = "S3cr3t+T0k/en";

        public const string TokenMarker = "S3cr3t";

        public static readonly Uri BaseUri = new Uri("https://kol-api.example.invalid");

        public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "sample-response.json");

        public static byte[] SampleBytes() => File.ReadAllBytes(SamplePath);

        /// <summary>The clone's top folder (the one holding the manifest), found above the test's own folder.</summary>
        public static string RepoRoot()
        {
            string? folder = AppContext.BaseDirectory;
            while (folder != null && !File.Exists(Path.Combine(folder, "JustOneApi.Xingtu.psd1")))
            {
                folder = Path.GetDirectoryName(folder);
            }

            return folder ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
        }

        /// <summary>The V1 request for one KOL with the given options (null: not sent), as Get-XingtuKolSpread builds it.</summary>
        public static ApiRequest Query(string kolId = KolId, SpreadType? type = null, SpreadRange? range = null, string? flowType = null, bool onlyAssign = false, bool acceptCache = false) =>
            Options(type, range, flowType, onlyAssign, acceptCache).For(kolId);

        public static SpreadQuery Options(SpreadType? type = null, SpreadRange? range = null, string? flowType = null, bool onlyAssign = false, bool acceptCache = false, SpreadEndpoint endpoint = SpreadEndpoint.V1, SpreadPlatform? platform = null) =>
            new SpreadQuery(endpoint, type, range, flowType, onlyAssign, acceptCache, platform);

        /// <summary>The reader Get-XingtuKolSpread uses, with default options unless given.</summary>
        public static KolSpreadReader Reader(SpreadQuery? options = null) => new KolSpreadReader(options ?? Options());

        /// <summary>When the fake answers arrive.</summary>
        public static readonly DateTimeOffset ReceivedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

        public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        /// <summary>A code-0 envelope around <paramref name="dataJson"/>.</summary>
        public static byte[] Success(string dataJson, string? requestId = null, string? recordTime = null)
        {
            string extra = (requestId == null ? string.Empty : $",\"requestId\":\"{requestId}\"")
                + (recordTime == null ? string.Empty : $",\"recordTime\":\"{recordTime}\"");
            return Utf8("{\"code\":0,\"message\":\"success\"" + extra + ",\"data\":" + dataJson + "}");
        }

        public static string ErrorEnvelope(int code, string message = "api says no", string requestId = "req-42") =>
            $"{{\"code\":{code},\"message\":\"{message}\",\"data\":null,\"recordTime\":null,\"requestId\":\"{requestId}\"}}";

        public const string HtmlBody = "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>";

        public static HttpResponseMessage Respond(int status, string body, string mediaType = "application/json") =>
            new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        public static HttpResponseMessage RespondSample() =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(SampleBytes()) };

        public static HttpResponseMessage RespondCode(int code, int status = 200) => Respond(status, ErrorEnvelope(code));

        public static HttpResponseMessage RespondHtml(int status) => Respond(status, HtmlBody, "text/html");

        /// <summary>The query string of <paramref name="uri"/> as name → unescaped value.</summary>
        public static System.Collections.Generic.Dictionary<string, string> QueryOf(Uri uri)
        {
            var result = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);
            string query = uri.Query.TrimStart('?');
            foreach (string pair in query.Split('&'))
            {
                int eq = pair.IndexOf('=');
                result[Uri.UnescapeDataString(pair.Substring(0, eq))] = Uri.UnescapeDataString(pair.Substring(eq + 1));
            }

            return result;
        }
    }

    /// <summary>An HttpMessageHandler whose answers a test scripts; it records every request it receives.</summary>
    internal sealed class FakeHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _respond;
        private int _count;

        public FakeHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond)
        {
            _respond = respond;
        }

        /// <summary>Answers request n (1-based) with script[n-1], and the last entry for every request past the script.</summary>
        public static FakeHandler Scripted(params Func<HttpResponseMessage>[] script) =>
            new FakeHandler((request, n, ct) => Task.FromResult(script[Math.Min(n, script.Length) - 1]()));

        public ConcurrentQueue<Uri> Requests { get; } = new ConcurrentQueue<Uri>();

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref _count);
            Requests.Enqueue(request.RequestUri!);
            return _respond(request, n, cancellationToken);
        }
    }

    /// <summary>
    /// The spread parser as it was before the engine served more than one endpoint: the one envelope parser with
    /// Get-XingtuKolSpread's reader, so the parsing tests read as they did.
    /// </summary>
    internal static class KolSpreadParser
    {
        public static ApiAnswer Interpret(int status, byte[] body, ApiRequest request, SpreadQuery? options = null) =>
            AnswerParser.Interpret(status, body, request, TestSupport.Reader(options), TestSupport.ReceivedAt);

        public static ApiAnswer TooLarge(int status, ApiRequest request) => AnswerParser.TooLarge<KolSpread>(status, request);

        public static bool IsRetryableStatus(int status) => AnswerParser.IsRetryableStatus(status);
    }

    /// <summary>An ApiClient over a fake handler, whose back-offs are recorded instead of waited out.</summary>
    internal sealed class ClientHarness : IDisposable
    {
        public ClientHarness(
            FakeHandler handler,
            int maximumRetryCount = 3,
            TimeSpan? timeout = null,
            int throttleLimit = 4,
            TimeSpan? retryInterval = null,
            Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            Handler = handler;
            HttpClient = new HttpClient(handler);
            TimeSpan interval = retryInterval ?? TimeSpan.FromSeconds(1);
            var options = new ClientOptions(TestSupport.BaseUri, timeout ?? TimeSpan.FromSeconds(30), maximumRetryCount, interval, throttleLimit, 0);
            Gate = new RateGate(0);
            Client = new ApiClient(
                new HttpTransport(HttpClient, TestSupport.Token),
                options,
                TestSupport.Token,
                new RetryPolicy(maximumRetryCount, interval, () => 0),
                Gate,
                delay ?? ((wait, ct) =>
                {
                    Delays.Enqueue(wait);
                    return Task.CompletedTask;
                }),
                () => TestSupport.ReceivedAt);
        }

        public FakeHandler Handler { get; }

        public HttpClient HttpClient { get; }

        public RateGate Gate { get; }

        public ApiClient Client { get; }

        public ConcurrentQueue<TimeSpan> Delays { get; } = new ConcurrentQueue<TimeSpan>();

        public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();

        public Task<KolSpreadOutcome> FetchAsync(ApiRequest? query = null, CancellationToken cancellationToken = default) =>
            Client.FetchAsync(query ?? TestSupport.Query(), TestSupport.Reader(), Log.Enqueue, cancellationToken);

        public void Dispose()
        {
            HttpClient.Dispose();
        }
    }
}
