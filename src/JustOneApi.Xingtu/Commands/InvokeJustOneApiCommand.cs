using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Calls any Just One API endpoint through the module's engine: its token handling, retries, rate gate, stop
    /// rules and redaction. Its user help is docs/en-US/Invoke-JustOneApi.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "JustOneApi")]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeJustOneApiCommand : ApiBatchCommand<object?>
    {
        /// <summary>The query keys that carry a KOL (author) id, which get the same clean-up as Get-XingtuKolSpread's ids.</summary>
        internal static readonly string[] IdKeys = { "kolId", "oAuthorId", "starAuthorId" };

        private string _path = string.Empty;
        private XingtuEndpoint? _endpoint;
        private bool _unsentSaid;

        /// <summary>
        /// The endpoint path, such as /api/douyin-xingtu/gw/api/author/get_author_base_info/v1. Only a path: the
        /// address comes from Set-XingtuConfiguration.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = string.Empty;

        /// <summary>
        /// The query parameters, as a hashtable or an object whose properties become parameters (such as a row of
        /// Import-Csv). Takes one query per pipeline input. Never a token: the module adds it.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipeline = true)]
        [AllowNull]
        public object? Query { get; set; }

        /// <summary>
        /// Write each answer's whole body as text, instead of its data as objects.
        /// </summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        private protected override string Unit => Texts.UnitRequest;

        /// <summary>Any endpoint may change faster than spread metrics, so answers are only served from the store when -MaxAge asks.</summary>
        private protected override TimeSpan DefaultMaxAge(Configuration.ModuleSettings settings) => TimeSpan.Zero;

        private protected override void ValidateParameters()
        {
            string? problem = EndpointPath.Problem(Path);
            if (problem != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), "InvalidPath", ErrorCategory.InvalidArgument, Path));
            }

            _path = Path.TrimStart('/');
            _endpoint = XingtuEndpoints.Find(_path);
        }

        /// <summary>On a path of the vendor's list with an id parameter, the id column's names: that parameter and the id aliases.</summary>
        private protected override IReadOnlyList<string>? IdColumnNames =>
            _endpoint?.IdParameter is string idParameter ? new[] { idParameter }.Concat(XingtuEndpoints.IdAliases).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() : null;

        private protected override IAnswerReader<object?> CreateReader() => new JsonDataReader(Raw.IsPresent);

        private protected override IEnumerable<ApiRequest> RequestsOfRecord()
        {
            yield return RequestOf(Query);
        }

        private protected override void WriteResult(object? result, ApiRequest request, bool isRepeat)
        {
            // Converted here, on the pipeline thread, so each row, repeats too, gets objects of its own. One query is one
            // output, so a data array is written whole, as ConvertFrom-Json -NoEnumerate writes it.
            object? converted;
            try
            {
                converted = result is JsonElement json ? JsonToPowerShell.Convert(json) : result;
            }
            catch (FormatException ex)
            {
                WriteError(ErrorRecords.From(new XingtuApiException(
                    XingtuErrorKind.MalformedResponse,
                    Texts.Format(Texts.NotPowerShellObjects, request.Subject, ex.Message),
                    request.KolId,
                    target: request.Target)));
                return;
            }

            WriteRow(converted, enumerateCollection: false);
        }

        /// <summary>
        /// The request for one query; a query that may not be sent becomes a refused request, so its row gets an error.
        /// On a path of the vendor's list only its declared parameters are sent: an id column under any of its usual
        /// names goes to the path's id parameter, a row's other columns stay home (said once), and a hashtable key the
        /// path does not take or a missing required parameter refuses the query.
        /// </summary>
        private ApiRequest RequestOf(object? query)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            var unknown = new List<string>();
            var unsent = new List<string>();
            bool fromRow = !((query is PSObject wrapped ? wrapped.BaseObject : query) is IDictionary);
            string? problem = null;
            string? idProblem = null;
            string? inputKolId = null;
            foreach (KeyValuePair<string, object?> pair in PairsOf(query, ref problem))
            {
                if (string.Equals(pair.Key.Trim(), "token", StringComparison.OrdinalIgnoreCase))
                {
                    problem ??= Texts.L(Texts.TokenKey);
                    continue;
                }

                string key = pair.Key;
                EndpointParameter? declared = null;
                if (_endpoint != null)
                {
                    declared = _endpoint.Find(key.Trim());
                    string? name = declared?.Name
                        ?? (_endpoint.IdParameter != null && XingtuEndpoints.IdAliases.Contains(key.Trim(), StringComparer.OrdinalIgnoreCase) ? _endpoint.IdParameter : null);
                    if (name == null)
                    {
                        (fromRow ? unsent : unknown).Add(key);
                        continue;
                    }

                    key = name;
                }

                if (pair.Value == null)
                {
                    continue;
                }

                string? value = ValueOf(pair.Value);
                if (value == null)
                {
                    problem ??= Texts.Format(Texts.QueryValueNotScalar, pair.Key);
                    continue;
                }

                // An empty cell of an optional parameter is no value: the API would take it for one.
                if (_endpoint != null && value.Length == 0 && declared?.Required == false)
                {
                    continue;
                }

                if (IdKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    inputKolId ??= value;
                    NormalizedKolId kolId = KolIdNormalizer.Normalize(value);
                    if (kolId.Changed)
                    {
                        WriteVerbose(Texts.Format(Texts.KeyNormalised, pair.Key, KolIdNormalizer.Show(value), kolId.Id));
                    }

                    value = kolId.Id;
                    idProblem ??= KolIdCheck.Problem(value);
                }

                int index = parameters.FindIndex(p => string.Equals(p.Key, key, StringComparison.Ordinal));
                if (index >= 0)
                {
                    if (!string.Equals(parameters[index].Value, value, StringComparison.Ordinal))
                    {
                        problem ??= Texts.Format(Texts.QueryGivenTwice, key, parameters[index].Value, value);
                    }

                    continue;
                }

                parameters.Add(new KeyValuePair<string, string>(key, value));
            }

            if (_endpoint != null)
            {
                if (unknown.Count > 0)
                {
                    problem ??= Texts.Format(Texts.UnknownKeys, Quoted(unknown), _endpoint.Summary, _endpoint.Accepted());
                }

                string[] missing = _endpoint.Parameters.Where(p => p.Required && !parameters.Any(q => q.Key == p.Name)).Select(p => p.Name).ToArray();
                if (missing.Length > 0)
                {
                    problem ??= Texts.Format(Texts.MissingKeys, Quoted(missing), _endpoint.Summary, _endpoint.Accepted());
                }

                if (unsent.Count > 0 && !_unsentSaid)
                {
                    _unsentSaid = true;
                    string note = Texts.Format(Texts.ColumnsNotSent, Quoted(unsent), _endpoint.Summary, Path, _endpoint.Accepted());
                    if (KeepInputColumns.IsPresent)
                    {
                        WriteVerbose(note);
                    }
                    else
                    {
                        WriteWarning(note);
                    }
                }
            }

            // In name order: a hashtable's order differs from one process to the next, and the same query must make the
            // same request, so that a rerun finds it in the local store.
            parameters.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            string id = parameters.Where(p => IdKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).Select(p => p.Value).FirstOrDefault();
            string target = "/" + _path + (parameters.Count == 0 ? string.Empty : "?" + string.Join("&", parameters.Select(p => p.Key + "=" + p.Value)));
            var request = new ApiRequest(_path, parameters, Texts.Format(Texts.RequestSubject, target), target, id).WithInputKolId(inputKolId);
            return problem != null ? request.Refused(XingtuErrorKind.InvalidRequest, Texts.Format(Texts.NothingSent, problem, request.Subject))
                : idProblem != null ? request.Refused(XingtuErrorKind.InvalidKolId, idProblem)
                : request;
        }

        private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(name => "'" + name + "'"));

        private static IEnumerable<KeyValuePair<string, object?>> PairsOf(object? query, ref string? problem)
        {
            List<KeyValuePair<string, object?>>? pairs = InputColumns.Of(query);
            if (pairs == null)
            {
                object? value = query is PSObject wrapped ? wrapped.BaseObject : query;
                problem = Texts.Format(Texts.QueryNotHashtable, value?.ToString() ?? string.Empty);
                return new List<KeyValuePair<string, object?>>();
            }

            return pairs;
        }

        /// <summary>A value as the API spells it: booleans in lower case, numbers and dates culture-invariant; null for a list.</summary>
        private static string? ValueOf(object value)
        {
            object raw = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (raw)
            {
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case SwitchParameter flag:
                    return flag.IsPresent ? "true" : "false";
                case DateTime date:
                    return date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("o", CultureInfo.InvariantCulture);
                case Enum choice:
                    return choice.ToString();
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable _:
                    return null;
                default:
                    return raw.GetType().IsPrimitive ? Convert.ToString(raw, CultureInfo.InvariantCulture) : null;
            }
        }
    }
}
