using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JustOneApi.Xingtu.Report
{
    /// <summary>What the report is called, its language and when it was made.</summary>
    internal sealed class ReportOptions
    {
        public string? Title { get; set; }
        public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;
        public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// Builds the report: one self-contained HTML page whose script draws the table and the charts from JSON data.
    /// Everything from the API goes into that JSON only (never into markup), with &lt;, &gt;, &amp;, U+2028 and U+2029
    /// escaped, so no name can end the script block or become markup. The script and style are inline and named by
    /// hash in a Content-Security-Policy that allows nothing else: the page loads no font, image or script.
    /// </summary>
    internal static class ReportRenderer
    {
        private sealed class Column
        {
            public Column(string key, string type, int digits, Func<ReportRow, object?> value)
            {
                Key = key; Type = type; Digits = digits; Value = value;
            }

            public string Key { get; }
            /// <summary>text, name (links to Xingtu), id, int, num or time.</summary>
            public string Type { get; }
            public int Digits { get; }
            public Func<ReportRow, object?> Value { get; }
        }

        // The table's columns in order. A column is shown when at least one row has a value for it.
        private static readonly Column[] Columns =
        {
            new Column("NickName", "name", 0, r => r.NickName),
            new Column("KolId", "id", 0, r => r.KolId),
            new Column("Followers", "int", 0, r => r.Followers),
            new Column("Location", "text", 0, r => r.Location),
            new Column("McnName", "text", 0, r => r.McnName),
            new Column("Tags", "text", 0, r => r.Tags),
            new Column("Price1To20Sec", "num", 2, r => r.Price1To20Sec),
            new Column("Price21To60Sec", "num", 2, r => r.Price21To60Sec),
            new Column("PriceOver60Sec", "num", 2, r => r.PriceOver60Sec),
            new Column("PlayMedian", "int", 0, r => r.PlayMedian),
            new Column("InteractionRatePercent", "num", 2, r => r.InteractionRatePercent),
            new Column("InteractionRatePeerStanding", "num", 0, r => r.InteractionRatePeerStanding),
            new Column("CompletionRatePercent", "num", 2, r => r.CompletionRatePercent),
            new Column("CompletionRatePeerStanding", "num", 0, r => r.CompletionRatePeerStanding),
            new Column("ListPricePerThousandPlays1To20Sec", "num", 2, r => r.ListPricePerThousandPlays1To20Sec),
            new Column("ExpectedCpm1To20SecYuan", "num", 2, r => r.ExpectedCpm1To20SecYuan),
            new Column("ExpectedCpe1To20SecYuan", "num", 2, r => r.ExpectedCpe1To20SecYuan),
            new Column("FetchedAt", "time", 0, r => r.FetchedAt is DateTimeOffset t ? ReportRow.FormatTime(t) : null),
            new Column("MissingParts", "text", 0, r => string.IsNullOrEmpty(r.MissingParts) ? null : r.MissingParts),
        };

        private static readonly Lazy<string> Script = new Lazy<string>(() => ReadResource("report.js"));
        private static readonly Lazy<string> Style = new Lazy<string>(() => ReadResource("report.css"));

        /// <summary>The whole page.</summary>
        public static string Render(IReadOnlyList<ReportRow> rows, ReportOptions options)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            if (options == null) throw new ArgumentNullException(nameof(options));
            var labels = ReportLabels.For(options.Culture);
            string title = string.IsNullOrWhiteSpace(options.Title) ? labels["title"] : options.Title!;
            string lang = ReportLabels.IsChinese(options.Culture) ? "zh-CN" : "en";
            string json = BuildJson(rows, options, labels, title, lang);
            string script = Script.Value;
            string style = Style.Value;

            var html = new StringBuilder(json.Length + script.Length + style.Length + 1024);
            html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy(script, style)).Append("\">\n");
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
            html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
            html.Append("<style>").Append(style).Append("</style>\n</head>\n<body>\n");
            html.Append("<noscript>").Append(WebUtility.HtmlEncode(title)).Append("</noscript>\n");
            html.Append("<script type=\"application/json\" id=\"xt-data\">").Append(json).Append("</script>\n");
            html.Append("<script>").Append(script).Append("</script>\n</body>\n</html>\n");
            return html.ToString();
        }

        /// <summary>
        /// The policy: nothing may load, only the page's own script and style (by hash) may run. Links still navigate
        /// when clicked; that is not a request the page makes.
        /// </summary>
        internal static string ContentSecurityPolicy(string script, string style) =>
            "default-src 'none'; script-src '" + Sha256(script) + "'; style-src '" + Sha256(style) + "'; " +
            "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

        /// <summary>
        /// Makes JSON safe inside a script element: &lt; &gt; &amp; cannot end the element or open a comment, and
        /// U+2028/U+2029 are escaped for old JavaScript parsers. They can only occur inside strings, where \uXXXX means the same.
        /// </summary>
        internal static string EscapeForScript(string json)
        {
            var text = new StringBuilder(json.Length + 16);
            foreach (char c in json)
            {
                switch (c)
                {
                    case '<': text.Append("\\u003c"); break;
                    case '>': text.Append("\\u003e"); break;
                    case '&': text.Append("\\u0026"); break;
                    case '\u2028': text.Append("\\u2028"); break;
                    case '\u2029': text.Append("\\u2029"); break;
                    default: text.Append(c); break;
                }
            }
            return text.ToString();
        }

        /// <summary>The median of the values that are there, or null when none is.</summary>
        internal static double? Median(IEnumerable<double?> values)
        {
            var present = values.Where(v => v.HasValue && !double.IsNaN(v.Value) && !double.IsInfinity(v.Value)).Select(v => v!.Value).OrderBy(v => v).ToList();
            if (present.Count == 0) return null;
            int middle = present.Count / 2;
            return present.Count % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
        }

        private static string BuildJson(IReadOnlyList<ReportRow> rows, ReportOptions options, IReadOnlyDictionary<string, string> labels, string title, string lang)
        {
            var shown = Columns.Where(c => rows.Any(r => c.Value(r) != null)).ToList();
            if (!shown.Any(c => c.Key == "KolId")) shown.Insert(0, Columns.First(c => c.Key == "KolId"));

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("lang", lang);
                json.WriteString("title", title);
                json.WriteStartObject("labels");
                foreach (var label in labels) json.WriteString(label.Key, label.Value);
                json.WriteEndObject();

                json.WriteStartObject("header");
                json.WriteString("generated", ReportRow.FormatTime(options.GeneratedAt));
                json.WriteNumber("count", rows.Count);
                json.WriteStartArray("queries");
                foreach (var query in rows.Select(r => r.Query).Where(q => q != null).Distinct(StringComparer.Ordinal)) json.WriteStringValue(query);
                json.WriteEndArray();
                var fetched = rows.Where(r => r.FetchedAt.HasValue).Select(r => r.FetchedAt!.Value).ToList();
                if (fetched.Count > 0)
                {
                    json.WriteString("fetchedFrom", ReportRow.FormatTime(fetched.Min()));
                    json.WriteString("fetchedTo", ReportRow.FormatTime(fetched.Max()));
                }
                json.WriteNumber("fromStore", rows.Count(r => r.FromLocalCache));
                json.WriteEndObject();

                json.WriteStartArray("tiles");
                WriteTile(json, labels["tileMedianCpm"], Median(rows.Select(r => r.ExpectedCpm1To20SecYuan)), 2, null);
                if (rows.Any(r => r.ListPricePerThousandPlays1To20Sec.HasValue))
                {
                    WriteTile(json, labels["tileMedianPpm"], Median(rows.Select(r => r.ListPricePerThousandPlays1To20Sec)), 2, null);
                }
                WriteTile(json, labels["tileMedianInteraction"], Median(rows.Select(r => r.InteractionRatePercent)), 2, null);
                var priced = rows.Where(r => r.Price1To20Sec.HasValue).ToList();
                WriteTile(json, labels["tileTotalPrice"], priced.Count == 0 ? (double?)null : priced.Sum(r => r.Price1To20Sec!.Value), 0,
                    priced.Count.ToString(CultureInfo.InvariantCulture) + " " + labels["tileRowsWithPrice"]);
                WriteTile(json, labels["tileMissing"], rows.Count(r => !string.IsNullOrEmpty(r.MissingParts)), 0, null);
                json.WriteEndArray();

                json.WriteStartArray("columns");
                foreach (var column in shown)
                {
                    json.WriteStartObject();
                    json.WriteString("key", column.Key);
                    json.WriteString("label", labels["col" + column.Key]);
                    json.WriteString("type", column.Type);
                    json.WriteNumber("digits", column.Digits);
                    json.WriteEndObject();
                }
                json.WriteEndArray();

                json.WriteStartArray("rows");
                foreach (var row in rows)
                {
                    json.WriteStartArray();
                    foreach (var column in shown) WriteValue(json, column.Value(row));
                    json.WriteEndArray();
                }
                json.WriteEndArray();

                // Douyin links are built by the page from the sec_uid alone, and only for a plain token.
                json.WriteStartArray("douyin");
                foreach (var row in rows) WriteValue(json, row.DouyinSecUid);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return EscapeForScript(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static void WriteTile(Utf8JsonWriter json, string label, double? value, int digits, string? note)
        {
            json.WriteStartObject();
            json.WriteString("label", label);
            json.WritePropertyName("value");
            WriteValue(json, value);
            json.WriteNumber("digits", digits);
            if (note != null) json.WriteString("note", note);
            json.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case long l: json.WriteNumberValue(l); break;
                case int i: json.WriteNumberValue(i); break;
                case double d when double.IsNaN(d) || double.IsInfinity(d): json.WriteNullValue(); break;
                case double d: json.WriteNumberValue(Math.Round(d, 4)); break;
                case decimal m: json.WriteNumberValue(m); break;
                default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }

        private static string Sha256(string text)
        {
            using var sha = SHA256.Create();
            return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }

        private static string ReadResource(string name)
        {
            var assembly = typeof(ReportRenderer).GetTypeInfo().Assembly;
            using var stream = assembly.GetManifestResourceStream("JustOneApi.Xingtu.Report." + name)
                // untranslated: only a broken build can lose an embedded resource, and the build's tests render the report.
                ?? throw new InvalidOperationException("The report resource " + name + " is missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            // One line ending everywhere, so the CSP hash is the same whatever Git did to the file.
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
