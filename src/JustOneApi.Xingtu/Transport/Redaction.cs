using System;
using System.Linq;
using System.Text;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JustOneApi.Xingtu.Transport
{
    /// <summary>
    /// Takes the token out of text that leaves the module: messages, verbose lines, error targets, and exception
    /// messages from the network stack. Bodies are not text for this: <see cref="ScrubBody"/> treats them.
    /// </summary>
    internal static class Redaction
    {
        public const string Mask = "***";

        // Any token= value, whoever's it is, also when a URL quoted inside a query value escapes it (token%3D) or a
        // JSON writer does (token\u003D): a message loses nothing by it, and a pasted URL keeps its token off screen.
        private static readonly Regex TokenParameter = new Regex(
            @"(?<=token(?:=|%3[dD]|\\u003[dD]))[^&#\s""'\\]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex UrlEscape = new Regex("%[0-9A-F]{2}", RegexOptions.CultureInvariant);

        private static readonly Regex JsonEscape = new Regex(@"\\u[0-9A-F]{4}", RegexOptions.CultureInvariant);

        public static string Redact(string text, string? token) => Redact(text, FormsOf(token));

        /// <summary>Takes out every <paramref name="forms"/> of the token, and any token= value whatever it holds.</summary>
        public static string Redact(string text, string[] forms)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            string result = TokenParameter.Replace(text, Mask);
            foreach (string form in forms)
            {
                result = result.Replace(form, Mask);
            }

            return result;
        }

        /// <summary>
        /// The spellings a token can take in text: as it is, as a URL carries it, and as a JSON writer escapes it
        /// ('+' as \u002B, '/' as \/). Made once per token by a caller that redacts often.
        /// </summary>
        public static string[] FormsOf(string? token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return Array.Empty<string>();
            }

            string json = JsonEncodedText.Encode(token!).ToString();
            string escaped = Uri.EscapeDataString(token!);
            string[] forms =
            {
                token!, escaped, LowerHex(escaped, UrlEscape),
                json, json.Replace("/", "\\/"), LowerHex(json, JsonEscape), LowerHex(json, JsonEscape).Replace("/", "\\/"), token!.Replace("/", "\\/"),
            };
            return forms.Distinct(StringComparer.Ordinal).ToArray();
        }

        /// <summary>
        /// The body with this call's own token <paramref name="forms"/> taken out, and nothing else touched: another
        /// party's token= (a signed CDN link in a profile) comes through byte for byte, and a body without any form is
        /// returned as it is. A body that was valid JSON stays valid JSON: when masking the text would break it (a form
        /// that straddles an escape), the JSON is rewritten with the token taken out of each string it decodes to.
        /// </summary>
        public static byte[] ScrubBody(byte[] body, string[] forms)
        {
            if (forms.Length == 0 || body.Length == 0)
            {
                return body;
            }

            string text = Encoding.UTF8.GetString(body);
            string masked = text;
            foreach (string form in forms)
            {
                masked = masked.Replace(form, Mask);
            }

            if (string.Equals(masked, text, StringComparison.Ordinal))
            {
                return body;
            }

            if (IsJson(masked) || !IsJson(text))
            {
                return Encoding.UTF8.GetBytes(masked);
            }

            try
            {
                using (JsonDocument document = JsonDocument.Parse(text))
                using (var buffer = new MemoryStream(body.Length))
                {
                    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    {
                        WriteScrubbed(document.RootElement, writer, forms);
                    }

                    return buffer.ToArray();
                }
            }
            catch (InvalidOperationException)
            {
                // A string .NET cannot decode (a lone surrogate): the masked text, which the parser then reports.
                return Encoding.UTF8.GetBytes(masked);
            }
        }

        private static bool IsJson(string text)
        {
            try
            {
                using (JsonDocument.Parse(text))
                {
                    return true;
                }
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static void WriteScrubbed(JsonElement element, Utf8JsonWriter writer, string[] forms)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        writer.WritePropertyName(MaskForms(property.Name, forms));
                        WriteScrubbed(property.Value, writer, forms);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        WriteScrubbed(item, writer, forms);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(MaskForms(element.GetString() ?? string.Empty, forms));
                    break;
                default:
                    // Numbers as written, so a 19-digit id keeps every digit.
                    element.WriteTo(writer);
                    break;
            }
        }

        private static string MaskForms(string text, string[] forms)
        {
            foreach (string form in forms)
            {
                text = text.Replace(form, Mask);
            }

            return text;
        }

        /// <summary>The escapes (%2B, \u002B) in lower-case hex, as other writers spell them.</summary>
        private static string LowerHex(string text, Regex escape) => escape.Replace(text, m => m.Value.ToLowerInvariant());

        /// <summary>The messages of an exception and its inner exceptions, redacted, for an error of our own.</summary>
        public static string DescribeChain(Exception exception, string? token)
        {
            var text = new StringBuilder();
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (text.Length > 0)
                {
                    text.Append(" -> ");
                }

                text.Append(current.Message.Trim());
            }

            return Redact(text.ToString(), token);
        }
    }
}
