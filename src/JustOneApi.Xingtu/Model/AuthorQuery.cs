using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// The creator profile and price requests of one KOL. Their query is spelled as Invoke-JustOneApi spells the same
    /// query (parameters in name order), so both share one answer in the local store.
    /// </summary>
    internal sealed class AuthorQuery
    {
        public const string ProfilePath = "api/douyin-xingtu/gw/api/author/get_author_base_info/v1";
        public const string PricePath = "api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1";

        public AuthorQuery(SpreadPlatform? platform)
        {
            Platform = platform;
        }

        /// <summary>Sent only when given, so the API applies its own default.</summary>
        public SpreadPlatform? Platform { get; }

        public ApiRequest Profile(string kolId, string subject) => For(ProfilePath, kolId, subject);

        public ApiRequest Price(string kolId, string subject) => For(PricePath, kolId, subject);

        private ApiRequest For(string path, string kolId, string subject)
        {
            var parameters = new List<KeyValuePair<string, string>>(2) { new KeyValuePair<string, string>("oAuthorId", kolId) };
            if (Platform is SpreadPlatform platform)
            {
                parameters.Add(new KeyValuePair<string, string>("platform", WireFormat.ToV2(platform)));
            }

            var request = new ApiRequest(path, parameters, subject, kolId, kolId);
            string? problem = KolIdCheck.Problem(kolId);
            return problem == null ? request : request.Refused(XingtuErrorKind.InvalidKolId, problem);
        }
    }
}
