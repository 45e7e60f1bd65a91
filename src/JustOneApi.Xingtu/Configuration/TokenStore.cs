using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace JustOneApi.Xingtu.Configuration
{
    /// <summary>
    /// The token kept for later sessions (Set-XingtuToken -Persist). On Windows it is encrypted with DPAPI for the
    /// current user; on Linux and macOS it is a file that only the owner can read, in a folder only the owner can enter.
    /// </summary>
    internal static class TokenStore
    {
        private const string FolderName = "JustOneApi.Xingtu";

        private static bool IsWindows => UserFolders.IsWindows;

        /// <summary>The file the token is stored in; it need not exist.</summary>
        public static string FilePath
        {
            get
            {
                string root = IsWindows
                    ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)
                    : UserFolders.XdgBase("XDG_CONFIG_HOME", ".config");
                return Path.Combine(root, FolderName, IsWindows ? "token.dpapi" : "token");
            }
        }

        public static void Save(string token)
        {
            string file = FilePath;
            string folder = Path.GetDirectoryName(file)!;
            UserFolders.CreateOwnerOnly(folder);
            byte[] content = Encoding.UTF8.GetBytes(token);
            if (IsWindows)
            {
                content = Dpapi.Protect(content);
            }

            // Written beside the target and renamed over it, so a reader never sees half a token; the mode is set
            // before the token is written, so it is never readable by others.
            string temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    UserFolders.RestrictFileToOwner(temporary);
                    stream.Write(content, 0, content.Length);
                    stream.Flush(true);
                }

                if (File.Exists(file))
                {
                    File.Replace(temporary, file, null);
                }
                else
                {
                    File.Move(temporary, file);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <summary>
        /// The stored token, or null when none is stored. Throws InvalidOperationException, with what to do, when
        /// one is stored but cannot be read.
        /// </summary>
        public static string? Load()
        {
            string file = FilePath;
            if (!File.Exists(file))
            {
                return null;
            }

            try
            {
                byte[] content = File.ReadAllBytes(file);
                if (IsWindows)
                {
                    content = Dpapi.Unprotect(content);
                }

                string token = Encoding.UTF8.GetString(content).Trim();
                return token.Length == 0 ? null : token;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is Win32Exception)
            {
                throw new InvalidOperationException(
                    Texts.Format(Texts.StoredTokenUnreadable, file, ex.Message));
            }
        }

        /// <summary>Deletes the stored token; true when there was one.</summary>
        public static bool Delete()
        {
            string file = FilePath;
            if (!File.Exists(file))
            {
                return false;
            }

            File.Delete(file);
            return true;
        }

        private static class Dpapi
        {
            private const int UiForbidden = 0x1;

            // An application-specific entropy, so another program's DPAPI blob is not mistaken for ours.
            // untranslated: the entropy DPAPI mixes in; changing it would make every stored token unreadable.
            private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("JustOneApi.Xingtu token v1");

            public static byte[] Protect(byte[] data) => Transform(data, protect: true);

            public static byte[] Unprotect(byte[] data) => Transform(data, protect: false);

            private static byte[] Transform(byte[] data, bool protect)
            {
                var input = default(DataBlob);
                var entropy = default(DataBlob);
                var output = default(DataBlob);
                GCHandle dataHandle = GCHandle.Alloc(data, GCHandleType.Pinned);
                GCHandle entropyHandle = GCHandle.Alloc(Entropy, GCHandleType.Pinned);
                try
                {
                    input.Size = data.Length;
                    input.Data = dataHandle.AddrOfPinnedObject();
                    entropy.Size = Entropy.Length;
                    entropy.Data = entropyHandle.AddrOfPinnedObject();
                    bool ok = protect
                        ? CryptProtectData(ref input, null, ref entropy, IntPtr.Zero, IntPtr.Zero, UiForbidden, out output)
                        : CryptUnprotectData(ref input, IntPtr.Zero, ref entropy, IntPtr.Zero, IntPtr.Zero, UiForbidden, out output);
                    if (!ok)
                    {
                        throw new Win32Exception(Marshal.GetLastWin32Error(), Texts.L(protect ? Texts.DpapiEncryptFailed : Texts.DpapiDecryptFailed));
                    }

                    byte[] result = new byte[output.Size];
                    Marshal.Copy(output.Data, result, 0, output.Size);
                    return result;
                }
                finally
                {
                    dataHandle.Free();
                    entropyHandle.Free();
                    if (output.Data != IntPtr.Zero)
                    {
                        LocalFree(output.Data);
                    }
                }
            }

            [StructLayout(LayoutKind.Sequential)]
            private struct DataBlob
            {
                public int Size;
                public IntPtr Data;
            }

            [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
            private static extern bool CryptProtectData(ref DataBlob dataIn, string? description, ref DataBlob entropy, IntPtr reserved, IntPtr prompt, int flags, out DataBlob dataOut);

            [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
            private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, ref DataBlob entropy, IntPtr reserved, IntPtr prompt, int flags, out DataBlob dataOut);

            [DllImport("kernel32.dll")]
            private static extern IntPtr LocalFree(IntPtr memory);
        }
    }
}
