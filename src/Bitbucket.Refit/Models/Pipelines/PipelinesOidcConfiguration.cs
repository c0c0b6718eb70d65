// Hand-written: the OpenAPI description leaves this response untyped; its shape is OpenID Connect Discovery 1.0.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// The OpenID Connect discovery document of a workspace's Pipelines identity provider: what a resource server (a cloud
/// provider, a vault) needs to trust the OIDC tokens that steps receive in <c>BITBUCKET_STEP_OIDC_TOKEN</c>.
/// </summary>
public sealed record PipelinesOidcConfiguration
{
    /// <summary>Gets the issuer identifier, the <c>iss</c> claim of the tokens.</summary>
    public string? Issuer { get; init; }

    /// <summary>Gets the URL of the JSON Web Key Set that signs the tokens.</summary>
    public string? JwksUri { get; init; }

    /// <summary>Gets the subject identifier types the provider supports.</summary>
    public IReadOnlyList<string>? SubjectTypesSupported { get; init; }

    /// <summary>Gets the OAuth 2.0 response types the provider supports.</summary>
    public IReadOnlyList<string>? ResponseTypesSupported { get; init; }

    /// <summary>Gets the claims the tokens may carry.</summary>
    public IReadOnlyList<string>? ClaimsSupported { get; init; }

    /// <summary>Gets the signing algorithms of the ID tokens, e.g. <c>RS256</c>.</summary>
    public IReadOnlyList<string>? IdTokenSigningAlgValuesSupported { get; init; }

    /// <summary>Gets the scopes the provider supports.</summary>
    public IReadOnlyList<string>? ScopesSupported { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
