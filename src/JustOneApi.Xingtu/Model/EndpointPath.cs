using System;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Checks a path given to Invoke-JustOneApi. The token travels with every request, so a path may only ever name an
    /// endpoint below the configured base address: nothing that could point the request, and the token, elsewhere.
    /// </summary>
    internal static class EndpointPath
    {
        /// <summary>Returns why <paramref name="path"/> may not be used, or null when it may.</summary>
        public static string? Problem(string? path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return Texts.L(Texts.PathEmpty);
            }

            string text = path!;
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.IndexOf(':') >= 0)
            {
                return Texts.Format(Texts.PathHasAddress, text);
            }

            if (text.StartsWith("//", StringComparison.Ordinal) || text.IndexOf('\\') >= 0)
            {
                return Texts.Format(Texts.PathOtherHost, text);
            }

            if (text.IndexOf('?') >= 0 || text.IndexOf('#') >= 0 || text.IndexOf('&') >= 0)
            {
                return Texts.Format(Texts.PathHasQuery, text);
            }

            foreach (string segment in text.Trim('/').Split('/'))
            {
                if (segment == ".." || segment == "." || segment.Length == 0)
                {
                    return Texts.Format(Texts.PathBadSegment, text);
                }

                foreach (char c in segment)
                {
                    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                    if (!allowed)
                    {
                        return Texts.Format(Texts.PathBadCharacter, text, c, (int)c);
                    }
                }
            }

            return null;
        }
    }
}
