// Hand-written: one JSON Web Key (RFC 7517) of the Pipelines OIDC key set.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>One public JSON Web Key of the Pipelines OIDC provider.</summary>
public sealed record PipelinesOidcKey
{
    /// <summary>Gets the key type, e.g. <c>RSA</c>.</summary>
    public string? Kty { get; init; }

    /// <summary>Gets the key id, matched against the <c>kid</c> header of a token.</summary>
    public string? Kid { get; init; }

    /// <summary>Gets the intended use, e.g. <c>sig</c>.</summary>
    public string? Use { get; init; }

    /// <summary>Gets the algorithm, e.g. <c>RS256</c>.</summary>
    public string? Alg { get; init; }

    /// <summary>Gets the RSA modulus, base64url-encoded.</summary>
    public string? N { get; init; }

    /// <summary>Gets the RSA public exponent, base64url-encoded.</summary>
    public string? E { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
