using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Reads the fields of one object of an answer, leniently: a field that is absent, null or empty reads as null;
    /// one that is present but unreadable also reads as null, and is noted in the anomalies under its full path.
    /// A missing or non-object child reads as an empty object, so its fields are null too.
    /// </summary>
    internal readonly struct FieldReader
    {
        private readonly JsonElement? _element;
        private readonly string _path;
        private readonly List<string> _anomalies;

        public FieldReader(JsonElement? element, string path, List<string> anomalies)
        {
            _element = element is JsonElement e && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
            _path = path;
            _anomalies = anomalies;
        }

        /// <summary>
        /// Opens an answer's data for reading; false, with the problem for the row's error, when the data is not an
        /// object. Every typed reader starts here.
        /// </summary>
        public static bool TryOpenData(AnswerEnvelope envelope, List<string> anomalies, out FieldReader fields, out string? problem)
        {
            fields = new FieldReader(envelope.Data, string.Empty, anomalies);
            problem = envelope.Data.ValueKind == JsonValueKind.Object ? null : Texts.NoDataObject;
            return problem == null;
        }

        public FieldReader Child(string name) => new FieldReader(Field(name), PathOf(name), _anomalies);

        public string? Text(string name)
        {
            JsonElement? value = Field(name);
            string? text = value?.ValueKind switch
            {
                JsonValueKind.String => value.Value.GetString(),
                JsonValueKind.Number => value.Value.GetRawText(),
                _ => null,
            };
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>A whole number sent as a string or a JSON number; "12.0" counts, 12.5 is kept out rather than rounded.</summary>
        public long? WholeNumber(string name)
        {
            string? raw = RawNumber(name);
            if (raw == null)
            {
                return null;
            }

            if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole))
            {
                return whole;
            }

            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
                && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
            {
                return (long)number;
            }

            _anomalies.Add(Texts.Format(Texts.FieldNotWholeNumber, PathOf(name), Shorten(raw)));
            return null;
        }

        /// <summary>A number sent as a string or a JSON number.</summary>
        public double? Number(string name)
        {
            string? raw = RawNumber(name);
            if (raw == null)
            {
                return null;
            }

            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                && !double.IsInfinity(number) && !double.IsNaN(number))
            {
                return number;
            }

            _anomalies.Add(Texts.Format(Texts.FieldNotNumberInRange, PathOf(name), Shorten(raw)));
            return null;
        }

        /// <summary>A number sent as a string or a JSON number, exactly (money: no binary rounding).</summary>
        public decimal? Decimal(string name)
        {
            string? raw = RawNumber(name);
            if (raw == null)
            {
                return null;
            }

            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
            {
                return number;
            }

            _anomalies.Add(Texts.Format(Texts.FieldNotNumberInRange, PathOf(name), Shorten(raw)));
            return null;
        }

        /// <summary>A JSON true or false, or the text "true"/"false"; anything else present is an anomaly and null.</summary>
        public bool? Flag(string name)
        {
            if (!(Field(name) is JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(value.GetString()!.Trim(), out bool flag):
                    return flag;
                case JsonValueKind.Number when value.GetRawText() == "0" || value.GetRawText() == "1":
                    return value.GetRawText() == "1";
                default:
                    _anomalies.Add(Texts.Format(Texts.FieldNotFlag, PathOf(name)));
                    return null;
            }
        }

        /// <summary>An array of texts (numbers kept as sent); null when absent or empty. Items that are not text are noted and left out.</summary>
        public IReadOnlyList<string>? TextList(string name) => TextsOf(Field(name), PathOf(name));

        /// <summary>The objects of an array field, each as a reader; none when absent. Items that are not objects are noted.</summary>
        public IEnumerable<FieldReader> Items(string name)
        {
            if (!(Field(name) is JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                yield break;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                _anomalies.Add(Texts.Format(Texts.FieldNotArray, PathOf(name), KindOf(value)));
                yield break;
            }

            int index = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                string path = PathOf(name) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                if (item.ValueKind == JsonValueKind.Object)
                {
                    yield return new FieldReader(item, path, _anomalies);
                }
                else if (item.ValueKind != JsonValueKind.Null)
                {
                    _anomalies.Add(Texts.Format(Texts.ItemNotObject, path));
                }

                index++;
            }
        }

        /// <summary>
        /// An object whose values are arrays of texts, such as <c>{"美妆": ["护肤", "彩妆"]}</c>, in the order sent; null
        /// when absent or empty. A value that is one text counts as a list of one.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? Groups(string name)
        {
            if (!(Field(name) is JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                _anomalies.Add(Texts.Format(Texts.FieldNotObject, PathOf(name), KindOf(value)));
                return null;
            }

            var groups = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            foreach (JsonProperty group in value.EnumerateObject())
            {
                string path = PathOf(name) + "." + group.Name;
                IReadOnlyList<string> members = group.Value.ValueKind == JsonValueKind.String || group.Value.ValueKind == JsonValueKind.Number
                    ? TextsOf(group.Value, path, single: true) ?? System.Array.Empty<string>()
                    : TextsOf(group.Value, path) ?? System.Array.Empty<string>();
                if (group.Name.Length > 0 || members.Count > 0)
                {
                    groups.Add(new KeyValuePair<string, IReadOnlyList<string>>(group.Name, members));
                }
            }

            return groups.Count == 0 ? null : groups;
        }

        /// <summary>The standing against peers and the peer category of a {label, overtake, value} object.</summary>
        public (double? Standing, string? Category) PeerStanding() => (Number("overtake"), Text("label"));

        private JsonElement? Field(string name) =>
            _element is JsonElement e && e.TryGetProperty(name, out JsonElement value) ? value : (JsonElement?)null;

        private string PathOf(string name) => _path.Length == 0 ? name : _path + "." + name;

        private string? RawNumber(string name)
        {
            if (!(Field(name) is JsonElement value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.String:
                    string text = value.GetString()!.Trim();
                    return text.Length == 0 ? null : text;
                default:
                    _anomalies.Add(Texts.Format(Texts.FieldNotNumber, PathOf(name), KindOf(value)));
                    return null;
            }
        }

        private IReadOnlyList<string>? TextsOf(JsonElement? element, string path, bool single = false)
        {
            if (!(element is JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var texts = new List<string>();
            if (single)
            {
                string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (text.Length > 0)
                {
                    texts.Add(text);
                }

                return texts;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                _anomalies.Add(Texts.Format(Texts.FieldNotArray, path, KindOf(value)));
                return null;
            }

            foreach (JsonElement item in value.EnumerateArray())
            {
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        string text = item.GetString()!;
                        if (text.Length > 0)
                        {
                            texts.Add(text);
                        }

                        break;
                    case JsonValueKind.Number:
                        texts.Add(item.GetRawText());
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        _anomalies.Add(Texts.Format(Texts.ItemNotText, path, KindOf(item)));
                        break;
                }
            }

            return texts.Count == 0 ? null : texts;
        }

        /// <summary>The JSON kind as JSON names it (string, number, object, array, true, false): a term of JSON, not translated.</summary>
        private static string KindOf(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

        private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw.Substring(0, 40) + "...";
    }
}
