using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>Remembers which one-off warnings a session (runspace) has already been shown.</summary>
    internal static class SessionNotices
    {
        private static readonly ConcurrentDictionary<string, bool> Shown = new ConcurrentDictionary<string, bool>();

        /// <summary>True the first time <paramref name="key"/> is asked for in the current runspace.</summary>
        public static bool FirstTime(string key)
        {
            Guid session = Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;
            return Shown.TryAdd(session.ToString("N") + "|" + key, true);
        }
    }
}
