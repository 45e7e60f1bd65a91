namespace JustOneApi.Xingtu
{
    /// <summary>The runtime texts of the client, transport, local store and configuration (Client/, Transport/, Store/, Configuration/); their Chinese is in Texts.Client.zh.cs.</summary>
    internal static partial class Texts
    {
    }
}
