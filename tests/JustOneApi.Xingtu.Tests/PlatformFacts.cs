using System;
using System.IO;
using System.Linq;
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

    /// <summary>
    /// The byte-for-byte check of the bundled sample against the project's shared copy: counted as skipped, naming the
    /// paths it tried, where no shared copy is laid out beside the clone (a fresh clone alone), never as passed.
    /// </summary>
    public sealed class SharedSampleFactAttribute : FactAttribute
    {
        public SharedSampleFactAttribute()
        {
            string[] candidates = Candidates();
            if (!candidates.Any(File.Exists))
            {
                Skip = "no shared sample-response.json to compare with; tried " + (candidates.Length == 0 ? "nothing (no repository root above the test's folder)" : string.Join(" and ", candidates)) + ".";
            }
        }

        /// <summary>Where the shared sample may lie: the brief names ../../shared/api; CI lays shared/ beside the clone (../shared/api).</summary>
        public static string[] Candidates()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Module.sln")) || File.Exists(Path.Combine(dir.FullName, "JustOneApi.Xingtu.psd1")))
                {
                    return new[]
                    {
                        Path.GetFullPath(Path.Combine(dir.FullName, "..", "..", "shared", "api", "sample-response.json")),
                        Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "api", "sample-response.json")),
                    };
                }
            }

            return Array.Empty<string>();
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
