using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// The options of one Get-XingtuKolSpread call, and the requests they make for each KOL on either endpoint.
    /// Null options are not sent, so the API applies its own defaults.
    /// </summary>
    internal sealed class SpreadQuery
    {
        public const string V1Path = "api/douyin-xingtu/get-kol-spread-info/v1";
        public const string V2Path = "api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1";

        public SpreadQuery(SpreadEndpoint endpoint, SpreadType? type, SpreadRange? range, string? flowType, bool onlyAssign, bool acceptCache, SpreadPlatform? platform)
        {
            Endpoint = endpoint;
            Type = type;
            Range = range;
            FlowType = flowType;
            OnlyAssign = onlyAssign;
            AcceptCache = acceptCache;
            Platform = platform;
        }

        public SpreadEndpoint Endpoint { get; }

        public SpreadType? Type { get; }

        public SpreadRange? Range { get; }

        /// <summary>Sent to V1 as given; V2 takes only Exclude or Include.</summary>
        public string? FlowType { get; }

        public bool OnlyAssign { get; }

        /// <summary>The API's own server-side cache; V1 only.</summary>
        public bool AcceptCache { get; }

        public SpreadPlatform? Platform { get; }

        /// <summary>The type the API applies: the one asked for, else its documented default.</summary>
        public SpreadType EffectiveType => Type ?? SpreadType.PersonalVideo;

        /// <summary>The range the API applies: the one asked for, else its documented default.</summary>
        public SpreadRange EffectiveRange => Range ?? SpreadRange.Last30Days;

        public SpreadPlatform EffectivePlatform => Platform ?? SpreadPlatform.ShortVideo;

        /// <summary>True when the options ask for something V1 cannot measure.</summary>
        public bool NeedsV2 => EffectivePlatform != SpreadPlatform.ShortVideo;

        /// <summary>Which endpoint answered a request, from its path.</summary>
        public static SpreadEndpoint EndpointOf(ApiRequest request) =>
            request.Path == V2Path ? SpreadEndpoint.V2 : SpreadEndpoint.V1;

        /// <summary>
        /// The request for one KOL: V1 or V2 as chosen, and under Auto, V1 with V2 as its fallback (or V2 at once when
        /// the options need it). An id that cannot be right is refused here, so nothing is sent for it.
        /// </summary>
        public ApiRequest For(string kolId)
        {
            ApiRequest request = Endpoint == SpreadEndpoint.V2 || (Endpoint == SpreadEndpoint.Auto && NeedsV2)
                ? ForV2(kolId)
                : ForV1(kolId, Endpoint == SpreadEndpoint.Auto ? ForV2(kolId) : null);
            string? problem = KolIdCheck.Problem(kolId);
            return problem == null ? request : request.Refused(XingtuErrorKind.InvalidKolId, problem);
        }

        private ApiRequest ForV1(string kolId, ApiRequest? fallback)
        {
            var parameters = new List<KeyValuePair<string, string>>(6) { Pair("kolId", kolId) };
            if (Type is SpreadType type)
            {
                parameters.Add(Pair("type", WireFormat.ToV1(type)));
            }

            if (Range is SpreadRange range)
            {
                parameters.Add(Pair("range", WireFormat.ToV1(range)));
            }

            if (FlowType != null)
            {
                parameters.Add(Pair("flowType", FlowType));
            }

            if (OnlyAssign)
            {
                parameters.Add(Pair("onlyAssign", "true"));
            }

            if (AcceptCache)
            {
                parameters.Add(Pair("acceptCache", "true"));
            }

            return new ApiRequest(V1Path, parameters, Subject(kolId), kolId, kolId, fallback);
        }

        private ApiRequest ForV2(string kolId)
        {
            var parameters = new List<KeyValuePair<string, string>>(6) { Pair("oAuthorId", kolId) };
            if (Platform is SpreadPlatform platform)
            {
                parameters.Add(Pair("platform", WireFormat.ToV2(platform)));
            }

            if (Range is SpreadRange range)
            {
                parameters.Add(Pair("range", WireFormat.ToV2(range)));
            }

            if (Type is SpreadType type)
            {
                parameters.Add(Pair("type", WireFormat.ToV2(type)));
            }

            if (OnlyAssign)
            {
                parameters.Add(Pair("onlyAssign", "true"));
            }

            string? flowProblem = null;
            if (FlowType != null)
            {
                string? wire = WireFormat.ToV2FlowType(FlowType);
                if (wire == null)
                {
                    flowProblem = Texts.Format(Texts.FlowTypeNotV2, FlowType, kolId);
                }
                else
                {
                    parameters.Add(Pair("flowType", wire));
                }
            }

            var request = new ApiRequest(V2Path, parameters, Subject(kolId), kolId, kolId);
            if (flowProblem != null)
            {
                return request.Refused(XingtuErrorKind.InvalidParameters, flowProblem);
            }

            // V1 measured short videos with the same fields: its kept answer for the same KOL and options serves this
            // one, so the rerun after a switch to V2 does not pay again for what the store holds.
            return NeedsV2 ? request : request.WithStoreTwin(ForV1(kolId, null));
        }

        private static string Subject(string kolId) => "KOL '" + kolId + "'";

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
