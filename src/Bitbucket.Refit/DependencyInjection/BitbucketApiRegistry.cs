using Bitbucket;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Bitbucket.DependencyInjection;

/// <summary>The list of API interfaces a registration resolves, each a source-generated Refit client.</summary>
internal static class BitbucketApiRegistry
{
    public static void Register(IServiceCollection services, string clientName, string settingsKey, string? key)
    {
        Add<IUsersApi>(services, clientName, settingsKey, key);
        Add<IWorkspacesApi>(services, clientName, settingsKey, key);
        Add<IRepositoriesApi>(services, clientName, settingsKey, key);
        Add<IPullRequestsApi>(services, clientName, settingsKey, key);
        Add<ICommitsApi>(services, clientName, settingsKey, key);
        Add<ICommitStatusesApi>(services, clientName, settingsKey, key);
        Add<IRefsApi>(services, clientName, settingsKey, key);
        Add<IBranchRestrictionsApi>(services, clientName, settingsKey, key);
        Add<IBranchingModelApi>(services, clientName, settingsKey, key);
        Add<ISourceApi>(services, clientName, settingsKey, key);
        Add<IWebhooksApi>(services, clientName, settingsKey, key);
        Add<IPipelinesApi>(services, clientName, settingsKey, key);
        Add<ISnippetsApi>(services, clientName, settingsKey, key);
        Add<IDeploymentsApi>(services, clientName, settingsKey, key);
        Add<IProjectsApi>(services, clientName, settingsKey, key);
        Add<IPropertiesApi>(services, clientName, settingsKey, key);
        Add<IReportsApi>(services, clientName, settingsKey, key);
        Add<ISshKeysApi>(services, clientName, settingsKey, key);
        Add<IGpgKeysApi>(services, clientName, settingsKey, key);
        Add<IDownloadsApi>(services, clientName, settingsKey, key);
        Add<IAddonApi>(services, clientName, settingsKey, key);
        Add<ISearchApi>(services, clientName, settingsKey, key);

        if (key is null)
        {
            services.AddTransient<IBitbucketClient>(sp => new BitbucketClient(sp, null));
        }
        else
        {
            services.AddKeyedTransient<IBitbucketClient>(key, (sp, k) => new BitbucketClient(sp, (string)k!));
        }
    }

    private static void Add<T>(IServiceCollection services, string clientName, string settingsKey, string? key)
        where T : class
    {
        if (key is null)
        {
            services.AddTransient(sp => Create<T>(sp, clientName, settingsKey));
        }
        else
        {
            services.AddKeyedTransient(key, (sp, _) => Create<T>(sp, clientName, settingsKey));
        }
    }

    private static T Create<T>(IServiceProvider sp, string clientName, string settingsKey)
        where T : class =>
        RestService.ForGenerated<T>(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
            sp.GetRequiredKeyedService<RefitSettings>(settingsKey));
}
