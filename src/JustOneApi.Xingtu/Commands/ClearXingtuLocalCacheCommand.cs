using System;
using System.IO;
using System.Management.Automation;
using JustOneApi.Xingtu.Configuration;
using JustOneApi.Xingtu.Store;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Deletes the answers kept in the local answer store: all of them, or those older than -OlderThan. Every one of
    /// them was paid for, so it asks first (ConfirmImpact High); -Force or -Confirm:$false is for scripts. Its user
    /// help is docs/en-US/Clear-XingtuLocalCache.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "XingtuLocalCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ClearXingtuLocalCacheCommand : PSCmdlet
    {
        /// <summary>
        /// Delete only the answers received longer ago than this. Without it, every answer is deleted.
        /// </summary>
        [Parameter(Position = 0)]
        [TimeSpanOnlyArgumentTransformation(nameof(OlderThan))]
        public TimeSpan OlderThan { get; set; }

        /// <summary>
        /// Delete without asking, for scripts; -WhatIf still only says what would go.
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            bool some = MyInvocation.BoundParameters.ContainsKey(nameof(OlderThan));
            if (some && OlderThan < TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(Texts.L(Texts.OlderThanNegative)), "InvalidOlderThan", ErrorCategory.InvalidArgument, OlderThan));
            }

            var store = new LocalAnswerStore(ModuleSettings.Current.ResolveLocalCachePath());
            try
            {
                bool whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf") || LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
                int removed = store.Clear(some ? OlderThan : (TimeSpan?)null, what => (Force.IsPresent && !whatIf) || ShouldProcess(what, Texts.L(Texts.DeleteKeptAnswers)));
                WriteVerbose(Texts.Format(Texts.KeptAnswersDeleted, removed, store.Folder));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "LocalCacheNotCleared", ErrorCategory.WriteError, store.Folder));
            }
            catch (InvalidOperationException ex)
            {
                // A folder the store does not own, or may not trust: nothing in it is touched.
                ThrowTerminatingError(new ErrorRecord(ex, "LocalCacheFolderRefused", ErrorCategory.PermissionDenied, store.Folder));
            }
        }
    }
}
