using System;

namespace JustOneApi.Xingtu.Store
{
    /// <summary>
    /// Guards the local store's key (the address, the endpoint path and its query, never the token). The key is written
    /// into every entry and hashed into its file name, so a token in it would reach the disk: the store refuses one.
    /// </summary>
    internal static class StoreKey
    {
        private const string TokenParameter = "token";

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
