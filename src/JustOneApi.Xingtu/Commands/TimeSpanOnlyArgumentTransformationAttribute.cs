using System;
using System.Globalization;
using System.Management.Automation;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Refuses a bare number for a TimeSpan parameter. PowerShell would bind the number 7 as 7 ticks (less than a
    /// microsecond), so "-OlderThan 7" would mean "everything" and "-MaxAge 7" would pay for every answer again. Text
    /// binds as PowerShell converts it ('7' is 7 days, '12:00:00' is 12 hours), and so does a TimeSpan. A bare 0 is
    /// zero in any unit, so a parameter may allow it.
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
            if (!number)
            {
                return inputData;
            }

            if (ZeroAllowed && Convert.ToDouble(value, CultureInfo.InvariantCulture) == 0)
            {
                return TimeSpan.Zero;
            }

            throw new ArgumentTransformationMetadataException(Texts.Format(Texts.BareNumberAge, value!, Parameter));
        }
    }
}
