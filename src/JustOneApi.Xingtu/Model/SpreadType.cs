namespace JustOneApi.Xingtu
{
    /// <summary>Which of a KOL's videos the metrics describe (the API's <c>type</c> parameter).</summary>
    public enum SpreadType
    {
        /// <summary>The KOL's own, personal videos (wire value <c>_1</c>; the API's default).</summary>
        PersonalVideo = 1,

        /// <summary>Videos commissioned through Xingtu (wire value <c>_2</c>).</summary>
        XingtuVideo = 2,
    }

    /// <summary>The period the metrics cover (the API's <c>range</c> parameter).</summary>
    public enum SpreadRange
    {
        /// <summary>The last 30 days (wire value <c>_2</c>; the API's default).</summary>
        Last30Days = 2,

        /// <summary>The last 90 days (wire value <c>_3</c>).</summary>
        Last90Days = 3,
    }
}
