using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JustOneApi.Xingtu.Transport
{
    /// <summary>Takes the token out of text that may hold a URL, such as an exception message from the network stack.</summary>
    internal static class Redaction
    {
        public const string Mask = "***";

        private static readonly Regex TokenParameter = new Regex(
            @"(?<=[?&]token=)[^&#\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static string Redact(string text, string? token) => Redact(text, FormsOf(token));

        /// <summary>Takes out every <paramref name="forms"/> of the token, and any token= query value whatever it holds.</summary>
        public static string Redact(string text, string[] forms)
        {
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

            string[] forms = { token!, Uri.EscapeDataString(token!), JsonEncodedText.Encode(token!).ToString(), token!.Replace("/", "\\/") };
            return forms.Distinct(StringComparer.Ordinal).ToArray();
        }

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
