using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace Bitbucket.Refit.Samples.Web.Auth;

/// <summary>
/// ASP.NET Core's OAuth handler with one change for Bitbucket: the authorization code is exchanged with the client id
/// and secret in <c>Authorization: Basic</c>, as Bitbucket documents, rather than in the form body.
/// </summary>
internal sealed class BitbucketOAuthHandler(IOptionsMonitor<OAuthOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : OAuthHandler<OAuthOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = context.Code,
                ["redirect_uri"] = context.RedirectUri,
            }),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Options.ClientId + ":" + Options.ClientSecret));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
        if (response.IsSuccessStatusCode)
        {
            return OAuthTokenResponse.Success(JsonDocument.Parse(body));
        }

        // Only the OAuth error code reaches the message: the body of a failed exchange is not shown or logged.
        string? error = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
        }
        catch (JsonException)
        {
        }

        return OAuthTokenResponse.Failed(new AuthenticationFailureException(
            $"Bitbucket's token endpoint answered {(int)response.StatusCode}{(error is null ? string.Empty : " (" + error + ")")} to the code exchange."));
    }
}
