using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using JustOneApi.Xingtu.Configuration;
using JustOneApi.Xingtu.Store;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Deletes the answers kept in the local answer store: all of them, or those older than -OlderThan. Its user
    /// help is docs/en-US/Clear-XingtuLocalCache.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "XingtuLocalCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ClearXingtuLocalCacheCommand : PSCmdlet
    {
        /// <summary>
        /// Delete only the answers received longer ago than this. Without it, every answer is deleted.
        /// </summary>
        [Parameter(Position = 0)]
        public TimeSpan OlderThan { get; set; }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            bool some = MyInvocation.BoundParameters.ContainsKey(nameof(OlderThan));
            if (some && OlderThan < TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-OlderThan cannot be negative."), "InvalidOlderThan", ErrorCategory.InvalidArgument, OlderThan));
            }

            var store = new LocalAnswerStore(ModuleSettings.Current.ResolveLocalCachePath());
            try
            {
                int removed = store.Clear(some ? OlderThan : (TimeSpan?)null, what => ShouldProcess(what, "Delete kept answers"));
                WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Deleted {0} kept answer(s) from {1}.", removed, store.Folder));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "LocalCacheNotCleared", ErrorCategory.WriteError, store.Folder));
            }
        }
    }
}
