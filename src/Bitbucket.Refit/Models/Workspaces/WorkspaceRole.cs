using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>The caller's role a workspace list can be filtered by (the <c>role</c> query parameter).</summary>
/// <param name="Value">The value exactly as Bitbucket expects it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<WorkspaceRole>))]
public readonly record struct WorkspaceRole(string Value) : IBitbucketEnum<WorkspaceRole>, IFormattable
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { WorkspaceRole.Names.Owner => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>owner</c>.</summary>
        public const string Owner = "owner";

        /// <summary><c>collaborator</c>.</summary>
        public const string Collaborator = "collaborator";

        /// <summary><c>member</c>.</summary>
        public const string Member = "member";
    }

    /// <summary>The <c>owner</c> value: workspaces the caller administers.</summary>
    public static WorkspaceRole Owner { get; } = new("owner");

    /// <summary>The <c>collaborator</c> value: workspaces where the caller can write to at least one repository.</summary>
    public static WorkspaceRole Collaborator { get; } = new("collaborator");

    /// <summary>The <c>member</c> value: workspaces where the caller belongs to a group or a repository.</summary>
    public static WorkspaceRole Member { get; } = new("member");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static WorkspaceRole FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket expects it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the value exactly as Bitbucket expects it, so Refit sends it as one query value.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire string.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;
}
