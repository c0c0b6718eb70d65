// Hand-written: a query filter of the pipelines list that the OpenAPI description declares inline.

using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>What started a pipeline, as a pipelines list can be filtered by it (<c>trigger_type</c>).</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<PipelineTriggerType>))]
public readonly record struct PipelineTriggerType(string Value) : IBitbucketEnum<PipelineTriggerType>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { PipelineTriggerType.Names.Push => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>PUSH</c>.</summary>
        public const string Push = "PUSH";

        /// <summary><c>MANUAL</c>.</summary>
        public const string Manual = "MANUAL";

        /// <summary><c>SCHEDULED</c>.</summary>
        public const string Scheduled = "SCHEDULED";

        /// <summary><c>PARENT_STEP</c>.</summary>
        public const string ParentStep = "PARENT_STEP";
    }

    /// <summary>The <c>PUSH</c> value.</summary>
    public static PipelineTriggerType Push { get; } = new("PUSH");

    /// <summary>The <c>MANUAL</c> value.</summary>
    public static PipelineTriggerType Manual { get; } = new("MANUAL");

    /// <summary>The <c>SCHEDULED</c> value.</summary>
    public static PipelineTriggerType Scheduled { get; } = new("SCHEDULED");

    /// <summary>The <c>PARENT_STEP</c> value.</summary>
    public static PipelineTriggerType ParentStep { get; } = new("PARENT_STEP");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static PipelineTriggerType FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it, whatever the format: Refit sends it as one query value.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
