using System;
using System.IO;
using System.Management.Automation;
using JustOneApi.Xingtu.Configuration;
using JustOneApi.Xingtu.Store;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Shows what the local answer store holds: its folder, entries, size and age. Its user help is
    /// docs/en-US/Get-XingtuLocalCache.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XingtuLocalCache")]
    [OutputType(typeof(LocalCacheInfo))]
    public sealed class GetXingtuLocalCacheCommand : PSCmdlet
    {
        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            var store = new LocalAnswerStore(ModuleSettings.Current.ResolveLocalCachePath());
            try
            {
                if (store.Problem() is string refused)
                {
                    WriteWarning(refused);
                }

                WriteObject(store.Summarize());
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "LocalCacheUnreadable", ErrorCategory.ReadError, store.Folder));
            }
        }
    }
}
