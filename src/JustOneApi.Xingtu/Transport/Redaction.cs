using System;
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

        public static string Redact(string text, string? token)
        {
            string result = TokenParameter.Replace(text, Mask);
            if (!string.IsNullOrEmpty(token))
            {
                result = result.Replace(token, Mask);
                // As a URL carries it, and as a JSON writer escapes it ('+' as \u002B, '/' as \/).
                foreach (string form in new[] { Uri.EscapeDataString(token), JsonEncodedText.Encode(token!).ToString(), token!.Replace("/", "\\/") })
                {
                    if (form != token)
                    {
                        result = result.Replace(form, Mask);
                    }
                }
            }

            return result;
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
