using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Store;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// Sends requests of any endpoint, many at once, under one call's policies: at most ThrottleLimit in flight,
    /// starts spaced by the account's rate gate, retries with back-off for the answers that allow it, a switch to the
    /// successor endpoint when an endpoint is gone, and nothing more sent once the account has been refused: the
    /// requests then in flight may still answer, and what they were billed for is kept, but none is retried. Between
    /// the batch and the transport sits the local answer store: a kept answer young enough is served without a
    /// request, and every billed answer is kept, so a rerun or a resume is not billed again. Thread-safe.
    /// </summary>
    internal sealed class ApiClient
    {
        private readonly IHttpTransport _transport;
        private readonly ClientOptions _options;
        private readonly string _token;
        private readonly string[] _tokenForms;
        private readonly RetryPolicy _retry;
        private readonly RateGate _gate;
        private readonly SemaphoreSlim _inFlight;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Func<DateTimeOffset> _clock;
        private readonly ProxyProbe? _probe;
        private readonly CancellationTokenSource _stopped = new CancellationTokenSource();
        private XingtuApiException? _stopError;
        private int _kept;
        private string? _storeProblem;
        private string? _switchNotice;

        /// <summary>
        /// Creates a client; <paramref name="delay"/> waits out back-offs and <paramref name="clock"/> stamps answers,
        /// and tests pass ones they control. With a <paramref name="probe"/>, requests go through a proxy: until an
        /// answer has come back through it, one fetch goes alone.
        /// </summary>
        public ApiClient(
            IHttpTransport transport,
            ClientOptions options,
            string token,
            RetryPolicy retry,
            RateGate gate,
            Func<TimeSpan, CancellationToken, Task>? delay = null,
            Func<DateTimeOffset>? clock = null,
            ProxyProbe? probe = null)
        {
            _probe = probe;
            _transport = transport;
            _options = options;
            _token = token;
            _tokenForms = Redaction.FormsOf(token);
            _retry = retry;
            _gate = gate;
            _delay = delay ?? Task.Delay;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _inFlight = new SemaphoreSlim(options.ThrottleLimit, options.ThrottleLimit);
        }

        /// <summary>The first account-level failure; once set, no further request is sent.</summary>
        public XingtuApiException? StopError => Volatile.Read(ref _stopError);

        /// <summary>How many billed answers this client has written to the local store.</summary>
        public int Kept => Volatile.Read(ref _kept);

        /// <summary>Why the local store could not keep an answer, the first time it could not; the fetch itself went on.</summary>
        public string? StoreProblem => Volatile.Read(ref _storeProblem);

        /// <summary>The one warning that an endpoint is gone and its successor now answers, when this client found out.</summary>
        public string? SwitchNotice => Volatile.Read(ref _switchNotice);

        /// <summary>A client over the process's shared HTTP connection pool and the account's rate gate, with jittered back-off.</summary>
        public static ApiClient Create(ClientOptions options, string token)
        {
            var random = new Random();
            return new ApiClient(
                new HttpTransport(token, options.Proxy),
                options,
                token,
                new RetryPolicy(options.MaximumRetryCount, options.RetryInterval, () => { lock (random) { return random.NextDouble(); } }),
                AccountGates.For(options.BaseUri, token, options.MaxRequestsPerSecond),
                probe: HttpTransport.ProbeFor(options.Proxy, options.BaseUri));
        }

        /// <summary>
        /// Fetches one request and reads its answer with <paramref name="reader"/>. Never throws for an API or network
        /// failure: those come back as a failed outcome, with every text scrubbed of the token. <paramref name="log"/>,
        /// when given, receives token-free lines for -Verbose, on worker threads; without it no line is even formatted.
        /// </summary>
        public async Task<Outcome<T>> FetchAsync<T>(ApiRequest request, IAnswerReader<T> reader, Action<string>? log, CancellationToken cancellationToken)
        {
            var state = new FetchState();

            // Waits (for a slot, the rate gate, a back-off) end at the account's stop; a request in flight does not.
            using var waits = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopped.Token);
            state.Waits = waits.Token;
            try
            {
                bool switched = request.Fallback != null && EndpointSwitch.IsGone(_options.BaseUri, request.Path);
                Outcome<T>? outcome = await FetchFromAsync(switched ? request.Fallback! : request, reader, state, log, cancellationToken).ConfigureAwait(false);
                if (outcome != null)
                {
                    return outcome;
                }

                // The endpoint is gone, and a 404 is not billed: the same answer comes from its successor. The
                // successor has no successor of its own, so its fetch always ends in an outcome.
                if (EndpointSwitch.MarkGone(_options.BaseUri, request.Path))
                {
                    Interlocked.CompareExchange(
                        ref _switchNotice,
                        Texts.Format(Texts.Switched, request.Path, state.GoneStatus, request.Subject, request.Fallback!.Path),
                        null);
                }

                log?.Invoke(Texts.Format(Texts.ClientFetchingFromSuccessor, request.Subject, request.Path, request.Fallback!.Path));
                return (await FetchFromAsync(request.Fallback!, reader, state, log, cancellationToken).ConfigureAwait(false))!;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || _stopped.IsCancellationRequested)
            {
                return Outcome<T>.CanceledOutcome(state.Sent);
            }
            finally
            {
                if (state.Alone)
                {
                    _probe!.Alone.Release();
                }
            }
        }

        /// <summary>
        /// Fetches from one endpoint, with retries; null when the endpoint is gone and <paramref name="request"/> has a
        /// successor to ask instead.
        /// </summary>
        private async Task<Outcome<T>?> FetchFromAsync<T>(ApiRequest request, IAnswerReader<T> reader, FetchState state, Action<string>? log, CancellationToken cancellationToken)
        {
            if (request.Refusal != null)
            {
                // What was pasted as an id is quoted back, and it may hold a URL with a token in it.
                var refused = new XingtuApiException(request.RefusalKind, request.Refusal, request.KolId, target: request.Target).Redacted(Redact);
                return Outcome<T>.Failed(refused, state.Sent);
            }

            Outcome<T>? kept = FromStore(request, reader, log) ?? (request.StoreTwin is ApiRequest twin ? FromStore(twin, reader, log) : null);
            if (kept != null)
            {
                return kept;
            }

            if (_probe != null && !_probe.Proven && !state.Alone)
            {
                // Through a proxy not yet known to work, this fetch goes alone, retries and all; the others wait.
                await _probe.Alone.WaitAsync(state.Waits).ConfigureAwait(false);
                if (_probe.Proven)
                {
                    _probe.Alone.Release();
                }
                else
                {
                    state.Alone = true;
                }
            }

            Uri uri = RequestUri.Build(_options.BaseUri, request, _token);
            string? shown = log == null ? null : RequestUri.Display(_options.BaseUri, request);
            int attempts = 0;
            while (true)
            {
                attempts++;
                (ApiAnswer<T>? sent, TimeSpan? retryAfter, bool afterStop, bool keptNow) = await SendOnceAsync(request, reader, uri, shown, attempts, state, log, cancellationToken).ConfigureAwait(false);
                if (!(sent is ApiAnswer<T> answer))
                {
                    return Outcome<T>.CanceledOutcome(state.Sent);
                }

                if (afterStop)
                {
                    // Answered after the account's stop: kept if billed, never retried, and not written as a row.
                    log?.Invoke(keptNow
                        ? Texts.Format(Texts.ClientAfterStopKept, request.Subject)
                        : Texts.Format(Texts.ClientAfterStopDropped, request.Subject));
                    return Outcome<T>.AnsweredAfterStop(keptNow);
                }

                if (answer.Disposition == Disposition.Success)
                {
                    return Outcome<T>.Succeeded(answer.Result!, RedactedAnomalies(answer), fromLocalCache: false);
                }

                XingtuApiException error = answer.Error!.Redacted(Redact);
                if (request.Fallback != null && AnswerParser.IsEndpointGone(error))
                {
                    state.GoneStatus = error.HttpStatusCode ?? 404;
                    return null;
                }

                if (request.Path == SpreadQuery.V1Path && AnswerParser.IsEndpointGone(error))
                {
                    // Asked for V1 by name, and V1 answers as gone: say what works. Only Auto's switch is remembered
                    // for the session; one 404 asked for by name is no proof for later calls.
                    return Outcome<T>.Failed(error.WithAttempts(attempts, Texts.Format(Texts.V1Gone, error.HttpStatusCode ?? 404, request.Subject, error.Message)), sent: true);
                }

                if (answer.Disposition != Disposition.Retry || !_retry.MayRetry(attempts))
                {
                    string message = answer.Disposition == Disposition.Retry
                        ? Texts.Format(attempts == 1 ? Texts.GaveUpAfterOne : Texts.GaveUpAfter, error.Message, attempts)
                        : error.Message;
                    return Outcome<T>.Failed(error.WithAttempts(attempts, message), sent: true);
                }

                if (retryAfter > RetryPolicy.MaximumRetryAfter)
                {
                    return Outcome<T>.Failed(error.WithAttempts(attempts,
                        Texts.Format(Texts.ClientRetryAfterTooLong, error.Message, retryAfter.Value.TotalSeconds, RetryPolicy.MaximumRetryAfter.TotalMinutes)), sent: true);
                }

                TimeSpan delay = _retry.Delay(attempts, retryAfter);
                log?.Invoke(Texts.Format(Texts.ClientRetrying, request.Subject, error.Message, attempts, _retry.MaximumRetryCount, delay.TotalSeconds));
                await _delay(delay, state.Waits).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Sends one request; returns a null answer, and sends nothing, once the account has been stopped. AfterStop
        /// says the answer came back once another had stopped the account; Kept, that it went to the local store.
        /// </summary>
        private async Task<(ApiAnswer<T>? Answer, TimeSpan? RetryAfter, bool AfterStop, bool Kept)> SendOnceAsync<T>(ApiRequest request, IAnswerReader<T> reader, Uri uri, string? shown, int attempt, FetchState state, Action<string>? log, CancellationToken cancellationToken)
        {
            // The slot first, then the gate: a start spaced by the gate must not then wait for a slot and go out in a
            // burst with others that were waiting too.
            await _inFlight.WaitAsync(state.Waits).ConfigureAwait(false);
            try
            {
                await _gate.WaitAsync(state.Waits).ConfigureAwait(false);
                if (StopError != null)
                {
                    return (null, null, false, false);
                }

                var watch = Stopwatch.StartNew();
                log?.Invoke(attempt == 1 ? $"GET {shown}" : Texts.Format(Texts.ClientGetAttempt, shown!, attempt));
                ApiAnswer<T> answer;
                TimeSpan? retryAfter = null;
                bool kept = false;
                state.Sent = true;
                try
                {
                    // A server may quote the request back, token and all: the body is scrubbed before anything reads or keeps it.
                    TransportResponse response = Scrubbed(await _transport.GetAsync(uri, _options.Timeout, cancellationToken).ConfigureAwait(false));
                    if (_probe != null)
                    {
                        // An answer came back through the proxy: it works, unless it is the proxy's own refusal.
                        _probe.Proven = response.StatusCode != 407;
                    }

                    log?.Invoke(Texts.Format(Texts.ClientAnswered, request.Subject, response.StatusCode, response.Body.Length, watch.ElapsedMilliseconds));
                    retryAfter = response.RetryAfter;
                    DateTimeOffset receivedAt = _clock();
                    answer = response.TooLarge
                        ? AnswerParser.TooLarge<T>(response.StatusCode, request)
                        : AnswerParser.Interpret(response.StatusCode, response.Body, request, reader, receivedAt);
                    if (answer.Billed)
                    {
                        kept = Keep(request, response, receivedAt);
                    }
                }
                catch (TransportException ex)
                {
                    answer = NoCompleteAnswer<T>(ex, request, lastAttempt: !_retry.MayRetry(attempt));
                }

                if (StopError != null)
                {
                    return (answer, retryAfter, true, kept);
                }

                if (answer.Disposition == Disposition.Stop)
                {
                    // Recorded before the slot is released, so no request waiting for that slot is sent after it.
                    if (Interlocked.CompareExchange(ref _stopError, answer.Error!.Redacted(Redact), null) == null)
                    {
                        _stopped.Cancel();
                    }
                }

                if (answer.Error?.Kind == XingtuErrorKind.RateLimited || answer.Error?.HttpStatusCode == 429)
                {
                    _gate.SlowDown();
                }
                else
                {
                    _gate.Succeeded();
                }

                return (answer, retryAfter, false, kept);
            }
            finally
            {
                _inFlight.Release();
            }
        }

        /// <summary>
        /// The answer kept for <paramref name="request"/> when the store has one young enough: a result, or "no data"
        /// (code 201). Null when the request must go out.
        /// </summary>
        private Outcome<T>? FromStore<T>(ApiRequest request, IAnswerReader<T> reader, Action<string>? log)
        {
            if (!(_options.Store is LocalAnswerStore store) || _options.StoreMaxAge <= TimeSpan.Zero || !(StoreKeyOf(request) is string key)
                || !store.TryRead(key, _options.StoreMaxAge, out StoredAnswer? kept, log))
            {
                return null;
            }

            ApiAnswer<T> answer = AnswerParser.Interpret(kept!.HttpStatus, kept.Body, request, reader, kept.FetchedAt, fromLocalCache: true);
            log?.Invoke(Texts.Format(Texts.ClientFromStore, request.Subject, kept.FetchedAt.ToString("u", CultureInfo.InvariantCulture)));
            if (answer.Disposition == Disposition.Success)
            {
                return Outcome<T>.Succeeded(answer.Result!, RedactedAnomalies(answer), fromLocalCache: true);
            }

            // "No data" would only be billed again; an upstream failure is worth asking again, so it is not served.
            return answer.Error?.Kind == XingtuErrorKind.NoData
                ? Outcome<T>.Failed(
                    answer.Error.WithAttempts(0, Texts.Format(Texts.NoDataFromStore, request.Subject, kept.FetchedAt.ToString("u", CultureInfo.InvariantCulture))).Redacted(Redact),
                    sent: false,
                    fromLocalCache: true)
                : null;
        }

        /// <summary>
        /// Keeps a billed answer; true when it was written. A store that cannot be written is reported once and never
        /// fails the fetch.
        /// </summary>
        private bool Keep(ApiRequest request, TransportResponse response, DateTimeOffset receivedAt)
        {
            if (!(_options.Store is LocalAnswerStore store) || !(StoreKeyOf(request) is string key))
            {
                return false;
            }

            if (!store.TryWrite(key, response.StatusCode, response.Body, receivedAt, out string? problem))
            {
                Interlocked.CompareExchange(ref _storeProblem, Redact(problem ?? Texts.L(Texts.ClientStoreNotWritten)), null);
                return false;
            }

            Interlocked.Increment(ref _kept);
            return true;
        }

        /// <summary>
        /// A failure before the answer was complete. Before any status arrived nothing can have been billed, so it is
        /// worth a retry; a 2xx that broke off may have been billed, so it is not retried.
        /// </summary>
        private ApiAnswer<T> NoCompleteAnswer<T>(TransportException ex, ApiRequest request, bool lastAttempt)
        {
            if (ex.StatusCode is int status && status >= 200 && status < 300)
            {
                return AnswerParser.Interrupted<T>(status, ex.Message, request);
            }

            if (ex.Failure == TransportFailure.Proxy)
            {
                // No proxy, no API for any row: once the retries of this request are spent, the batch stops.
                if (_probe != null)
                {
                    _probe.Proven = false;
                }

                return lastAttempt
                    ? ApiAnswer<T>.Failed(Disposition.Stop, new XingtuApiException(XingtuErrorKind.ProxyUnreachable, Texts.Format(Texts.ProxyUnreachable, request.Subject, _retry.MaximumRetryCount + 1, ex.Message), request.KolId, target: request.Target))
                    : ApiAnswer<T>.Failed(Disposition.Retry, new XingtuApiException(XingtuErrorKind.ProxyUnreachable, Texts.Format(Texts.ClientNoAnswer, request.Subject, ex.Message), request.KolId, target: request.Target));
            }

            XingtuErrorKind kind = ex.Failure == TransportFailure.Timeout ? XingtuErrorKind.Timeout : XingtuErrorKind.ConnectionFailed;
            return ApiAnswer<T>.Failed(Disposition.Retry, new XingtuApiException(kind, Texts.Format(Texts.ClientNoAnswer, request.Subject, ex.Message), request.KolId, httpStatusCode: ex.StatusCode, target: request.Target));
        }

        /// <summary>
        /// The store's key for a request: the base address, the path and the query. The address keeps apart answers
        /// from an emulator or a staging proxy; a key with any trace of the token (a query value that quotes it) is
        /// never used, so the token can never reach the disk.
        /// </summary>
        private string? StoreKeyOf(ApiRequest request)
        {
            string key = _options.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant() + "/" + request.Key;
            return string.Equals(Redact(key), key, StringComparison.Ordinal) ? key : null;
        }

        private IReadOnlyList<string> RedactedAnomalies<T>(ApiAnswer<T> answer) =>
            answer.Anomalies.Count == 0 ? answer.Anomalies : answer.Anomalies.Select(Redact).ToList();

        private string Redact(string text) => Redaction.Redact(text, _tokenForms);

        /// <summary>
        /// The response with this call's own token spellings taken out of the body, so a server that quotes the request
        /// back cannot put the token into the store or an output; nothing else in the body changes.
        /// </summary>
        private TransportResponse Scrubbed(TransportResponse response)
        {
            byte[] scrubbed = Redaction.ScrubBody(response.Body, _tokenForms);
            return ReferenceEquals(scrubbed, response.Body)
                ? response
                : new TransportResponse(response.StatusCode, scrubbed, response.RetryAfter, response.TooLarge);
        }

        /// <summary>What one fetch has done so far, across its attempts and endpoints.</summary>
        private sealed class FetchState
        {
            /// <summary>True once a request has gone out, so a cancellation then cuts off a request in flight.</summary>
            public bool Sent { get; set; }

            /// <summary>The status (404 or 410) with which the first endpoint said it is gone.</summary>
            public int GoneStatus { get; set; }

            /// <summary>True while this fetch holds the proxy probe, going alone until the proxy is known to work.</summary>
            public bool Alone { get; set; }

            /// <summary>Ends waits for a slot, the gate or a back-off: the caller's cancellation or the account's stop.</summary>
            public CancellationToken Waits { get; set; }
        }
    }
}
