using System;
using System.Collections.Generic;
using System.Management.Automation;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// The input and the spread options shared by the cmdlets that take KOL ids (Get-XingtuKolSpread, Get-XingtuKol):
    /// the KolId parameter with its aliases, the clean-up of each id, and the checks of the spread options, in one place.
    /// </summary>
    /// <typeparam name="T">What one answer becomes before it is written.</typeparam>
    public abstract class KolBatchCommand<T> : ApiBatchCommand<T>
    {
        private protected KolBatchCommand()
        {
        }

        /// <summary>
        /// The Xingtu KOL (author) ids. Takes strings from the pipeline, or objects with a KolId,
        /// kol_id, Id, AuthorId or similar property, such as the rows of Import-Csv. Each id is normalised first
        /// (see KolIdNormalizer): whitespace trimmed, full-width digits made ASCII, a Xingtu link reduced to its author id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("kol_id", "Id", "AuthorId", "author_id", "oAuthorId", "StarId", "star_id", "XingtuId", "达人ID", "星图ID")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [KolIdArgumentTransformation]
        public string?[] KolId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Which videos to measure: PersonalVideo (the API's default) or XingtuVideo (commissioned through Xingtu).
        /// </summary>
        [Parameter]
        public SpreadType Type { get; set; }

        /// <summary>
        /// The period: Last30Days (the API's default) or Last90Days.
        /// </summary>
        [Parameter]
        public SpreadRange Range { get; set; }

        /// <summary>
        /// Where the content is measured: ShortVideo (the default), or LiveStreaming, PictureText, ShortDrama (V2 only).
        /// </summary>
        [Parameter]
        public SpreadPlatform Platform { get; set; }

        /// <summary>
        /// The API's flowType: Exclude or Include on V2; V1 takes any text and sends it as given.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(FlowTypeCompleter))]
        public string? FlowType { get; set; }

        /// <summary>
        /// Count only assigned (commissioned) orders.
        /// </summary>
        [Parameter]
        public SwitchParameter OnlyAssign { get; set; }

        /// <summary>
        /// Let the API answer from its own server-side cache (V1 only). The vendor publishes no cache lifetime or billing rule for it.
        /// </summary>
        [Parameter]
        public SwitchParameter AcceptCache { get; set; }

        /// <summary>
        /// Which endpoint to ask: Auto (V1 until the vendor removes it, then V2), V1 or V2. The default comes from Set-XingtuConfiguration.
        /// </summary>
        [Parameter]
        public SpreadEndpoint Endpoint { get; set; }

        private protected override string Unit => Texts.UnitKol;

        /// <summary>The spread options of this call, once the parameters are checked.</summary>
        private protected SpreadQuery Query { get; private set; } = null!;

        /// <summary>The -Platform given, or null when none was.</summary>
        private protected SpreadPlatform? PlatformGiven => IsBound(nameof(Platform)) ? Platform : (SpreadPlatform?)null;

        /// <summary>False when this call asks for no spread, so the spread options need no check.</summary>
        private protected virtual bool AsksSpread => true;

        private protected override int RowsOfRecord => KolId?.Length ?? 1;

        private protected override TimeSpan DefaultMaxAge(Configuration.ModuleSettings settings) => settings.LocalCacheMaxAge;

        private protected override void ValidateParameters()
        {
            SpreadEndpoint endpoint = IsBound(nameof(Endpoint)) ? Endpoint : Configuration.ModuleSettings.Current.SpreadEndpoint;
            SpreadPlatform? platform = PlatformGiven;
            if (AsksSpread && endpoint == SpreadEndpoint.V1 && platform is SpreadPlatform p && p != SpreadPlatform.ShortVideo)
            {
                ThrowParameterError("PlatformNeedsV2", Texts.Format(Texts.PlatformNeedsV2, p.ToString()));
            }

            if (AsksSpread && endpoint == SpreadEndpoint.V2 && FlowType != null && WireFormat.ToV2FlowType(FlowType) == null)
            {
                ThrowParameterError("FlowTypeNotOnV2", Texts.Format(Texts.FlowTypeNotOnV2, FlowType));
            }

            if (AsksSpread && endpoint == SpreadEndpoint.V1 && Client.EndpointSwitch.IsGone(Configuration.ModuleSettings.Current.ResolveBaseUri(out _), SpreadQuery.V1Path))
            {
                ThrowParameterError("V1Removed", Texts.L(Texts.V1GoneBefore));
            }

            if (AsksSpread && endpoint == SpreadEndpoint.V1 && SessionNotices.FirstTime("deprecated"))
            {
                WriteWarning(Texts.L(Texts.V1Deprecated));
            }

            Query = new SpreadQuery(
                endpoint,
                IsBound(nameof(Type)) ? Type : (SpreadType?)null,
                IsBound(nameof(Range)) ? Range : (SpreadRange?)null,
                FlowType,
                OnlyAssign.IsPresent,
                AcceptCache.IsPresent,
                platform);
        }

        /// <summary>The ids of the current input record, normalised, each with the id as given, in order; -Verbose says which changed.</summary>
        private protected IEnumerable<(string Id, string? Given)> KolIdsOfRecord()
        {
            foreach (string? id in KolId ?? new string?[] { null })
            {
                NormalizedKolId kolId = KolIdNormalizer.Normalize(id);
                if (kolId.Changed)
                {
                    WriteVerbose(Texts.Format(Texts.Normalised, KolIdNormalizer.Show(id), kolId.Id));
                }

                yield return (kolId.Id, id);
            }
        }

        private protected void ThrowParameterError(string errorId, string message) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, null));
    }

    /// <summary>Offers V2's two flowType values; V1 takes any text, so the parameter stays a string.</summary>
    internal sealed class FlowTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, System.Management.Automation.Language.CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters)
        {
            foreach (string value in new[] { "Exclude", "Include" })
            {
                if (value.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(value);
                }
            }
        }
    }
}
