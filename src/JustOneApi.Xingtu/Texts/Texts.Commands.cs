namespace JustOneApi.Xingtu
{
    /// <summary>The runtime texts of the cmdlets (Commands/): verbose lines, token and configuration cmdlets, Invoke-JustOneApi, the report; their Chinese is in Texts.Commands.zh.cs.</summary>
    internal static partial class Texts
    {
    }
}
