// Hand-written: the OpenAPI description leaves this response untyped; its shape is a JSON Web Key Set (RFC 7517).

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>The public keys (a JSON Web Key Set) that verify the OIDC tokens of a workspace's Pipelines steps.</summary>
public sealed record PipelinesOidcKeySet
{
    /// <summary>Gets the keys.</summary>
    public IReadOnlyList<PipelinesOidcKey>? Keys { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
