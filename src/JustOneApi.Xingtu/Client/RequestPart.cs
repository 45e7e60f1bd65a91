using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>One request of an input row and the reader of its answer; <see cref="Name"/> names the part in messages and counts.</summary>
    internal readonly struct RequestPart<T>
    {
        public RequestPart(ApiRequest request, IAnswerReader<T> reader, string? name)
        {
            Request = request;
            Reader = reader;
            Name = name;
        }

        public ApiRequest Request { get; }

        public IAnswerReader<T> Reader { get; }

        /// <summary>The part's name, such as Price; null for a row of one request.</summary>
        public string? Name { get; }
    }
}
