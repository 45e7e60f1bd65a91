using System;
using System.Globalization;
using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Turns a whole-number KolId (from ConvertFrom-Json, a database column, Import-Excel) into its digits, so a row
    /// whose KolId property is a number binds by property name instead of being turned into text as a whole row.
    /// Anything else passes through untouched for PowerShell to bind as usual.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class KolIdArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                long number => number.ToString(CultureInfo.InvariantCulture),
                ulong number => number.ToString(CultureInfo.InvariantCulture),
                int number => number.ToString(CultureInfo.InvariantCulture),
                uint number => number.ToString(CultureInfo.InvariantCulture),
                decimal number when number == decimal.Truncate(number) => number.ToString("0", CultureInfo.InvariantCulture),
                _ => inputData,
            };
        }
    }
}
