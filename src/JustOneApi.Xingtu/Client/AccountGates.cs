using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// The rate gate of each account in this process. The API limits rate per token, so every call and every cmdlet
    /// that uses one token at one base address shares one gate: their starts together stay under the cap, and a
    /// rate-limit answer that one of them sees slows all of them down.
    /// </summary>
    internal static class AccountGates
    {
        private static readonly ConcurrentDictionary<string, RateGate> Gates = new ConcurrentDictionary<string, RateGate>(StringComparer.Ordinal);

        /// <summary>The account's gate, its cap set to <paramref name="maxRequestsPerSecond"/> (the latest call's setting wins).</summary>
        public static RateGate For(Uri baseUri, string token, double maxRequestsPerSecond)
        {
            RateGate gate = Gates.GetOrAdd(KeyOf(baseUri, token), _ => new RateGate(maxRequestsPerSecond));
            gate.SetCap(maxRequestsPerSecond);
            return gate;
        }

        /// <summary>A digest of the token, so the process does not keep another copy of the token itself as a key.</summary>
        private static string KeyOf(Uri baseUri, string token)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(token));
                return baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant() + "|" + Convert.ToBase64String(digest);
            }
        }
    }
}
