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

            _anomalies.Add($"{PathOf(name)} = '{Shorten(raw)}' is not a whole number in range");
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

            _anomalies.Add($"{PathOf(name)} = '{Shorten(raw)}' is not a number in range");
            return null;
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
                    _anomalies.Add($"{PathOf(name)} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a number");
                    return null;
            }
        }

        private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw.Substring(0, 40) + "...";
    }
}
