using System;
using System.Management.Automation;
using JustOneApi.Xingtu.Configuration;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Removes the Just One API token from this session and from storage. Its user help is docs/en-US/Clear-XingtuToken.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "XingtuToken", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ClearXingtuTokenCommand : PSCmdlet
    {
        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (ShouldProcess("session token and " + TokenStore.FilePath, "Remove"))
            {
                TokenResolver.SessionToken = null;
                try
                {
                    WriteVerbose(TokenStore.Delete() ? $"Deleted {TokenStore.FilePath}." : "No token was stored.");
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException($"The stored token could not be deleted from {TokenStore.FilePath}: {ex.Message}"),
                        "TokenStoreFailed",
                        ErrorCategory.WriteError,
                        TokenStore.FilePath));
                }

                if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TokenResolver.TokenVariable)))
                {
                    WriteWarning($"The {TokenResolver.TokenVariable} environment variable is still set, so calls keep using its token. Remove it with: Remove-Item Env:{TokenResolver.TokenVariable}");
                }
            }
        }
    }
}
