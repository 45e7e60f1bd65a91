namespace JustOneApi.Xingtu
{
    /// <summary>The runtime texts of the API model (Model/): parsing, endpoint paths, ids, field anomalies; their Chinese is in Texts.Model.zh.cs.</summary>
    internal static partial class Texts
    {
        // AnswerParser: answers that are not results.

        /// <summary>{0} the row, {1} the HTTP status.</summary>
        public const string AnswerTooLarge = "The API answered {0} with HTTP {1} and a body too large to be a result, which was not read.";

        /// <summary>{0} the row, {1} the HTTP status, {2} what broke off, as a sentence (the transport's words).</summary>
        public const string AnswerBrokeOff = "The API's answer for {0} (HTTP {1}) broke off: {2} It was not retried, since it may have been billed.";

        /// <summary>{0} the row, {1} the HTTP status (2xx), {2} what the body was (<see cref="BodyEmpty"/> and the like).</summary>
        public const string AnswerNotResult = "The API answered {0} with HTTP {1} and {2}, not a result.";

        /// <summary>{0} the row, {1} the HTTP status (not 2xx), {2} what the body was (<see cref="BodyEmpty"/> and the like).</summary>
        public const string AnswerHttpFailed = "The API answered {0} with HTTP {1} and {2}.";

        public const string BodyEmpty = "an empty body";

        public const string BodyNotJson = "a body that is not valid JSON";

        public const string BodyNotEnvelope = "JSON that is not the API's envelope";

        public const string BodyNotUnicode = "a string that is not valid Unicode";

        /// <summary>{0} the row, {1} Xingtu's base_resp status code, {2} its status message or <see cref="UpstreamNoMessage"/>.</summary>
        public const string UpstreamFailed = "Xingtu failed for {0} (base_resp status {1}: {2}). This call is billed.";

        public const string UpstreamNoMessage = "(no message)";

        /// <summary>{0} the row, {1} what the data lacked (<see cref="NoDataObject"/>).</summary>
        public const string AnswerUnreadable = "The API answered {0} with code 0 but {1}. This call is billed.";

        public const string NoDataObject = "no data object";

        // FieldReader: one value of an answer that could not be read (an anomaly; the value is left empty).

        /// <summary>{0} the field's path, {1} its value (shortened).</summary>
        public const string FieldNotWholeNumber = "{0} = '{1}' is not a whole number in range";

        /// <summary>{0} the field's path, {1} its value (shortened).</summary>
        public const string FieldNotNumberInRange = "{0} = '{1}' is not a number in range";

        /// <summary>{0} the field's path.</summary>
        public const string FieldNotFlag = "{0} is not true or false";

        /// <summary>{0} the field's path, {1} the JSON kind it has (string, number, object, ...).</summary>
        public const string FieldNotArray = "{0} is a JSON {1}, not an array";

        /// <summary>{0} the field's path, {1} the JSON kind it has.</summary>
        public const string FieldNotObject = "{0} is a JSON {1}, not an object";

        /// <summary>{0} the field's path, {1} the JSON kind it has.</summary>
        public const string FieldNotNumber = "{0} is a JSON {1}, not a number";

        /// <summary>{0} the array item's path, such as tags[2].</summary>
        public const string ItemNotObject = "{0} is not an object";

        /// <summary>{0} the array's path, {1} the JSON kind of the item.</summary>
        public const string ItemNotText = "{0} holds a JSON {1}, not a text";

        // EndpointPath: a path Invoke-JustOneApi will not send.

        public const string PathEmpty = "The path is empty. Give an endpoint path such as /api/douyin-xingtu/gw/api/author/get_author_base_info/v1.";

        /// <summary>{0} the path.</summary>
        public const string PathHasAddress = "The path '{0}' holds a scheme, a host or a port. Give only the endpoint path, such as /api/douyin-xingtu/...; the address comes from Set-XingtuConfiguration, so the token only ever goes there.";

        /// <summary>{0} the path.</summary>
        public const string PathOtherHost = "The path '{0}' could name another host. Give only the endpoint path, such as /api/douyin-xingtu/...";

        /// <summary>{0} the path.</summary>
        public const string PathHasQuery = "The path '{0}' holds a query string. Pass the query parameters with -Query (a hashtable or an object), so they are escaped and checked.";

        /// <summary>{0} the path.</summary>
        public const string PathBadSegment = "The path '{0}' holds an empty, '.' or '..' segment. Give the endpoint path as the API documents it.";

        /// <summary>{0} the path, {1} the character, {2} its code (a number, shown as four hex digits).</summary>
        public const string PathBadCharacter = "The path '{0}' holds the character '{1}' (U+{2:X4}). Endpoint paths hold only letters, digits, '-', '_', '.' and '/'.";

        // XingtuEndpoints: the accepted keys Invoke-JustOneApi lists.

        /// <summary>{0} a query parameter the endpoint requires.</summary>
        public const string RequiredParameter = "{0} (required)";

        // KolIdNormalizer: links that hold no single author id, and the invisible characters it names.

        /// <summary>{0} the id shown.</summary>
        public const string KolIdBadLink = "The KolId '{0}' looks like a link but is not a valid web address, so it holds no Xingtu author id. Pass the id itself (about 19 digits) or the link of the creator's page on xingtu.cn. It was not sent.";

        /// <summary>{0} the id shown, {1} the link's scheme.</summary>
        public const string KolIdOtherScheme = "The KolId '{0}' is a link with the scheme {1}, not a web page: only the link of a Xingtu creator page (https://www.xingtu.cn/...) holds the Xingtu author id. It was not sent.";

        /// <summary>{0} the id shown, {1} how many runs of digits, {2} the runs.</summary>
        public const string KolIdManyRuns = "The KolId '{0}' is a Xingtu link whose path holds {1} runs of ten or more digits ({2}), so which one is the author id is unclear. Pass the author id itself. It was not sent.";

        /// <summary>{0} the character's code point and Unicode name.</summary>
        public const string CharByteOrderMark = "{0} (byte order mark)";

        /// <summary>{0} the character's code point.</summary>
        public const string CharControl = "{0} (a control character)";

        /// <summary>{0} the character's code point.</summary>
        public const string CharFormat = "{0} (an invisible formatting character)";

        /// <summary>{0} the character's code point.</summary>
        public const string CharOtherSpace = "{0} (a space character other than the ordinary space)";

        // SpreadQuery.

        /// <summary>{0} the FlowType given, {1} the KOL's id.</summary>
        public const string FlowTypeNotV2 = "The FlowType '{0}' cannot be sent to the V2 spread endpoint, which takes only Exclude or Include; KOL '{1}' was not fetched.";
    }
}
