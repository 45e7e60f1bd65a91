using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// Reads any endpoint's answer for Invoke-JustOneApi: its data as a detached JSON value, or, raw, the whole body as
    /// text. The caller turns the JSON into PowerShell objects on the pipeline thread.
    /// </summary>
    internal sealed class JsonDataReader : IAnswerReader<object?>
    {
        private readonly bool _raw;

        public JsonDataReader(bool raw)
        {
            _raw = raw;
        }

        public bool TryRead(ApiRequest request, AnswerEnvelope envelope, List<string> anomalies, out object? result, out string? problem)
        {
            problem = null;
            result = _raw
                ? Encoding.UTF8.GetString(envelope.Body)
                : envelope.Data.ValueKind == JsonValueKind.Undefined ? null : (object)envelope.Data.Clone();
            return true;
        }
    }
}
