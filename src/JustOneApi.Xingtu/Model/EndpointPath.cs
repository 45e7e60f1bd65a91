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
                return "The path is empty. Give an endpoint path such as /api/douyin-xingtu/gw/api/author/get_author_base_info/v1.";
            }

            string text = path!;
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.IndexOf(':') >= 0)
            {
                return $"The path '{text}' holds a scheme, a host or a port. Give only the endpoint path, such as /api/douyin-xingtu/...; the address comes from Set-XingtuConfiguration, so the token only ever goes there.";
            }

            if (text.StartsWith("//", StringComparison.Ordinal) || text.IndexOf('\\') >= 0)
            {
                return $"The path '{text}' could name another host. Give only the endpoint path, such as /api/douyin-xingtu/...";
            }

            if (text.IndexOf('?') >= 0 || text.IndexOf('#') >= 0 || text.IndexOf('&') >= 0)
            {
                return $"The path '{text}' holds a query string. Pass the query parameters with -Query (a hashtable or an object), so they are escaped and checked.";
            }

            foreach (string segment in text.Trim('/').Split('/'))
            {
                if (segment == ".." || segment == "." || segment.Length == 0)
                {
                    return $"The path '{text}' holds an empty, '.' or '..' segment. Give the endpoint path as the API documents it.";
                }

                foreach (char c in segment)
                {
                    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                    if (!allowed)
                    {
                        return $"The path '{text}' holds the character '{c}' (U+{(int)c:X4}). Endpoint paths hold only letters, digits, '-', '_', '.' and '/'.";
                    }
                }
            }

            return null;
        }
    }
}
