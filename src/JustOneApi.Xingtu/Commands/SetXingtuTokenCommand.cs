using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using JustOneApi.Xingtu.Configuration;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Sets the Just One API token for this session, and optionally stores it for later sessions. Its user help is docs/en-US/Set-XingtuToken.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "XingtuToken", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SetXingtuTokenCommand : PSCmdlet
    {
        /// <summary>
        /// The token, as a string or a SecureString. Left out, it is asked for with hidden input.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SecureStringArgumentTransformation]
        public SecureString? Token { get; set; }

        /// <summary>
        /// Also store the token for later sessions: encrypted with DPAPI on Windows, in a file only
        /// you can read on Linux and macOS.
        /// </summary>
        [Parameter]
        public SwitchParameter Persist { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            string? token = SecureStringArgumentTransformationAttribute.ToPlainText(Token ?? Prompt());
            if (string.IsNullOrWhiteSpace(token))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException(Texts.L(Texts.TokenEmpty)),
                    "EmptyToken",
                    ErrorCategory.InvalidArgument,
                    null));
                return;
            }

            string masked = TokenResolver.Mask(token);
            if (ShouldProcess(Texts.Format(Texts.TokenTarget, masked), Texts.L(Texts.UseForSession)))
            {
                TokenResolver.SessionToken = token;
            }

            if (Persist.IsPresent && ShouldProcess(TokenStore.FilePath, Texts.Format(Texts.StoreToken, masked)))
            {
                try
                {
                    TokenStore.Save(token!);
                    WriteVerbose(Texts.Format(Texts.TokenStored, masked, TokenStore.FilePath));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException(Texts.Format(Texts.TokenNotStored, TokenStore.FilePath, ex.Message)),
                        "TokenStoreFailed",
                        ErrorCategory.WriteError,
                        TokenStore.FilePath));
                }
            }
        }

        private SecureString? Prompt()
        {
            try
            {
                Host.UI.Write(Texts.L(Texts.TokenPrompt));
                return Host.UI.ReadLineAsSecureString();
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is NotImplementedException || ex is PSNotImplementedException || ex is HostException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException(Texts.Format(Texts.TokenPromptUnavailable, TokenResolver.TokenVariable)),
                    "TokenPromptUnavailable",
                    ErrorCategory.InvalidOperation,
                    null));
                return null;
            }
        }
    }
}
