namespace JustOneApi.Xingtu
{
    /// <summary>The runtime texts of the API model (Model/): parsing, endpoint paths, ids, field anomalies; their Chinese is in Texts.Model.zh.cs.</summary>
    internal static partial class Texts
    {
    }
}
