using System.Collections.Generic;
using System.Linq;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Reads the data of a marketing answer into a <see cref="KolPrice"/>: every price_info item not disabled
    /// (enable false), the industry tags and the hot list ranks. Every field is optional.
    /// </summary>
    internal sealed class KolPriceReader : IAnswerReader<KolPrice>
    {
        public bool TryRead(ApiRequest request, AnswerEnvelope envelope, List<string> anomalies, out KolPrice result, out string? problem)
        {
            result = null!;
            if (!FieldReader.TryOpenData(envelope, anomalies, out FieldReader fields, out problem))
            {
                return false;
            }

            var tiers = new List<KolPriceTier>();
            foreach (FieldReader item in fields.Items("price_info"))
            {
                // Public tools skip a tier with enable false; one without the flag is kept rather than guessed away.
                if (item.Flag("enable") == false)
                {
                    continue;
                }

                tiers.Add(new KolPriceTier(
                    item.Text("desc"),
                    item.WholeNumber("video_type"),
                    item.Decimal("price"),
                    item.Flag("is_open"),
                    item.Flag("need_price"),
                    item.WholeNumber("task_category"),
                    item.WholeNumber("settlement_type"),
                    item.Text("settlement_desc")));
            }

            var ranks = new List<string>();
            foreach (FieldReader rank in fields.Items("hot_list_ranks"))
            {
                string text = string.Join(" ", new[] { rank.Text("hot_list_name"), rank.Text("industry_name"), rank.Text("rank_level"), rank.Text("period") }.Where(part => part != null));
                if (text.Length > 0)
                {
                    ranks.Add(text);
                }
            }

            result = new KolPrice(
                request.KolId ?? request.Target,
                tiers,
                fields.TextList("industry_tags"),
                ranks.Count == 0 ? null : string.Join("; ", ranks),
                envelope.RequestId,
                envelope.FetchedAt,
                envelope.FromLocalCache);
            return true;
        }
    }

    /// <summary>A part's reader seen as a reader of objects, so the parts of one row can share a batch.</summary>
    internal sealed class PartReader<TPart> : IAnswerReader<object?>
        where TPart : class
    {
        private readonly IAnswerReader<TPart> _reader;

        public PartReader(IAnswerReader<TPart> reader)
        {
            _reader = reader;
        }

        public bool TryRead(ApiRequest request, AnswerEnvelope envelope, List<string> anomalies, out object? result, out string? problem)
        {
            bool read = _reader.TryRead(request, envelope, anomalies, out TPart part, out problem);
            result = read ? part : null;
            return read;
        }
    }
}
