using Bitbucket.DependencyInjection;
using Bitbucket;
using Bitbucket.Authentication;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OAuth 2 flows of <see cref="OAuth2Flow"/> with a Bitbucket registration.</summary>
public static class OAuth2FlowBuilderExtensions
{
    /// <summary>
    /// Authenticates with one user's tokens renewed from a refresh token (<see cref="RefreshTokenSource"/>), using the
    /// registration's OAuth 2 client (<c>OAuth2:ClientId</c>, <c>OAuth2:ClientSecret</c>, <c>OAuth2:TokenEndpoint</c>).
    /// Bitbucket rotates refresh tokens: <paramref name="onRefreshed"/> receives each new one to persist.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="refreshToken">The user's latest refresh token.</param>
    /// <param name="onRefreshed">Called after every refresh with the new tokens.</param>
    /// <returns>The builder.</returns>
    public static IBitbucketBuilder WithOAuth2RefreshToken(
        this IBitbucketBuilder builder,
        string refreshToken,
        Func<OAuth2TokenResponse, CancellationToken, Task>? onRefreshed = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var name = builder.Name;
        AddFlowClient(builder);
        builder.Services.AddOptions<BitbucketOptions>(name).Validate(
            o => !string.IsNullOrWhiteSpace(o.OAuth2.ClientId) && !string.IsNullOrWhiteSpace(o.OAuth2.ClientSecret) && o.OAuth2.TokenEndpoint is { IsAbsoluteUri: true },
            "WithOAuth2RefreshToken needs OAuth2:ClientId, OAuth2:ClientSecret and an absolute OAuth2:TokenEndpoint.")
            .Validate(
                o => o.OAuth2.TokenEndpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && BitbucketOptionsValidator.IsLoopback(endpoint)),
                "WithOAuth2RefreshToken needs an https OAuth2:TokenEndpoint (plain http only to loopback): the client secret and the refresh token travel to it.");
        return builder.WithOAuth2(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            return new RefreshTokenSource(CreateOAuth2Flow(sp, name), refreshToken, onRefreshed, sp.GetRequiredService<TimeProvider>())
            {
                RefreshSkew = options.OAuth2.RefreshSkew,
            };
        });
    }

    /// <summary>
    /// Creates the <see cref="OAuth2Flow"/> of a registration: its OAuth 2 client and endpoints, posting through the
    /// registration's token <see cref="HttpClient"/> (register it first with <see cref="WithOAuth2RefreshToken"/> or
    /// <see cref="AddOAuth2Flow"/>).
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The registration name; empty for the default registration.</param>
    /// <param name="redirectUri">The callback sent as <c>redirect_uri</c>, if any.</param>
    /// <returns>The flow.</returns>
    public static OAuth2Flow CreateOAuth2Flow(this IServiceProvider services, string name = "", Uri? redirectUri = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(BitbucketBuilder.TokenClientName(name));
        return new OAuth2Flow(http, options.OAuth2, redirectUri);
    }

    /// <summary>
    /// Registers the token <see cref="HttpClient"/> of the registration so that
    /// <see cref="CreateOAuth2Flow(IServiceProvider, string, Uri?)"/> can build its <see cref="OAuth2Flow"/> (for an
    /// authorization-code login page, for example), whatever authentication the registration uses.
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <returns>The builder.</returns>
    public static IBitbucketBuilder AddOAuth2Flow(this IBitbucketBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddFlowClient(builder);
        return builder;
    }

    private static void AddFlowClient(IBitbucketBuilder builder)
    {
        var name = builder.Name;
        builder.Services.AddHttpClient(BitbucketBuilder.TokenClientName(name), (sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            client.Timeout = options.Timeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        }).ConfigurePrimaryHttpMessageHandler(SecretEndpoint.CreatePrimaryHandler); // token endpoints' redirects are never followed
    }
}
