using System;
using System.Globalization;
using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Refuses a bare number for a TimeSpan parameter. PowerShell would bind 7 as 7 ticks (less than a microsecond),
    /// so "-OlderThan 7" would mean "everything" and "-MaxAge 7" would pay for every answer again; a TimeSpan, or text
    /// such as '7.00:00:00', binds as usual. A bare 0 is zero in any unit, so a parameter may allow it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class TimeSpanOnlyArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <param name="parameter">The parameter's name, for the example in the refusal.</param>
        public TimeSpanOnlyArgumentTransformationAttribute(string parameter) => Parameter = parameter;

        public string Parameter { get; }

        /// <summary>Whether a bare 0 binds (as TimeSpan.Zero): where zero means "read nothing", not "delete everything".</summary>
        public bool ZeroAllowed { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            bool number = value != null && (value.GetType().IsPrimitive || value is decimal)
                && !(value is bool) && !(value is char);
            double parsed = 0;
            bool numberText = value is string text && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed);
            bool zero = (number && Convert.ToDouble(value, CultureInfo.InvariantCulture) == 0) || (numberText && parsed == 0);
            if (zero && ZeroAllowed)
            {
                return TimeSpan.Zero;
            }

            if (number || numberText)
            {
                throw new ArgumentTransformationMetadataException(Texts.Format(Texts.BareNumberAge, value!, Parameter));
            }

            return inputData;
        }
    }
}
