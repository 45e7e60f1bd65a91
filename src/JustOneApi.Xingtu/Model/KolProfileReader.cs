using System.Collections.Generic;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Reads the data of a creator profile answer into a <see cref="KolProfile"/>. Every field is optional; one sent
    /// in another shape is null and noted as an anomaly, never 0.
    /// </summary>
    internal sealed class KolProfileReader : IAnswerReader<KolProfile>
    {
        public bool TryRead(ApiRequest request, AnswerEnvelope envelope, List<string> anomalies, out KolProfile result, out string? problem)
        {
            result = null!;
            if (!FieldReader.TryOpenData(envelope, anomalies, out FieldReader fields, out problem))
            {
                return false;
            }

            result = new KolProfile(
                request.KolId ?? request.Target,
                fields.Text("nick_name"),
                fields.WholeNumber("follower"),
                fields.Text("province"),
                fields.Text("city"),
                fields.WholeNumber("gender"),
                fields.Text("short_id"),
                fields.Text("unique_id"),
                fields.Text("sec_uid"),
                fields.Text("mcn_name"),
                fields.Groups("tags_relation"),
                fields.TextList("content_theme_labels"),
                fields.Text("avatar_uri"),
                fields.WholeNumber("grade"),
                envelope.RequestId,
                envelope.FetchedAt,
                envelope.FromLocalCache);
            return true;
        }
    }
}
