// Hand-written: a query filter of the pipelines list that the OpenAPI description declares inline.

using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The kind of reference a pipelines list can be filtered by (<c>target.ref_type</c>).</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<PipelineFilterRefType>))]
public readonly record struct PipelineFilterRefType(string Value) : IBitbucketEnum<PipelineFilterRefType>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { PipelineFilterRefType.Names.Branch => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>BRANCH</c>.</summary>
        public const string Branch = "BRANCH";

        /// <summary><c>TAG</c>.</summary>
        public const string Tag = "TAG";

        /// <summary><c>ANNOTATED_TAG</c>.</summary>
        public const string AnnotatedTag = "ANNOTATED_TAG";
    }

    /// <summary>The <c>BRANCH</c> value.</summary>
    public static PipelineFilterRefType Branch { get; } = new("BRANCH");

    /// <summary>The <c>TAG</c> value.</summary>
    public static PipelineFilterRefType Tag { get; } = new("TAG");

    /// <summary>The <c>ANNOTATED_TAG</c> value.</summary>
    public static PipelineFilterRefType AnnotatedTag { get; } = new("ANNOTATED_TAG");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static PipelineFilterRefType FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it, whatever the format: Refit sends it as one query value.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
