using System;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>Each endpoint's spelling of the enum parameters.</summary>
    internal static class WireFormat
    {
        public static string ToV1(SpreadType type) => type switch
        {
            SpreadType.PersonalVideo => "_1",
            SpreadType.XingtuVideo => "_2",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        public static string ToV1(SpreadRange range) => range switch
        {
            SpreadRange.Last30Days => "_2",
            SpreadRange.Last90Days => "_3",
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, null),
        };

        public static string ToV2(SpreadType type) => type switch
        {
            SpreadType.PersonalVideo => "PERSONAL_VIDEO",
            SpreadType.XingtuVideo => "XINTU_VIDEO",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        public static string ToV2(SpreadRange range) => range switch
        {
            SpreadRange.Last30Days => "DAY_30",
            SpreadRange.Last90Days => "DAY_90",
            _ => throw new ArgumentOutOfRangeException(nameof(range), range, null),
        };

        public static string ToV2(SpreadPlatform platform) => platform switch
        {
            SpreadPlatform.ShortVideo => "SHORT_VIDEO",
            SpreadPlatform.LiveStreaming => "LIVE_STREAMING",
            SpreadPlatform.PictureText => "PICTURE_TEXT",
            SpreadPlatform.ShortDrama => "SHORT_DRAMA",
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
        };

        /// <summary>V2's flowType for a -FlowType value (Exclude or Include, any case), or null when V2 has none for it.</summary>
        public static string? ToV2FlowType(string flowType)
        {
            string value = flowType.Trim();
            return string.Equals(value, "Exclude", StringComparison.OrdinalIgnoreCase) ? "EXCLUDE"
                : string.Equals(value, "Include", StringComparison.OrdinalIgnoreCase) ? "INCLUDE"
                : null;
        }
    }
}
