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
                    new ArgumentException("The token is empty. Copy it from the Just One API console and try again."),
                    "EmptyToken",
                    ErrorCategory.InvalidArgument,
                    null));
                return;
            }

            string masked = TokenResolver.Mask(token);
            if (ShouldProcess($"token {masked}", "Use for this session"))
            {
                TokenResolver.SessionToken = token;
            }

            if (Persist.IsPresent && ShouldProcess(TokenStore.FilePath, $"Store token {masked}"))
            {
                try
                {
                    TokenStore.Save(token!);
                    WriteVerbose($"Stored token {masked} in {TokenStore.FilePath}.");
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException($"The token could not be stored in {TokenStore.FilePath}: {ex.Message}"),
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
                Host.UI.Write("Just One API token: ");
                return Host.UI.ReadLineAsSecureString();
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is NotImplementedException || ex is PSNotImplementedException || ex is HostException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"No -Token was given, and this session cannot prompt for one (it is non-interactive, or its host cannot read hidden input). Pass -Token, or set the {TokenResolver.TokenVariable} environment variable."),
                    "TokenPromptUnavailable",
                    ErrorCategory.InvalidOperation,
                    null));
                return null;
            }
        }
    }
}
