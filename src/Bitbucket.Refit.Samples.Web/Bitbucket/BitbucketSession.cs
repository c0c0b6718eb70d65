using Bitbucket.Refit.Api;
using Bitbucket.Refit.DependencyInjection;
using Refit;

namespace Bitbucket.Refit.Samples.Web.Bitbucket;

/// <summary>What the profile page needs from Bitbucket, acting as the signed-in user.</summary>
/// <param name="Users">The library's users API (<c>GET /user</c>).</param>
/// <param name="Lists">The workspace, repository and pull-request lists.</param>
internal sealed record BitbucketSession(IUsersApi Users, IProfileLists Lists);

/// <summary>Registers <see cref="IProfileLists"/> on the HTTP pipeline of a Bitbucket.Refit registration.</summary>
internal static class ProfileListsRegistration
{
    private static readonly RefitSettings Settings = BitbucketServiceCollectionExtensions.CreateRefitSettings();

    /// <summary>Adds <see cref="IProfileLists"/> on the named client of <paramref name="builder"/>, credentials and retries included.</summary>
    public static IBitbucketBuilder WithProfileLists(this IBitbucketBuilder builder)
    {
        var clientName = BitbucketServiceCollectionExtensions.GetHttpClientName(builder.Name);
        builder.Services.AddTransient(sp => RestService.ForGenerated<IProfileLists>(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName), Settings));
        return builder;
    }
}
