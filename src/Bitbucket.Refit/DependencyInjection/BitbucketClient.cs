using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket;

/// <summary>Resolves each API group of one registration from the container on first use.</summary>
internal sealed class BitbucketClient(IServiceProvider services, string? key) : IBitbucketClient
{
    private IUsersApi? _users;

    private IWorkspacesApi? _workspaces;

    private IRepositoriesApi? _repositories;

    private IPullRequestsApi? _pullRequests;

    private ICommitsApi? _commits;

    private ICommitStatusesApi? _commitStatuses;

    private IRefsApi? _refs;

    private IBranchRestrictionsApi? _branchRestrictions;

    private IBranchingModelApi? _branchingModel;

    private ISourceApi? _source;

    private IWebhooksApi? _webhooks;

    private IPipelinesApi? _pipelines;

    private ISnippetsApi? _snippets;

    private IDeploymentsApi? _deployments;

    private IProjectsApi? _projects;

    private IPropertiesApi? _properties;

    private IReportsApi? _reports;

    private ISshKeysApi? _sshKeys;

    private IGpgKeysApi? _gpgKeys;

    private IDownloadsApi? _downloads;

    private IAddonApi? _addon;

    private ISearchApi? _search;

    public IUsersApi Users => _users ??= Resolve<IUsersApi>();

    public IWorkspacesApi Workspaces => _workspaces ??= Resolve<IWorkspacesApi>();

    public IRepositoriesApi Repositories => _repositories ??= Resolve<IRepositoriesApi>();

    public IPullRequestsApi PullRequests => _pullRequests ??= Resolve<IPullRequestsApi>();

    public ICommitsApi Commits => _commits ??= Resolve<ICommitsApi>();

    public ICommitStatusesApi CommitStatuses => _commitStatuses ??= Resolve<ICommitStatusesApi>();

    public IRefsApi Refs => _refs ??= Resolve<IRefsApi>();

    public IBranchRestrictionsApi BranchRestrictions => _branchRestrictions ??= Resolve<IBranchRestrictionsApi>();

    public IBranchingModelApi BranchingModel => _branchingModel ??= Resolve<IBranchingModelApi>();

    public ISourceApi Source => _source ??= Resolve<ISourceApi>();

    public IWebhooksApi Webhooks => _webhooks ??= Resolve<IWebhooksApi>();

    public IPipelinesApi Pipelines => _pipelines ??= Resolve<IPipelinesApi>();

    public ISnippetsApi Snippets => _snippets ??= Resolve<ISnippetsApi>();

    public IDeploymentsApi Deployments => _deployments ??= Resolve<IDeploymentsApi>();

    public IProjectsApi Projects => _projects ??= Resolve<IProjectsApi>();

    public IPropertiesApi Properties => _properties ??= Resolve<IPropertiesApi>();

    public IReportsApi Reports => _reports ??= Resolve<IReportsApi>();

    public ISshKeysApi SshKeys => _sshKeys ??= Resolve<ISshKeysApi>();

    public IGpgKeysApi GpgKeys => _gpgKeys ??= Resolve<IGpgKeysApi>();

    public IDownloadsApi Downloads => _downloads ??= Resolve<IDownloadsApi>();

    public IAddonApi Addon => _addon ??= Resolve<IAddonApi>();

    public ISearchApi Search => _search ??= Resolve<ISearchApi>();

    private T Resolve<T>()
        where T : notnull =>
        key is null ? services.GetRequiredService<T>() : services.GetRequiredKeyedService<T>(key);
}
