using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket.Sandbox;

namespace Bitbucket.Samples.Web;

/// <summary>
/// The Bitbucket the sample talks to, decided once at start-up: bitbucket.org when an OAuth consumer is configured,
/// otherwise the embedded sandbox with its own consumer. Holds every address the sign-ins and the API calls use.
/// </summary>
internal sealed record BitbucketTarget
{
    /// <summary>The configuration section of the sample.</summary>
    public const string Section = "Bitbucket";

    public required bool IsSandbox { get; init; }

    /// <summary>The page a person would visit: bitbucket.org or the sandbox's root.</summary>
    public required Uri Site { get; init; }

    public required Uri ApiBaseAddress { get; init; }

    public required Uri OAuth2AuthorizeEndpoint { get; init; }

    public required Uri OAuth2TokenEndpoint { get; init; }

    public required OAuth1Endpoints OAuth1Endpoints { get; init; }

    /// <summary>The OAuth 2 client (consumer key and secret), or <see langword="null"/> when not configured.</summary>
    public OAuthConsumer? OAuth2 { get; init; }

    /// <summary>The scopes asked for with OAuth 2; empty asks for the consumer's own (Bitbucket's usual way).</summary>
    public IReadOnlyList<string> OAuth2Scopes { get; init; } = [];

    /// <summary>The OAuth 1.0a consumer, or <see langword="null"/> when not configured.</summary>
    public OAuthConsumer? OAuth1 { get; init; }

    /// <summary>Whether configuration asks for bitbucket.org: an OAuth consumer is set and <c>Bitbucket:UseSandbox</c> is not true.</summary>
    public static bool WantsBitbucketOrg(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section.GetValue<bool?>("UseSandbox") is { } useSandbox)
        {
            return !useSandbox;
        }

        return OAuthConsumer.From(section, "OAuth2", "ClientId", "ClientSecret") is not null
            || OAuthConsumer.From(section, "OAuth1", "ConsumerKey", "ConsumerSecret") is not null;
    }

    /// <summary>bitbucket.org, with the consumers found in configuration.</summary>
    public static BitbucketTarget ForBitbucketOrg(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new BitbucketTarget
        {
            IsSandbox = false,
            Site = new Uri("https://bitbucket.org/"),
            ApiBaseAddress = BitbucketOptions.DefaultBaseAddress,
            OAuth2AuthorizeEndpoint = OAuth2ClientOptions.DefaultAuthorizationEndpoint,
            OAuth2TokenEndpoint = OAuth2ClientOptions.DefaultTokenEndpoint,
            OAuth1Endpoints = OAuth1Endpoints.Bitbucket,
            OAuth2 = OAuthConsumer.From(section, "OAuth2", "ClientId", "ClientSecret"),
            OAuth2Scopes = section.GetSection("OAuth2:Scopes").Get<string[]>() ?? [],
            OAuth1 = OAuthConsumer.From(section, "OAuth1", "ConsumerKey", "ConsumerSecret"),
        };
    }

    /// <summary>The embedded sandbox, signing in with its first consumer for both OAuth versions.</summary>
    public static BitbucketTarget ForSandbox(BitbucketSandbox sandbox)
    {
        var consumer = new OAuthConsumer(sandbox.Seed.Consumer.Key, sandbox.Seed.Consumer.Secret);
        return new BitbucketTarget
        {
            IsSandbox = true,
            Site = sandbox.Address,
            ApiBaseAddress = sandbox.ApiBaseAddress,
            OAuth2AuthorizeEndpoint = sandbox.OAuth2AuthorizeEndpoint,
            OAuth2TokenEndpoint = sandbox.OAuth2TokenEndpoint,
            OAuth1Endpoints = new OAuth1Endpoints(sandbox.OAuth1RequestTokenEndpoint, sandbox.OAuth1AuthorizeEndpoint, sandbox.OAuth1AccessTokenEndpoint),
            OAuth2 = consumer,
            OAuth1 = consumer,
        };
    }

    /// <summary>The OAuth 2 client and endpoints in the library's terms, for <see cref="OAuth2Flow"/>.</summary>
    public OAuth2ClientOptions OAuth2Client() => new()
    {
        ClientId = OAuth2?.Key ?? throw new InvalidOperationException("OAuth 2 is not configured (Bitbucket:OAuth2:ClientId and ClientSecret)."),
        ClientSecret = OAuth2.Secret,
        AuthorizationEndpoint = OAuth2AuthorizeEndpoint,
        TokenEndpoint = OAuth2TokenEndpoint,
        Scopes = [.. OAuth2Scopes],
    };

    /// <summary>Sets the API address (and the OAuth 2 endpoints) of a Bitbucket.Refit registration.</summary>
    public void Apply(BitbucketOptions options)
    {
        options.BaseAddress = ApiBaseAddress;
        options.OAuth2.AuthorizationEndpoint = OAuth2AuthorizeEndpoint;
        options.OAuth2.TokenEndpoint = OAuth2TokenEndpoint;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"BitbucketTarget {{ IsSandbox = {IsSandbox}, ApiBaseAddress = {ApiBaseAddress}, OAuth2 = {OAuth2?.ToString() ?? "(none)"}, OAuth1 = {OAuth1?.ToString() ?? "(none)"} }}";
}

/// <summary>An OAuth consumer's key and secret; the secret never appears in <see cref="ToString"/>.</summary>
internal sealed record OAuthConsumer(string Key, string Secret)
{
    public static OAuthConsumer? From(IConfiguration section, string name, string keyName, string secretName)
    {
        var key = section[$"{name}:{keyName}"];
        var secret = section[$"{name}:{secretName}"];
        return string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(secret) ? null : new OAuthConsumer(key, secret);
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuthConsumer {{ Key = {Key}, Secret = *** }}";
}
