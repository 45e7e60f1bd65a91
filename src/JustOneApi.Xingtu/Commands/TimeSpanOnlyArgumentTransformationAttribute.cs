using System;
using System.Globalization;
using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Refuses a bare number for a TimeSpan parameter. PowerShell would bind 7 as 7 ticks (less than a microsecond),
    /// so "-OlderThan 7" would mean "everything"; a TimeSpan, or text such as '7.00:00:00', binds as usual.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class TimeSpanOnlyArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            bool number = value != null && (value.GetType().IsPrimitive || value is decimal)
                && !(value is bool) && !(value is char);
            bool numberText = value is string text && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            if (number || numberText)
            {
                throw new ArgumentTransformationMetadataException(Texts.Format(Texts.BareNumberAge, value!));
            }

            return inputData;
        }
    }
}
