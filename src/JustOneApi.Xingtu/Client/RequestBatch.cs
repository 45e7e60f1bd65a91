using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// An ordered window of fetches, for any endpoint and result type. Fetches run concurrently; results are taken in
    /// input order by one consumer thread (the pipeline's), which is the only thread that calls anything here but
    /// <see cref="Cancel"/>. A row of input may need several requests (its parts, each with its own reader): they are
    /// in flight together and the row is taken whole, once all of them are done. A repeated request is fetched once
    /// while it is remembered. After an account-level failure nothing new starts; what is in flight has
    /// <see cref="StopGrace"/> to answer, so that what the server billed is kept in the local store, and is then cancelled.
    /// </summary>
    internal sealed class RequestBatch<T> : IDisposable
    {
        /// <summary>How many recent requests are remembered to fetch repeats once; bounds the memory this takes.</summary>
        public const int RememberedRequests = 2048;

        /// <summary>How long requests in flight at an account-level stop may take to answer before they are cut off.</summary>
        public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

        private readonly ApiClient _client;
        private readonly IAnswerReader<T>? _reader;
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly Queue<Entry> _window = new Queue<Entry>();
        private readonly Dictionary<ApiRequest, (Task<Outcome<T>> Fetch, IAnswerReader<T> Reader)> _remembered = new Dictionary<ApiRequest, (Task<Outcome<T>>, IAnswerReader<T>)>();
        private readonly Queue<ApiRequest> _rememberedOrder = new Queue<ApiRequest>();
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();
        private readonly AutoResetEvent _changed = new AutoResetEvent(false);
        private readonly Action<string>? _logLine;
        private readonly TimeSpan _stopGrace;
        private int _graceStarted;
        private int _rows;

        /// <summary>
        /// Creates a batch whose rows of one request are read by <paramref name="reader"/> (null when every row is
        /// added by parts, each with its reader); with <paramref name="log"/> false, no log line is made at all.
        /// <paramref name="stopGrace"/>, <see cref="StopGrace"/> unless given, is how long requests in flight at a stop
        /// may still answer.
        /// </summary>
        public RequestBatch(ApiClient client, IAnswerReader<T>? reader, int windowSize, bool log, TimeSpan? stopGrace = null)
        {
            _client = client;
            _stopGrace = stopGrace ?? StopGrace;
            _reader = reader;
            WindowSize = windowSize;
            if (log)
            {
                _logLine = line =>
                {
                    _log.Enqueue(line);
                    _changed.Set();
                };
            }
        }

        /// <summary>How many rows may wait to be taken; the caller of Add waits while the window is full.</summary>
        public int WindowSize { get; }

        /// <summary>Fetches started or remembered and not yet taken.</summary>
        public int Count => _window.Count;

        /// <summary>True when the window holds <see cref="WindowSize"/> rows; a row's parts count as one.</summary>
        public bool IsFull => _rows >= WindowSize;

        /// <summary>How many requests were not sent because the same request was already fetched or under way.</summary>
        public int Repeats { get; private set; }

        /// <summary>Why the local store could not keep an answer, the first time; null while it could.</summary>
        public string? StoreProblem => _client.StoreProblem;

        /// <summary>The warning that an endpoint is gone and its successor now answers, once one was found gone.</summary>
        public string? SwitchNotice => _client.SwitchNotice;

        /// <summary>The account-level failure that stopped the batch, or null.</summary>
        public XingtuApiException? StopError => _client.StopError;

        /// <summary>How many billed answers this batch has kept in the local store.</summary>
        public int Kept => _client.Kept;

        /// <summary>Starts fetching <paramref name="request"/> as a row of its own, or joins the fetch of an equal one; does not block.</summary>
        public void Add(ApiRequest request) =>
            // untranslated: only a bug in the module (a command that adds rows by parts calling Add) can show it.
            Add(request, _reader ?? throw new InvalidOperationException("This batch has no reader of its own: add each row by its parts."), part: null, endsRow: true);

        /// <summary>
        /// Starts fetching one part of a row, read by <paramref name="reader"/>, or joins the fetch of an equal request
        /// read by the same reader; does not block. A row's parts are added in order, the last with
        /// <paramref name="endsRow"/> true; <paramref name="part"/> names the part for the front end.
        /// </summary>
        public void Add(ApiRequest request, IAnswerReader<T> reader, string? part, bool endsRow)
        {
            bool repeat = _remembered.TryGetValue(request, out (Task<Outcome<T>> Fetch, IAnswerReader<T> Reader) known) && ReferenceEquals(known.Reader, reader);
            Task<Outcome<T>> fetch;
            if (repeat)
            {
                Repeats++;
                fetch = known.Fetch;
            }
            else
            {
                fetch = StopError != null || _cancel.IsCancellationRequested
                    ? Task.FromResult(Outcome<T>.CanceledOutcome(sent: false))
                    : FetchAsync(request, reader);
                Remember(request, fetch, reader);
            }

            _window.Enqueue(new Entry(request, fetch, repeat, part, endsRow));
            if (endsRow)
            {
                _rows++;
            }
        }

        /// <summary>Takes the log lines written since the last call.</summary>
        public IEnumerable<string> TakeLog()
        {
            while (_log.TryDequeue(out string? line))
            {
                yield return line;
            }
        }

        /// <summary>Takes the oldest entry if its fetch has finished; entries behind an unfinished one wait.</summary>
        public bool TryTake(out Entry entry)
        {
            if (_window.Count > 0 && _window.Peek().Fetch.IsCompleted)
            {
                entry = _window.Dequeue();
                if (entry.EndsRow)
                {
                    _rows--;
                }

                return true;
            }

            entry = default;
            return false;
        }

        /// <summary>
        /// Takes the oldest row into <paramref name="row"/> (cleared first) once all its parts are added and finished;
        /// rows behind an unfinished one wait.
        /// </summary>
        public bool TryTakeRow(List<Entry> row)
        {
            row.Clear();
            int parts = 0;
            bool whole = false;
            foreach (Entry entry in _window)
            {
                if (!entry.Fetch.IsCompleted)
                {
                    return false;
                }

                parts++;
                if (entry.EndsRow)
                {
                    whole = true;
                    break;
                }
            }

            if (!whole)
            {
                return false;
            }

            for (int i = 0; i < parts; i++)
            {
                row.Add(_window.Dequeue());
            }

            _rows--;
            return true;
        }

        /// <summary>True when every fetch in the window has finished, so <see cref="TryTake"/> empties it.</summary>
        public bool AllFinished()
        {
            foreach (Entry entry in _window)
            {
                if (!entry.Fetch.IsCompleted)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Blocks until a fetch finishes or a log line arrives (since the last wait), the timeout passes, or
        /// <paramref name="cancellationToken"/> fires, which throws OperationCanceledException.
        /// </summary>
        public void WaitForChange(TimeSpan timeout, CancellationToken cancellationToken)
        {
            WaitHandle.WaitAny(new[] { _changed, cancellationToken.WaitHandle }, timeout);
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>Cancels every fetch at once (Ctrl+C); safe from any thread.</summary>
        public void Cancel()
        {
            _cancel.Cancel();
        }

        /// <summary>
        /// Cancels what is still running. The token source and the event are left to the collector: fetches still
        /// unwinding use them.
        /// </summary>
        public void Dispose() => Cancel();

        private async Task<Outcome<T>> FetchAsync(ApiRequest request, IAnswerReader<T> reader)
        {
            try
            {
                Outcome<T> outcome = await _client.FetchAsync(request, reader, _logLine, _cancel.Token).ConfigureAwait(false);
                if (StopError != null && Interlocked.Exchange(ref _graceStarted, 1) == 0)
                {
                    // The client sends nothing more; what is in flight may answer within the grace, then it is cut off.
                    if (_stopGrace > TimeSpan.Zero)
                    {
                        _cancel.CancelAfter(_stopGrace);
                    }
                    else
                    {
                        Cancel();
                    }
                }

                return outcome;
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                return Outcome<T>.CanceledOutcome(sent: true);
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the row still gets an error of the module's own, never a raw exception.
                return Outcome<T>.Failed(
                    new XingtuApiException(
                        XingtuErrorKind.InternalError,
                        Texts.Format(Texts.ClientUnexpected, ex.GetType().Name, request.Subject),
                        request.KolId,
                        target: request.Target),
                    sent: true);
            }
            finally
            {
                _changed.Set();
            }
        }

        private void Remember(ApiRequest request, Task<Outcome<T>> fetch, IAnswerReader<T> reader)
        {
            if (_rememberedOrder.Count >= RememberedRequests)
            {
                _remembered.Remove(_rememberedOrder.Dequeue());
            }

            _remembered[request] = (fetch, reader);
            _rememberedOrder.Enqueue(request);
        }

        /// <summary>One request of an input row: the request and the fetch it waits on, shared with earlier rows when a repeat.</summary>
        internal readonly struct Entry
        {
            public Entry(ApiRequest request, Task<Outcome<T>> fetch, bool isRepeat, string? part = null, bool endsRow = true)
            {
                Request = request;
                Fetch = fetch;
                IsRepeat = isRepeat;
                Part = part;
                EndsRow = endsRow;
            }

            /// <summary>Which part of its row this request fetches, as the front end named it; null for a row of one request.</summary>
            public string? Part { get; }

            /// <summary>True for the last (or only) request of its row.</summary>
            public bool EndsRow { get; }

            public ApiRequest Request { get; }

            public Task<Outcome<T>> Fetch { get; }

            /// <summary>True when an earlier row asked the same request, so no request of its own was sent.</summary>
            public bool IsRepeat { get; }

            /// <summary>The outcome; only once <see cref="TryTake"/> has handed out the entry.</summary>
            public Outcome<T> Outcome => Fetch.Result;
        }
    }
}
