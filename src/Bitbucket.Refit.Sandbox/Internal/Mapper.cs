using System.Text.Json;
using Bitbucket.Models;
using Bitbucket.Serialization;
using ModelPullRequestState = Bitbucket.Models.PullRequestState;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Turns the sandbox's state into the library's models, with links in Bitbucket's shapes.</summary>
internal sealed class Mapper(State state)
{
    private static readonly JsonSerializerOptions Options = BitbucketJsonContext.Default.Options;

    public string Api(string relative) => new Uri(state.ApiBase, relative).AbsoluteUri;

    public string Html(string relative) => new Uri(state.Address, relative).AbsoluteUri;

    public static Link L(string href) => new() { Href = href };

    public static JsonElement S(string value) => JsonSerializer.SerializeToElement(value, BitbucketJsonContext.Default.String);

    /// <summary>A JSON <c>null</c>, for the fields Bitbucket sends as <c>null</c> rather than leaving out (the library's
    /// context omits null properties, so these travel as extension data).</summary>
    public static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>Renders markdown-ish text the way Bitbucket's <c>rendered</c> objects carry it.</summary>
    public static RenderedContent Rendered(string raw) => new()
    {
        Type = "rendered",
        Raw = raw,
        Markup = MarkupLanguage.Markdown,
        Html = raw.Length == 0 ? string.Empty : "<p>" + System.Net.WebUtility.HtmlEncode(raw.TrimEnd()) + "</p>",
    };

    /// <summary>The authenticated user as <c>GET /user</c> sends it: the public account plus the private fields.</summary>
    public Account CurrentUser(UserState user) => User(user) with
    {
        Username = user.Username,
        Has2faEnabled = false,
        IsStaff = false,
        AdditionalProperties = new Dictionary<string, JsonElement> { ["location"] = JsonNull },
    };

    public static string Esc(string segment) => Uri.EscapeDataString(segment);

    public Account User(UserState user) => new()
    {
        Type = "user",
        Uuid = user.Uuid,
        AccountId = user.AccountId,
        DisplayName = user.Seed.DisplayName,
        Nickname = user.Username,
        AccountStatus = "active",
        CreatedOn = state.Epoch.AddYears(-1),
        Has2faEnabled = null,
        Links = new AccountLinks
        {
            Self = L(Api("users/" + Esc(user.Uuid))),
            Html = L(Html(user.Username + "/")),
            Avatar = L(Html("account/" + user.Username + "/avatar/")),
        },
    };

    public Account UserSummary(UserState user) => User(user) with { CreatedOn = null, AccountStatus = null };

    public WorkspaceBase WorkspaceBase(WorkspaceState ws) => new()
    {
        Type = "workspace",
        Uuid = ws.Uuid,
        Slug = ws.Slug,
        Links = new WorkspaceBaseLinks { Self = L(Api("workspaces/" + Esc(ws.Slug))), Avatar = L(Html("workspaces/" + ws.Slug + "/avatar/")) },
        AdditionalProperties = new Dictionary<string, JsonElement> { ["name"] = S(ws.Name) },
    };

    public Workspace Workspace(WorkspaceState ws) => new()
    {
        Type = "workspace",
        Uuid = ws.Uuid,
        Name = ws.Name,
        Slug = ws.Slug,
        IsPrivate = true,
        IsPrivacyEnforced = false,
        ForkingMode = WorkspaceForkingMode.AllowForks,
        CreatedOn = ws.CreatedOn,
        UpdatedOn = ws.CreatedOn,
        Links = new WorkspaceLinks
        {
            Self = L(Api("workspaces/" + Esc(ws.Slug))),
            Html = L(Html(ws.Slug + "/")),
            Avatar = L(Html("workspaces/" + ws.Slug + "/avatar/")),
            Members = L(Api("workspaces/" + Esc(ws.Slug) + "/members")),
            Owners = L(Api("workspaces/" + Esc(ws.Slug) + "/members?q=permission%3D%22owner%22")),
            Projects = L(Api("workspaces/" + Esc(ws.Slug) + "/projects")),
            Repositories = L(Api("repositories/" + Esc(ws.Slug))),
            Snippets = L(Api("snippets/" + Esc(ws.Slug))),
        },
    };

