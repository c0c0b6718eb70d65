using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The caller's role on a repository, used to filter repository lists (the <c>role</c> query parameter).</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
/// <remarks>
/// It is <see cref="IFormattable"/> so that Refit's generated client writes it as one query value instead of
/// flattening its properties (<c>Value=…</c>).
/// </remarks>
[JsonConverter(typeof(BitbucketEnumConverter<RepositoryRole>))]
public readonly record struct RepositoryRole(string Value) : IBitbucketEnum<RepositoryRole>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { RepositoryRole.Names.Member => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>member</c>.</summary>
        public const string Member = "member";

        /// <summary><c>contributor</c>.</summary>
        public const string Contributor = "contributor";

        /// <summary><c>admin</c>.</summary>
        public const string Admin = "admin";

        /// <summary><c>owner</c>.</summary>
        public const string Owner = "owner";
    }

    /// <summary>The <c>member</c> value: repositories the caller has explicit read access to.</summary>
    public static RepositoryRole Member { get; } = new("member");

    /// <summary>The <c>contributor</c> value: repositories the caller has explicit write access to.</summary>
    public static RepositoryRole Contributor { get; } = new("contributor");

    /// <summary>The <c>admin</c> value: repositories the caller has explicit administrator access to.</summary>
    public static RepositoryRole Admin { get; } = new("admin");

    /// <summary>The <c>owner</c> value: repositories the caller owns.</summary>
    public static RepositoryRole Owner { get; } = new("owner");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static RepositoryRole FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it; format and culture do not apply.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
