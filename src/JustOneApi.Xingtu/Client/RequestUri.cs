using System;
using System.Collections.Generic;
using System.Text;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>Builds the endpoint's URL; the shown form has the token masked, so it can go to -Verbose.</summary>
    internal static class RequestUri
    {
        public const string EndpointPath = "api/douyin-xingtu/get-kol-spread-info/v1";

        public static Uri Build(Uri baseUri, KolSpreadQuery query, string token) =>
            new Uri(Compose(baseUri, query, Uri.EscapeDataString(token)));

        public static string Display(Uri baseUri, KolSpreadQuery query) => Compose(baseUri, query, Redaction.Mask);

        private static string Compose(Uri baseUri, KolSpreadQuery query, string tokenText)
        {
            var url = new StringBuilder(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
            url.Append('/').Append(EndpointPath).Append("?token=").Append(tokenText);
            foreach (KeyValuePair<string, string> parameter in query.WireParameters())
            {
                url.Append('&').Append(parameter.Key).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            }

            return url.ToString();
        }
    }
}
