using System;
using System.Collections.Generic;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Store
{
    /// <summary>
    /// The local store's key: the endpoint path and its query, never the token. The key is written into every entry
    /// and hashed into its file name, so a token in it would reach the disk; both the builder and the store refuse one.
    /// </summary>
    internal static class StoreKey
    {
        private const string TokenParameter = "token";

        /// <summary>
        /// "path?name=value&amp;name=value", names and values escaped as in a URL, in the order given: the same request
        /// must pass its parameters in the same order to find its entry. A leading '/' of the path is dropped.
        /// </summary>
        /// <exception cref="ArgumentException">The path is empty, or a parameter is named token (in any case).</exception>
        public static string Build(string path, IEnumerable<KeyValuePair<string, string>> query)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("The endpoint path is empty.", nameof(path));
            }

            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var pairs = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, string> parameter in query)
            {
                if (string.IsNullOrEmpty(parameter.Key))
                {
                    throw new ArgumentException("A query parameter has no name.", nameof(query));
                }

                if (IsToken(parameter.Key))
                {
                    throw new ArgumentException("The token is never part of a local store key.", nameof(query));
                }

                pairs.Add(new KeyValuePair<string, string>(parameter.Key, parameter.Value ?? string.Empty));
            }

            // The same spelling as a request's own key, so an entry is found by the request that wrote it.
            return ApiRequest.ComposeKey(path, pairs);
        }

        /// <summary>True when the key's query has a parameter named token, escaped or not, in any case.</summary>
        public static bool HasToken(string key)
        {
            int query = key.IndexOf('?');
            if (query < 0)
            {
                return false;
            }

            foreach (string parameter in key.Substring(query + 1).Split('&'))
            {
                int equals = parameter.IndexOf('=');
                string name = equals < 0 ? parameter : parameter.Substring(0, equals);
                if (IsToken(name) || IsToken(Uri.UnescapeDataString(name)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsToken(string name) => string.Equals(name.Trim(), TokenParameter, StringComparison.OrdinalIgnoreCase);
    }
}
