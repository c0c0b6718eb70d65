// Hand-written: a query filter of the pipelines list that the OpenAPI description declares inline.

using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The kind of pipeline definition a pipelines list can be filtered by (<c>target.selector.type</c>).</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<PipelineFilterSelectorType>))]
public readonly record struct PipelineFilterSelectorType(string Value) : IBitbucketEnum<PipelineFilterSelectorType>, IFormattable
{
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
