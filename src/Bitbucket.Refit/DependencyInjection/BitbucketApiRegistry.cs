using System.Diagnostics.CodeAnalysis;
using Bitbucket;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Bitbucket.DependencyInjection;

/// <summary>The list of API interfaces a registration resolves, each a source-generated Refit client.</summary>
internal static class BitbucketApiRegistry
{
    public static void Register(IServiceCollection services, string clientName, string settingsKey, string? key)
    {
        Add<IUsersApi, IUsersApiClient>(services, clientName, settingsKey, key);
        Add<IWorkspacesApi, IWorkspacesApiClient>(services, clientName, settingsKey, key);
        Add<IRepositoriesApi, IRepositoriesApiClient>(services, clientName, settingsKey, key);
        Add<IPullRequestsApi, IPullRequestsApiClient>(services, clientName, settingsKey, key);
        Add<ICommitsApi, ICommitsApiClient>(services, clientName, settingsKey, key);
        Add<ICommitStatusesApi, ICommitStatusesApiClient>(services, clientName, settingsKey, key);
        Add<IRefsApi, IRefsApiClient>(services, clientName, settingsKey, key);
        Add<IBranchRestrictionsApi, IBranchRestrictionsApiClient>(services, clientName, settingsKey, key);
        Add<IBranchingModelApi, IBranchingModelApi>(services, clientName, settingsKey, key);
        Add<ISourceApi, ISourceApiClient>(services, clientName, settingsKey, key);
        Add<IWebhooksApi, IWebhooksApiClient>(services, clientName, settingsKey, key);
        Add<IPipelinesApi, IPipelinesApiClient>(services, clientName, settingsKey, key);
        Add<ISnippetsApi, ISnippetsApiClient>(services, clientName, settingsKey, key);
        Add<IDeploymentsApi, IDeploymentsApiClient>(services, clientName, settingsKey, key);
        Add<IProjectsApi, IProjectsApiClient>(services, clientName, settingsKey, key);
        Add<IPropertiesApi, IPropertiesApi>(services, clientName, settingsKey, key);
        Add<IReportsApi, IReportsApiClient>(services, clientName, settingsKey, key);
        Add<ISshKeysApi, ISshKeysApiClient>(services, clientName, settingsKey, key);
        Add<IGpgKeysApi, IGpgKeysApiClient>(services, clientName, settingsKey, key);
        Add<IDownloadsApi, IDownloadsApiClient>(services, clientName, settingsKey, key);
        Add<IAddonApi, IAddonApi>(services, clientName, settingsKey, key);
        Add<ISearchApi, ISearchApiClient>(services, clientName, settingsKey, key);

        if (key is null)
        {
            services.AddTransient<IBitbucketClient>(sp => new BitbucketClient(sp, null));
        }
        else
        {
            services.AddKeyedTransient<IBitbucketClient>(key, (sp, k) => new BitbucketClient(sp, (string)k!));
        }
    }

    /// <summary>Registers <typeparamref name="T"/>, implemented by the generated client of <typeparamref name="TClient"/>
    /// (the interface itself, or the internal one that adds the Refit routes of its lists).</summary>
    private static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TClient>(IServiceCollection services, string clientName, string settingsKey, string? key)
        where T : class
        where TClient : class, T
    {
        Http.OperationShapes.Register<T, TClient>();
        if (key is null)
        {
            services.AddTransient<T>(sp => Create<TClient>(sp, clientName, settingsKey));
        }
        else
        {
            services.AddKeyedTransient<T>(key, (sp, _) => Create<TClient>(sp, clientName, settingsKey));
        }
    }

    private static T Create<T>(IServiceProvider sp, string clientName, string settingsKey)
        where T : class =>
        RestService.ForGenerated<T>(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
            sp.GetRequiredKeyedService<RefitSettings>(settingsKey));
}
