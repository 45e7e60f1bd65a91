using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>What <see cref="KolIdNormalizer.Normalize"/> made of one id.</summary>
    internal sealed class NormalizedKolId
    {
        internal NormalizedKolId(string id, bool changed, string? problem)
        {
            Id = id;
            Changed = changed;
            Problem = problem;
        }

        /// <summary>The id to check, dedupe, send and show; the input unchanged when nothing applied or it was refused.</summary>
        public string Id { get; }

        /// <summary>True when <see cref="Id"/> differs from the input.</summary>
        public bool Changed { get; }

        /// <summary>Why the input is refused (a link that holds no single Xingtu author id), or null.</summary>
        public string? Problem { get; }
    }

    /// <summary>
    /// Cleans an id the way it arrives from Excel, chat messages and the Xingtu web page: trims whitespace and
    /// invisible characters at both ends, turns full-width digits into ASCII ones, and takes the author id out of a
    /// Xingtu creator link, and joins digit groups a spreadsheet or a locale split (7100 0000 0000 0000 001,
    /// 7,100,000,000,000,000,001). Anything else is left exactly as given: ids that are not digits stay valid input.
    /// </summary>
    internal static class KolIdNormalizer
    {
        // A scheme (https://, or any other, which is then refused), else a bare host such as www.xingtu.cn followed
        // by a path, the way addresses are copied out of a browser's address bar.
        private static readonly Regex Scheme = new Regex(
            @"^[A-Za-z][A-Za-z0-9+.\-]*://", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex BareHost = new Regex(
            @"^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}\.?(?::[0-9]+)?/",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly char[] FullWidthDigits = Enumerable.Range(0xFF10, 10).Select(c => (char)c).ToArray();

        // ASCII digits only: \d would also match other scripts' digits.
        private static readonly Regex AuthorIdRun = new Regex("[0-9]{10,}", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // Digit groups split by what number formatting puts between them: spaces (ordinary, no-break, thin, narrow
        // no-break, ideographic), commas (ASCII and full-width) and apostrophes (ASCII and the typographic one).
        private static readonly Regex DigitGroups = new Regex(
            "^[0-9]+(?:[ \u00A0\u2009\u202F\u3000,\uFF0C'\u2019]+[0-9]+)+$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>A grouped id needs this many digits to be joined: fewer is no Xingtu id, and is left as given.</summary>
        private const int MinGroupedDigits = 10;

        /// <summary>Normalises one id; never throws.</summary>
        public static NormalizedKolId Normalize(string? raw)
        {
            if (raw == null)
            {
                return new NormalizedKolId(string.Empty, false, null);
            }

            string id = ToAsciiDigits(TrimInvisible(raw));
            if (DigitGroups.IsMatch(id))
            {
                string digits = new string(id.Where(c => c >= '0' && c <= '9').ToArray());
                if (digits.Length >= MinGroupedDigits)
                {
                    id = digits;
                }
            }

            if (Scheme.IsMatch(id) || BareHost.IsMatch(id))
            {
                string? problem = FromLink(id, raw, out string? authorId);
                if (problem != null)
                {
                    return new NormalizedKolId(raw, false, problem);
                }

                id = authorId!;
            }

            return new NormalizedKolId(id, !string.Equals(id, raw, StringComparison.Ordinal), null);
        }

        /// <summary>
        /// The id as text that shows what it holds: each invisible character (see <see cref="IsInvisible"/>) as
        /// &lt;U+XXXX&gt;. For verbose lines and error messages.
        /// </summary>
        public static string Show(string? id)
        {
            if (string.IsNullOrEmpty(id) || FindInvisible(id!) < 0)
            {
                return id ?? string.Empty;
            }

            var text = new StringBuilder(id!.Length + 16);
            for (int i = 0; i < id.Length; i += char.IsSurrogatePair(id, i) ? 2 : 1)
            {
                if (IsInvisible(id, i))
                {
                    text.Append('<').Append(CodePoint(id, i)).Append('>');
                }
                else
                {
                    text.Append(id, i, char.IsSurrogatePair(id, i) ? 2 : 1);
                }
            }

            return text.ToString();
        }

        /// <summary>The index of the first invisible character in <paramref name="id"/>, or -1.</summary>
        public static int FindInvisible(string id)
        {
            for (int i = 0; i < id.Length; i++)
            {
                if (IsInvisible(id, i))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>"U+200B ZERO WIDTH SPACE": the code point at <paramref name="index"/> and, where known, its name.</summary>
        public static string Describe(string id, int index)
        {
            string codePoint = CodePoint(id, index);
            // Unicode's own names, which are the same in every language (a user can look them up).
            string? name = id[index] switch
            {
                '\t' => "CHARACTER TABULATION",
                '\n' => "LINE FEED",
                '\r' => "CARRIAGE RETURN",
                '\u00A0' => "NO-BREAK SPACE",
                '\u00AD' => "SOFT HYPHEN",
                '\u200B' => "ZERO WIDTH SPACE",
                '\u200C' => "ZERO WIDTH NON-JOINER",
                '\u200D' => "ZERO WIDTH JOINER",
                '\u200E' => "LEFT-TO-RIGHT MARK",
                '\u200F' => "RIGHT-TO-LEFT MARK",
                '\u2060' => "WORD JOINER",
                '\u3000' => "IDEOGRAPHIC SPACE",
                '\uFEFF' => Texts.Format(Texts.CharByteOrderMark, "ZERO WIDTH NO-BREAK SPACE"),
                _ => null,
            };
            if (name != null)
            {
                return codePoint + " " + name;
            }

            return CharUnicodeInfo.GetUnicodeCategory(id, index) switch
            {
                UnicodeCategory.Control => Texts.Format(Texts.CharControl, codePoint),
                UnicodeCategory.Format => Texts.Format(Texts.CharFormat, codePoint),
                _ => Texts.Format(Texts.CharOtherSpace, codePoint),
            };
        }

        /// <summary>
        /// True for a character that cannot be seen in an id: whitespace other than the ordinary space (tab, CR, LF,
        /// no-break space, ideographic space, ...), and every format (Cf: zero-width characters, BOM, direction marks)
        /// or control (Cc) character.
        /// </summary>
        private static bool IsInvisible(string id, int index)
        {
            char c = id[index];
            if (char.IsWhiteSpace(c))
            {
                return c != ' ';
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(id, index);
            return category == UnicodeCategory.Format || category == UnicodeCategory.Control;
        }

        /// <summary>What is trimmed at either end: whitespace, the zero-width characters and a stray BOM.</summary>
        private static bool IsTrimmed(char c) =>
            char.IsWhiteSpace(c) || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';

        private static string TrimInvisible(string raw)
        {
            int start = 0;
            int end = raw.Length;
            while (start < end && IsTrimmed(raw[start]))
            {
                start++;
            }

            while (end > start && IsTrimmed(raw[end - 1]))
            {
                end--;
            }

            return start == 0 && end == raw.Length ? raw : raw.Substring(start, end - start);
        }

        /// <summary>Full-width digits (U+FF10..U+FF19), as a Chinese input method types them, become 0..9.</summary>
        private static string ToAsciiDigits(string id)
        {
            if (id.IndexOfAny(FullWidthDigits) < 0)
            {
                return id;
            }

            char[] chars = id.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= '\uFF10' && chars[i] <= '\uFF19')
                {
                    chars[i] = (char)('0' + (chars[i] - '\uFF10'));
                }
            }

            return new string(chars);
        }

        /// <summary>
        /// Takes the author id out of a Xingtu creator link: host xingtu.cn or a subdomain, exactly one run of ten or
        /// more digits in the path (the query and fragment do not count). Returns why not, or null.
        /// </summary>
        private static string? FromLink(string link, string raw, out string? authorId)
        {
            authorId = null;
            string shown = Show(raw);
            string absolute = Scheme.IsMatch(link) ? link : "https://" + link;
            if (!Uri.TryCreate(absolute, UriKind.Absolute, out Uri? uri))
            {
                return Texts.Format(Texts.KolIdBadLink, shown);
            }

            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            {
                return Texts.Format(Texts.KolIdOtherScheme, shown, uri.Scheme);
            }

            string host = uri.Host.TrimEnd('.').ToLowerInvariant();
            if (!IsUnder(host, "xingtu.cn"))
            {
                string why = IsUnder(host, "douyin.com") || IsUnder(host, "iesdouyin.com") ? Texts.DouyinLink : Texts.OnlyXingtuLink;
                return Texts.Format(Texts.KolIdOtherHost, shown, host, why);
            }

            MatchCollection runs = AuthorIdRun.Matches(uri.AbsolutePath);
            if (runs.Count == 0)
            {
                return Texts.Format(Texts.KolIdNoAuthorInLink, shown);
            }

            if (runs.Count > 1)
            {
                string found = string.Join(", ", runs.Cast<Match>().Select(m => m.Value));
                return Texts.Format(Texts.KolIdManyRuns, shown, runs.Count, found);
            }

            authorId = runs[0].Value;
            return null;
        }

        /// <summary>The host is <paramref name="domain"/> or a subdomain of it; evilxingtu.cn and xingtu.cn.evil.com are not.</summary>
        private static bool IsUnder(string host, string domain) =>
            host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

        private static string CodePoint(string id, int index) =>
            "U+" + (char.IsSurrogatePair(id, index) ? char.ConvertToUtf32(id, index) : id[index]).ToString("X4", CultureInfo.InvariantCulture);
    }
}
