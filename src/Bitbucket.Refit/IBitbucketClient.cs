
namespace Bitbucket;

/// <summary>
/// The whole Bitbucket Cloud API, one property per group; each property is the Refit interface of that group, so a
/// service can take this one dependency and a test can substitute any group.
/// </summary>
public interface IBitbucketClient
{
    /// <summary>Gets the API for the current user, e-mails and public profiles.</summary>
    IUsersApi Users { get; }

    /// <summary>Gets the API for workspaces, members, permissions, workspace webhooks and projects listing.</summary>
    IWorkspacesApi Workspaces { get; }

    /// <summary>Gets the API for repositories, forks, watchers, repository webhooks and permissions.</summary>
    IRepositoriesApi Repositories { get; }

    /// <summary>Gets the API for pull requests, reviewers, comments, tasks, approvals and merges.</summary>
    IPullRequestsApi PullRequests { get; }

    /// <summary>Gets the API for commits, their comments and approvals, diffs, patches and merge bases.</summary>
    ICommitsApi Commits { get; }

    /// <summary>Gets the API for build statuses of commits.</summary>
    ICommitStatusesApi CommitStatuses { get; }

    /// <summary>Gets the API for branches and tags.</summary>
    IRefsApi Refs { get; }

    /// <summary>Gets the API for branch permissions and merge checks.</summary>
    IBranchRestrictionsApi BranchRestrictions { get; }

    /// <summary>Gets the API for branching models of repositories and projects.</summary>
    IBranchingModelApi BranchingModel { get; }

    /// <summary>Gets the API for file browsing, file history and committing files.</summary>
    ISourceApi Source { get; }

    /// <summary>Gets the API for webhook event types.</summary>
    IWebhooksApi Webhooks { get; }

    /// <summary>Gets the API for Bitbucket Pipelines: runs, steps, logs, variables, schedules, caches, runners and SSH settings.</summary>
    IPipelinesApi Pipelines { get; }

    /// <summary>Gets the API for snippets, their files, comments and revisions.</summary>
    ISnippetsApi Snippets { get; }

    /// <summary>Gets the API for deployments, environments, their variables and deploy keys.</summary>
    IDeploymentsApi Deployments { get; }

    /// <summary>Gets the API for projects, their permissions and deploy keys.</summary>
    IProjectsApi Projects { get; }

    /// <summary>Gets the API for application properties stored on repositories, commits, pull requests and users.</summary>
    IPropertiesApi Properties { get; }

    /// <summary>Gets the API for Code Insights reports and annotations.</summary>
    IReportsApi Reports { get; }

    /// <summary>Gets the API for SSH keys of users.</summary>
    ISshKeysApi SshKeys { get; }

    /// <summary>Gets the API for GPG keys of users.</summary>
    IGpgKeysApi GpgKeys { get; }

    /// <summary>Gets the API for download artifacts of repositories.</summary>
    IDownloadsApi Downloads { get; }

    /// <summary>Gets the API for Connect app (add-on) management.</summary>
    IAddonApi Addon { get; }

    /// <summary>Gets the API for code search.</summary>
    ISearchApi Search { get; }
}
