using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The caller's role that filters a snippet list (<c>role</c> query parameter).</summary>
/// <remarks>
/// It is <see cref="IFormattable"/> so that Refit's generated client writes it as one query value (<c>role=owner</c>)
/// instead of flattening its properties (<c>Value=owner</c>).
/// </remarks>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<SnippetRole>))]
public readonly record struct SnippetRole(string Value) : IBitbucketEnum<SnippetRole>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { SnippetRole.Names.Owner => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>owner</c>.</summary>
        public const string Owner = "owner";

        /// <summary><c>contributor</c>.</summary>
        public const string Contributor = "contributor";

        /// <summary><c>member</c>.</summary>
        public const string Member = "member";
    }

    /// <summary>The <c>owner</c> value: snippets owned by the current user.</summary>
    public static SnippetRole Owner { get; } = new("owner");

    /// <summary>The <c>contributor</c> value: snippets owned or watched by the current user.</summary>
    public static SnippetRole Contributor { get; } = new("contributor");

    /// <summary>The <c>member</c> value: snippets created in the user's workspaces or watched by the user.</summary>
    public static SnippetRole Member { get; } = new("member");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static SnippetRole FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it; format and culture do not apply.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
