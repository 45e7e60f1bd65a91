namespace JustOneApi.Xingtu
{
    /// <summary>
    /// One KOL's spread metrics for one query, as Xingtu reports them. Every metric keeps the API's number as sent;
    /// a metric the API left out, sent as null or as an empty string is null, never 0.
    /// Units the vendor does not publish are named as such; see about_JustOneApi.Xingtu.
    /// </summary>
    public sealed class KolSpread : Model.IInputKolId
    {
        internal KolSpread(string kolId, SpreadEndpoint endpoint, SpreadPlatform platform, SpreadType type, SpreadRange range, string? flowType, bool onlyAssign)
        {
            KolId = kolId;
            Endpoint = endpoint;
            Platform = platform;
            Type = type;
            Range = range;
            FlowType = flowType;
            OnlyAssign = onlyAssign;
        }

        /// <summary>The Xingtu KOL (author) id the request was for, as sent: normalised by KolIdNormalizer.</summary>
        public string KolId { get; }

        /// <summary>The KOL id as the input gave it, before normalisation: the key to join a result back to the input row.</summary>
        public string? InputKolId { get; private set; }

        string? Model.IInputKolId.InputKolId
        {
            set => InputKolId = value;
        }

        /// <summary>The endpoint that answered: V1 (KOL Data Overview, deprecated) or V2 (its successor).</summary>
        public SpreadEndpoint Endpoint { get; }

        /// <summary>Where the content was measured: the one asked for, else the API's default ShortVideo (all V1 measures).</summary>
        public SpreadPlatform Platform { get; }

        /// <summary>Which videos the metrics describe: the one asked for, else the API's default PersonalVideo.</summary>
        public SpreadType Type { get; }

        /// <summary>The period the metrics cover: the one asked for, else the API's default Last30Days.</summary>
        public SpreadRange Range { get; }

        /// <summary>The -FlowType asked for, as given, or null when none was sent.</summary>
        public string? FlowType { get; }

        /// <summary>Whether only assigned (commissioned) orders were asked for.</summary>
        public bool OnlyAssign { get; }

        /// <summary>Median plays per video in the range (play_mid). Count.</summary>
        public long? PlayMedian { get; internal set; }

        /// <summary>Average likes per video (like_avg). Count.</summary>
        public long? LikeAverage { get; internal set; }

        /// <summary>Average comments per video (comment_avg). Count.</summary>
        public long? CommentAverage { get; internal set; }

        /// <summary>Average shares per video (share_avg). Count.</summary>
        public long? ShareAverage { get; internal set; }

        /// <summary>Videos published in the range (item_num). Count.</summary>
        public long? VideoCount { get; internal set; }

        /// <summary>Average video duration (avg_duration). Unit unpublished: read by some as seconds, by others as 1/100 s.</summary>
        public double? AverageDuration { get; internal set; }

        /// <summary>Interaction rate (interact_rate.value). In 1/10000 as the Xingtu page reads it (244 is 2.44 %; see InteractionRatePercent); the vendor publishes no scale.</summary>
        public double? InteractionRate { get; internal set; }

        /// <summary>Interaction rate in percent: InteractionRate / 100, reading it in 1/10000 as the Xingtu page does (244 is 2.44 %).</summary>
        public double? InteractionRatePercent => Model.Units.RateToPercent(InteractionRate);

        /// <summary>Standing of the interaction rate against peers in InteractionRatePeerCategory (interact_rate.overtake). Scale unpublished.</summary>
        public double? InteractionRatePeerStanding { get; internal set; }

        /// <summary>The peer category the interaction rate is compared within (interact_rate.label), e.g. 剧情搞笑.</summary>
        public string? InteractionRatePeerCategory { get; internal set; }

        /// <summary>Completion rate (play_over_rate.value). Scale unpublished, as for InteractionRate.</summary>
        public double? CompletionRate { get; internal set; }

        /// <summary>Completion rate in percent: CompletionRate / 100 (1113 is 11.13 %).</summary>
        public double? CompletionRatePercent => Model.Units.RateToPercent(CompletionRate);

        /// <summary>Standing of the completion rate against peers (play_over_rate.overtake). Scale unpublished.</summary>
        public double? CompletionRatePeerStanding { get; internal set; }

        /// <summary>The peer category the completion rate is compared within (play_over_rate.label).</summary>
        public string? CompletionRatePeerCategory { get; internal set; }

        /// <summary>Play stability (play_stability.value). Scale unpublished.</summary>
        public double? PlayStability { get; internal set; }

        /// <summary>Standing of the play stability against peers (play_stability.overtake). Scale unpublished.</summary>
        public double? PlayStabilityPeerStanding { get; internal set; }

        /// <summary>The peer category the play stability is compared within (play_stability.label).</summary>
        public string? PlayStabilityPeerCategory { get; internal set; }

        /// <summary>Expected CPM for a 1-20 s video (expect_cpm.cpm_1_20). Most likely fen (1/100 yuan): 5657 = ¥56.57.</summary>
        public long? ExpectedCpm1To20Sec { get; internal set; }

        /// <summary>Expected CPM for a 21-60 s video (expect_cpm.cpm_21_60). Most likely fen.</summary>
        public long? ExpectedCpm21To60Sec { get; internal set; }

        /// <summary>Expected CPM for a video over 60 s (expect_cpm.cpm_60). Most likely fen.</summary>
        public long? ExpectedCpmOver60Sec { get; internal set; }

        /// <summary>Expected cost per engagement for a 1-20 s video (expect_cpe.cpe_1_20). Probably fen.</summary>
        public long? ExpectedCpe1To20Sec { get; internal set; }

        /// <summary>Expected cost per engagement for a 21-60 s video (expect_cpe.cpe_21_60). Probably fen.</summary>
        public long? ExpectedCpe21To60Sec { get; internal set; }

        /// <summary>Expected cost per engagement for a video over 60 s (expect_cpe.cpe_60). Probably fen.</summary>
        public long? ExpectedCpeOver60Sec { get; internal set; }

        /// <summary>Expected CPM of a sales-oriented order, 1-20 s video (sales_expect_cpm.cpm_1_20). Probably fen.</summary>
        public long? SalesExpectedCpm1To20Sec { get; internal set; }

        /// <summary>Expected CPM of a sales-oriented order, 21-60 s video (sales_expect_cpm.cpm_21_60). Probably fen.</summary>
        public long? SalesExpectedCpm21To60Sec { get; internal set; }

        /// <summary>Expected CPM of a sales-oriented order, video over 60 s (sales_expect_cpm.cpm_60). Probably fen.</summary>
        public long? SalesExpectedCpmOver60Sec { get; internal set; }

        /// <summary>Video count in the peer view (item_rate.item_num.value). Count.</summary>
        public long? ItemRateVideoCount { get; internal set; }

        /// <summary>Standing of the video count against peers (item_rate.item_num.overtake). Scale unpublished.</summary>
        public double? ItemRateVideoCountPeerStanding { get; internal set; }

        /// <summary>The peer category of the video count view (item_rate.item_num.label).</summary>
        public string? ItemRateVideoCountPeerCategory { get; internal set; }

        /// <summary>Median plays in the peer view (item_rate.play_mid.value). Count.</summary>
        public long? ItemRatePlayMedian { get; internal set; }

        /// <summary>Standing of the median plays against peers (item_rate.play_mid.overtake). Scale unpublished.</summary>
        public double? ItemRatePlayMedianPeerStanding { get; internal set; }

        /// <summary>The peer category of the median plays view (item_rate.play_mid.label).</summary>
        public string? ItemRatePlayMedianPeerCategory { get; internal set; }

        /// <summary>Interaction rate in the peer view (item_rate.interact_rate.value). Scale unpublished.</summary>
        public double? ItemRateInteractionRate { get; internal set; }

        /// <summary>Standing of the interaction rate in the peer view (item_rate.interact_rate.overtake). Scale unpublished.</summary>
        public double? ItemRateInteractionRatePeerStanding { get; internal set; }

        /// <summary>The peer category of the interaction rate view (item_rate.interact_rate.label).</summary>
        public string? ItemRateInteractionRatePeerCategory { get; internal set; }

        /// <summary>The envelope's recordTime, as sent (format unpublished), or null.</summary>
        public string? RecordTime { get; internal set; }

        /// <summary>The envelope's requestId: quote it in a support ticket.</summary>
        public string? RequestId { get; internal set; }

        /// <summary>When the answer was received from the API (UTC); for an answer from the local store, when it was first received.</summary>
        public System.DateTimeOffset FetchedAt { get; internal set; }

        /// <summary>True when the answer came from the local answer store, so this row cost nothing.</summary>
        public bool FromLocalCache { get; internal set; }

        internal KolSpread Copy() => (KolSpread)MemberwiseClone();
    }
}