    public Team Team(WorkspaceState ws) => new()
    {
        Type = "team",
        Uuid = ws.Uuid,
        DisplayName = ws.Name,
        Nickname = ws.Slug,
        Links = new AccountLinks
        {
            Self = L(Api("workspaces/" + Esc(ws.Slug))),
            Html = L(Html(ws.Slug + "/")),
            Avatar = L(Html("workspaces/" + ws.Slug + "/avatar/")),
        },
        AdditionalProperties = new Dictionary<string, JsonElement> { ["username"] = S(ws.Slug) },
    };

    public Project Project(ProjectState project) => new()
    {
        Type = "project",
        Uuid = project.Uuid,
        Key = project.Key,
        Name = project.Name,
        Description = project.Description,
        IsPrivate = project.IsPrivate,
        CreatedOn = project.CreatedOn,
        UpdatedOn = project.UpdatedOn,
        HasPubliclyVisibleRepos = project.Workspace.Repositories.Values.Any(r => r.Project == project && !r.IsPrivate),
        Owner = Team(project.Workspace),
        Links = new ProjectLinks
        {
            Html = L(Html(project.Workspace.Slug + "/workspace/projects/" + project.Key)),
            Avatar = L(Html(project.Workspace.Slug + "/workspace/projects/" + project.Key + "/avatar/")),
        },
        AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["workspace"] = JsonSerializer.SerializeToElement(WorkspaceBase(project.Workspace), BitbucketJsonContext.Default.WorkspaceBase),
        },
    };

    public Project ProjectSummary(ProjectState project) => new()
    {
        Type = "project",
        Uuid = project.Uuid,
        Key = project.Key,
        Name = project.Name,
        Links = new ProjectLinks { Html = L(Html(project.Workspace.Slug + "/workspace/projects/" + project.Key)) },
    };

    public Repository Repository(RepositoryState repo) => RepositorySummary(repo) with
    {
        Description = repo.Description,
        IsPrivate = repo.IsPrivate,
        Scm = Scm.Git,
        Owner = Team(repo.Workspace),
        CreatedOn = repo.CreatedOn,
        UpdatedOn = repo.UpdatedOn,
        Size = 1024L * (40 + repo.Commits.Count),
        Language = repo.Language,
        HasIssues = false,
        HasWiki = false,
        ForkPolicy = RepositoryForkPolicy.AllowForks,
        Project = ProjectSummary(repo.Project),
        MainBranch = new Branch { Type = "branch", Name = repo.MainBranch },
        Links = new RepositoryLinks
        {
            Self = L(Api(RepoPath(repo))),
            Html = L(Html(repo.FullName)),
            Avatar = L(Html(repo.FullName + "/avatar/")),
            PullRequests = L(Api(RepoPath(repo) + "/pullrequests")),
            Commits = L(Api(RepoPath(repo) + "/commits")),
            Forks = L(Api(RepoPath(repo) + "/forks")),
            Watchers = L(Api(RepoPath(repo) + "/watchers")),
            Downloads = L(Api(RepoPath(repo) + "/downloads")),
            Hooks = L(Api(RepoPath(repo) + "/hooks")),
            CloneLinks =
            [
                new Link { Name = "https", Href = Html(repo.FullName + ".git") },
                new Link { Name = "ssh", Href = "git@" + state.Address.Host + ":" + repo.FullName + ".git" },
            ],
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["branches"] = JsonSerializer.SerializeToElement(L(Api(RepoPath(repo) + "/refs/branches")), BitbucketJsonContext.Default.Link),
                ["tags"] = JsonSerializer.SerializeToElement(L(Api(RepoPath(repo) + "/refs/tags")), BitbucketJsonContext.Default.Link),
            },
        },
        AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["slug"] = S(repo.Slug),
            ["workspace"] = JsonSerializer.SerializeToElement(WorkspaceBase(repo.Workspace), BitbucketJsonContext.Default.WorkspaceBase),
            ["website"] = S(string.Empty),
        },
    };

    public Repository RepositorySummary(RepositoryState repo) => new()
    {
        Type = "repository",
        Uuid = repo.Uuid,
        FullName = repo.FullName,
        Name = repo.Name,
        Links = new RepositoryLinks
        {
            Self = L(Api(RepoPath(repo))),
            Html = L(Html(repo.FullName)),
            Avatar = L(Html(repo.FullName + "/avatar/")),
        },
    };

    public static string RepoPath(RepositoryState repo) => "repositories/" + Esc(repo.Workspace.Slug) + "/" + Esc(repo.Slug);

    public BaseCommit Commit(RepositoryState repo, CommitData commit, bool summary = false)
    {
        var path = RepoPath(repo) + "/commit/" + commit.Hash;
        var links = new BaseCommitLinks
        {
            Self = L(Api(path)),
            Html = L(Html(repo.FullName + "/commits/" + commit.Hash)),
            Diff = L(Api(RepoPath(repo) + "/diff/" + commit.Hash)),
            Approve = L(Api(path + "/approve")),
            Comments = L(Api(path + "/comments")),
            Patch = L(Api(RepoPath(repo) + "/patch/" + commit.Hash)),
            Statuses = L(Api(path + "/statuses")),
        };
        if (summary)
        {
            return new BaseCommit { Type = "commit", Hash = commit.Hash, Links = links };
        }

        return new BaseCommit
        {
            Type = "commit",
            Hash = commit.Hash,
            Date = commit.Date,
            Message = commit.Message,
            Author = new Author { Type = "author", Raw = $"{commit.Author.Seed.DisplayName} <{commit.Author.Seed.Email}>", User = UserSummary(commit.Author) },
            Summary = Rendered(commit.Message),
            Rendered = new BaseCommitRendered { Message = Rendered(commit.Message) },
            Parents = [.. commit.Parents.Select(p => new BaseCommit
            {
                Type = "commit",
                Hash = p,
                Links = new BaseCommitLinks { Self = L(Api(RepoPath(repo) + "/commit/" + p)), Html = L(Html(repo.FullName + "/commits/" + p)) },
            })],
            Repository = RepositorySummary(repo),
            Links = links,
};
    }

    public Commit CommitRef(RepositoryState repo, CommitData commit)
    {
        var full = Commit(repo, commit);
        return new Commit
        {
            Type = full.Type,
            Hash = full.Hash,
            Date = full.Date,
            Author = full.Author,
            Message = full.Message,
            Summary = full.Summary,
            Parents = full.Parents,
            Repository = full.Repository,
            Links = full.Links,
        };
    }

    public Branch Branch(RepositoryState repo, string name, string head) => new()
    {
        Type = "branch",
        Name = name,
        Target = CommitRef(repo, repo.Commits[head]),
        MergeStrategies = [MergeStrategy.MergeCommit, MergeStrategy.Squash, MergeStrategy.FastForward],
        DefaultMergeStrategy = "merge_commit",
        Links = new GitRefLinks
        {
            Self = L(Api(RepoPath(repo) + "/refs/branches/" + Esc(name))),
            Commits = L(Api(RepoPath(repo) + "/commits/" + Esc(name))),
            Html = L(Html(repo.FullName + "/branch/" + name)),
        },
    };

    public Tag Tag(RepositoryState repo, TagData tag) => new()
    {
        Type = "tag",
        Name = tag.Name,
        Target = CommitRef(repo, repo.Commits[tag.Target]),
        Message = tag.Message,
        Date = tag.Date,
        Tagger = new Author { Type = "author", Raw = $"{tag.Tagger.Seed.DisplayName} <{tag.Tagger.Seed.Email}>", User = UserSummary(tag.Tagger) },
        Links = new GitRefLinks
        {
            Self = L(Api(RepoPath(repo) + "/refs/tags/" + Esc(tag.Name))),
            Commits = L(Api(RepoPath(repo) + "/commits/" + Esc(tag.Name))),
            Html = L(Html(repo.FullName + "/commits/tag/" + tag.Name)),
        },
    };

    public string PullRequestPath(RepositoryState repo, PullRequestData pr) =>
        RepoPath(repo) + "/pullrequests/" + pr.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public PullRequest PullRequest(RepositoryState repo, PullRequestData pr)
    {
        var path = PullRequestPath(repo, pr);
        var sourceCommit = pr.ClosedSourceCommit ?? repo.Branches.GetValueOrDefault(pr.SourceBranch);
        var destinationCommit = pr.ClosedDestinationCommit ?? repo.Branches.GetValueOrDefault(pr.DestinationBranch);
        var participants = pr.Participants.Values
            .Select(p => new Participant
            {
                Type = "participant",
                User = UserSummary(p.User),
                Role = pr.Reviewers.Contains(p.User) ? ParticipantRole.Reviewer : ParticipantRole.Participant,
                Approved = p.Approved,
                State = p.ReviewState is null ? null : new ParticipantState(p.ReviewState),
                ParticipatedOn = p.ParticipatedOn,
            })
            .Concat(pr.Reviewers.Where(r => !pr.Participants.ContainsKey(r.Username)).Select(r => new Participant
            {
                Type = "participant",
                User = UserSummary(r),
                Role = ParticipantRole.Reviewer,
                Approved = false,
            }))
            .ToList();
        return new PullRequest
        {
            Type = "pullrequest",
            Id = pr.Id,
            Title = pr.Title,
            Description = pr.Description,
            Summary = Rendered(pr.Description),
            Rendered = new PullRequestRendered
            {
                Title = Rendered(pr.Title),
                Description = Rendered(pr.Description),
                Reason = Rendered(pr.Reason ?? string.Empty),
            },
            State = new ModelPullRequestState(pr.State),
            Author = UserSummary(pr.Author),
            Source = new PullRequestEndpoint
            {
                Branch = new PullRequestEndpointBranch { Name = pr.SourceBranch },
                Commit = sourceCommit is null ? null : new PullRequestCommit
                {
                    Hash = sourceCommit[..12],
                    AdditionalProperties = CommitLinks(repo, sourceCommit),
                },
                Repository = RepositorySummary(repo),
            },
            Destination = new PullRequestEndpoint
            {
                Branch = new PullRequestEndpointBranch { Name = pr.DestinationBranch },
                Commit = destinationCommit is null ? null : new PullRequestCommit
                {
                    Hash = destinationCommit[..12],
                    AdditionalProperties = CommitLinks(repo, destinationCommit),
                },
                Repository = RepositorySummary(repo),
            },
            MergeCommit = pr.MergeCommit is null ? null : new PullRequestCommit { Hash = pr.MergeCommit, AdditionalProperties = CommitLinks(repo, pr.MergeCommit) },
            CommentCount = pr.Comments.Count(c => !c.Deleted),
            TaskCount = 0,
            CloseSourceBranch = pr.CloseSourceBranch,
            ClosedBy = pr.ClosedBy is null ? null : UserSummary(pr.ClosedBy),
            Reason = pr.Reason,
            CreatedOn = pr.CreatedOn,
            UpdatedOn = pr.UpdatedOn,
            Reviewers = [.. pr.Reviewers.Select(UserSummary)],
            Participants = participants,
            Draft = pr.Draft,
            Queued = false,
            AdditionalProperties = NullFields(("merge_commit", pr.MergeCommit is null), ("closed_by", pr.ClosedBy is null)),
            Links = new PullRequestLinks
            {
                Self = L(Api(path)),
                Html = L(Html(repo.FullName + "/pull-requests/" + pr.Id)),
                Commits = L(Api(path + "/commits")),
                Approve = L(Api(path + "/approve")),
                Diff = L(Api(RepoPath(repo) + "/diff/" + Esc(repo.FullName) + ":" + (sourceCommit ?? string.Empty)[..Math.Min(12, (sourceCommit ?? string.Empty).Length)] + "%0D" + (destinationCommit ?? string.Empty)[..Math.Min(12, (destinationCommit ?? string.Empty).Length)] + "?from_pullrequest_id=" + pr.Id)),
                DiffStat = L(Api(path + "/diffstat")),
                Comments = L(Api(path + "/comments")),
                Activity = L(Api(path + "/activity")),
                Merge = L(Api(path + "/merge")),
                Decline = L(Api(path + "/decline")),
                AdditionalProperties = new Dictionary<string, JsonElement>
                {
                    ["statuses"] = JsonSerializer.SerializeToElement(L(Api(path + "/statuses")), BitbucketJsonContext.Default.Link),
                },
            },
        };
    }

    /// <summary>The partial representation Bitbucket's pull-request lists send: no participants, reviewers or rendered.</summary>
    public PullRequest PullRequestSummary(RepositoryState repo, PullRequestData pr) =>
        PullRequest(repo, pr) with { Participants = null, Reviewers = null, Rendered = null };

    private static Dictionary<string, JsonElement>? NullFields(params (string Name, bool IsNull)[] fields)
    {
        var nulls = fields.Where(f => f.IsNull).ToDictionary(f => f.Name, _ => JsonNull);
        return nulls.Count == 0 ? null : nulls;
    }

    public PullRequestComment Comment(RepositoryState repo, PullRequestData pr, CommentData comment)
    {
        var path = PullRequestPath(repo, pr) + "/comments/" + comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PullRequestComment
        {
            Type = "pullrequest_comment",
            Id = comment.Id,
            CreatedOn = comment.CreatedOn,
            UpdatedOn = comment.UpdatedOn,
            Content = Rendered(comment.Deleted ? string.Empty : comment.Raw),
            User = UserSummary(comment.User),
            Deleted = comment.Deleted,
            Pending = false,
            Parent = comment.ParentId is { } parent ? new Comment { Type = "pullrequest_comment", Id = parent, Links = new CommentLinks { Self = L(Api(PullRequestPath(repo, pr) + "/comments/" + parent)) } } : null,
            Inline = comment.InlinePath is null ? null : new CommentInline { Path = comment.InlinePath, To = comment.InlineTo },
            PullRequest = new PullRequest
            {
                Type = "pullrequest",
                Id = pr.Id,
                Title = pr.Title,
                Links = new PullRequestLinks { Self = L(Api(PullRequestPath(repo, pr))), Html = L(Html(repo.FullName + "/pull-requests/" + pr.Id)) },
            },
            Links = new CommentLinks
            {
                Self = L(Api(path)),
                Html = L(Html(repo.FullName + "/pull-requests/" + pr.Id + "/_/diff#comment-" + comment.Id)),
            },
        };
    }

    public CommitStatus Status(RepositoryState repo, StatusData status) => new()
    {
        Type = "build",
        Key = status.Key,
        State = new CommitStatusState(status.State),
        Name = status.Name,
        Description = status.Description,
        Url = status.Url,
        RefName = status.RefName,
        CreatedOn = status.CreatedOn,
        UpdatedOn = status.UpdatedOn,
        Links = new CommitStatusLinks
        {
            Self = L(Api(RepoPath(repo) + "/commit/" + status.Commit + "/statuses/build/" + Esc(status.Key))),
            Commit = L(Api(RepoPath(repo) + "/commit/" + status.Commit)),
        },
        AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["commit"] = JsonSerializer.SerializeToElement(Commit(repo, repo.Commits[status.Commit], summary: true), BitbucketJsonContext.Default.BaseCommit),
            ["repository"] = JsonSerializer.SerializeToElement(RepositorySummary(repo), BitbucketJsonContext.Default.Repository),
            ["refname"] = status.RefName is null ? JsonNull : S(status.RefName),
        },
    };

    public Pipeline Pipeline(RepositoryState repo, PipelineData pipeline, DateTimeOffset now)
    {
        var (name, result, completedOn) = pipeline.StateAt(now);
        PipelineState state = name switch
        {
            "PENDING" => new PipelineStatePending { Type = "pipeline_state_pending", Name = PipelineStateName.Pending },
            "IN_PROGRESS" => new PipelineStateInProgress
            {
                Type = "pipeline_state_in_progress",
                Name = PipelineStateName.InProgress,
                Stage = new PipelineStateInProgressStage { Type = "pipeline_state_in_progress_running", Name = PipelineStateInProgressStageName.Running },
            },
            _ => new PipelineStateCompleted
            {
                Type = "pipeline_state_completed",
                Name = PipelineStateName.Completed,
                Result = result == "STOPPED"
                    ? new PipelineStateCompletedStopped
                    {
                        Type = "pipeline_state_completed_stopped",
                        Name = PipelineStateCompletedResultName.Stopped,
                        AdditionalProperties = new Dictionary<string, JsonElement>
                        {
                            ["terminator"] = JsonSerializer.SerializeToElement(UserSummary(pipeline.StoppedBy ?? pipeline.Creator), BitbucketJsonContext.Default.Account),
                        },
                    }
                    : new PipelineStateCompletedSuccessful { Type = "pipeline_state_completed_successful", Name = PipelineStateCompletedResultName.Successful },
            },
        };
        var seconds = (int)Math.Max(0, ((completedOn ?? now) - pipeline.CreatedOn - PipelineData.PendingFor).TotalSeconds);
        return new Pipeline
        {
            Type = "pipeline",
            Uuid = pipeline.Uuid,
            BuildNumber = pipeline.BuildNumber,
            Creator = UserSummary(pipeline.Creator),
            Repository = RepositorySummary(repo),
            Target = new PipelineRefTarget
            {
                Type = "pipeline_ref_target",
                RefType = new PipelineRefTargetRefType(pipeline.RefType),
                RefName = pipeline.RefName,
                Commit = new Commit { Type = "commit", Hash = pipeline.Commit },
                Selector = new PipelineSelector { Type = "branches", Pattern = pipeline.RefName },
            },
            Trigger = new PipelineTriggerManual { Type = "pipeline_trigger_manual", Name = PipelineTriggerType.Manual },
            RunNumber = 1,
            Expired = false,
            HasVariables = false,
            FirstSuccessful = result == "SUCCESSFUL" && pipeline.BuildNumber == 1,
            DurationInSeconds = name == "PENDING" ? 0 : seconds,
            State = state,
            CreatedOn = pipeline.CreatedOn,
            CompletedOn = completedOn,
            BuildSecondsUsed = name == "PENDING" ? 0 : seconds,
            Links = new PipelineLinks
            {
                Self = new PipelineLink { Href = Api(RepoPath(repo) + "/pipelines/" + Esc(pipeline.Uuid)) },
                Steps = new PipelineLink { Href = Api(RepoPath(repo) + "/pipelines/" + Esc(pipeline.Uuid) + "/steps/") },
            },
        };
    }

    public WebhookSubscription Webhook(WebhookState hook, string subjectType, JsonElement subject, string selfPath) => new()
    {
        Type = "webhook_subscription",
        Uuid = hook.Uuid,
        Url = hook.Url,
        Description = hook.Description,
        SubjectType = new WebhookSubscriptionSubjectType(subjectType),
        Subject = new BitbucketObject
        {
            Type = subject.TryGetProperty("type", out var t) ? t.GetString() : subjectType,
            AdditionalProperties = subject.EnumerateObject().Where(p => p.Name != "type").ToDictionary(p => p.Name, p => p.Value.Clone()),
        },
        Active = hook.Active,
        CreatedAt = hook.CreatedAt,
        Events = [.. hook.Events.Select(e => new WebhookEventKey(e))],
        SecretSet = hook.Secret is not null,
        SkipCertVerification = false,
        ReadOnly = false,
        HistoryEnabled = false,
        AdditionalProperties = new Dictionary<string, JsonElement>
        {
            ["source"] = JsonNull,
            ["links"] = JsonSerializer.SerializeToElement(
                new WorkspaceBaseLinks { Self = L(Api(selfPath + "/hooks/" + Esc(hook.Uuid))) },
                BitbucketJsonContext.Default.WorkspaceBaseLinks),
        },
    };

    private Dictionary<string, JsonElement> CommitLinks(RepositoryState repo, string hash) => new()
    {
        ["type"] = S("commit"),
        ["links"] = JsonSerializer.SerializeToElement(
            new BaseCommitLinks { Self = L(Api(RepoPath(repo) + "/commit/" + hash)), Html = L(Html(repo.FullName + "/commits/" + hash)) },
            BitbucketJsonContext.Default.BaseCommitLinks),
    };
}
