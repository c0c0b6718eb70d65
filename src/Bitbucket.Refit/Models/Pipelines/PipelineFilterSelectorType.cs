// Hand-written: a query filter of the pipelines list that the OpenAPI description declares inline.

using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The kind of pipeline definition a pipelines list can be filtered by (<c>target.selector.type</c>).</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<PipelineFilterSelectorType>))]
public readonly record struct PipelineFilterSelectorType(string Value) : IBitbucketEnum<PipelineFilterSelectorType>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { PipelineFilterSelectorType.Names.Branch => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>BRANCH</c>.</summary>
        public const string Branch = "BRANCH";

        /// <summary><c>TAG</c>.</summary>
        public const string Tag = "TAG";

        /// <summary><c>CUSTOM</c>.</summary>
        public const string Custom = "CUSTOM";

        /// <summary><c>PULLREQUESTS</c>.</summary>
        public const string PullRequests = "PULLREQUESTS";

        /// <summary><c>DEFAULT</c>.</summary>
        public const string Default = "DEFAULT";
    }

    /// <summary>The <c>BRANCH</c> value.</summary>
    public static PipelineFilterSelectorType Branch { get; } = new("BRANCH");

    /// <summary>The <c>TAG</c> value.</summary>
    public static PipelineFilterSelectorType Tag { get; } = new("TAG");

    /// <summary>The <c>CUSTOM</c> value.</summary>
    public static PipelineFilterSelectorType Custom { get; } = new("CUSTOM");

    /// <summary>The <c>PULLREQUESTS</c> value.</summary>
    public static PipelineFilterSelectorType PullRequests { get; } = new("PULLREQUESTS");

    /// <summary>The <c>DEFAULT</c> value.</summary>
    public static PipelineFilterSelectorType Default { get; } = new("DEFAULT");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static PipelineFilterSelectorType FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it, whatever the format: Refit sends it as one query value.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
