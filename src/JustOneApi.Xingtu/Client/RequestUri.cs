using System;
using System.Collections.Generic;
using System.Text;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>Builds a request's URL; the shown form has the token masked, so it can go to -Verbose.</summary>
    internal static class RequestUri
    {
        public static Uri Build(Uri baseUri, ApiRequest request, string token) =>
            new Uri(Compose(baseUri, request, Uri.EscapeDataString(token)));

        public static string Display(Uri baseUri, ApiRequest request) => Compose(baseUri, request, Redaction.Mask);

        private static string Compose(Uri baseUri, ApiRequest request, string tokenText)
        {
            var url = new StringBuilder(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
            url.Append('/').Append(request.Path).Append("?token=").Append(tokenText);
            foreach (KeyValuePair<string, string> parameter in request.Parameters)
            {
                url.Append('&').Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            }

            return url.ToString();
        }
    }
}
