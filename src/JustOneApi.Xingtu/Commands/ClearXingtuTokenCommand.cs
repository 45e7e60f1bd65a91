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
            if (ShouldProcess(Texts.Format(Texts.SessionTokenAndFile, TokenStore.FilePath), Texts.L(Texts.Remove)))
            {
                TokenResolver.SessionToken = null;
                try
                {
                    WriteVerbose(TokenStore.Delete() ? Texts.Format(Texts.TokenFileDeleted, TokenStore.FilePath) : Texts.L(Texts.NoTokenStored));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException(Texts.Format(Texts.TokenNotDeleted, TokenStore.FilePath, ex.Message)),
                        "TokenStoreFailed",
                        ErrorCategory.WriteError,
                        TokenStore.FilePath));
                }

                if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TokenResolver.TokenVariable)))
                {
                    WriteWarning(Texts.Format(Texts.TokenVariableStillSet, TokenResolver.TokenVariable));
                }
            }
        }
    }
}
