using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Sandbox;

/// <summary>Points Bitbucket.Refit at a <see cref="BitbucketSandbox"/>.</summary>
public static class BitbucketSandboxExtensions
{
    /// <summary>
    /// Sets the API base address and the OAuth 2 authorize and token endpoints to the sandbox's, so
    /// <c>services.AddBitbucket(o =&gt; o.UseSandbox(sandbox))</c> is the one line a test or demo needs.
    /// </summary>
    /// <param name="options">The options of the registration.</param>
    /// <param name="sandbox">The running sandbox.</param>
    /// <returns>The same options.</returns>
    public static BitbucketOptions UseSandbox(this BitbucketOptions options, BitbucketSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandbox);
        options.BaseAddress = sandbox.ApiBaseAddress;
        options.OAuth2.TokenEndpoint = sandbox.OAuth2TokenEndpoint;
        options.OAuth2.AuthorizationEndpoint = sandbox.OAuth2AuthorizeEndpoint;
        return options;
    }

    /// <summary>Creates the OAuth 2 flow of an OAuth consumer of the sandbox (the seed's first one by default).</summary>
    /// <param name="sandbox">The running sandbox.</param>
    /// <param name="httpClient">The client that posts to the token endpoint.</param>
    /// <param name="redirectUri">The callback sent as <c>redirect_uri</c>, or <see langword="null"/> for the consumer's.</param>
    /// <param name="consumer">The consumer; <see cref="SandboxSeed.Consumer"/> when <see langword="null"/>.</param>
    /// <returns>The flow.</returns>
    public static OAuth2Flow CreateOAuth2Flow(this BitbucketSandbox sandbox, HttpClient httpClient, Uri? redirectUri = null, SandboxOAuthConsumer? consumer = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        consumer ??= sandbox.Seed.Consumer;
        var options = new OAuth2ClientOptions
        {
            ClientId = consumer.Key,
            ClientSecret = consumer.Secret,
            TokenEndpoint = sandbox.OAuth2TokenEndpoint,
            AuthorizationEndpoint = sandbox.OAuth2AuthorizeEndpoint,
        };
        return new OAuth2Flow(httpClient, options, redirectUri);
    }

    /// <summary>Creates the OAuth 1.0a flow of an OAuth consumer of the sandbox (the seed's first one by default).</summary>
    /// <param name="sandbox">The running sandbox.</param>
    /// <param name="httpClient">The client that posts to the token endpoints.</param>
    /// <param name="consumer">The consumer; <see cref="SandboxSeed.Consumer"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for <c>oauth_timestamp</c>; the sandbox's clock when <see langword="null"/>.</param>
    /// <returns>The flow.</returns>
    public static OAuth1Flow CreateOAuth1Flow(this BitbucketSandbox sandbox, HttpClient httpClient, SandboxOAuthConsumer? consumer = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        consumer ??= sandbox.Seed.Consumer;
        return new OAuth1Flow(httpClient, consumer.Key, consumer.Secret, sandbox.OAuth1Endpoints, timeProvider ?? sandbox.Clock);
    }
}
