using System;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Text.Json;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Turns JSON into what ConvertFrom-Json gives: PSCustomObjects, object arrays, strings, booleans and numbers,
    /// except that no integer is ever rounded: an integer is Int32, Int64 or BigInteger, whichever holds it, so a
    /// 19-digit id keeps every digit. Strings stay strings (ConvertFrom-Json would turn date-like ones into DateTime).
    /// A name PowerShell reserves for itself (PSObject, PSBase, ...) is kept with an underscore after it. What no
    /// PowerShell object can hold (an empty name, a lone UTF-16 surrogate) throws FormatException, which the caller
    /// makes into that row's error: it never ends a batch.
    /// </summary>
    internal static class JsonToPowerShell
    {
        /// <summary>The member names every PSObject has already, which a note property cannot take.</summary>
        private static readonly string[] Reserved = { "PSObject", "PSBase", "PSAdapted", "PSExtended", "PSTypeNames" };

        public static object? Convert(JsonElement element)
        {
            try
            {
                return ConvertElement(element);
            }
            catch (InvalidOperationException ex)
            {
                // System.Text.Json will not decode a string with a lone surrogate ("\ud800").
                throw new FormatException(Texts.Format(Texts.JsonUndecodable, ex.Message.TrimEnd('.')), ex);
            }
            catch (ExtendedTypeSystemException ex)
            {
                throw new FormatException(Texts.Format(Texts.JsonNameNotProperty, ex.Message.TrimEnd('.')), ex);
            }
        }

        private static object? ConvertElement(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        if (property.Name.Length == 0)
                        {
                            throw new FormatException(Texts.L(Texts.JsonEmptyName));
                        }

                        string name = property.Name;
                        if (Array.Exists(Reserved, reserved => string.Equals(reserved, name, StringComparison.OrdinalIgnoreCase)))
                        {
                            name += "_";
                        }

                        // PowerShell's property names ignore case; a name sent twice keeps its last value, as in JSON.
                        PSPropertyInfo? existing = result.Properties[name];
                        if (existing != null)
                        {
                            result.Properties.Remove(name);
                        }

                        result.Properties.Add(new PSNoteProperty(name, ConvertElement(property.Value)));
                    }

                    return result;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    int i = 0;
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        items[i++] = ConvertElement(item);
                    }

                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return Number(element);
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        private static object Number(JsonElement element)
        {
            if (element.TryGetInt32(out int small))
            {
                return small;
            }

            if (element.TryGetInt64(out long large))
            {
                return large;
            }

            string raw = element.GetRawText();
            if (raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger huge))
            {
                return huge;
            }

            return element.TryGetDouble(out double number) ? number : (object)raw;
        }
    }
}
