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

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Gets Douyin Xingtu spread metrics for KOLs. Its user help is docs/en-US/Get-XingtuKolSpread.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XingtuKolSpread")]
    [OutputType(typeof(KolSpread))]
    public sealed class GetXingtuKolSpreadCommand : PSCmdlet, IDisposable
    {
        private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(250);
        private const int ProgressActivityId = 0x5854;

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Stopwatch _elapsed = new Stopwatch();
        private KolSpreadBatch? _batch;
        private int _completed;
        private int _failed;
        private int? _total;
        private bool _progressShown;
        private TimeSpan _lastProgress;

        /// <summary>
        /// The Xingtu KOL (author) ids. Takes strings from the pipeline, or objects with a KolId,
        /// kol_id, Id, AuthorId or similar property, such as the rows of Import-Csv. Each id is normalised first
        /// (see KolIdNormalizer): whitespace trimmed, full-width digits made ASCII, a Xingtu link reduced to its author id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("kol_id", "Id", "AuthorId", "author_id", "oAuthorId", "StarId", "star_id", "XingtuId", "达人ID", "星图ID")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [KolIdArgumentTransformation]
        public string?[] KolId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Which videos to measure: PersonalVideo (the API's default) or XingtuVideo (commissioned through Xingtu).
        /// </summary>
        [Parameter]
        public SpreadType Type { get; set; }

        /// <summary>
        /// The period: Last30Days (the API's default) or Last90Days.
        /// </summary>
        [Parameter]
        public SpreadRange Range { get; set; }

        /// <summary>
        /// The API's flowType, sent as given. The vendor publishes no list of values.
        /// </summary>
        [Parameter]
        public string? FlowType { get; set; }

        /// <summary>
        /// Count only assigned (commissioned) orders.
        /// </summary>
        [Parameter]
        public SwitchParameter OnlyAssign { get; set; }

        /// <summary>
        /// Let the API answer from its cache. The vendor publishes no cache lifetime or billing rule for it.
        /// </summary>
        [Parameter]
        public SwitchParameter AcceptCache { get; set; }

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

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            _batch?.Dispose();
            _stopping.Dispose();
        }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (SessionNotices.FirstTime("deprecated"))
            {
                WriteWarning("Just One API marks the KOL Data Overview (V1) endpoint as deprecated: it may be removed in a future version.");
            }

            ModuleSettings settings = ModuleSettings.Current;
            Uri baseUri;
            try
            {
                baseUri = settings.ResolveBaseUri(out BaseUriSource source);
                if (source == BaseUriSource.EnvironmentVariable && ModuleSettings.IsPlainHttpOffMachine(baseUri) && SessionNotices.FirstTime("plain:" + baseUri))
                {
                    WriteWarning($"{ModuleSettings.BaseUriVariable} points at {baseUri.GetLeftPart(UriPartial.Authority)}, plain HTTP: the token crosses the network unencrypted.");
                }
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidBaseUri", ErrorCategory.InvalidArgument, null));
                return;
            }

            string? token;
            TokenSource tokenSource;
            try
            {
                token = TokenResolver.Resolve(SecureStringArgumentTransformationAttribute.ToPlainText(Token), out tokenSource);
            }
            catch (InvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "TokenStoreUnreadable", ErrorCategory.ReadError, null));
                return;
            }

            if (token == null)
            {
                var noToken = new XingtuApiException(
                    XingtuErrorKind.NoToken,
                    $"No Just One API token was found, so no request was sent. Run Set-XingtuToken (add -Persist to keep it for later sessions), set the {TokenResolver.TokenVariable} environment variable, or pass -Token.");
                ThrowTerminatingError(ErrorRecords.From(noToken));
                return;
            }

            int throttleLimit = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : settings.ThrottleLimit;
            WriteVerbose($"Token from {tokenSource} ({TokenResolver.Mask(token)}); {baseUri.GetLeftPart(UriPartial.Authority)}; ThrottleLimit {throttleLimit.ToString(CultureInfo.InvariantCulture)}.");

            var options = new ClientOptions(
                baseUri,
                TimeSpan.FromSeconds(settings.TimeoutSec),
                settings.MaximumRetryCount,
                TimeSpan.FromSeconds(settings.RetryIntervalSec),
                throttleLimit,
                settings.MaxRequestsPerSecond);
            // Room for finished results to wait behind a slow one, so one slow KOL does not idle the others.
            _batch = new KolSpreadBatch(XingtuClient.Create(options, token), Math.Max(16, throttleLimit * 4), log: VerboseWanted());
            _total = MyInvocation.ExpectingInput ? (int?)null : 0;
            _elapsed.Start();
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            KolSpreadBatch batch = _batch!;
            string?[] ids = KolId ?? new string?[] { null };

            if (_total.HasValue)
            {
                _total += ids.Length;
            }

            SpreadType? type = MyInvocation.BoundParameters.ContainsKey(nameof(Type)) ? Type : (SpreadType?)null;
            SpreadRange? range = MyInvocation.BoundParameters.ContainsKey(nameof(Range)) ? Range : (SpreadRange?)null;
            foreach (string? id in ids)
            {
                // Room first, so the window never holds more than its size and memory stays flat on long input.
                Pump(untilEmpty: false);
                NormalizedKolId kolId = KolIdNormalizer.Normalize(id);
                if (kolId.Changed)
                {
                    WriteVerbose($"KolId '{KolIdNormalizer.Show(id)}' normalised to '{kolId.Id}'");
                }

                batch.Add(new KolSpreadQuery(kolId.Id, type, range, FlowType, OnlyAssign.IsPresent, AcceptCache.IsPresent));
            }

            Pump(untilEmpty: false);
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Pump(untilEmpty: true);
            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                "Done: {0} KOL(s), {1} with an error; {2} repeated row(s) served from an earlier request; {3:0.0} s.",
                _completed,
                _failed,
                _batch!.Repeats,
                _elapsed.Elapsed.TotalSeconds));
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, "Get-XingtuKolSpread", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing()
        {
            _stopping.Cancel();
            _batch?.Cancel();
        }

        /// <summary>
        /// Writes, on the pipeline thread, every log line and every finished result in input order; then waits
        /// while the window is full (or, at the end, not yet empty).
        /// </summary>
        private void Pump(bool untilEmpty)
        {
            KolSpreadBatch batch = _batch!;
            while (true)
            {
                foreach (string line in batch.TakeLog())
                {
                    WriteVerbose(line);
                }

                while (batch.TryTake(out KolSpreadBatch.Entry entry))
                {
                    if (BelongsToStop(entry.Outcome))
                    {
                        StopBatch(entry);
                    }

                    Write(entry);
                }

                if (batch.StopError != null)
                {
                    StopBatch(null);
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

        /// <summary>True when verbose lines would be shown: -Verbose, or $VerbosePreference in the caller's scope.</summary>
        private bool VerboseWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose))
            {
                return verbose is SwitchParameter flag && flag.IsPresent;
            }

            // Scripts often set the preference as a string ('Continue'), which PowerShell converts when it reads it.
            return LanguagePrimitives.TryConvertTo(GetVariableValue("VerbosePreference"), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        /// <summary>Only a stop cancels a fetch: the account's (an account-level code) or the user's (Ctrl+C).</summary>
        private static bool BelongsToStop(KolSpreadOutcome outcome) =>
            outcome.Canceled || (outcome.Error != null && outcome.Error.IsAccountLevel);

        /// <summary>Writes one row's result or per-KOL error.</summary>
        private void Write(KolSpreadBatch.Entry entry)
        {
            KolSpreadOutcome outcome = entry.Outcome;
            _completed++;
            if (outcome.Spread is KolSpread spread)
            {
                foreach (string warning in outcome.Warnings)
                {
                    WriteWarning($"KOL '{entry.Query.KolId}': {warning}; that metric is left empty.");
                }

                // A repeated KOL shares one fetch, but each row gets an object of its own, so Add-Member on one
                // row does not show up on another.
                WriteObject(entry.IsRepeat ? spread.Copy() : spread);
                return;
            }

            _failed++;
            WriteError(ErrorRecords.From(outcome.Error ?? new XingtuApiException(
                XingtuErrorKind.InternalError,
                $"The request for KOL '{entry.Query.KolId}' ended without a result or an error. Please report it.",
                entry.Query.KolId)));
        }

        /// <summary>
        /// Ends the batch after an account-level failure, starting from <paramref name="first"/> if it was already
        /// taken: writes every row that had finished, in order, and then a terminating error that says which KOL hit
        /// the code, how far the batch got, and which KOLs were cut off in flight. After Ctrl+C it only stops.
        /// </summary>
        private void StopBatch(KolSpreadBatch.Entry? first)
        {
            KolSpreadBatch batch = _batch!;
            XingtuApiException? stop = batch.StopError;
            if (stop == null || _stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            while (!batch.AllFinished())
            {
                batch.WaitForChange(WaitSlice, CancellationToken.None);
            }

            // The row that hit the code reports it, with its attempts; every other stopped row was cut off.
            var notFetched = new List<string>();
            XingtuApiException? hit = null;
            KolSpreadBatch.Entry entry = first ?? default;
            bool have = first.HasValue || batch.TryTake(out entry);
            while (have)
            {
                XingtuApiException? error = entry.Outcome.Error;
                if (!BelongsToStop(entry.Outcome))
                {
                    Write(entry);
                }
                else if (hit == null && !entry.IsRepeat && error != null && error.Kind == stop.Kind && error.KolId == stop.KolId)
                {
                    hit = error;
                }
                else
                {
                    notFetched.Add(entry.Query.KolId);
                }

                have = batch.TryTake(out entry);
            }

            stop = hit ?? stop;

            const int Named = 10;
            string cutOff = notFetched.Count == 0
                ? "none was cut off in flight"
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} KOL(s) in flight were cut off and not fetched: {1}{2}",
                    notFetched.Count,
                    string.Join(", ", notFetched.Take(Named).Select(id => "'" + id + "'")),
                    notFetched.Count > Named ? ", ..." : string.Empty);
            string summary = string.Format(
                CultureInfo.InvariantCulture,
                "{0} The batch stopped: {1} KOL(s) completed before the stop ({2} with an error); KOL '{3}' hit code {4}; {5}. The rest of the input was not read, and no further request was sent.",
                stop.Message,
                _completed,
                _failed,
                stop.KolId,
                stop.Code,
                cutOff);
            ThrowTerminatingError(ErrorRecords.From(stop.WithAttempts(stop.Attempts, summary)));
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
            string status = string.Format(CultureInfo.InvariantCulture, "{0} done, {1} failed, {2:0.#} KOL/s", _completed, _failed, rate);
            var record = new ProgressRecord(ProgressActivityId, "Get-XingtuKolSpread", status);
            if (_total is int total && total > 0)
            {
                record.PercentComplete = Math.Min(100, _completed * 100 / total);
            }

            WriteProgress(record);
        }
    }
}
