using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu
{
    /// <summary>The Simplified Chinese of Texts.Model.cs, keyed by the English source; the holes are the same.</summary>
    internal static partial class Texts
    {
        private static Dictionary<string, string> ModelChinese() => new Dictionary<string, string>(StringComparer.Ordinal)
        {
        };
    }
}
