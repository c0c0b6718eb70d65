using Bitbucket.Refit.DependencyInjection;

namespace Bitbucket.Refit.Sandbox;

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
}
