using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Configuration;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Store;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// The pipeline side of the one engine, shared by every cmdlet that calls the API: it resolves the token and the
    /// address, feeds each input's request into an ordered concurrent batch, and writes every result, error, warning,
    /// verbose line and progress record from the pipeline thread, in input order. An account-level failure stops
    /// the batch with one terminating error that accounts for every row; Ctrl+C cancels everything in flight.
    /// </summary>
    /// <typeparam name="T">What one answer becomes before it is written.</typeparam>
    public abstract class ApiBatchCommand<T> : PSCmdlet, IDisposable
    {
        private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(250);
        private const int ProgressActivityId = 0x5854;

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        // What each row in the batch came from, in input order, alongside the batch's own queue: taken one per entry.
        private readonly Queue<InputRow> _rows = new Queue<InputRow>();
        private InputRow _row;
        private int _recordNumber;
        private bool _garbleWarned;
        private readonly Stopwatch _elapsed = new Stopwatch();
        private RequestBatch<T>? _batch;
        private IAnswerReader<T>? _reader;
        private readonly List<RequestBatch<T>.Entry> _taken = new List<RequestBatch<T>.Entry>();
        private readonly List<PartTally> _parts = new List<PartTally>();
        private int _repeatedRows;
        private int _completed;
        private int _failed;
        private int _refused;
        private int _fromStore;
        private bool _storeWarned;
        private bool _switchWarned;
        private string[] _tokenForms = Array.Empty<string>();
        private TimeSpan _maxAge;
        private string _storeFolder = string.Empty;
        private bool _storeRefused;
        private int? _total;
        private bool _progressShown;
        private TimeSpan _lastProgress;

        private protected ApiBatchCommand()
        {
        }

        /// <summary>
        /// The API token for this call, as a string or a SecureString. Without it the module uses
        /// Set-XingtuToken's token, then JUSTONEAPI_TOKEN, then the stored token.
        /// </summary>
        [Parameter]
        [SecureStringArgumentTransformation]
        public SecureString? Token { get; set; }

        /// <summary>
        /// How many requests may be in flight at once. The default comes from Set-XingtuConfiguration.
        /// </summary>
        [Parameter]
        [ValidateRange(1, ModuleSettings.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; }

        /// <summary>
        /// How old an answer in the local answer store may be and still be served instead of a request; 0 fetches
        /// everything again. Every billed answer is kept whatever this says.
        /// </summary>
        [Parameter]
        [TimeSpanOnlyArgumentTransformation(nameof(MaxAge), ZeroAllowed = true)]
        public TimeSpan MaxAge { get; set; }

        /// <summary>
        /// Copy the input object's own columns (every property of an Import-Csv row, say) onto each result, so that
        /// Export-Csv writes the user's columns next to the metrics. A column whose name the result already has is
        /// added as Input_ and its name, never overwritten.
        /// </summary>
        [Parameter]
        public SwitchParameter KeepInputColumns { get; set; }

        /// <summary>The whole pipeline input object, whatever else binds from it: the row -KeepInputColumns copies.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [AllowNull]
        public PSObject? PipelineInput { get; set; }

        /// <summary>What one input row is called in messages and progress: KOL, or request.</summary>
        private protected abstract string Unit { get; }

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            _batch?.Dispose();
            _stopping.Dispose();
        }

        /// <summary>How old a kept answer may be when the call gives no -MaxAge.</summary>
        private protected abstract TimeSpan DefaultMaxAge(ModuleSettings settings);

        /// <summary>Checks the call's parameters before anything is resolved or sent; throws a terminating error when they cannot work.</summary>
        private protected virtual void ValidateParameters()
        {
        }

        /// <summary>The reader that turns this cmdlet's answers into results; null when every row comes by <see cref="PartsOfRecord"/> with readers of its own.</summary>
        private protected virtual IAnswerReader<T>? CreateReader() => null;

        /// <summary>How many rows the current input record holds, for the progress bar's percentage.</summary>
        private protected virtual int RowsOfRecord => 1;

        /// <summary>The requests of the current input record, one per row, in order; made one at a time as they are taken.</summary>
        private protected virtual IEnumerable<ApiRequest> RequestsOfRecord() => Enumerable.Empty<ApiRequest>();

        /// <summary>
        /// The rows of the current input record, in order, each as its requests (parts) with their readers. The parts of
        /// a row are in flight together and the row is written once all are done (see <see cref="TryCombineParts"/>). By
        /// default each request of <see cref="RequestsOfRecord"/> is a row of its own, read by <see cref="CreateReader"/>'s reader.
        /// </summary>
        private protected virtual IEnumerable<IReadOnlyList<RequestPart<T>>> PartsOfRecord()
        {
            IAnswerReader<T> reader = _reader!;
            foreach (ApiRequest request in RequestsOfRecord())
            {
                yield return new[] { new RequestPart<T>(request, reader, null) };
            }
        }

        /// <summary>
        /// The one result of a row of several parts, made from its parts' outcomes, or nothing to write. The engine has
        /// already written an error for each failed part and a warning for each anomaly; the result is written by
        /// <see cref="WriteResult"/> with the row's first request.
        /// </summary>
        private protected virtual bool TryCombineParts(IReadOnlyList<RequestBatch<T>.Entry> parts, out T result)
        {
            result = default!;
            return false;
        }

        /// <summary>
        /// Writes one row's result; <paramref name="isRepeat"/> is true when an earlier row shares the same fetch. A
        /// result that cannot be written becomes an error for <paramref name="request"/>'s row.
        /// </summary>
        private protected abstract void WriteResult(T result, ApiRequest request, bool isRepeat);

        /// <summary>
        /// The column names that carry the KOL id in a piped row, or null when this call needs none. By default the
        /// KolId parameter's name and aliases, for every cmdlet that has one.
        /// </summary>
        private protected virtual IReadOnlyList<string>? IdColumnNames
        {
            get
            {
                ParameterMetadata? kolId = null;
                if (MyInvocation.MyCommand.Parameters?.TryGetValue("KolId", out kolId) != true || kolId == null)
                {
                    return null;
                }

                return new[] { kolId.Name }.Concat(kolId.Aliases).ToArray();
            }
        }

        /// <summary>True when the parameter was given on this call.</summary>
        private protected bool IsBound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            // The token first, before anything can quote what was typed: from here on every text this cmdlet writes
            // has this call's token taken out, in each of its spellings.
            string? token = null;
            TokenSource tokenSource = TokenSource.None;
            InvalidOperationException? tokenProblem = null;
            try
            {
                token = TokenResolver.Resolve(SecureStringArgumentTransformationAttribute.ToPlainText(Token), out tokenSource);
                _tokenForms = Redaction.FormsOf(token);
            }
            catch (InvalidOperationException ex)
            {
                tokenProblem = ex;
            }

            if (MaxAge < TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(Texts.L(Texts.MaxAgeNegative)), "InvalidMaxAge", ErrorCategory.InvalidArgument, MaxAge));
            }

            ValidateParameters();
            ModuleSettings settings = ModuleSettings.Current;
            Uri baseUri;
            try
            {
                baseUri = settings.ResolveBaseUri(out BaseUriSource source);
                if (source == BaseUriSource.EnvironmentVariable && ModuleSettings.IsPlainHttpOffMachine(baseUri) && SessionNotices.FirstTime("plain:" + baseUri))
                {
                    WriteWarning(Texts.Format(Texts.PlainHttpVariable, ModuleSettings.BaseUriVariable, baseUri.GetLeftPart(UriPartial.Authority))
                        + (settings.Proxy.ProxyFor(baseUri) is Uri through ? Texts.Format(Texts.PlainHttpThroughProxy, through.GetLeftPart(UriPartial.Authority)) : string.Empty));
                }
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidBaseUri", ErrorCategory.InvalidArgument, null));
                return;
            }

            if (tokenProblem != null)
            {
                ThrowTerminatingError(new ErrorRecord(tokenProblem, "TokenStoreUnreadable", ErrorCategory.ReadError, null));
                return;
            }

            if (token == null)
            {
                var noToken = new XingtuApiException(
                    XingtuErrorKind.NoToken,
                    Texts.Format(Texts.NoToken, TokenResolver.TokenVariable));
                ThrowTerminatingError(ErrorRecords.From(noToken));
                return;
            }

            int throttleLimit = IsBound(nameof(ThrottleLimit)) ? ThrottleLimit : settings.ThrottleLimit;
            LocalAnswerStore? store = null;
            if (settings.LocalCacheEnabled)
            {
                store = new LocalAnswerStore(settings.ResolveLocalCachePath());
                if (store.Problem() is string refused)
                {
                    // A folder the store may not use (another user's, open to others, or not its own): said once, and
                    // the call goes on without the store, as it would with the store off.
                    WriteWarning(Texts.Format(Texts.StoreFolderRefused, refused));
                    _storeRefused = true;
                    store = null;
                }
                else
                {
                    _storeFolder = store.Folder;
                    _maxAge = IsBound(nameof(MaxAge)) ? MaxAge : DefaultMaxAge(settings);
                    _ = store.PruneInBackground();
                }
            }

            WriteVerbose(Texts.Format(
                Texts.CallSettings,
                tokenSource switch
                {
                    TokenSource.Parameter => Texts.TokenFromParameter,
                    TokenSource.Session => Texts.TokenFromSession,
                    TokenSource.EnvironmentVariable => Texts.Format(Texts.TokenFromEnvironment, TokenResolver.TokenVariable),
                    _ => Texts.Format(Texts.TokenFromFile, TokenStore.FilePath),
                },
                TokenResolver.Mask(token),
                settings.Proxy.ProxyFor(baseUri) is Uri proxyUri
                    ? Texts.Format(Texts.AddressThroughProxy, baseUri.GetLeftPart(UriPartial.Authority), proxyUri.GetLeftPart(UriPartial.Authority))
                    : baseUri.GetLeftPart(UriPartial.Authority),
                throttleLimit,
                store == null ? Texts.StoreIsOff : Texts.Format(Texts.StoreInUse, store.Folder, Texts.Duration(_maxAge))));

            var options = new ClientOptions(
                baseUri,
                TimeSpan.FromSeconds(settings.TimeoutSec),
                settings.MaximumRetryCount,
                TimeSpan.FromSeconds(settings.RetryIntervalSec),
                throttleLimit,
                settings.MaxRequestsPerSecond,
                store,
                _maxAge,
                settings.Proxy);

            // Room for finished results to wait behind a slow one, so one slow request does not idle the others.
            _reader = CreateReader();
            _batch = new RequestBatch<T>(ApiClient.Create(options, token), _reader, Math.Max(16, throttleLimit * 4), log: VerboseWanted());
            _total = MyInvocation.ExpectingInput ? (int?)null : 0;
            _elapsed.Start();
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            RequestBatch<T> batch = _batch!;

            // Counted before any is added, so a -KolId list's progress runs against its whole length.
            if (_total.HasValue)
            {
                _total += RowsOfRecord;
            }

            _recordNumber++;
            if (MyInvocation.ExpectingInput)
            {
                CheckColumns(PipelineInput);
            }

            int index = 0;
            foreach (IReadOnlyList<RequestPart<T>> parts in PartsOfRecord())
            {
                // Room first, so the window never holds more than its size and memory stays flat on long input; a
                // row's parts go in together, so they are in flight together and no row is ever half added.
                Pump(untilEmpty: false);
                index++;
                // Piped rows are numbered by record; a -KolId list by its position. One per row, whatever its parts.
                _rows.Enqueue(new InputRow(MyInvocation.ExpectingInput ? PipelineInput : null, MyInvocation.ExpectingInput ? _recordNumber : index));
                for (int i = 0; i < parts.Count; i++)
                {
                    batch.Add(parts[i].Request, parts[i].Reader, parts[i].Name, endsRow: i == parts.Count - 1);
                }
            }

            Pump(untilEmpty: false);
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Pump(untilEmpty: true);
            if (_parts.Count == 0)
            {
                WriteVerbose(Texts.Format(
                    Texts.Done,
                    _completed,
                    Unit,
                    _failed,
                    _refused,
                    _fromStore,
                    _completed - _fromStore - _batch!.Repeats - _refused,
                    _batch.Repeats,
                    _elapsed.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)));
            }
            else
            {
                // Each part is a billed request of its own, so the count that matters for the bill is per part.
                WriteVerbose(Texts.Format(
                    Texts.DoneByPart,
                    _completed,
                    Unit,
                    _failed,
                    _repeatedRows,
                    _elapsed.Elapsed.TotalSeconds,
                    string.Join(Texts.L(Texts.PartSeparator), _parts.Select(part => Texts.Format(
                        Texts.PartCounts,
                        Texts.L(part.Name),
                        part.Sent,
                        part.FromStore,
                        part.Failed)))));
            }

            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, Texts.L(Texts.ProgressDone)) { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing()
        {
            _stopping.Cancel();
            _batch?.Cancel();
        }

        /// <summary>
        /// The one way out for text: every message, verbose and debug line, warning, error (its texts and its target),
        /// progress record and resume advice this cmdlet and its subclasses write passes through here, and leaves
        /// without this call's token in any spelling (as typed, URL-escaped, JSON-escaped) and without any token= value.
        /// The methods below hide PSCmdlet's, so a subclass cannot write around it by accident.
        /// </summary>
        private protected string Redact(string text) => Redaction.Redact(text, _tokenForms);

        /// <summary>Writes a verbose line, redacted.</summary>
        private protected new void WriteVerbose(string text) => base.WriteVerbose(Redact(text));

        /// <summary>Writes a debug line, redacted.</summary>
        private protected new void WriteDebug(string text) => base.WriteDebug(Redact(text));

        /// <summary>Writes a warning, redacted.</summary>
        private protected new void WriteWarning(string text) => base.WriteWarning(Redact(text));

        /// <summary>Writes a non-terminating error, redacted.</summary>
        private protected new void WriteError(ErrorRecord errorRecord) => base.WriteError(ErrorRecords.Redacted(errorRecord, Redact));

        /// <summary>Throws a terminating error, redacted.</summary>
        private protected new void ThrowTerminatingError(ErrorRecord errorRecord) => base.ThrowTerminatingError(ErrorRecords.Redacted(errorRecord, Redact));

        /// <summary>Writes a progress record, its texts redacted.</summary>
        private protected new void WriteProgress(ProgressRecord progressRecord)
        {
            progressRecord.Activity = Redact(progressRecord.Activity);
            progressRecord.StatusDescription = Redact(progressRecord.StatusDescription);
            if (progressRecord.CurrentOperation != null)
            {
                progressRecord.CurrentOperation = Redact(progressRecord.CurrentOperation);
            }

            base.WriteProgress(progressRecord);
        }

        /// <summary>True when verbose lines would be shown: -Verbose, or $VerbosePreference in the caller's scope.</summary>
        private protected bool VerboseWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose))
            {
                return verbose is SwitchParameter flag && flag.IsPresent;
            }

            // Scripts often set the preference as a string ('Continue'), which PowerShell converts when it reads it.
            return LanguagePrimitives.TryConvertTo(GetVariableValue("VerbosePreference"), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        /// <summary>
        /// Writes, on the pipeline thread, every log line and every finished result in input order; then waits
        /// while the window is full (or, at the end, not yet empty).
        /// </summary>
        private void Pump(bool untilEmpty)
        {
            RequestBatch<T> batch = _batch!;
            while (true)
            {
                foreach (string line in batch.TakeLog())
                {
                    WriteVerbose(line);
                }

                while (batch.TryTakeRow(_taken))
                {
                    if (_taken.Any(part => BelongsToStop(part.Outcome)))
                    {
                        StopBatch(_taken);
                    }

                    Write(_taken);
                }

                if (batch.StopError != null)
                {
                    StopBatch(null);
                }

                if (!_switchWarned && batch.SwitchNotice is string notice)
                {
                    _switchWarned = true;
                    WriteWarning(notice);
                }

                if (!_storeWarned && batch.StoreProblem is string problem)
                {
                    _storeWarned = true;
                    WriteWarning(Texts.Format(Texts.StoreProblem, problem));
                }

                ReportProgress(done: untilEmpty && batch.Count == 0);
                if (untilEmpty ? batch.Count == 0 : !batch.IsFull)
                {
                    return;
                }

                try
                {
                    batch.WaitForChange(WaitSlice, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>Only a stop cancels a fetch: the account's (an account-level code) or the user's (Ctrl+C).</summary>
        private static bool BelongsToStop(Outcome<T> outcome) =>
            outcome.Canceled || (outcome.Error != null && outcome.Error.IsAccountLevel);

        /// <summary>
        /// Looks at a piped row's column names: garbled names (a GBK file read as UTF-8) are said once; a first row
        /// with no id column at all stops the call before anything is sent, instead of an error for every row.
        /// </summary>
        private void CheckColumns(PSObject? input)
        {
            List<KeyValuePair<string, object?>>? columns = InputColumns.Of(input);
            if (columns == null || columns.Count == 0)
            {
                return;
            }

            bool garbled = columns.Any(column => LooksGarbled(column.Key));
            IReadOnlyList<string>? idNames = IdColumnNames;
            if (_recordNumber == 1 && idNames != null && !columns.Any(column => idNames.Contains(column.Key.Trim(), StringComparer.OrdinalIgnoreCase)))
            {
                string message = Texts.Format(
                    Texts.NoIdColumn,
                    garbled ? Texts.L(Texts.Garbled) + " " : string.Empty,
                    idNames[0],
                    string.Join(", ", idNames.Skip(1)),
                    string.Join(", ", columns.Select(column => column.Key)));
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "NoIdColumn", ErrorCategory.InvalidArgument, input));
            }

            if (garbled && !_garbleWarned)
            {
                _garbleWarned = true;
                WriteWarning(Texts.Format(Texts.GarbledColumns, Texts.Garbled, string.Join(", ", columns.Select(column => column.Key))));
            }
        }

        /// <summary>
        /// True for a name that a wrong encoding made: U+FFFD (bytes that are not UTF-8), or a run of Latin-1 letters
        /// (GBK or UTF-8 bytes read as Latin-1 or Windows-1252), which no real column name of this kind holds.
        /// </summary>
        private static bool LooksGarbled(string name)
        {
            int latin = 0;
            foreach (char c in name)
            {
                if (c == '\uFFFD')
                {
                    return true;
                }

                latin = c >= '\u0080' && c <= '\u00FF' ? latin + 1 : 0;
                if (latin >= 2)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Writes one row's result with what it carries from its input: the id as given (InputKolId) and, with
        /// -KeepInputColumns, the input object's columns. For the cmdlets' WriteResult.
        /// </summary>
        private protected void WriteRow(object? value, bool enumerateCollection = true)
        {
            if (value == null)
            {
                WriteObject(value, enumerateCollection);
                return;
            }

            string? inputKolId = _row.Request?.InputKolId;
            if (value is IInputKolId typed)
            {
                typed.InputKolId = inputKolId;
            }

            PSObject row = PSObject.AsPSObject(value);
            if (!(value is IInputKolId) && _row.Request?.KolId != null && row.Properties["InputKolId"] == null)
            {
                row.Properties.Add(new PSNoteProperty("InputKolId", inputKolId));
            }

            if (KeepInputColumns.IsPresent && InputColumns.Of(_row.Input) is List<KeyValuePair<string, object?>> columns)
            {
                foreach (KeyValuePair<string, object?> column in columns)
                {
                    string name = column.Key;
                    while (row.Properties[name] != null)
                    {
                        name = "Input_" + name;
                    }

                    row.Properties.Add(new PSNoteProperty(name, column.Value is PSObject wrapped ? wrapped.BaseObject : column.Value));
                }
            }

            WriteObject(row, enumerateCollection);
        }

        /// <summary>
        /// Writes one row: its result, or an error for each failed part, and the warnings that came with it. A row of
        /// several parts is written as the front end combines it, even when some of its parts failed.
        /// </summary>
        private void Write(List<RequestBatch<T>.Entry> row)
        {
            _row = _rows.Dequeue().For(row[0].Request);
            _completed++;
            RequestBatch<T>.Entry first = row[0];
            if (row.Count == 1 && first.Part == null)
            {
                if (!first.IsRepeat && first.Outcome.FromLocalCache)
                {
                    _fromStore++;
                }
                else if (!first.IsRepeat && first.Request.Refusal != null)
                {
                    // Refused before sending: neither fetched nor billed, and counted apart in the summary.
                    _refused++;
                }
            }
            else
            {
                Tally(row);
            }

            bool failed = false;
            foreach (RequestBatch<T>.Entry entry in row)
            {
                Outcome<T> outcome = entry.Outcome;
                if (outcome.Error == null)
                {
                    foreach (string anomaly in outcome.Anomalies)
                    {
                        WriteWarning(Texts.Format(Texts.Anomaly, entry.Request.Subject, anomaly));
                    }
                }
                else
                {
                    failed = true;
                    XingtuApiException error = outcome.Error;
                    if (entry.Request.Refusal != null)
                    {
                        // An input error: the row number finds it in the file.
                        error = error.WithAttempts(error.Attempts, Texts.Format(Texts.InputRow, error.Message, _row.Number));
                    }

                    WriteError(ErrorRecords.From(error));
                }
            }

            if (failed)
            {
                _failed++;
            }

            if (row.Count == 1 && first.Part == null)
            {
                if (!failed)
                {
                    WriteResult(first.Outcome.Result!, first.Request, first.IsRepeat);
                }
            }
            else if (TryCombineParts(row, out T result))
            {
                WriteResult(result, first.Request, row.All(part => part.IsRepeat));
            }
        }

        /// <summary>Counts a row of several parts, part by part: requests sent and answers served from the store.</summary>
        private void Tally(List<RequestBatch<T>.Entry> row)
        {
            if (row.All(part => part.IsRepeat))
            {
                _repeatedRows++;
            }

            foreach (RequestBatch<T>.Entry entry in row)
            {
                PartTally? tally = _parts.Find(part => part.Name == entry.Part);
                if (tally == null)
                {
                    tally = new PartTally(entry.Part ?? "Request");
                    _parts.Add(tally);
                }

                Outcome<T> outcome = entry.Outcome;
                if (!entry.IsRepeat && outcome.FromLocalCache)
                {
                    tally.FromStore++;
                }
                else if (!entry.IsRepeat && outcome.Sent)
                {
                    tally.Sent++;
                }

                if (outcome.Error != null)
                {
                    tally.Failed++;
                }
            }
        }

        /// <summary>
        /// Ends the batch after an account-level failure, starting from <paramref name="first"/> if it was already
        /// taken: writes every row that had finished, in order, and then a terminating error that says which row hit
        /// the code, how far the batch got, and which rows were cut off in flight or never sent. After Ctrl+C it only stops.
        /// </summary>
        private void StopBatch(List<RequestBatch<T>.Entry>? first)
        {
            RequestBatch<T> batch = _batch!;
            XingtuApiException? stop = batch.StopError;
            if (stop == null || _stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            try
            {
                while (!batch.AllFinished())
                {
                    batch.WaitForChange(WaitSlice, _stopping.Token);
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            // The row that hit the code reports it, with its attempts; every other stopped row was answered after the
            // stop and kept in the local store, cut off in flight, or never sent. A row of several parts belongs to the
            // stop when any of its parts does; its parts that had finished are in the store.
            var kept = new List<string>();
            var inFlight = new List<string>();
            var queued = new List<string>();
            XingtuApiException? hit = null;
            List<RequestBatch<T>.Entry> row = first ?? _taken;
            bool have = first != null || batch.TryTakeRow(row);
            while (have)
            {
                if (!row.Any(part => BelongsToStop(part.Outcome)))
                {
                    Write(row);
                    have = batch.TryTakeRow(row);
                    continue;
                }

                _rows.Dequeue();
                if (row.Select(part => part.Outcome.Error).FirstOrDefault(error => error != null && error.Kind == stop.Kind && error.Target == stop.Target) is XingtuApiException error)
                {
                    // The row that hit the code, or a repeat of it: reported once, by the terminating error.
                    hit ??= error;
                }
                else
                {
                    // Told by its stopped parts: one cut off in flight, else one kept after the stop, else never sent.
                    List<Outcome<T>> stopped = row.Select(part => part.Outcome).Where(BelongsToStop).ToList();
                    (stopped.Any(outcome => outcome.Sent && !outcome.KeptAtStop) ? inFlight
                        : stopped.Any(outcome => outcome.KeptAtStop) ? kept
                        : queued).Add(row[0].Request.Target);
                }

                have = batch.TryTakeRow(row);
            }

            stop = hit ?? stop;
            string inFlightPart = kept.Count == 0 && inFlight.Count == 0
                ? Texts.NoneInFlight
                : string.Join(Texts.L(Texts.PartSeparator), new[] { Named(kept, Texts.InFlightKept, null), Named(inFlight, Texts.InFlightCut, null) }.Where(part => part != null));
            string summary = Texts.Format(
                Texts.StopSummary,
                stop.Message,
                _completed,
                Unit,
                _failed,
                stop.Target ?? string.Empty,
                stop.Code is int code ? Texts.Format(Texts.StopHitCode, code)
                    : stop.HttpStatusCode is int status ? Texts.Format(Texts.StopHitStatus, status)
                    : Texts.StopHitConnection,
                inFlightPart,
                Named(queued, Texts.Queued, Texts.NoneQueued)!,
                ResumeAdvice(stop, _batch!.Kept + _fromStore > 0)).TrimEnd();
            ThrowTerminatingError(ErrorRecords.From(stop.WithAttempts(stop.Attempts, summary)));
        }

        /// <summary>
        /// How to go on: the same command, once the account allows it. Every answer received is in the local store, so
        /// the rerun is served those from it and fetches (and pays for) only what is missing. Said only when something
        /// was received (<paramref name="received"/>), or when the stop is the quota's or the balance's, where a rerun
        /// is the way on; a stop with nothing received (such as an invalid token) says only what to fix.
        /// </summary>
        private string ResumeAdvice(XingtuApiException stop, bool received)
        {
            if (!received && stop.Kind != XingtuErrorKind.DailyQuotaExceeded && stop.Kind != XingtuErrorKind.InsufficientBalance)
            {
                return string.Empty;
            }

            if (_storeFolder.Length == 0)
            {
                return Texts.L(_storeRefused ? Texts.StoreRefused : Texts.StoreOff);
            }

            // The command is quoted only when it names no token at all: a token typed on it, this call's or another's, stays off the screen.
            string line = CommandText().Trim();
            string command = line.Length == 0 || line.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
                || !string.Equals(Redact(line), line, StringComparison.Ordinal)
                ? Texts.SameCommand
                : line;
            string reading = _maxAge > TimeSpan.Zero
                ? Texts.Format(Texts.ResumeWithin, Texts.Duration(_maxAge))
                : Texts.ResumeWithMaxAge;
            return Texts.Format(Texts.Resume, reading, _storeFolder, command);
        }

        /// <summary>
        /// The text of this command as typed, without the other commands on its line: $MyInvocation.Statement where
        /// the edition has it (PowerShell 7.4 and later), else the command found by parsing the line it is on.
        /// </summary>
        private string CommandText()
        {
            if (typeof(InvocationInfo).GetProperty("Statement")?.GetValue(MyInvocation) is string statement && statement.Trim().Length > 0)
            {
                return statement;
            }

            string line = MyInvocation.Line ?? string.Empty;
            System.Management.Automation.Language.ScriptBlockAst ast = System.Management.Automation.Language.Parser.ParseInput(line, out _, out _);
            int offset = MyInvocation.OffsetInLine;
            System.Management.Automation.Language.Ast? command = ast.Find(
                node => node is System.Management.Automation.Language.CommandAst && node.Extent.StartLineNumber == 1 && node.Extent.StartColumnNumber == offset,
                searchNestedScriptBlocks: true);
            return command?.Extent.Text ?? string.Empty;
        }

        private string? Named(List<string> targets, string what, string? none)
        {
            const int MaxNamed = 10;
            return targets.Count == 0
                ? none
                : Texts.Format(
                    Texts.NamedRows,
                    targets.Count,
                    Unit,
                    what,
                    string.Join(", ", targets.Take(MaxNamed).Select(target => "'" + target + "'")),
                    targets.Count > MaxNamed ? ", ..." : string.Empty);
        }

        /// <summary>Where one row of the batch came from: the pipeline object, its number, and (once taken) its request.</summary>
        private readonly struct InputRow
        {
            public InputRow(PSObject? input, int number, ApiRequest? request = null)
            {
                Input = input;
                Number = number;
                Request = request;
            }

            public PSObject? Input { get; }

            public int Number { get; }

            public ApiRequest? Request { get; }

            public InputRow For(ApiRequest request) => new InputRow(Input, Number, request);
        }

        private void ReportProgress(bool done)
        {
            TimeSpan now = _elapsed.Elapsed;
            if (done || now < ProgressDelay || now - _lastProgress < ProgressInterval)
            {
                return;
            }

            _lastProgress = now;
            _progressShown = true;
            double rate = _completed / Math.Max(now.TotalSeconds, 0.001);
            string status = Texts.Format(Texts.Progress, _completed, _failed, rate, Unit);
            var record = new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, status);
            if (_total is int total && total > 0)
            {
                record.PercentComplete = Math.Min(100, _completed * 100 / total);
            }

            WriteProgress(record);
        }

        /// <summary>What happened to one part across the rows: requests sent, answers from the store, failures.</summary>
        private sealed class PartTally
        {
            public PartTally(string name)
            {
                Name = name;
            }

            public string Name { get; }

            public int Sent { get; set; }

            public int FromStore { get; set; }

            public int Failed { get; set; }
        }
    }
}
