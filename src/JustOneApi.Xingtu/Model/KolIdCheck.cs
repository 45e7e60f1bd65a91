using System;
using System.Globalization;
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

        /// <summary>Returns why the id is unusable, or null when it may be sent.</summary>
        public static string? Problem(string? kolId)
        {
            if (kolId == null || kolId.Trim().Length == 0)
            {
                return "The KolId is empty. Check the input for a blank row or a column that did not bind (the KolId column may be named differently).";
            }

            if (kolId.Length > MaxLength)
            {
                return $"The KolId is {kolId.Length.ToString(CultureInfo.InvariantCulture)} characters long; Xingtu ids are about 19 digits. It was not sent.";
            }

            // PowerShell turns a piped row that has no id column into text like "@{Name=...}" and binds that.
            if ((kolId.StartsWith("@{", StringComparison.Ordinal) && kolId.EndsWith("}", StringComparison.Ordinal))
                || kolId == "System.Collections.Hashtable")
            {
                return $"The input '{kolId}' is a whole row, not a KolId: it has no column named KolId or one of its aliases (kol_id, Id, AuthorId, author_id, star_id, ...). Rename the column, or pipe through Select-Object @{{ Name = 'KolId'; Expression = {{ $_.YourColumn }} }}.";
            }

            if (ScientificNotation.IsMatch(kolId))
            {
                return $"The KolId '{kolId}' is in scientific notation: a spreadsheet turned the long id into a rounded number, so its digits are lost. Keep the id column as text (in Excel, format it as Text before pasting) and export again.";
            }

            return null;
        }
    }
}
