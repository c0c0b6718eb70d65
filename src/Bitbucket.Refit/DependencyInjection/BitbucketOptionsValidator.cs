using System.Net;
using Microsoft.Extensions.Options;

namespace Bitbucket.DependencyInjection;

/// <summary>
/// Checks <see cref="BitbucketOptions"/> when the host starts: a usable base address and every value the chosen
/// authentication needs. Messages name the configuration key, never its value.
/// </summary>
internal sealed class BitbucketOptionsValidator : IValidateOptions<BitbucketOptions>
{
    public ValidateOptionsResult Validate(string? name, BitbucketOptions options)
    {
        var failures = new List<string>();
        var path = options.ConfigurationPath;
        string Key(string key) => path + ":" + key;

        var baseAddress = options.BaseAddress;
        if (baseAddress is null || !baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Key(nameof(BitbucketOptions.BaseAddress))} must be an absolute http or https URL.");
        }
        else if (baseAddress.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseAddress) && !options.AllowInsecureHttp)
        {
            failures.Add($"{Key(nameof(BitbucketOptions.BaseAddress))} uses plain http to a host that is not loopback; credentials travel only over https. Set {Key(nameof(BitbucketOptions.AllowInsecureHttp))} to true to allow it.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{Key(nameof(BitbucketOptions.Timeout))} must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add($"{Key(nameof(BitbucketOptions.UserAgent))} must not be empty.");
        }

        var resilience = options.Resilience;
        if (resilience.MaxRetries < 0)
        {
            failures.Add($"{Key("Resilience:MaxRetries")} must not be negative.");
        }

        if (resilience.TotalTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Key("Resilience:TotalTimeout")} must be positive.");
        }

        void Require(string? value, string key, string by)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{Key(key)} is missing or empty; {by} needs it.");
            }
        }

        switch (options.AuthenticationScheme)
        {
            case BitbucketAuthenticationScheme.Basic:
                Require(options.Basic.Username, "Basic:Username", "WithBasicAuthentication");
                Require(options.Basic.Secret, "Basic:Secret", "WithBasicAuthentication");
                break;
            case BitbucketAuthenticationScheme.AccessToken:
                Require(options.AccessToken, "AccessToken", "WithAccessToken");
                break;
            case BitbucketAuthenticationScheme.OAuth1:
                Require(options.OAuth1.ConsumerKey, "OAuth1:ConsumerKey", "WithOAuth1");
                Require(options.OAuth1.ConsumerSecret, "OAuth1:ConsumerSecret", "WithOAuth1");
                if (string.IsNullOrEmpty(options.OAuth1.Token) != string.IsNullOrEmpty(options.OAuth1.TokenSecret))
                {
                    failures.Add($"{Key("OAuth1:Token")} and {Key("OAuth1:TokenSecret")} must be given together (3-legged) or both left out (1-legged).");
                }

                break;
            case BitbucketAuthenticationScheme.OAuth2ClientCredentials:
                Require(options.OAuth2.ClientId, "OAuth2:ClientId", "WithOAuth2ClientCredentials");
                Require(options.OAuth2.ClientSecret, "OAuth2:ClientSecret", "WithOAuth2ClientCredentials");
                if (options.OAuth2.TokenEndpoint is not { IsAbsoluteUri: true } endpoint)
                {
                    failures.Add($"{Key("OAuth2:TokenEndpoint")} must be an absolute URL.");
                }
                else if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && IsLoopback(endpoint)))
                {
                    // AllowInsecureHttp does not cover it: a token endpoint receives the client secret on every request.
                    failures.Add($"{Key("OAuth2:TokenEndpoint")} must use https (plain http only to loopback); the client secret travels to it.");
                }

                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
