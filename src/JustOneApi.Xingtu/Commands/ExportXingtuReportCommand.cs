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
    /// Writes KolSpread and XingtuKol rows as one self-contained HTML report (table and charts, no network). The page
    /// is built by Report/ReportRenderer; this cmdlet only gathers rows and writes the file atomically. Its user help
    /// is docs/en-US/Export-XingtuReport.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsData.Export, "XingtuReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportXingtuReportCommand : PSCmdlet
    {
        private readonly List<ReportRow> _rows = new List<ReportRow>();

        /// <summary>The rows to show: KolSpread objects (Get-XingtuKolSpread) or XingtuKol objects (Get-XingtuKol).</summary>
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
            switch (row)
            {
                case null:
                    return;
                case XingtuKol kol:
                    _rows.Add(ReportRow.From(kol));
                    return;
                case KolSpread spread:
                    _rows.Add(ReportRow.From(spread));
                    return;
                default:
                    WriteError(new ErrorRecord(
                        new ArgumentException(Texts.Format(Texts.NotAReportRow, row.GetType().FullName ?? row.GetType().Name)),
                        "UnsupportedReportRow", ErrorCategory.InvalidType, InputObject));
                    return;
            }
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
