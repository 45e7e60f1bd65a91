using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Report
{
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
    /// A descriptive cell (a time or a flag the page only shows) that could not be read: the row is shown without it.
    /// The cmdlet words the warning.
    /// </summary>
    internal sealed class ReportSkippedCell
    {
        public ReportSkippedCell(string kolId, string column, string value, ReportValueKind expected)
        {
            KolId = kolId;
            Column = column;
            Value = value;
            Expected = expected;
        }

        public string KolId { get; }

        public string Column { get; }

        /// <summary>The cell's text as given.</summary>
        public string Value { get; }

        public ReportValueKind Expected { get; }
    }

    /// <summary>
    /// Builds a <see cref="ReportRow"/> from a row's columns (name → value): a row of Import-Csv read back from
    /// <c>Get-XingtuKol | Export-Csv</c> or <c>Get-XingtuKolSpread | Export-Csv</c>, or any object with those
    /// columns (Select-Object output, a hashtable). No column name means different units in XingtuKol and KolSpread,
    /// so each figure is read from whichever of its columns the row has, each in its own unit: the yuan or percent
    /// column when it holds a value, else the raw fen or rate column converted with <see cref="Units"/> as
    /// <see cref="ReportRow.From(KolSpread)"/> does. Text cells are read as Export-Csv writes them in any culture (a
    /// comma or a point before the decimals, never a thousands separator); typed cells (numbers, times, True/False)
    /// are taken exactly as they are. An empty cell is null, never 0; a column the row lacks is simply missing.
    /// A figure that cannot be read makes the row's error; a descriptive cell (FetchedAt, FromLocalCache,
    /// OnlyAssign) that cannot be read is left empty and reported as a <see cref="ReportSkippedCell"/>.
    /// </summary>
    internal static class ReportColumns
    {
        /// <summary>The one column a row must have.</summary>
        public const string IdColumn = "KolId";

        // A date written day first with points (de-DE, ru-RU and more): no culture writes month first this way.
        private static readonly Regex DottedDate = new Regex(@"^\s*\d{1,2}\.\d{1,2}\.\d{4}\b", RegexOptions.CultureInvariant);

        private static readonly string[] DottedFormats =
        {
            // untranslated: date formats, not words.
            "d.M.yyyy H:mm:ss zzz", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm zzz", "d.M.yyyy H:mm", "d.M.yyyy",
        };

        /// <summary>
        /// The report row of one row of columns. <paramref name="columns"/> should compare names ignoring case, as
        /// PowerShell does. Throws <see cref="ReportRowException"/> when the id is unusable or a figure unreadable;
        /// adds to <paramref name="skipped"/> each descriptive cell it could not read and left empty.
        /// </summary>
        public static ReportRow Read(IReadOnlyDictionary<string, object?> columns, ICollection<ReportSkippedCell> skipped)
        {
            if (columns == null) throw new ArgumentNullException(nameof(columns));
            if (skipped == null) throw new ArgumentNullException(nameof(skipped));
            object? id = columns.TryGetValue(IdColumn, out object? idValue) ? idValue : null;
            string? idText = id == null ? null : TextOf(id).Trim();
            string? problem = KolIdCheck.Problem(idText);
            if (problem != null) throw ReportRowException.BadId(problem);
            string kolId = KolIdNormalizer.Normalize(idText).Id;
            var cells = new Cells(columns, kolId, skipped);

            // Money is decimal in XingtuKol, so its yuan are read as decimal and made double alike.
            var row = new ReportRow(kolId)
            {
                NickName = cells.Text("NickName"),
                Followers = cells.Whole("Followers"),
                Location = ReportRow.LocationOf(cells.Text("Province"), cells.Text("City")),
                McnName = string.IsNullOrWhiteSpace(cells.Text("McnName")) ? null : cells.Text("McnName"),
                Tags = cells.Text("Tags"),
                Price1To20Sec = (double?)cells.Decimal("Price1To20Sec"),
                Price21To60Sec = (double?)cells.Decimal("Price21To60Sec"),
                PriceOver60Sec = (double?)cells.Decimal("PriceOver60Sec"),
                PlayMedian = cells.Whole("PlayMedian"),
                // The percent and yuan columns (both types write the percents, XingtuKol the yuan) when they hold a
                // value, else KolSpread's raw rate and fen, converted as ReportRow.From(KolSpread) does.
                InteractionRatePercent = cells.Double("InteractionRatePercent") ?? Units.RateToPercent(cells.Double("InteractionRate")),
                InteractionRatePeerStanding = cells.Double("InteractionRatePeerStanding"),
                CompletionRatePercent = cells.Double("CompletionRatePercent") ?? Units.RateToPercent(cells.Double("CompletionRate")),
                CompletionRatePeerStanding = cells.Double("CompletionRatePeerStanding"),
                ExpectedCpm1To20SecYuan = (double?)(cells.Decimal("ExpectedCpm1To20SecYuan") ?? Units.FenToYuan(cells.Whole("ExpectedCpm1To20Sec"))),
                ExpectedCpe1To20SecYuan = (double?)(cells.Decimal("ExpectedCpe1To20SecYuan") ?? Units.FenToYuan(cells.Whole("ExpectedCpe1To20Sec"))),
                ListPricePerThousandPlays1To20Sec = (double?)cells.Decimal("ListPricePerThousandPlays1To20Sec"),
                MissingParts = cells.Text("MissingParts"),
                // Descriptive: the page only shows them, so an unreadable one is left empty, not the row.
                FetchedAt = cells.Descriptive(() => cells.Time("FetchedAt")),
                FromLocalCache = cells.Descriptive(() => cells.Bool("FromLocalCache")) ?? false,
                Query = QueryOf(cells),
            };
            return row.WithDouyin(cells.Text("DouyinUrl"));
        }

        /// <summary>The query when the row names all of it (a KolSpread row does; XingtuKol writes only Endpoint and Platform).</summary>
        private static string? QueryOf(Cells cells)
        {
            string? endpoint = cells.Text("Endpoint"), platform = cells.Text("Platform"), type = cells.Text("Type"), range = cells.Text("Range");
            if (endpoint == null || platform == null || type == null || range == null) return null;
            // An unreadable OnlyAssign leaves the query unsaid rather than say it wrong.
            bool unread = false;
            bool? onlyAssign = cells.Descriptive(() => cells.Bool("OnlyAssign"), () => unread = true);
            return unread ? null : ReportRow.QueryOf(endpoint, platform, type, range, cells.Text("FlowType"), onlyAssign ?? false);
        }

        /// <summary>A typed cell as text: numbers and times invariantly (for names of values and for messages).</summary>
        private static string TextOf(object value) => value switch
        {
            string text => text,
            DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("o", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            float number => number.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private static bool IsNumber(object value) =>
            value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint
            || value is long || value is ulong || value is float || value is double || value is decimal;

        // 1,000 or 8.000: a thousands group (a sheet formatted in Excel) or three decimals (Export-Csv in another culture).
        private static readonly Regex OneGroup = new Regex(@"^\s*[+-]?[1-9]\d{0,2}([.,])\d{3}\s*$", RegexOptions.CultureInvariant);

        /// <summary>
        /// A number as Export-Csv writes it: the invariant form first (en-US), then a lone comma as the decimal separator (de-DE, fr-FR...), then the current culture.
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

        /// <summary>
        /// One row's cells, read by unit: text by the culture rules above, a typed value exactly. A cell that does not
        /// hold its column's value throws, naming the KOL, column and text.
        /// </summary>
        private sealed class Cells
        {
            private readonly IReadOnlyDictionary<string, object?> _columns;
            private readonly string _kolId;
            private readonly ICollection<ReportSkippedCell> _skipped;

            public Cells(IReadOnlyDictionary<string, object?> columns, string kolId, ICollection<ReportSkippedCell> skipped)
            {
                _columns = columns;
                _kolId = kolId;
                _skipped = skipped;
            }

            /// <summary>Text exactly as given (a name may end in a space or U+2028, as the API sent it); an empty cell is null.</summary>
            public string? Text(string name)
            {
                if (!_columns.TryGetValue(name, out object? value) || value == null) return null;
                string text = TextOf(value);
                return text.Length == 0 ? null : text;
            }

            public double? Double(string name) =>
                Parse(name, ReportValueKind.Number,
                    (string t, out double v) => TryNumber(t, double.TryParse, out v),
                    (object typed, out double v) => Typed(typed, () => Convert.ToDouble(typed, CultureInfo.InvariantCulture), out v));

            public decimal? Decimal(string name) =>
                Parse(name, ReportValueKind.Number,
                    (string t, out decimal v) => TryNumber(t, decimal.TryParse, out v),
                    (object typed, out decimal v) => Typed(typed, () => Convert.ToDecimal(typed, CultureInfo.InvariantCulture), out v));

            /// <summary>
            /// A count: a whole number, also when written with decimals that are all 0 (a spreadsheet's 1234.0). A lone
            /// separator before exactly three digits (8,000 or 8.000) is a thousands group in a count, never decimals:
            /// refused in any culture, as Export-Csv never writes a count with decimals.
            /// </summary>
            public long? Whole(string name) =>
                Parse(name, ReportValueKind.WholeNumber,
                    (string t, out long v) =>
                    {
                        v = 0;
                        if (OneGroup.IsMatch(t)) return false;
                        if (TryNumber(t, long.TryParse, out v)) return true;
                        return TryNumber(t, decimal.TryParse, out decimal d) && WholeOf(d, out v);
                    },
                    (object typed, out long v) =>
                    {
                        v = 0;
                        return Typed(typed, () => Convert.ToDecimal(typed, CultureInfo.InvariantCulture), out decimal d) && WholeOf(d, out v);
                    });

            public DateTimeOffset? Time(string name) =>
                Parse(name, ReportValueKind.Time,
                    (string t, out DateTimeOffset v) => TryTime(t, out v),
                    (object typed, out DateTimeOffset v) =>
                    {
                        switch (typed)
                        {
                            case DateTimeOffset time:
                                v = time;
                                return true;
                            case DateTime time:
                                // As for text: a time without an offset is UTC, as the module writes it.
                                v = new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time);
                                return true;
                            default:
                                v = default;
                                return false;
                        }
                    });

            public bool? Bool(string name) =>
                Parse(name, ReportValueKind.TrueOrFalse,
                    (string t, out bool v) => bool.TryParse(t, out v),
                    (object typed, out bool v) =>
                    {
                        v = typed is bool b && b;
                        return typed is bool;
                    });

            /// <summary>A descriptive cell: when it cannot be read, it is null and noted in the skipped cells, and the row goes on.</summary>
            public T? Descriptive<T>(Func<T?> read, Action? unread = null)
                where T : struct
            {
                try
                {
                    return read();
                }
                catch (ReportRowException ex) when (ex.Column != null)
                {
                    _skipped.Add(new ReportSkippedCell(_kolId, ex.Column, ex.Value ?? string.Empty, ex.Expected));
                    unread?.Invoke();
                    return null;
                }
            }

            private static bool WholeOf(decimal d, out long v)
            {
                v = 0;
                if (d != Math.Truncate(d) || d < long.MinValue || d > long.MaxValue) return false;
                v = (long)d;
                return true;
            }

            /// <summary>A typed number converted exactly; false for a value that is no number or does not fit (NaN, infinity).</summary>
            private static bool Typed<T>(object typed, Func<T> convert, out T value)
            {
                value = default!;
                if (!IsNumber(typed)) return false;
                try
                {
                    value = convert();
                    return true;
                }
                catch (OverflowException)
                {
                    return false;
                }
            }

            private delegate bool Parser<T>(string text, out T value);

            private delegate bool TypedParser<T>(object value, out T result);

            private T? Parse<T>(string name, ReportValueKind kind, Parser<T> parse, TypedParser<T> typed)
                where T : struct
            {
                if (!_columns.TryGetValue(name, out object? value) || value == null) return null;
                if (value is string text)
                {
                    if (string.IsNullOrWhiteSpace(text)) return null;
                    text = text.Trim();
                    if (parse(text, out T read)) return read;
                    throw ReportRowException.BadCell(_kolId, name, text, kind);
                }
                if (typed(value, out T exact)) return exact;
                throw ReportRowException.BadCell(_kolId, name, TextOf(value), kind);
            }
        }
    }
}
