using System;

namespace JustOneApi.Xingtu.Configuration
{
    /// <summary>Finds the token for a call: the parameter, then this session's, then JUSTONEAPI_TOKEN, then the stored one.</summary>
    internal static class TokenResolver
    {
        public const string TokenVariable = "JUSTONEAPI_TOKEN";

        private static string? _sessionToken;

        /// <summary>The token set by Set-XingtuToken in this process, or null.</summary>
        public static string? SessionToken
        {
            get => _sessionToken;
            set => _sessionToken = string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }

        /// <summary>Returns the token and where it came from; the token is null when none was found.</summary>
        public static string? Resolve(string? parameterToken, out TokenSource source)
        {
            if (!string.IsNullOrWhiteSpace(parameterToken))
            {
                source = TokenSource.Parameter;
                return parameterToken!.Trim();
            }

            if (_sessionToken != null)
            {
                source = TokenSource.Session;
                return _sessionToken;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(TokenVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                source = TokenSource.EnvironmentVariable;
                return fromEnvironment!.Trim();
            }

            string? stored = TokenStore.Load();
            source = stored == null ? TokenSource.None : TokenSource.Stored;
            return stored;
        }

        /// <summary>A form of the token that can be shown: enough to tell two tokens apart, not enough to use one.</summary>
        public static string Mask(string? token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return string.Empty;
            }

            return token!.Length < 12 ? "****" : "****" + token.Substring(token.Length - 4);
        }
    }
}
