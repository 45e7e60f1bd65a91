using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu
{
    /// <summary>The Simplified Chinese of Texts.Commands.cs, keyed by the English source; the holes are the same.</summary>
    internal static partial class Texts
    {
        private static Dictionary<string, string> CommandsChinese() => new Dictionary<string, string>(StringComparer.Ordinal)
        {
        };
    }
}
