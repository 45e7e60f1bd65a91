using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using JustOneApi.Xingtu.Report;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Writes KolSpread and XingtuKol rows (or their columns, read back from a CSV) as one self-contained HTML report (table and charts, no network). The page
    /// is built by Report/ReportRenderer; this cmdlet only gathers rows and writes the file atomically. Its user help
    /// is docs/en-US/Export-XingtuReport.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsData.Export, "XingtuReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportXingtuReportCommand : PSCmdlet
    {
        private readonly List<ReportRow> _rows = new List<ReportRow>();
        private int _recordNumber;
        private bool _columnRowSeen;

        /// <summary>
        /// The rows to show: KolSpread objects (Get-XingtuKolSpread), XingtuKol objects (Get-XingtuKol), or their
        /// columns read back from a CSV (Import-Csv) or kept by Select-Object.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The HTML file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("FilePath")]
        public string Path { get; set; } = string.Empty;

        /// <summary>The report's title; the default is "Xingtu KOL report" (星图达人报告).</summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>The report's language: Chinese for zh-*, English otherwise. The default is the current UI culture.</summary>
        [Parameter]
        public CultureInfo? Culture { get; set; }

        /// <summary>Write the file's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Overwrite an existing file. Without it an existing file is left alone and an error says so.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            object? row = InputObject?.BaseObject;
            if (row == null) return;
            _recordNumber++;
            switch (row)
            {
                case XingtuKol kol:
                    _rows.Add(ReportRow.From(kol));
                    return;
                case KolSpread spread:
                    _rows.Add(ReportRow.From(spread));
                    return;
            }

            Dictionary<string, object?>? columns = ColumnsOf(InputObject);
            if (columns == null)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException(Texts.Format(Texts.NotAReportRow, row.GetType().FullName ?? row.GetType().Name)),
                    "UnsupportedReportRow", ErrorCategory.InvalidType, InputObject));
                return;
            }

            AddColumnRow(columns);
        }

        /// <summary>
        /// A row of columns (Import-Csv, Select-Object, a hashtable): read by Report/ReportColumns. The first such row
        /// without a KolId column stops the call, naming the columns found, instead of an error for every row.
        /// </summary>
        private void AddColumnRow(Dictionary<string, object?> columns)
        {
            bool first = !_columnRowSeen;
            _columnRowSeen = true;
            if (first && !columns.ContainsKey(ReportColumns.IdColumn))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException(Texts.Format(Texts.ReportNoIdColumn, string.Join(", ", columns.Keys))),
                    "NoIdColumn", ErrorCategory.InvalidArgument, InputObject));
            }

            var skipped = new List<ReportSkippedCell>();
            try
            {
                _rows.Add(ReportColumns.Read(columns, skipped));
            }
            catch (ReportRowException ex)
            {
                string message = ex.IdProblem != null
                    ? Texts.Format(Texts.ReportRowBadId, _recordNumber, ex.IdProblem)
                    : Texts.Format(Texts.ReportCellUnreadable, ex.KolId ?? string.Empty, _recordNumber, ex.Column ?? string.Empty, ex.Value ?? string.Empty, Texts.L(Expected(ex.Expected)));
                WriteError(new ErrorRecord(new ArgumentException(message, ex), "UnreadableReportRow", ErrorCategory.InvalidData, InputObject));
                return;
            }
            foreach (ReportSkippedCell cell in skipped)
            {
                WriteWarning(Texts.Format(Texts.ReportCellLeftEmpty, cell.KolId, _recordNumber, cell.Column, cell.Value, Texts.L(Expected(cell.Expected))));
            }
        }

        private static string Expected(ReportValueKind kind) => kind switch
        {
            ReportValueKind.WholeNumber => Texts.ReportValueWholeNumber,
            ReportValueKind.Time => Texts.ReportValueTime,
            ReportValueKind.TrueOrFalse => Texts.ReportValueTrueOrFalse,
            _ => Texts.ReportValueNumber,
        };

        /// <summary>
        /// The input's columns, names trimmed and compared ignoring case as PowerShell does (the first of two
        /// spellings wins); null for a bare value. Values are passed as they are (unwrapped), so ReportColumns reads
        /// typed numbers and times exactly and only text by the culture rules.
        /// </summary>
        private static Dictionary<string, object?>? ColumnsOf(PSObject? input)
        {
            List<KeyValuePair<string, object?>>? pairs = InputColumns.Of(input);
            if (pairs == null) return null;
            var columns = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, object?> pair in pairs)
            {
                string name = pair.Key.Trim();
                if (!columns.ContainsKey(name)) columns.Add(name, pair.Value is PSObject wrapped ? wrapped.BaseObject : pair.Value);
            }
            return columns;
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            string path = GetUnresolvedProviderPathFromPSPath(Path);
            if (File.Exists(path) && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException(Texts.Format(Texts.ReportExists, path)),
                    "ReportFileExists", ErrorCategory.ResourceExists, path));
            }
            if (!ShouldProcess(path, Texts.Format(Texts.WriteReport, _rows.Count))) return;

            string html = ReportRenderer.Render(_rows, new ReportOptions
            {
                Title = Title,
                Culture = Culture ?? CultureInfo.CurrentUICulture,
                GeneratedAt = DateTimeOffset.UtcNow,
            });
            try
            {
                WriteAtomically(path, html, Force);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, File.Exists(path) && !Force ? "ReportFileExists" : "ReportNotWritten", ErrorCategory.WriteError, path));
            }
            WriteVerbose(Texts.Format(Texts.ReportWritten, _rows.Count, path));
            if (PassThru) WriteObject(new FileInfo(path));
        }

        /// <summary>
        /// Writes a temporary file beside the target, then renames it over the target: a reader never sees half a
        /// report, and a failure leaves the old file as it was. Without overwrite, the rename itself refuses an
        /// existing file, so a file made meanwhile is not clobbered either.
        /// </summary>
        internal static void WriteAtomically(string path, string content, bool overwrite)
        {
            string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
            string temporary = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temporary, content, new UTF8Encoding(false));
                if (overwrite && File.Exists(path))
                {
                    File.Replace(temporary, path, null, true);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
    }
}
