using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>An e-mail address of the current user (the spec leaves this response undescribed; this is its documented shape).</summary>
public sealed record EmailAddress
{
    /// <summary>Gets the object type, <c>email</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets whether this is the account's primary address.</summary>
    public bool? IsPrimary { get; init; }

    /// <summary>Gets whether the address was confirmed.</summary>
    public bool? IsConfirmed { get; init; }

    /// <summary>Gets the links of the address.</summary>
    public JsonElement? Links { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
