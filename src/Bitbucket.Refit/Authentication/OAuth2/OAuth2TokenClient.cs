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
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = authorization ?? new AuthenticationHeaderValue("Basic", BasicAuthenticationHandler.Encode(clientId, clientSecret));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await Http.Instrumentation.SendTokenRequestAsync(httpClient, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BitbucketAuthenticationException(
                $"The OAuth 2 token endpoint {UrlRedactor.Redact(tokenEndpoint)} could not be reached: {ex.Message}", innerException: ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            OAuth2TokenResponse? parsed = null;
            try
            {
                parsed = body.Length == 0 ? null : JsonSerializer.Deserialize(body, BitbucketJsonContext.Default.OAuth2TokenResponse);
            }
            catch (JsonException)
            {
                parsed = null;
            }

            if (!response.IsSuccessStatusCode || parsed?.AccessToken is not { Length: > 0 })
            {
                var error = parsed?.Error;
                var description = parsed?.ErrorDescription;
                var what = error is null
                    ? $"answered {(int)response.StatusCode} {response.ReasonPhrase} without an access token"
                    : $"refused the grant: {error}" + (description is null ? string.Empty : $" ({description})");
                throw new BitbucketAuthenticationException(
                    $"The OAuth 2 token endpoint {UrlRedactor.Redact(tokenEndpoint)} {what}.",
                    error,
                    description,
                    response.StatusCode);
            }

            return parsed;
        }
    }
}
