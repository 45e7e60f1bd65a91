using System;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>The API's spelling of the enum parameters.</summary>
    internal static class WireFormat
    {
        public static string ToWire(SpreadType type) => type switch
        {
            SpreadType.PersonalVideo => "_1",
            SpreadType.XingtuVideo => "_2",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        public static string ToWire(SpreadRange range) => range switch
        {
            SpreadRange.Last30Days => "_2",
            SpreadRange.Last90Days => "_3",
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, null),
        };
    }
}
