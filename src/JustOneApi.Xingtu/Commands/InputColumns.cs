using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// The named values of one pipeline input object, the way every front end reads them: a hashtable's entries, or
    /// an object's properties (a row of Import-Csv). One reading for Invoke-JustOneApi's query and for -KeepInputColumns.
    /// </summary>
    internal static class InputColumns
    {
        /// <summary>The input's name/value pairs in their own order; null when the input is a bare value (text, a number) with no names.</summary>
        public static List<KeyValuePair<string, object?>>? Of(object? input)
        {
            object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
            var pairs = new List<KeyValuePair<string, object?>>();
            if (value == null)
            {
                return pairs;
            }

            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    pairs.Add(new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, entry.Value));
                }

                return pairs;
            }

            if (value is string || value.GetType().IsPrimitive || value is decimal)
            {
                return null;
            }

            foreach (PSPropertyInfo property in PSObject.AsPSObject(input!).Properties)
            {
                if (property.IsGettable && (property.MemberType & (PSMemberTypes.NoteProperty | PSMemberTypes.Property)) != 0)
                {
                    pairs.Add(new KeyValuePair<string, object?>(property.Name, property.Value));
                }
            }

            return pairs;
        }
    }
}
