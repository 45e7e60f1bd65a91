using System;
using System.Linq;
using System.Management.Automation;
using JustOneApi.Xingtu.Configuration;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Gets the module's settings and where the token comes from, without the token itself. Its user help is docs/en-US/Get-XingtuConfiguration.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XingtuConfiguration")]
    [OutputType(typeof(XingtuConfiguration))]
    public sealed class GetXingtuConfigurationCommand : PSCmdlet
    {
        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            try
            {
                WriteObject(Snapshot());
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidBaseUri", ErrorCategory.InvalidArgument, null));
            }
            catch (InvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "TokenStoreUnreadable", ErrorCategory.ReadError, null));
            }
        }

        internal static XingtuConfiguration Snapshot()
        {
            ModuleSettings settings = ModuleSettings.Current;
            Uri baseUri = settings.ResolveBaseUri(out BaseUriSource baseUriSource);
            string? token = TokenResolver.Resolve(null, out TokenSource tokenSource);
            return new XingtuConfiguration(
                ModuleSettings.EnvironmentOf(baseUri),
                baseUri.ToString(),
                baseUriSource,
                settings.TimeoutSec,
                settings.MaximumRetryCount,
                settings.RetryIntervalSec,
                settings.ThrottleLimit,
                settings.MaxRequestsPerSecond,
                settings.SpreadEndpoint,
                settings.SpreadEndpoint != SpreadEndpoint.Auto ? settings.SpreadEndpoint
                    : Client.EndpointSwitch.IsGone(baseUri, Model.SpreadQuery.V1Path) ? SpreadEndpoint.V2 : SpreadEndpoint.V1,
                settings.LocalCacheEnabled,
                settings.ResolveLocalCachePath(),
                settings.LocalCacheMaxAge,
                tokenSource,
                TokenResolver.Mask(token),
                TokenStore.FilePath,
                settings.Proxy.Mode,
                settings.Proxy.ProxyFor(baseUri)?.ToString(),
                settings.Proxy.User,
                settings.Proxy.BypassList.ToArray());
        }
    }
}
