using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// Fetches KOLs, many at once, under one batch's policies: at most ThrottleLimit requests in flight, request
    /// starts spaced by the rate gate, retries with back-off for the answers that allow it, and nothing more sent
    /// once the account has been refused. Thread-safe.
    /// </summary>
    internal sealed class XingtuClient
    {
        private readonly IHttpTransport _transport;
        private readonly ClientOptions _options;
        private readonly string _token;
        private readonly RetryPolicy _retry;
        private readonly RateGate _gate;
        private readonly SemaphoreSlim _inFlight;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private XingtuApiException? _stopError;

        /// <summary>Creates a client; <paramref name="delay"/> waits out back-offs, and tests pass one that records them.</summary>
        public XingtuClient(
            IHttpTransport transport,
            ClientOptions options,
            string token,
            RetryPolicy retry,
            RateGate gate,
            Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            _transport = transport;
            _options = options;
            _token = token;
            _retry = retry;
            _gate = gate;
            _delay = delay ?? Task.Delay;
            _inFlight = new SemaphoreSlim(options.ThrottleLimit, options.ThrottleLimit);
        }

        /// <summary>The first account-level failure; once set, no further request is sent.</summary>
        public XingtuApiException? StopError => Volatile.Read(ref _stopError);

        /// <summary>A client over the process's shared HTTP connection pool, with jittered back-off and a rate gate of its own.</summary>
        public static XingtuClient Create(ClientOptions options, string token)
        {
            var random = new Random();
            return new XingtuClient(
                new HttpTransport(token),
                options,
                token,
                new RetryPolicy(options.MaximumRetryCount, options.RetryInterval, () => { lock (random) { return random.NextDouble(); } }),
                new RateGate(options.MaxRequestsPerSecond));
        }

        /// <summary>
        /// Fetches one KOL. Never throws for an API or network failure: those come back as a failed outcome, with
        /// every text scrubbed of the token. <paramref name="log"/>, when given, receives token-free lines for
        /// -Verbose, on worker threads; without it no line is even formatted.
        /// </summary>
        public async Task<KolSpreadOutcome> FetchAsync(KolSpreadQuery query, Action<string>? log, CancellationToken cancellationToken)
        {
            string? problem = KolIdCheck.Problem(query.KolId);
            if (problem != null)
            {
                return KolSpreadOutcome.Failed(new XingtuApiException(XingtuErrorKind.InvalidKolId, Redact(problem), query.KolId));
            }

            Uri uri = RequestUri.Build(_options.BaseUri, query, _token);
            string? shown = log == null ? null : RequestUri.Display(_options.BaseUri, query);
            int attempts = 0;
            try
            {
                while (true)
                {
                    attempts++;
                    (ApiAnswer? sent, TimeSpan? retryAfter) = await SendOnceAsync(query, uri, shown, attempts, log, cancellationToken).ConfigureAwait(false);
                    if (!(sent is ApiAnswer answer))
                    {
                        return KolSpreadOutcome.CanceledOutcome;
                    }

                    if (answer.Disposition == Disposition.Success)
                    {
                        IReadOnlyList<string> warnings = answer.Anomalies.Count == 0 ? answer.Anomalies : answer.Anomalies.Select(Redact).ToList();
                        return KolSpreadOutcome.Succeeded(answer.Spread!, warnings);
                    }

                    XingtuApiException error = answer.Error!.Redacted(Redact);
                    if (answer.Disposition != Disposition.Retry || !_retry.MayRetry(attempts))
                    {
                        string message = answer.Disposition == Disposition.Retry
                            ? $"{error.Message} Gave up after {Count(attempts, "attempt")}."
                            : error.Message;
                        return KolSpreadOutcome.Failed(error.WithAttempts(attempts, message));
                    }

                    if (retryAfter > RetryPolicy.MaximumRetryAfter)
                    {
                        return KolSpreadOutcome.Failed(error.WithAttempts(attempts,
                            $"{error.Message} The API asked to retry after {retryAfter.Value.TotalSeconds:0} s, longer than this module waits ({RetryPolicy.MaximumRetryAfter.TotalMinutes:0} min)."));
                    }

                    TimeSpan delay = _retry.Delay(attempts, retryAfter);
                    log?.Invoke($"KOL '{query.KolId}': {error.Message} Retry {attempts.ToString(CultureInfo.InvariantCulture)} of {_retry.MaximumRetryCount.ToString(CultureInfo.InvariantCulture)} in {delay.TotalSeconds:0.##} s.");
                    await _delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return KolSpreadOutcome.CanceledOutcome;
            }
        }

        /// <summary>Sends one request; returns a null answer, and sends nothing, once the account has been stopped.</summary>
        private async Task<(ApiAnswer? Answer, TimeSpan? RetryAfter)> SendOnceAsync(KolSpreadQuery query, Uri uri, string? shown, int attempt, Action<string>? log, CancellationToken cancellationToken)
        {
            // The slot first, then the gate: a start spaced by the gate must not then wait for a slot and go out in a
            // burst with others that were waiting too.
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (StopError != null)
                {
                    return (null, null);
                }

                var watch = Stopwatch.StartNew();
                log?.Invoke(attempt == 1 ? $"GET {shown}" : $"GET {shown} (attempt {attempt.ToString(CultureInfo.InvariantCulture)})");
                ApiAnswer answer;
                TimeSpan? retryAfter = null;
                try
                {
                    TransportResponse response = await _transport.GetAsync(uri, _options.Timeout, cancellationToken).ConfigureAwait(false);
                    log?.Invoke($"KOL '{query.KolId}': HTTP {response.StatusCode.ToString(CultureInfo.InvariantCulture)}, {response.Body.Length.ToString(CultureInfo.InvariantCulture)} bytes in {watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms.");
                    retryAfter = response.RetryAfter;
                    answer = response.TooLarge
                        ? KolSpreadParser.TooLarge(response.StatusCode, query)
                        : KolSpreadParser.Interpret(response.StatusCode, response.Body, query);
                }
                catch (TransportException ex)
                {
                    answer = NoCompleteAnswer(ex, query);
                }

                if (answer.Disposition == Disposition.Stop)
                {
                    // Recorded before the slot is released, so no request waiting for that slot is sent after it.
                    Interlocked.CompareExchange(ref _stopError, answer.Error!.Redacted(Redact), null);
                }

                if (answer.Error?.Kind == XingtuErrorKind.RateLimited || answer.Error?.HttpStatusCode == 429)
                {
                    _gate.SlowDown();
                }
                else
                {
                    _gate.Succeeded();
                }

                return (answer, retryAfter);
            }
            finally
            {
                _inFlight.Release();
            }
        }

        /// <summary>
        /// A failure before the answer was complete. Before any status arrived nothing can have been billed, so it is
        /// worth a retry; a 2xx that broke off may have been billed, so it is not retried.
        /// </summary>
        private static ApiAnswer NoCompleteAnswer(TransportException ex, KolSpreadQuery query)
        {
            if (ex.StatusCode is int status && status >= 200 && status < 300)
            {
                return KolSpreadParser.Interrupted(status, ex.Message, query);
            }

            XingtuErrorKind kind = ex.Failure == TransportFailure.Timeout ? XingtuErrorKind.Timeout : XingtuErrorKind.ConnectionFailed;
            return ApiAnswer.Failed(Disposition.Retry, new XingtuApiException(kind, $"No answer for KOL '{query.KolId}': {ex.Message}", query.KolId, httpStatusCode: ex.StatusCode));
        }

        private string Redact(string text) => Redaction.Redact(text, _token);

        private static string Count(int n, string noun) =>
            n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
    }
}
