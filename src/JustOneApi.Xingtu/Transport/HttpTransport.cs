using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace JustOneApi.Xingtu.Transport
{
    /// <summary>One HTTP GET and its answer; the only place that touches HttpClient.</summary>
    internal interface IHttpTransport
    {
        /// <summary>
        /// Sends a GET. Throws <see cref="TransportException"/> when no answer arrives within <paramref name="timeout"/>
        /// or the connection fails, and OperationCanceledException when <paramref name="cancellationToken"/> fires.
        /// </summary>
        Task<TransportResponse> GetAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken);
    }

    /// <summary>An HTTP answer of any status. Bodies past the size cap are not kept.</summary>
    internal sealed class TransportResponse
    {
        public TransportResponse(int statusCode, byte[] body, TimeSpan? retryAfter, bool tooLarge)
        {
            StatusCode = statusCode;
            Body = body;
            RetryAfter = retryAfter;
            TooLarge = tooLarge;
        }

        public int StatusCode { get; }

        public byte[] Body { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>True when the body passed <see cref="HttpTransport.MaxBodyBytes"/>; <see cref="Body"/> is then empty.</summary>
        public bool TooLarge { get; }
    }

    internal enum TransportFailure
    {
        Timeout,
        Connection,

        /// <summary>The connection to the proxy failed: nothing reached the API.</summary>
        Proxy,
    }

    /// <summary>No complete answer. The message is the module's own and holds no URL.</summary>
    internal sealed class TransportException : Exception
    {
        public TransportException(TransportFailure failure, string message, int? statusCode)
            : base(message)
        {
            Failure = failure;
            StatusCode = statusCode;
        }

        public TransportFailure Failure { get; }

        /// <summary>The HTTP status, when the headers arrived before the failure; null when nothing did.</summary>
        public int? StatusCode { get; }
    }

    internal sealed class HttpTransport : IHttpTransport
    {
        /// <summary>A real answer is about 1 KiB; anything past this is not one, and reading it would only cost memory.</summary>
        public const int MaxBodyBytes = 4 * 1024 * 1024;

        // One HttpClient per process: its connection pool is what makes a batch fast, and sockets are not leaked.
        private static readonly Lazy<HttpClient> SharedClient = new Lazy<HttpClient>(() => CreateClient(ProxySettings.System), LazyThreadSafetyMode.ExecutionAndPublication);

        // And one more per proxy setting made with Set-XingtuConfiguration, so that a change takes effect; each goes
        // with its setting once no setting refers to it any more.
        private static readonly ConditionalWeakTable<ProxySettings, PooledClient> ProxyClients = new ConditionalWeakTable<ProxySettings, PooledClient>();

        private readonly HttpClient _client;
        private readonly string? _token;
        private readonly ProxySettings _proxy;

        /// <param name="token">Only used to scrub it from the text of failures.</param>
        /// <param name="proxy">How requests reach the API; the system's proxy when null.</param>
        public HttpTransport(string? token, ProxySettings? proxy = null)
            : this(ClientFor(proxy ?? ProxySettings.System), token, proxy)
        {
        }

        public HttpTransport(HttpClient client, string? token, ProxySettings? proxy = null)
        {
            _client = client;
            _token = token;
            _proxy = proxy ?? ProxySettings.System;
        }

        /// <summary>
        /// The gate that lets one fetch go first through <paramref name="proxy"/> to <paramref name="baseUri"/> until an
        /// answer has come back through it; null when requests there go direct.
        /// </summary>
        public static ProxyProbe? ProbeFor(ProxySettings proxy, Uri baseUri) =>
            proxy.ProxyFor(baseUri) == null ? null : ProxyClients.GetValue(proxy, Pool).Probe;

        private static HttpClient ClientFor(ProxySettings proxy) =>
            proxy.Mode == ProxyMode.System ? SharedClient.Value : ProxyClients.GetValue(proxy, Pool).Client;

        private static PooledClient Pool(ProxySettings proxy) =>
            new PooledClient(proxy.Mode == ProxyMode.System ? SharedClient.Value : CreateClient(proxy));

        public async Task<TransportResponse> GetAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(timeout);
            int? status = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (!IsNetFramework)
                {
                    // .NET's handler sends a request without content again by itself, up to three times, when a
                    // kept-alive connection ends where the answer should start; the server may have billed each one,
                    // and the module would count one attempt. An empty content (Content-Length: 0) makes it never do so.
                    request.Content = new ByteArrayContent(Array.Empty<byte>());
                }

                using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);

                // .NET Framework's response stream may ignore the token of ReadAsync, so a body that stalls after the
                // headers would outlast -TimeoutSec and Ctrl+C: disposing the response ends the read on both editions.
                using CancellationTokenRegistration disposeOnCancel = attempt.Token.Register(() => response.Dispose());
                status = (int)response.StatusCode;
                if (status == 401 && IsProxyRefusal(response, uri))
                {
                    return new TransportResponse(407, Array.Empty<byte>(), null, tooLarge: false);
                }

                TimeSpan? retryAfter = RetryAfterOf(response);
                long? declared = response.Content.Headers.ContentLength;
                if (declared > MaxBodyBytes)
                {
                    return new TransportResponse((int)response.StatusCode, Array.Empty<byte>(), retryAfter, tooLarge: true);
                }

                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                byte[]? body = await ReadCappedAsync(stream, declared, attempt.Token).ConfigureAwait(false);
                return new TransportResponse((int)response.StatusCode, body ?? Array.Empty<byte>(), retryAfter, tooLarge: body == null);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && (ex is OperationCanceledException || IsNetworkFailure(ex)))
            {
                throw ex as OperationCanceledException ?? new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (attempt.IsCancellationRequested && (ex is OperationCanceledException || IsNetworkFailure(ex)))
            {
                throw new TransportException(TransportFailure.Timeout, Texts.Format(Texts.TransportTimeout, timeout.TotalSeconds), status);
            }
            catch (Exception ex) when (status == null && (ex is HttpRequestException || ex is WebException) && (ProxyTunnelStatus(ex) != null || IsConnectFailure(ex)) && _proxy.ProxyFor(uri) is Uri proxy)
            {
                // Through a proxy, a failure to connect is the proxy's: it could not be reached, and nothing reached
                // the API. A refused tunnel (407 to a CONNECT comes back as an exception on .NET 6 and later) is its answer.
                if (ProxyTunnelStatus(ex) is int tunnelStatus)
                {
                    return new TransportResponse(tunnelStatus, Array.Empty<byte>(), null, tooLarge: false);
                }

                throw new TransportException(TransportFailure.Proxy, Texts.Format(Texts.ProxyConnectionFailed, proxy.GetLeftPart(UriPartial.Authority), Redaction.DescribeChain(ex, _token)), null);
            }
            catch (Exception ex) when (IsNetworkFailure(ex))
            {
                // The network stack's messages may carry the URL, and so the token: only a scrubbed copy goes on.
                throw new TransportException(TransportFailure.Connection, Texts.Format(Texts.TransportConnectionFailed, Redaction.DescribeChain(ex, _token)), status);
            }
        }

        private static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        private static bool IsNetworkFailure(Exception ex) => ex is HttpRequestException || ex is IOException || ex is WebException || ex is ObjectDisposedException;

        /// <summary>Reads the body, or returns null once it passes <see cref="MaxBodyBytes"/>.</summary>
        private static async Task<byte[]?> ReadCappedAsync(Stream stream, long? declared, CancellationToken cancellationToken)
        {
            if (declared is long length)
            {
                // The usual case: one buffer of the declared size, filled in place, with no copy.
                byte[] body = new byte[length];
                for (int filled = 0, read; filled < body.Length; filled += read)
                {
                    read = await stream.ReadAsync(body, filled, body.Length - filled, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException(Texts.L(Texts.TransportCutShort));
                    }
                }

                return body;
            }

            using var buffer = new MemoryStream();
            byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxBodyBytes)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (header?.Date is DateTimeOffset date)
            {
                TimeSpan wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        /// <summary>
        /// True for a 401 that is the proxy's refusal of the credentials it was given, not the API's answer: some
        /// proxies (tinyproxy among them) send 401 rather than 407 for a wrong password. The API answers in JSON.
        /// </summary>
        private bool IsProxyRefusal(HttpResponseMessage response, Uri uri) =>
            (_proxy.Credential != null || _proxy.UseDefaultCredentials)
            && !(response.Content.Headers.ContentType?.MediaType?.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            && _proxy.ProxyFor(uri) != null;

        /// <summary>True when no connection could be made at all (refused, unreachable, name not found), on either edition.</summary>
        private static bool IsConnectFailure(Exception exception)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (current is System.Net.Sockets.SocketException
                    || (current is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure || web.Status == WebExceptionStatus.ProxyNameResolutionFailure)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The status a proxy refused a CONNECT tunnel with, as .NET words it; null for any other failure.</summary>
        private static int? ProxyTunnelStatus(Exception exception)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(
                    // untranslated: the pattern matches .NET's own (English) message for a refused CONNECT.
                    current.Message, @"proxy tunnel request .* status code '?(\d{3})", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
                if (match.Success)
                {
                    return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        private static HttpClient CreateClient(ProxySettings proxy)
        {
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                // Windows PowerShell 5.1 may still default to TLS 1.0; the API needs TLS 1.2.
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }

            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

                // .NET Framework allows 2 connections per server unless told otherwise.
                MaxConnectionsPerServer = 256,
            };
            if (proxy.Mode == ProxyMode.NoProxy)
            {
                handler.UseProxy = false;
            }
            else if (proxy.CreateWebProxy() is IWebProxy explicitProxy)
            {
                handler.UseProxy = true;
                handler.Proxy = explicitProxy;
            }

            // Each attempt has its own timeout, from TimeoutSec.
            return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    /// <summary>One HTTP client for one proxy setting, and its probe.</summary>
    internal sealed class PooledClient
    {
        public PooledClient(HttpClient client)
        {
            Client = client;
        }

        public HttpClient Client { get; }

        public ProxyProbe Probe { get; } = new ProxyProbe();
    }

    /// <summary>
    /// Whether a path through a proxy is known to work. Until one answer has come back through it, one fetch goes
    /// alone, with its retries, and the rest wait: a proxy that wants credentials or cannot be reached then costs one
    /// request (and its retries), not one per row.
    /// </summary>
    internal sealed class ProxyProbe
    {
        private int _proven;

        public SemaphoreSlim Alone { get; } = new SemaphoreSlim(1, 1);

        public bool Proven
        {
            get => Volatile.Read(ref _proven) == 1;
            set => Volatile.Write(ref _proven, value ? 1 : 0);
        }
    }
}
