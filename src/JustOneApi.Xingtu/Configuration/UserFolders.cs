using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace JustOneApi.Xingtu.Configuration
{
    /// <summary>
    /// Where per-user files live, and how a folder or file is kept to its owner. Shared by the token store and the
    /// local answer store, so both follow the same rules.
    /// </summary>
    internal static class UserFolders
    {
        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>
        /// An XDG base folder on Linux and macOS: the variable's value when it is an absolute path (the XDG spec says
        /// a relative one is to be ignored), else <paramref name="fallbackUnderHome"/> in the user's home folder.
        /// </summary>
        public static string XdgBase(string variable, string fallbackUnderHome)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            return !string.IsNullOrEmpty(value) && Path.IsPathRooted(value)
                ? value!
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), fallbackUnderHome);
        }

        /// <summary>
        /// Creates <paramref name="folder"/> (and its parents) when missing and, on Unix, sets its mode to 0700 even
        /// when it already existed. Throws Win32Exception when the mode cannot be set.
        /// </summary>
        public static void CreateOwnerOnly(string folder)
        {
            Directory.CreateDirectory(folder);
            if (!IsWindows)
            {
                Unix.Chmod(folder, Convert.ToInt32("700", 8));
            }
        }

        /// <summary>On Unix, sets the file's mode to 0600; does nothing on Windows.</summary>
        public static void RestrictFileToOwner(string file)
        {
            if (!IsWindows)
            {
                Unix.Chmod(file, Convert.ToInt32("600", 8));
            }
        }

        /// <summary>
        /// On Unix, why <paramref name="folder"/> is not private to this user: owned by another user, or writable by
        /// group or others. Null when it is private, and on Windows, where a per-user folder's ACL is left to Windows.
        /// </summary>
        public static string? WhyNotPrivate(string folder)
        {
            if (IsWindows || !Unix.TryStat(folder, out uint mode, out uint owner))
            {
                return null;
            }

            uint user = Unix.EffectiveUserId();
            if (owner != user)
            {
                return Texts.Format(Texts.FolderOtherOwner, owner, user);
            }

            const uint GroupOrOtherWrite = 0x12; // 0022
            return (mode & GroupOrOtherWrite) != 0
                ? Texts.Format(Texts.FolderWritableByOthers, Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0'))
                : null;
        }

        private static class Unix
        {
            [DllImport("libc", EntryPoint = "geteuid")]
            private static extern uint NativeGetEffectiveUserId();

            // The runtime's own stat shim: its record starts with Flags, Mode, Uid, Gid (32 bits each) on every Unix
            // .NET runs on, where libc's struct stat differs by platform.
            [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
            private static extern int NativeStat(string path, byte[] status);

            public static uint EffectiveUserId() => NativeGetEffectiveUserId();

            public static bool TryStat(string path, out uint mode, out uint owner)
            {
                mode = 0;
                owner = 0;
                var status = new byte[512];
                try
                {
                    if (NativeStat(path, status) != 0)
                    {
                        return false;
                    }
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    return false;
                }

                mode = BitConverter.ToUInt32(status, 4);
                owner = BitConverter.ToUInt32(status, 8);
                return true;
            }

            [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
            private static extern int NativeChmod(string path, uint mode);

            public static void Chmod(string path, int mode)
            {
                if (NativeChmod(path, (uint)mode) != 0)
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error(), Texts.Format(Texts.PermissionsNotRestricted, path));
                }
            }
        }
    }
}
