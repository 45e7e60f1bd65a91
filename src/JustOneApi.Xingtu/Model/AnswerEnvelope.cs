using System;
using System.Text.Json;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>A code-0 answer as a reader sees it: its data and the envelope around it.</summary>
    internal readonly struct AnswerEnvelope
    {
        public AnswerEnvelope(JsonElement data, byte[] body, string? requestId, string? recordTime, DateTimeOffset fetchedAt, bool fromLocalCache)
        {
            Data = data;
            Body = body;
            RequestId = requestId;
            RecordTime = recordTime;
            FetchedAt = fetchedAt;
            FromLocalCache = fromLocalCache;
        }

        /// <summary>The envelope's <c>data</c>; valid only while the reader runs (clone it to keep it).</summary>
        public JsonElement Data { get; }

        /// <summary>The whole body as received.</summary>
        public byte[] Body { get; }

        public string? RequestId { get; }

        public string? RecordTime { get; }

        /// <summary>When the answer was received from the API (UTC).</summary>
        public DateTimeOffset FetchedAt { get; }

        /// <summary>True when the answer came from the local store, not the network.</summary>
        public bool FromLocalCache { get; }
    }

    /// <summary>Turns the data of a code-0 answer into one front end's result type.</summary>
    internal interface IAnswerReader<T>
    {
        /// <summary>
        /// Reads <paramref name="envelope"/>'s data; fields present but unreadable go to <paramref name="anomalies"/>.
        /// Returns false, with the reason in <paramref name="problem"/>, when the data cannot be a result at all.
        /// </summary>
        bool TryRead(ApiRequest request, AnswerEnvelope envelope, System.Collections.Generic.List<string> anomalies, out T result, out string? problem);
    }
}
