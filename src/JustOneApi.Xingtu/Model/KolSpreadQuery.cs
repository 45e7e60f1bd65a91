using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// What one KOL's request asks for. Null members are not sent, so the API applies its own defaults.
    /// Equal queries fetch the same data, which is what lets a batch fetch a repeated KOL once.
    /// </summary>
    internal sealed class KolSpreadQuery : IEquatable<KolSpreadQuery>
    {
        public KolSpreadQuery(string kolId, SpreadType? type, SpreadRange? range, string? flowType, bool onlyAssign, bool acceptCache)
        {
            KolId = kolId;
            Type = type;
            Range = range;
            FlowType = flowType;
            OnlyAssign = onlyAssign;
            AcceptCache = acceptCache;
        }

        public string KolId { get; }

        public SpreadType? Type { get; }

        public SpreadRange? Range { get; }

        public string? FlowType { get; }

        public bool OnlyAssign { get; }

        public bool AcceptCache { get; }

        /// <summary>The type the API applies: the one asked for, else its documented default.</summary>
        public SpreadType EffectiveType => Type ?? SpreadType.PersonalVideo;

        /// <summary>The range the API applies: the one asked for, else its documented default.</summary>
        public SpreadRange EffectiveRange => Range ?? SpreadRange.Last30Days;

        /// <summary>
        /// The query's parameters as the API spells them, in a fixed order, without the token.
        /// Values are raw; whoever builds a URL escapes them.
        /// </summary>
        public IEnumerable<KeyValuePair<string, string>> WireParameters()
        {
            yield return new KeyValuePair<string, string>("kolId", KolId);
            if (Type is SpreadType type)
            {
                yield return new KeyValuePair<string, string>("type", WireFormat.ToWire(type));
            }

            if (Range is SpreadRange range)
            {
                yield return new KeyValuePair<string, string>("range", WireFormat.ToWire(range));
            }

            if (FlowType != null)
            {
                yield return new KeyValuePair<string, string>("flowType", FlowType);
            }

            if (OnlyAssign)
            {
                yield return new KeyValuePair<string, string>("onlyAssign", "true");
            }

            if (AcceptCache)
            {
                yield return new KeyValuePair<string, string>("acceptCache", "true");
            }
        }

        public bool Equals(KolSpreadQuery? other) =>
            other != null
            && string.Equals(KolId, other.KolId, StringComparison.Ordinal)
            && Type == other.Type
            && Range == other.Range
            && string.Equals(FlowType, other.FlowType, StringComparison.Ordinal)
            && OnlyAssign == other.OnlyAssign
            && AcceptCache == other.AcceptCache;

        public override bool Equals(object? obj) => Equals(obj as KolSpreadQuery);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = StringComparer.Ordinal.GetHashCode(KolId);
                hash = (hash * 31) + (Type.HasValue ? (int)Type.Value : 0);
                hash = (hash * 31) + (Range.HasValue ? (int)Range.Value : 0);
                hash = (hash * 31) + (FlowType == null ? 0 : StringComparer.Ordinal.GetHashCode(FlowType));
                return (hash * 4) + (OnlyAssign ? 2 : 0) + (AcceptCache ? 1 : 0);
            }
        }
    }
}
