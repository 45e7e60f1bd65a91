using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Report
{
    /// <summary>Which module type a row of columns was written from, judged by its column names alone.</summary>
    internal enum ReportRowKind
    {
        /// <summary>Get-XingtuKol's columns: money in yuan, rates in percent.</summary>
        Kol,

        /// <summary>Get-XingtuKolSpread's columns: CPM and CPE in fen, rates as the API sent them.</summary>
        Spread,
    }

    /// <summary>What a cell should have held, for the error that says it did not.</summary>
    internal enum ReportValueKind
    {
        Number,
        WholeNumber,
        Time,
        TrueOrFalse,
    }

    /// <summary>
    /// A row of columns that cannot be shown: either its KolId is unusable (<see cref="IdProblem"/>, already in the
    /// user's language) or one cell does not hold what its column means (<see cref="Column"/>, <see cref="Value"/>).
    /// The cmdlet words the error; this only says what was wrong.
    /// </summary>
    internal sealed class ReportRowException : FormatException
    {
        private ReportRowException(string message, string? kolId, string? idProblem, string? column, string? value, ReportValueKind expected)
            : base(message)
        {
            KolId = kolId;
            IdProblem = idProblem;
            Column = column;
            Value = value;
            Expected = expected;
        }

        /// <summary>The row's KolId when it is usable; null when the id itself is the problem.</summary>
        public string? KolId { get; }

        /// <summary>Why the KolId cannot be used (from KolIdCheck), or null when the id is fine.</summary>
        public string? IdProblem { get; }

        /// <summary>The column whose cell could not be read.</summary>
        public string? Column { get; }

        /// <summary>The cell's text as given.</summary>
        public string? Value { get; }

        public ReportValueKind Expected { get; }

        internal static ReportRowException BadId(string problem) =>
            new ReportRowException(problem, null, problem, null, null, default);

        internal static ReportRowException BadCell(string kolId, string column, string value, ReportValueKind expected) =>
            new ReportRowException(column + ": " + value, kolId, null, column, value, expected);
    }

    /// <summary>
    /// Builds a <see cref="ReportRow"/> from a row's columns (name → text): a row of Import-Csv read back from
    /// <c>Get-XingtuKol | Export-Csv</c> or <c>Get-XingtuKolSpread | Export-Csv</c>, or any object with those
    /// columns. The units are the ones each type writes, converted with <see cref="Units"/> as
    /// <see cref="ReportRow.From(KolSpread)"/> does. Numbers are read as Export-Csv writes them in any culture (a
    /// comma or a point before the decimals, never a thousands separator); an empty cell is null, never 0. A column
    /// the row lacks is simply missing from the row.
    /// </summary>
    internal static class ReportColumns
    {
        /// <summary>The one column a row must have.</summary>
        public const string IdColumn = "KolId";

        // Columns that only XingtuKol writes (the profile, the prices, the yuan figures).
        private static readonly string[] KolOnly =
        {
            "NickName", "Followers", "Province", "City", "McnName", "Tags", "DouyinUrl", "XingtuUrl",
            "Price1To20Sec", "Price21To60Sec", "PriceOver60Sec", "ExpectedCpm1To20SecYuan", "ExpectedCpe1To20SecYuan",
            "ListPricePerThousandPlays1To20Sec", "MissingParts",
        };

        // Columns that only KolSpread writes: its raw units and its query.
        private static readonly string[] SpreadOnly =
        {
            "ExpectedCpm1To20Sec", "ExpectedCpe1To20Sec", "InteractionRate", "CompletionRate", "Type", "Range", "OnlyAssign",
        };

        // A date written day first with points (de-DE, ru-RU and more): no culture writes month first this way.
        private static readonly Regex DottedDate = new Regex(@"^\s*\d{1,2}\.\d{1,2}\.\d{4}\b", RegexOptions.CultureInvariant);

        private static readonly string[] DottedFormats =
        {
            // untranslated: date formats, not words.
            "d.M.yyyy H:mm:ss zzz", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm zzz", "d.M.yyyy H:mm", "d.M.yyyy",
        };

        /// <summary>
        /// The one place that decides a row's kind: any column only XingtuKol has makes it a XingtuKol row; else any
        /// column only KolSpread has makes it a spread row; a row with neither (an id and shared columns) reads alike
        /// either way and counts as XingtuKol.
        /// </summary>
        public static ReportRowKind KindOf(IReadOnlyDictionary<string, string?> columns)
        {
            if (columns == null) throw new ArgumentNullException(nameof(columns));
            if (KolOnly.Any(columns.ContainsKey)) return ReportRowKind.Kol;
            return SpreadOnly.Any(columns.ContainsKey) ? ReportRowKind.Spread : ReportRowKind.Kol;
        }

        /// <summary>
        /// The report row of one row of columns. <paramref name="columns"/> should compare names ignoring case, as
        /// PowerShell does. Throws <see cref="ReportRowException"/> when the id is unusable or a cell unreadable.
        /// </summary>
        public static ReportRow Read(IReadOnlyDictionary<string, string?> columns)
        {
            if (columns == null) throw new ArgumentNullException(nameof(columns));
            string? idText = Cell(columns, IdColumn);
            string? problem = KolIdCheck.Problem(idText);
            if (problem != null) throw ReportRowException.BadId(problem);
            string kolId = KolIdNormalizer.Normalize(idText).Id;
            var cells = new Cells(columns, kolId);

            var row = new ReportRow(kolId)
            {
                PlayMedian = cells.Whole("PlayMedian"),
                InteractionRatePeerStanding = cells.Double("InteractionRatePeerStanding"),
                CompletionRatePeerStanding = cells.Double("CompletionRatePeerStanding"),
                FetchedAt = cells.Time("FetchedAt"),
                FromLocalCache = cells.Bool("FromLocalCache") ?? false,
                Query = QueryOf(cells),
            };

            if (KindOf(columns) == ReportRowKind.Spread)
            {
                // As ReportRow.From(KolSpread): the raw rate and fen, converted here; the percent columns KolSpread
                // also writes serve a row that kept only those.
                row.InteractionRatePercent = Units.RateToPercent(cells.Double("InteractionRate")) ?? cells.Double("InteractionRatePercent");
                row.CompletionRatePercent = Units.RateToPercent(cells.Double("CompletionRate")) ?? cells.Double("CompletionRatePercent");
                row.ExpectedCpm1To20SecYuan = (double?)Units.FenToYuan(cells.Whole("ExpectedCpm1To20Sec"));
                row.ExpectedCpe1To20SecYuan = (double?)Units.FenToYuan(cells.Whole("ExpectedCpe1To20Sec"));
                return row;
            }

            // As ReportRow.From(XingtuKol): money is decimal there, so it is read as decimal and made double alike.
            row.NickName = cells.Text("NickName");
            row.Followers = cells.Whole("Followers");
            row.Location = ReportRow.LocationOf(cells.Text("Province"), cells.Text("City"));
            row.McnName = string.IsNullOrWhiteSpace(cells.Text("McnName")) ? null : cells.Text("McnName");
            row.Tags = cells.Text("Tags");
            row.Price1To20Sec = (double?)cells.Decimal("Price1To20Sec");
            row.Price21To60Sec = (double?)cells.Decimal("Price21To60Sec");
            row.PriceOver60Sec = (double?)cells.Decimal("PriceOver60Sec");
            row.InteractionRatePercent = cells.Double("InteractionRatePercent");
            row.CompletionRatePercent = cells.Double("CompletionRatePercent");
            row.ExpectedCpm1To20SecYuan = (double?)cells.Decimal("ExpectedCpm1To20SecYuan");
            row.ExpectedCpe1To20SecYuan = (double?)cells.Decimal("ExpectedCpe1To20SecYuan");
            row.ListPricePerThousandPlays1To20Sec = (double?)cells.Decimal("ListPricePerThousandPlays1To20Sec");
            row.MissingParts = cells.Text("MissingParts");
            return row.WithDouyin(cells.Text("DouyinUrl"));
        }

        /// <summary>The query when the row names all of it (a KolSpread row does; XingtuKol writes only Endpoint and Platform).</summary>
        private static string? QueryOf(Cells cells)
        {
            string? endpoint = cells.Text("Endpoint"), platform = cells.Text("Platform"), type = cells.Text("Type"), range = cells.Text("Range");
            if (endpoint == null || platform == null || type == null || range == null) return null;
            return ReportRow.QueryOf(endpoint, platform, type, range, cells.Text("FlowType"), cells.Bool("OnlyAssign") ?? false);
        }

        /// <summary>A cell's text trimmed, for ids, numbers, times and names of values; null when the row has no such column or the cell is blank.</summary>
        private static string? Cell(IReadOnlyDictionary<string, string?> columns, string name) =>
            columns.TryGetValue(name, out string? text) && !string.IsNullOrWhiteSpace(text) ? text!.Trim() : null;

        // 1,000 or 8.000: a thousands group (a sheet formatted in Excel) or three decimals (Export-Csv in another culture).
        private static readonly Regex OneGroup = new Regex(@"^\s*[+-]?[1-9]\d{0,2}([.,])\d{3}\s*$", RegexOptions.CultureInvariant);

        /// <summary>
        /// A number as Export-Csv writes it: the invariant form first (en-US, or any typed value the cmdlet turned
        /// into text), then a lone comma as the decimal separator (de-DE, fr-FR...), then the current culture.
        /// Export-Csv writes no thousands separator, so a comma can only be a decimal one. But a spreadsheet may: a
        /// lone separator before exactly three digits (1,000 or 8.000) is read only when it is the current culture's
        /// decimal separator, and is otherwise refused, never guessed (1,000 read as 1 would be a silent error).
        /// </summary>
        internal static bool TryNumber<T>(string text, TryParse<T> parse, out T value)
        {
            const NumberStyles styles = NumberStyles.Float;
            value = default!;
            Match group = OneGroup.Match(text);
            if (group.Success && group.Groups[1].Value != CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator)
            {
                return false;
            }
            if (parse(text, styles, CultureInfo.InvariantCulture, out value)) return true;
            if (text.IndexOf('.') < 0 && text.IndexOf(',') == text.LastIndexOf(',') && text.IndexOf(',') >= 0
                && parse(text.Replace(',', '.'), styles, CultureInfo.InvariantCulture, out value)) return true;
            return parse(text, styles, CultureInfo.CurrentCulture, out value);
        }

        internal delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

        /// <summary>
        /// A time as Export-Csv writes a DateTimeOffset: in the writer's culture with its offset. The round-trip
        /// form first, then a day-first dotted date, then the current culture (unless the text has slashes and the
        /// culture writes none), then the invariant (en-US) form. A time without an offset is taken as UTC, as the
        /// module writes it. A slashed date is read month first unless the current culture writes it day first.
        /// </summary>
        internal static bool TryTime(string text, out DateTimeOffset value)
        {
            const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
            if (DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, styles, out value)) return true;
            if (DottedDate.IsMatch(text))
            {
                return DateTimeOffset.TryParseExact(text, DottedFormats, CultureInfo.InvariantCulture, styles, out value);
            }
            // A date with slashes from a culture that writes none (en-US read under de-DE) is not the current culture's.
            CultureInfo current = CultureInfo.CurrentCulture;
            bool foreignSlashes = text.IndexOf('/') >= 0 && current.DateTimeFormat.DateSeparator != "/";
            return (!foreignSlashes && DateTimeOffset.TryParse(text, current, styles, out value))
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value);
        }

        /// <summary>One row's cells, read by unit; a cell that does not parse throws, naming the KOL, column and text.</summary>
        private sealed class Cells
        {
            private readonly IReadOnlyDictionary<string, string?> _columns;
            private readonly string _kolId;

            public Cells(IReadOnlyDictionary<string, string?> columns, string kolId)
            {
                _columns = columns;
                _kolId = kolId;
            }

            /// <summary>Text exactly as given (a name may end in a space or U+2028, as the API sent it); an empty cell is null.</summary>
            public string? Text(string name) =>
                _columns.TryGetValue(name, out string? text) && !string.IsNullOrEmpty(text) ? text : null;

            public double? Double(string name) =>
                Parse(name, ReportValueKind.Number, (string t, out double v) => TryNumber(t, double.TryParse, out v));

            public decimal? Decimal(string name) =>
                Parse(name, ReportValueKind.Number, (string t, out decimal v) => TryNumber(t, decimal.TryParse, out v));

            /// <summary>A count: a whole number, also when written with decimals that are all 0 (a spreadsheet's 1234.0).</summary>
            public long? Whole(string name) =>
                Parse(name, ReportValueKind.WholeNumber, (string t, out long v) =>
                {
                    if (TryNumber(t, long.TryParse, out v)) return true;
                    if (TryNumber(t, decimal.TryParse, out decimal d) && d == Math.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
                    {
                        v = (long)d;
                        return true;
                    }
                    return false;
                });

            public DateTimeOffset? Time(string name) => Parse(name, ReportValueKind.Time, (string t, out DateTimeOffset v) => TryTime(t, out v));

            public bool? Bool(string name) => Parse(name, ReportValueKind.TrueOrFalse, (string t, out bool v) => bool.TryParse(t, out v));

            private delegate bool Parser<T>(string text, out T value);

            private T? Parse<T>(string name, ReportValueKind kind, Parser<T> parse)
                where T : struct
            {
                string? text = Cell(_columns, name);
                if (text == null) return null;
                if (parse(text, out T value)) return value;
                throw ReportRowException.BadCell(_kolId, name, text, kind);
            }
        }
    }
}
