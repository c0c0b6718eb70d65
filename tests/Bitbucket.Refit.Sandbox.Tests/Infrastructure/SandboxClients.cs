using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Bitbucket.Sandbox.Tests.Infrastructure;

/// <summary>Builds clients the way an application does: <c>AddBitbucket(o =&gt; o.UseSandbox(sandbox))</c> plus one authentication.</summary>
internal static class SandboxClients
{
    public static ServiceProvider Create(
        BitbucketSandbox sandbox,
        Action<IBitbucketBuilder> authentication,
        Action<IServiceCollection>? services = null,
        Action<IHttpClientBuilder>? httpClient = null,
        Action<BitbucketOptions>? configure = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddBitbucket(o =>
        {
            o.UseSandbox(sandbox);
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        authentication(builder);
        httpClient?.Invoke(builder.HttpClientBuilder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static IBitbucketClient Client(this IServiceProvider services) => services.GetRequiredService<IBitbucketClient>();

    /// <summary>The operations the library's interfaces on this branch do not have yet, through the same pipeline.</summary>
    public static ISandboxTestApi TestApi(this IServiceProvider services) =>
        RestService.ForGenerated<ISandboxTestApi>(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(BitbucketServiceCollectionExtensions.GetHttpClientName(string.Empty)),
            BitbucketServiceCollectionExtensions.CreateRefitSettings());

    public static IBitbucketBuilder AsUser(this IBitbucketBuilder builder, SandboxUser user) =>
        builder.WithBasicAuthentication(user.Email, user.ApiToken);
}
