using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Reads the data of a spread answer into a <see cref="KolSpread"/>. V1 and V2 answer with the same fields
    /// (Xingtu's own <c>get_author_spread_info</c>), so one reader serves both; a field either one leaves out or
    /// sends in another shape is null and noted as an anomaly, never 0.
    /// </summary>
    internal sealed class KolSpreadReader : IAnswerReader<KolSpread>
    {
        private readonly SpreadQuery _query;

        public KolSpreadReader(SpreadQuery query)
        {
            _query = query;
        }

        public bool TryRead(ApiRequest request, AnswerEnvelope envelope, List<string> anomalies, out KolSpread result, out string? problem)
        {
            result = null!;
            if (!FieldReader.TryOpenData(envelope, anomalies, out FieldReader fields, out problem))
            {
                return false;
            }

            var spread = new KolSpread(
                request.KolId ?? request.Target,
                SpreadQuery.EndpointOf(request),
                _query.EffectivePlatform,
                _query.EffectiveType,
                _query.EffectiveRange,
                _query.FlowType,
                _query.OnlyAssign)
            {
                PlayMedian = fields.WholeNumber("play_mid"),
                LikeAverage = fields.WholeNumber("like_avg"),
                CommentAverage = fields.WholeNumber("comment_avg"),
                ShareAverage = fields.WholeNumber("share_avg"),
                VideoCount = fields.WholeNumber("item_num"),
                AverageDuration = fields.Number("avg_duration"),
                RecordTime = envelope.RecordTime,
                RequestId = envelope.RequestId,
                FetchedAt = envelope.FetchedAt,
                FromLocalCache = envelope.FromLocalCache,
            };

            FieldReader interact = fields.Child("interact_rate");
            spread.InteractionRate = interact.Number("value");
            (spread.InteractionRatePeerStanding, spread.InteractionRatePeerCategory) = interact.PeerStanding();

            FieldReader completion = fields.Child("play_over_rate");
            spread.CompletionRate = completion.Number("value");
            (spread.CompletionRatePeerStanding, spread.CompletionRatePeerCategory) = completion.PeerStanding();

            FieldReader stability = fields.Child("play_stability");
            spread.PlayStability = stability.Number("value");
            (spread.PlayStabilityPeerStanding, spread.PlayStabilityPeerCategory) = stability.PeerStanding();

            FieldReader cpm = fields.Child("expect_cpm");
            spread.ExpectedCpm1To20Sec = cpm.WholeNumber("cpm_1_20");
            spread.ExpectedCpm21To60Sec = cpm.WholeNumber("cpm_21_60");
            spread.ExpectedCpmOver60Sec = cpm.WholeNumber("cpm_60");

            FieldReader cpe = fields.Child("expect_cpe");
            spread.ExpectedCpe1To20Sec = cpe.WholeNumber("cpe_1_20");
            spread.ExpectedCpe21To60Sec = cpe.WholeNumber("cpe_21_60");
            spread.ExpectedCpeOver60Sec = cpe.WholeNumber("cpe_60");

            FieldReader salesCpm = fields.Child("sales_expect_cpm");
            spread.SalesExpectedCpm1To20Sec = salesCpm.WholeNumber("cpm_1_20");
            spread.SalesExpectedCpm21To60Sec = salesCpm.WholeNumber("cpm_21_60");
            spread.SalesExpectedCpmOver60Sec = salesCpm.WholeNumber("cpm_60");

            FieldReader itemRate = fields.Child("item_rate");
            FieldReader itemCount = itemRate.Child("item_num");
            spread.ItemRateVideoCount = itemCount.WholeNumber("value");
            (spread.ItemRateVideoCountPeerStanding, spread.ItemRateVideoCountPeerCategory) = itemCount.PeerStanding();
            FieldReader itemPlay = itemRate.Child("play_mid");
            spread.ItemRatePlayMedian = itemPlay.WholeNumber("value");
            (spread.ItemRatePlayMedianPeerStanding, spread.ItemRatePlayMedianPeerCategory) = itemPlay.PeerStanding();
            FieldReader itemInteract = itemRate.Child("interact_rate");
            spread.ItemRateInteractionRate = itemInteract.Number("value");
            (spread.ItemRateInteractionRatePeerStanding, spread.ItemRateInteractionRatePeerCategory) = itemInteract.PeerStanding();

            result = spread;
            return true;
        }
    }
}
