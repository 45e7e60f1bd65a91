namespace JustOneApi.Xingtu
{
    /// <summary>Which of a KOL's videos the metrics describe (the API's <c>type</c> parameter).</summary>
    public enum SpreadType
    {
        /// <summary>The KOL's own, personal videos (V1 <c>_1</c>, V2 <c>PERSONAL_VIDEO</c>; the API's default).</summary>
        PersonalVideo = 1,

        /// <summary>Videos commissioned through Xingtu (V1 <c>_2</c>, V2 <c>XINTU_VIDEO</c>).</summary>
        XingtuVideo = 2,
    }

    /// <summary>The period the metrics cover (the API's <c>range</c> parameter).</summary>
    public enum SpreadRange
    {
        /// <summary>The last 30 days (V1 <c>_2</c>, V2 <c>DAY_30</c>; the API's default).</summary>
        Last30Days = 2,

        /// <summary>The last 90 days (V1 <c>_3</c>, V2 <c>DAY_90</c>).</summary>
        Last90Days = 3,
    }

    /// <summary>Where a KOL's content is measured (V2's <c>platform</c> parameter; V1 measures short videos only).</summary>
    public enum SpreadPlatform
    {
        /// <summary>Short videos (<c>SHORT_VIDEO</c>; the default, and all that V1 measures).</summary>
        ShortVideo = 1,

        /// <summary>Live streams (<c>LIVE_STREAMING</c>; V2 only).</summary>
        LiveStreaming = 2,

        /// <summary>Picture and text posts (<c>PICTURE_TEXT</c>; V2 only).</summary>
        PictureText = 3,

        /// <summary>Short dramas (<c>SHORT_DRAMA</c>; V2 only).</summary>
        ShortDrama = 4,
    }

    /// <summary>Which of the vendor's spread endpoints answers.</summary>
    public enum SpreadEndpoint
    {
        /// <summary>V1 until the vendor removes it, then V2 for the rest of the session; V2 at once for what only V2 has. Never on a result.</summary>
        Auto = 0,

        /// <summary>KOL Data Overview (V1), <c>get-kol-spread-info/v1</c>: deprecated by the vendor.</summary>
        V1 = 1,

        /// <summary>Its successor, <c>gw/api/data_sp/get_author_spread_info/v1</c>.</summary>
        V2 = 2,
    }
}
