using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
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
        private static readonly Lazy<HttpClient> SharedClient = new Lazy<HttpClient>(CreateClient, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly HttpClient _client;
        private readonly string? _token;

        /// <param name="token">Only used to scrub it from the text of failures.</param>
        public HttpTransport(string? token)
            : this(SharedClient.Value, token)
        {
        }

        public HttpTransport(HttpClient client, string? token)
        {
            _client = client;
            _token = token;
        }

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
                throw new TransportException(TransportFailure.Timeout, $"No complete answer within {timeout.TotalSeconds:0.###} s (TimeoutSec); the server may still have answered, and billed, it.", status);
            }
            catch (Exception ex) when (IsNetworkFailure(ex))
            {
                // The network stack's messages may carry the URL, and so the token: only a scrubbed copy goes on.
                throw new TransportException(TransportFailure.Connection, "The connection failed: " + Redaction.DescribeChain(ex, _token), status);
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
                        throw new IOException("The answer ended before its declared length.");
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

        private static HttpClient CreateClient()
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

            // Each attempt has its own timeout, from TimeoutSec.
            return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }
}
