using System;
using System.Runtime.InteropServices;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>A fact about Unix file modes or owners: counted as skipped on Windows, never as passed.</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = "Unix file modes and owners do not exist on Windows.";
            }
        }
    }

    /// <summary>A fact that needs a folder's mode to be obeyed: counted as skipped for root (which ignores it) and on Windows.</summary>
    public sealed class NonRootUnixFactAttribute : FactAttribute
    {
        public NonRootUnixFactAttribute()
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = "Unix file modes do not exist on Windows.";
            }
            else if (Native.geteuid() == 0)
            {
                Skip = "root ignores a folder's mode; AStoreUnderARegularFile_CannotBeWritten_ButNothingThrows proves the failed write for root.";
            }
        }
    }

    /// <summary>A fact for Windows only: counted as skipped elsewhere.</summary>
    public sealed class WindowsFactAttribute : FactAttribute
    {
        public WindowsFactAttribute()
        {
            if (!OperatingSystem.IsWindows())
            {
                Skip = "Windows only.";
            }
        }
    }

    internal static class Native
    {
        [DllImport("libc")]
        public static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        public static extern int chown(string path, uint owner, uint group);
    }
}
