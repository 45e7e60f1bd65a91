using System;
using System.Management.Automation;
using JustOneApi.Xingtu.Configuration;
using JustOneApi.Xingtu.Transport;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Changes the module's process-wide settings: API address, proxy, timeout, retries, concurrency, rate cap, endpoint and local store. Its user help is docs/en-US/Set-XingtuConfiguration.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "XingtuConfiguration", SupportsShouldProcess = true, DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(XingtuConfiguration))]
    public sealed class SetXingtuConfigurationCommand : PSCmdlet
    {
        private const string EnvironmentSet = "Environment";
        private const string BaseUriSet = "BaseUri";

        /// <summary>
        /// Global (https://api.justoneapi.com) or China (http://47.117.133.51:30015, plain HTTP).
        /// </summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateSet(nameof(XingtuEnvironment.Global), nameof(XingtuEnvironment.China))]
        public XingtuEnvironment Environment { get; set; }

        /// <summary>
        /// Any other absolute http or https base URI, such as a proxy or a local emulator.
        /// </summary>
        [Parameter(ParameterSetName = BaseUriSet, Mandatory = true)]
        [ValidateBaseUri]
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>
        /// Seconds each attempt may take. The API's own advice is at least 60.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>
        /// How many times a retryable failure is retried (0 turns retries off).
        /// </summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; }

        /// <summary>
        /// Seconds before the first retry; each later retry waits twice as long, plus jitter. 0 is allowed, for tests.
        /// </summary>
        [Parameter]
        [ValidateRange(0.0, 600.0)]
        public double RetryIntervalSec { get; set; }

        /// <summary>
        /// The default number of requests in flight at once, from 1 to 64.
        /// </summary>
        [Parameter]
        [ValidateRange(1, ModuleSettings.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; }

        /// <summary>
        /// The cap on request starts per second of the account (base address and token) in this process, shared by every call, retries included; 0 means no cap.
        /// </summary>
        [Parameter]
        [ValidateRange(0.0, 10000.0)]
        public double MaxRequestsPerSecond { get; set; }

        /// <summary>
        /// The endpoint Get-XingtuKolSpread asks by default: Auto (V1 until the vendor removes it, then V2), V1 or V2.
        /// </summary>
        [Parameter]
        public SpreadEndpoint SpreadEndpoint { get; set; }

        /// <summary>
        /// $false keeps no answers and serves none: nothing is written to disk. $true (the default) keeps every billed answer.
        /// </summary>
        [Parameter]
        public bool LocalCacheEnabled { get; set; }

        /// <summary>
        /// The folder of the local answer store, where every billed answer is kept. Default: per user.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string LocalCachePath { get; set; } = string.Empty;

        /// <summary>
        /// How old a kept answer may be and still be served by Get-XingtuKolSpread; TimeSpan.Zero turns reading off.
        /// </summary>
        [Parameter]
        [TimeSpanOnlyArgumentTransformation(nameof(LocalCacheMaxAge), ZeroAllowed = true)]
        public TimeSpan LocalCacheMaxAge { get; set; }

        /// <summary>
        /// The proxy every request goes through, such as http://proxy.example.com:8080, instead of the system's or the environment's.
        /// </summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        /// <summary>
        /// The user and password the proxy asks for (Basic, NTLM or Negotiate). Kept for this session only; never written anywhere or shown.
        /// </summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>
        /// Give the proxy the signed-in user's credentials (Windows integrated authentication).
        /// </summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>
        /// Hosts that go direct rather than through -Proxy: a name or address, or *.domain for every host under it.
        /// </summary>
        [Parameter]
        [AllowEmptyCollection]
        public string[]? ProxyBypassList { get; set; }

        /// <summary>
        /// Go direct, ignoring the system's and the environment's proxy (HTTP_PROXY, HTTPS_PROXY). -NoProxy:$false returns to the system proxy.
        /// </summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>
        /// Write the new configuration to the pipeline.
        /// </summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            ModuleSettings current = ModuleSettings.Current;
            Uri? baseUri = current.ExplicitBaseUri;
            if (Bound(nameof(Environment)))
            {
                baseUri = ModuleSettings.BaseUriOf(Environment);
            }
            else if (Bound(nameof(BaseUri)))
            {
                ModuleSettings.BaseUriProblem(BaseUri, out baseUri);
            }

            ProxySettings? proxy = ResolveProxy(current.Proxy);
            if (proxy == null)
            {
                return;
            }

            var updated = new ModuleSettings(
                baseUri,
                Bound(nameof(TimeoutSec)) ? TimeoutSec : current.TimeoutSec,
                Bound(nameof(MaximumRetryCount)) ? MaximumRetryCount : current.MaximumRetryCount,
                Bound(nameof(RetryIntervalSec)) ? RetryIntervalSec : current.RetryIntervalSec,
                Bound(nameof(ThrottleLimit)) ? ThrottleLimit : current.ThrottleLimit,
                Bound(nameof(MaxRequestsPerSecond)) ? MaxRequestsPerSecond : current.MaxRequestsPerSecond,
                Bound(nameof(SpreadEndpoint)) ? SpreadEndpoint : current.SpreadEndpoint,
                Bound(nameof(LocalCacheEnabled)) ? LocalCacheEnabled : current.LocalCacheEnabled,
                Bound(nameof(LocalCachePath)) ? System.IO.Path.GetFullPath(SessionState.Path.GetUnresolvedProviderPathFromPSPath(LocalCachePath)) : current.ExplicitLocalCachePath,
                Bound(nameof(LocalCacheMaxAge)) ? LocalCacheMaxAge : current.LocalCacheMaxAge,
                proxy);

            if (updated.LocalCacheMaxAge < TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(Texts.L(Texts.LocalCacheMaxAgeNegative)), "InvalidLocalCacheMaxAge", ErrorCategory.InvalidArgument, LocalCacheMaxAge));
            }

            if (!ShouldProcess(Texts.L(Texts.ConfigurationTarget), Texts.L(Texts.Set)))
            {
                return;
            }

            // The address or the proxy changed: a token in a plain-HTTP URL crosses the network, and any proxy on the way.
            Uri inForce = SafeResolveBaseUri(updated);
            Uri? through = proxy.ProxyFor(inForce);
            bool baseChanged = baseUri != null && baseUri != current.ExplicitBaseUri;
            if (ModuleSettings.IsPlainHttpOffMachine(inForce) && (baseChanged || (!ReferenceEquals(proxy, current.Proxy) && through != null)))
            {
                WriteWarning(Texts.Format(Texts.PlainHttp, inForce.GetLeftPart(UriPartial.Authority))
                    + (through == null ? string.Empty : Texts.Format(Texts.PlainHttpThroughProxy, through.GetLeftPart(UriPartial.Authority))));
            }

            ModuleSettings.Replace(updated);
            if (PassThru.IsPresent)
            {
                WriteObject(GetXingtuConfigurationCommand.Snapshot());
            }
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        private static Uri SafeResolveBaseUri(ModuleSettings settings)
        {
            try
            {
                return settings.ResolveBaseUri(out _);
            }
            catch (ArgumentException)
            {
                return ModuleSettings.GlobalBaseUri;
            }
        }

        /// <summary>
        /// The proxy setting after this call: the current one unless a proxy parameter was given; null (after a
        /// terminating error) when the parameters cannot go together. -Proxy starts a new proxy setting, with only the
        /// -ProxyCredential, -ProxyUseDefaultCredentials and -ProxyBypassList of the same call; without -Proxy, those
        /// change the proxy set by an earlier call.
        /// </summary>
        private ProxySettings? ResolveProxy(ProxySettings current)
        {
            bool credential = Bound(nameof(ProxyCredential)) && ProxyCredential != null && ProxyCredential != PSCredential.Empty;
            bool options = credential || Bound(nameof(ProxyUseDefaultCredentials)) || Bound(nameof(ProxyBypassList));
            string? problem =
                Bound(nameof(NoProxy)) && NoProxy.IsPresent && (Bound(nameof(Proxy)) || options) ? Texts.L(Texts.ProxyWithNoProxy)
                : credential && ProxyUseDefaultCredentials.IsPresent ? Texts.L(Texts.ProxyTwoCredentials)
                : Bound(nameof(Proxy)) && Proxy != null ? ProxySettings.AddressProblem(Proxy)
                : options && current.Mode != ProxyMode.Explicit ? Texts.L(Texts.ProxyOptionsNeedProxy)
                : null;
            if (problem != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), "InvalidProxy", ErrorCategory.InvalidArgument, ProxySettings.Shown(Proxy)));
                return null;
            }

            if (Bound(nameof(NoProxy)))
            {
                return NoProxy.IsPresent ? ProxySettings.None : ProxySettings.System;
            }

            if (Bound(nameof(Proxy)) && Proxy == null)
            {
                return ProxySettings.System;
            }

            if (!Bound(nameof(Proxy)) && !options)
            {
                return current;
            }

            // -Proxy starts a new setting, complete in itself; without it the others change the proxy in force.
            ProxySettings basis = Bound(nameof(Proxy)) ? ProxySettings.Explicit(Proxy!, null, false, null) : current;
            System.Net.NetworkCredential? networkCredential =
                credential ? ProxyCredential!.GetNetworkCredential()
                : Bound(nameof(ProxyUseDefaultCredentials)) ? null
                : basis.Credential;
            bool useDefault = Bound(nameof(ProxyUseDefaultCredentials)) ? ProxyUseDefaultCredentials.IsPresent : !credential && basis.UseDefaultCredentials;
            return ProxySettings.Explicit(
                basis.Address!,
                networkCredential,
                useDefault,
                Bound(nameof(ProxyBypassList)) ? ProxyBypassList : basis.BypassList);
        }
    }

    /// <summary>Rejects a base URI at binding time, before anything changes.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateBaseUriAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string text = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString() ?? string.Empty;
            string? problem = ModuleSettings.BaseUriProblem(text, out _);
            if (problem != null)
            {
                throw new ValidationMetadataException(problem);
            }
        }
    }
}
