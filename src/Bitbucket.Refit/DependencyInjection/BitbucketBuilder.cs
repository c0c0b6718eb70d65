using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitbucket.DependencyInjection;

internal sealed class BitbucketBuilder(string name, IServiceCollection services, IHttpClientBuilder httpClientBuilder) : IBitbucketBuilder
{
    private BitbucketAuthenticationScheme _scheme;

    public string Name => name;

    public IServiceCollection Services => services;

    public IHttpClientBuilder HttpClientBuilder => httpClientBuilder;

    internal static string TokenSourceKey(string name) => "Bitbucket.Refit.TokenSource:" + name;

    internal static string TokenClientName(string name) => "Bitbucket.OAuth2:" + name;

    public IBitbucketBuilder WithBasicAuthentication(string? username = null, string? secret = null) =>
        Use(BitbucketAuthenticationScheme.Basic, o =>
        {
            o.Basic.Username = username ?? o.Basic.Username;
            o.Basic.Secret = secret ?? o.Basic.Secret;
        });

    public IBitbucketBuilder WithAccessToken(string? accessToken = null) =>
        Use(BitbucketAuthenticationScheme.AccessToken, o => o.AccessToken = accessToken ?? o.AccessToken);

    public IBitbucketBuilder WithOAuth1(string? consumerKey = null, string? consumerSecret = null, string? token = null, string? tokenSecret = null) =>
        Use(BitbucketAuthenticationScheme.OAuth1, o =>
        {
            o.OAuth1.ConsumerKey = consumerKey ?? o.OAuth1.ConsumerKey;
            o.OAuth1.ConsumerSecret = consumerSecret ?? o.OAuth1.ConsumerSecret;
            o.OAuth1.Token = token ?? o.OAuth1.Token;
            o.OAuth1.TokenSecret = tokenSecret ?? o.OAuth1.TokenSecret;
        });

    public IBitbucketBuilder WithOAuth2ClientCredentials(string? clientId = null, string? clientSecret = null, IEnumerable<string>? scopes = null)
    {
        var scopeList = scopes?.ToList();
        Use(BitbucketAuthenticationScheme.OAuth2ClientCredentials, o =>
        {
            o.OAuth2.ClientId = clientId ?? o.OAuth2.ClientId;
            o.OAuth2.ClientSecret = clientSecret ?? o.OAuth2.ClientSecret;
            if (scopeList is not null)
            {
                o.OAuth2.Scopes = scopeList;
            }
        });

        services.AddHttpClient(TokenClientName(name), (sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            client.Timeout = options.Timeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        }).ConfigurePrimaryHttpMessageHandler(SecretEndpoint.CreatePrimaryHandler); // token endpoints' redirects are never followed
        services.AddKeyedSingleton<IBitbucketTokenSource>(TokenSourceKey(name), (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClientName(name));
            var client = new OAuth2TokenClient(http, options.OAuth2.TokenEndpoint, options.OAuth2.ClientId!, options.OAuth2.ClientSecret!);
            return new ClientCredentialsTokenSource(client, options.OAuth2.Scopes, sp.GetRequiredService<TimeProvider>(), options.OAuth2.RefreshSkew);
        });
        return this;
    }

    public IBitbucketBuilder WithOAuth2(Func<IServiceProvider, IBitbucketTokenSource> tokenSourceFactory)
    {
        ArgumentNullException.ThrowIfNull(tokenSourceFactory);
        Use(BitbucketAuthenticationScheme.OAuth2TokenSource, static _ => { });
        services.AddKeyedSingleton(TokenSourceKey(name), (sp, _) => tokenSourceFactory(sp));
        return this;
    }

    public IBitbucketBuilder WithOAuth2(IBitbucketTokenSource tokenSource)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        return WithOAuth2(_ => tokenSource);
    }

    internal void AddAuthenticationHandler() =>
        httpClientBuilder.AddHttpMessageHandler(sp => CreateHandler(sp, name));

    private static DelegatingHandler CreateHandler(IServiceProvider sp, string name)
    {
        var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
        var scope = new CredentialScope([options.BaseAddress]);
        return options.AuthenticationScheme switch
        {
            BitbucketAuthenticationScheme.Basic => new BasicAuthenticationHandler(options.Basic.Username!, options.Basic.Secret!, scope),
            BitbucketAuthenticationScheme.AccessToken => new BearerTokenHandler(options.AccessToken!, scope),
            BitbucketAuthenticationScheme.OAuth1 => new OAuth1SigningHandler(
                new OAuth1Signer(
                    new OAuth1Credentials(options.OAuth1.ConsumerKey!, options.OAuth1.ConsumerSecret!, options.OAuth1.Token, options.OAuth1.TokenSecret),
                    sp.GetRequiredService<TimeProvider>()),
                scope),
            BitbucketAuthenticationScheme.OAuth2ClientCredentials or BitbucketAuthenticationScheme.OAuth2TokenSource =>
                new OAuth2Handler(sp.GetRequiredKeyedService<IBitbucketTokenSource>(TokenSourceKey(name)), scope),
            _ => new AnonymousHandler(),
        };
    }

    private BitbucketBuilder Use(BitbucketAuthenticationScheme scheme, Action<BitbucketOptions> configure)
    {
        if (_scheme != BitbucketAuthenticationScheme.None)
        {
            throw new InvalidOperationException(
                $"The Bitbucket registration '{name}' already uses {_scheme}; a registration has one authentication scheme. Register another one with AddBitbucket(\"name\", …) for a second identity.");
        }

        _scheme = scheme;
        services.Configure<BitbucketOptions>(name, o =>
        {
            configure(o);
            o.AuthenticationScheme = scheme;
        });
        return this;
    }

    /// <summary>Sends requests without credentials, and strips any <c>Authorization</c> header set elsewhere.</summary>
    private sealed class AnonymousHandler : DelegatingHandler;
}
