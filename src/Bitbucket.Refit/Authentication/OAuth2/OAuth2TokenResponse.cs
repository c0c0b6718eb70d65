using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Authentication;

/// <summary>The JSON a Bitbucket OAuth 2 token endpoint answers with, success or failure.</summary>
public sealed record OAuth2TokenResponse
{
    /// <summary>Gets the access token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Gets the token type, <c>bearer</c>.</summary>
    public string? TokenType { get; init; }

    /// <summary>Gets the lifetime of the access token in seconds (about an hour on Bitbucket).</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>Gets the refresh token, when the grant issues one (never for client credentials).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Gets the granted scopes, space-separated (the OAuth 2 field).</summary>
    public string? Scope { get; init; }

    /// <summary>Gets the granted scopes, space-separated, as Bitbucket names the field (<c>scopes</c>).</summary>
    public string? Scopes { get; init; }

    /// <summary>Gets the grant that issued the token, which Bitbucket sends as <c>state</c> (e.g. <c>client_credentials</c>).</summary>
    public string? State { get; init; }

    /// <summary>Gets the granted scopes from whichever field the server used.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> GrantedScopes =>
        (Scope ?? Scopes) is { Length: > 0 } list ? list.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>Gets the OAuth error code of a failed request (<c>invalid_client</c>, <c>invalid_grant</c> …).</summary>
    public string? Error { get; init; }

    /// <summary>Gets the human-readable description of <see cref="Error"/>.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"OAuth2TokenResponse {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, Scope = {Scope ?? Scopes}, AccessToken = {(AccessToken is null ? "(none)" : "***")}, RefreshToken = {(RefreshToken is null ? "(none)" : "***")}, Error = {Error} }}";
}
