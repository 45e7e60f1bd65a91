using System;
using System.Collections.Generic;
using System.Text;

namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// One GET the engine may send: an endpoint path and its query, without the token. Equal requests fetch the same
    /// answer, which is what lets a batch fetch a repeat once and the local store serve it again. A request can also
    /// be refused before it is sent (a bad id, a value the endpoint cannot take): then nothing goes on the wire.
    /// </summary>
    internal sealed class ApiRequest : IEquatable<ApiRequest>
    {
        public ApiRequest(
            string path,
            IReadOnlyList<KeyValuePair<string, string>> parameters,
            string subject,
            string target,
            string? kolId = null,
            ApiRequest? fallback = null)
        {
            Path = path.TrimStart('/');
            Parameters = parameters;
            Subject = subject;
            Target = target;
            KolId = kolId;
            Fallback = fallback;
            Key = ComposeKey(Path, parameters);
        }

        private ApiRequest(ApiRequest refused, XingtuErrorKind kind, string problem)
            : this(refused.Path, refused.Parameters, refused.Subject, refused.Target, refused.KolId, null)
        {
            RefusalKind = kind;
            Refusal = problem;
            InputKolId = refused.InputKolId;
        }

        /// <summary>The endpoint path below the base address, without a leading slash.</summary>
        public string Path { get; }

        /// <summary>The query parameters in the order they are sent; values raw, escaped only when a URL is built.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

        /// <summary>How messages name the request, such as <c>KOL '123'</c>.</summary>
        public string Subject { get; }

        /// <summary>The error record's TargetObject: the KOL id, or the path and query.</summary>
        public string Target { get; }

        /// <summary>The KOL (author) id the request is for, when it is for one.</summary>
        public string? KolId { get; }

        /// <summary>
        /// The KOL id as the input gave it, before normalisation, so a result joins back to the user's row. Not part
        /// of the request's identity: two spellings of one id share one fetch.
        /// </summary>
        public string? InputKolId { get; private set; }

        /// <summary>The same request, marked with the id as the input gave it.</summary>
        public ApiRequest WithInputKolId(string? inputKolId)
        {
            InputKolId = inputKolId;
            return this;
        }

        /// <summary>The request that serves the same answer from a successor endpoint, once this one is gone.</summary>
        public ApiRequest? Fallback { get; }

        /// <summary>
        /// A request to a predecessor endpoint whose kept answer carries the same data as this one's (V1 spread for V2
        /// spread, short video, same options): the local store serves it before this request is sent, so a switch of
        /// endpoint does not pay again for what is kept. Not part of the request's identity.
        /// </summary>
        public ApiRequest? StoreTwin { get; private set; }

        /// <summary>The same request, with <paramref name="twin"/> as the predecessor whose kept answer serves it.</summary>
        public ApiRequest WithStoreTwin(ApiRequest? twin)
        {
            StoreTwin = twin;
            return this;
        }

        /// <summary>The path and the escaped query: the identity of the answer, and the local store's key.</summary>
        public string Key { get; }

        /// <summary>Why the request must not be sent, or null.</summary>
        public string? Refusal { get; }

        /// <summary>The kind of error a refused request gives.</summary>
        public XingtuErrorKind RefusalKind { get; }

        /// <summary>The same request, refused before sending with <paramref name="problem"/>.</summary>
        public ApiRequest Refused(XingtuErrorKind kind, string problem) => new ApiRequest(this, kind, problem);

        /// <summary>The same request (and successor) named <paramref name="subject"/> in messages, such as "the Price part of KOL '123'".</summary>
        public ApiRequest WithSubject(string subject)
        {
            var renamed = new ApiRequest(Path, Parameters, subject, Target, KolId, Fallback?.WithSubject(subject)).WithStoreTwin(StoreTwin?.WithSubject(subject));
            return Refusal == null ? renamed : renamed.Refused(RefusalKind, Refusal);
        }

        public bool Equals(ApiRequest? other) =>
            other != null
            && string.Equals(Key, other.Key, StringComparison.Ordinal)
            && string.Equals(Refusal, other.Refusal, StringComparison.Ordinal)
            && Equals(Fallback, other.Fallback);

        public override bool Equals(object? obj) => Equals(obj as ApiRequest);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        public override string ToString() => Key;

        /// <summary>The path and query as a URL tail, values escaped; the token is never part of it.</summary>
        public static string ComposeKey(string path, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var key = new StringBuilder(path.TrimStart('/'));
            char separator = '?';
            foreach (KeyValuePair<string, string> parameter in parameters)
            {
                key.Append(separator).Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
                separator = '&';
            }

            return key.ToString();
        }
    }
}
