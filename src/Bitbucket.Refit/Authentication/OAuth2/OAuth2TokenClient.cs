using System.Net.Http.Headers;
using System.Text.Json;
using Bitbucket;
using Bitbucket.Serialization;

namespace Bitbucket.Authentication;

/// <summary>Posts grants to a Bitbucket OAuth 2 token endpoint with the client id and secret as Basic authentication.</summary>
internal sealed class OAuth2TokenClient(HttpClient httpClient, Uri tokenEndpoint, string clientId, string clientSecret)
{
    public Uri TokenEndpoint => tokenEndpoint;

    /// <summary>Posts a grant; the client authenticates with Basic unless <paramref name="authorization"/> says otherwise (the JWT grant).</summary>
    public async Task<OAuth2TokenResponse> RequestAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken, AuthenticationHeaderValue? authorization = null)
    {
        var fields = form as IReadOnlyList<KeyValuePair<string, string>> ?? [.. form];
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var basic = BasicAuthenticationHandler.Encode(clientId, clientSecret);
        request.Headers.Authorization = authorization ?? new AuthenticationHeaderValue("Basic", basic);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // Everything secret this request carries; whatever the endpoint echoes of it is removed from messages.
        var secrets = SentSecrets.Of(
            [basic, clientSecret, authorization?.Parameter, .. fields.Where(f => f.Key is "refresh_token" or "code" or "assertion" or "client_secret").Select(f => f.Value)]);
        var (status, reason, body) = await SecretEndpoint.SendAsync(httpClient, request, "OAuth 2 token endpoint", secrets, cancellationToken).ConfigureAwait(false);
        OAuth2TokenResponse? parsed;
        try
        {
            parsed = body.Length == 0 ? null : JsonSerializer.Deserialize(body, BitbucketJsonContext.Default.OAuth2TokenResponse);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if ((int)status is < 200 or >= 300 || parsed?.AccessToken is not { Length: > 0 })
        {
            var error = SecretRedactor.Redact(parsed?.Error, secrets);
            var description = SecretRedactor.Redact(parsed?.ErrorDescription, secrets);
            var what = error is null
                ? $"answered {(int)status} {reason} without an access token"
                : $"refused the grant: {error}" + (description is null ? string.Empty : $" ({description})");
            throw new BitbucketAuthenticationException(
                $"The OAuth 2 token endpoint {SecretRedactor.RedactUrl(tokenEndpoint)} {what}.",
                error,
                description,
                status);
        }

        return parsed;
    }
}
