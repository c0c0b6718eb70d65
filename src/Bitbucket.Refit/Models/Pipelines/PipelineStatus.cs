// Hand-written: a query filter of the pipelines list that the OpenAPI description declares inline.

using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The status a pipelines list can be filtered by (<c>status</c>), as Bitbucket's build overview shows it.</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<PipelineStatus>))]
public readonly record struct PipelineStatus(string Value) : IBitbucketEnum<PipelineStatus>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { PipelineStatus.Names.Parsing => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>PARSING</c>.</summary>
        public const string Parsing = "PARSING";

        /// <summary><c>PENDING</c>.</summary>
        public const string Pending = "PENDING";

        /// <summary><c>PAUSED</c>.</summary>
        public const string Paused = "PAUSED";

        /// <summary><c>HALTED</c>.</summary>
        public const string Halted = "HALTED";

        /// <summary><c>BUILDING</c>.</summary>
        public const string Building = "BUILDING";

        /// <summary><c>ERROR</c>.</summary>
        public const string Error = "ERROR";

        /// <summary><c>PASSED</c>.</summary>
        public const string Passed = "PASSED";

        /// <summary><c>FAILED</c>.</summary>
        public const string Failed = "FAILED";

        /// <summary><c>STOPPED</c>.</summary>
        public const string Stopped = "STOPPED";

        /// <summary><c>UNKNOWN</c>.</summary>
        public const string Unknown = "UNKNOWN";
    }

    /// <summary>The <c>PARSING</c> value.</summary>
    public static PipelineStatus Parsing { get; } = new("PARSING");

    /// <summary>The <c>PENDING</c> value.</summary>
    public static PipelineStatus Pending { get; } = new("PENDING");

    /// <summary>The <c>PAUSED</c> value.</summary>
    public static PipelineStatus Paused { get; } = new("PAUSED");

    /// <summary>The <c>HALTED</c> value.</summary>
    public static PipelineStatus Halted { get; } = new("HALTED");

    /// <summary>The <c>BUILDING</c> value.</summary>
    public static PipelineStatus Building { get; } = new("BUILDING");

    /// <summary>The <c>ERROR</c> value.</summary>
    public static PipelineStatus Error { get; } = new("ERROR");

    /// <summary>The <c>PASSED</c> value.</summary>
    public static PipelineStatus Passed { get; } = new("PASSED");

    /// <summary>The <c>FAILED</c> value.</summary>
    public static PipelineStatus Failed { get; } = new("FAILED");

    /// <summary>The <c>STOPPED</c> value.</summary>
    public static PipelineStatus Stopped { get; } = new("STOPPED");

    /// <summary>The <c>UNKNOWN</c> value.</summary>
    public static PipelineStatus Unknown { get; } = new("UNKNOWN");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static PipelineStatus FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it, whatever the format: Refit sends it as one query value.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
