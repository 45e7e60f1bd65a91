using System;

namespace JustOneApi.Xingtu.Store
{
    /// <summary>A billed answer as the local store kept it.</summary>
    internal sealed class StoredAnswer
    {
        public StoredAnswer(byte[] body, int httpStatus, DateTimeOffset fetchedAt)
        {
            Body = body ?? throw new ArgumentNullException(nameof(body));
            HttpStatus = httpStatus;
            FetchedAt = fetchedAt.ToUniversalTime();
        }

        /// <summary>The answer's body, byte for byte as it came from the API.</summary>
        public byte[] Body { get; }

        /// <summary>The HTTP status the answer came with.</summary>
        public int HttpStatus { get; }

        /// <summary>When the answer was fetched, in UTC, to the millisecond.</summary>
        public DateTimeOffset FetchedAt { get; }
    }
}
