using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>Lets a token parameter take a plain string as well as a SecureString.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecureStringArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                var secure = new SecureString();
                foreach (char c in text)
                {
                    secure.AppendChar(c);
                }

                secure.MakeReadOnly();
                return secure;
            }

            return value;
        }

        /// <summary>The plain text of <paramref name="secure"/>; the unmanaged copy is zeroed at once.</summary>
        public static string? ToPlainText(SecureString? secure)
        {
            if (secure == null || secure.Length == 0)
            {
                return null;
            }

            IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
