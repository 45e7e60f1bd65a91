using System;
using System.Collections.Concurrent;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// Remembers, for the rest of the process, which endpoints a base address has answered as gone (HTTP 404 or 410
    /// without the API's envelope), so every later request goes to the successor at once instead of paying a round
    /// trip to learn it again.
    /// </summary>
    internal static class EndpointSwitch
    {
        private static readonly ConcurrentDictionary<string, bool> Gone = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public static bool IsGone(Uri baseUri, string path) => Gone.ContainsKey(KeyOf(baseUri, path));

        /// <summary>Records the endpoint as gone; true only for the first caller, who tells the user.</summary>
        public static bool MarkGone(Uri baseUri, string path) => Gone.TryAdd(KeyOf(baseUri, path), true);

        private static string KeyOf(Uri baseUri, string path) => baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + path;
    }
}
