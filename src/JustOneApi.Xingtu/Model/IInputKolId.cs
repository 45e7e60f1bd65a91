namespace JustOneApi.Xingtu.Model
{
    /// <summary>
    /// A result type that carries the KOL id as the input gave it (before normalisation) as a typed property. The
    /// pipeline side sets it for each row written; results of other types get it as a note property.
    /// </summary>
    internal interface IInputKolId
    {
        /// <summary>Sets the id as the input gave it.</summary>
        string? InputKolId { set; }
    }
}
