using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>Catches ids that cannot be right before a request is spent on them.</summary>
    internal static class KolIdCheck
    {
        /// <summary>Far longer than any Xingtu id (about 19 digits); a longer one is a pasted cell gone wrong.</summary>
        public const int MaxLength = 128;

        // What Excel writes for a long number it has turned into a float: 7.1E+18, 6.85312E+18.
        private static readonly Regex ScientificNotation = new Regex(
            @"^\s*[+-]?\d+(\.\d+)?[eE][+-]?\d+\s*$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>
        /// Returns why the id, once normalised by <see cref="KolIdNormalizer"/>, is unusable, or null when it may be
        /// sent. Messages name the normalised id, or the input itself when the normaliser refused it.
        /// </summary>
        public static string? Problem(string? kolId)
        {
            NormalizedKolId normalized = KolIdNormalizer.Normalize(kolId);
            if (normalized.Problem != null)
            {
                return normalized.Problem;
            }

            string id = normalized.Id;
            if (id.Length == 0)
            {
                return Texts.L(Texts.KolIdEmpty);
            }

            if (id.Length > MaxLength)
            {
                return Texts.Format(Texts.KolIdTooLong, id.Length);
            }

            // PowerShell turns a piped row that has no id column into text like "@{Name=...}" and binds that.
            if ((id.StartsWith("@{", StringComparison.Ordinal) && id.EndsWith("}", StringComparison.Ordinal))
                || id == "System.Collections.Hashtable")
            {
                return Texts.Format(Texts.KolIdWholeRow, id);
            }

            if (ScientificNotation.IsMatch(id))
            {
                return Texts.Format(Texts.KolIdScientific, id);
            }

            // Trimming took those at the ends; one left inside would reach the API, which matches no author to it.
            int invisible = KolIdNormalizer.FindInvisible(id);
            if (invisible >= 0)
            {
                int position = id.Take(invisible).Count(c => !char.IsLowSurrogate(c)) + 1;
                return Texts.Format(Texts.KolIdInvisible, KolIdNormalizer.Show(id), KolIdNormalizer.Describe(id, invisible), position);
            }

            return null;
        }
    }
}
