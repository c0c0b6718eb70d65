using System.Security.Cryptography;
using System.Text;

namespace Bitbucket.Sandbox.Internal;

/// <summary>The whole mutable world of one sandbox. Every read and write holds <see cref="Gate"/>.</summary>
internal sealed class State
{
    private static readonly string[] CommitMessages =
    [
        "Initial commit",
        "Add the mill and the store",
        "Describe the operation cards",
        "Handle the carriage of tens",
        "Fix an off-by-one in the variable cards",
        "Document the punched-card reader",
        "Refactor the barrel controller",
        "Add a test for the difference table",
        "Speed up anticipating carriage",
        "Update README",
        "Rename columns to variables",
        "Support negative numbers",
    ];

    public State(SandboxSeed seed, SandboxClock clock, Uri address)
    {
        Clock = clock;
        Address = address;
        ApiBase = new Uri(address, "2.0/");
        var epoch = clock.GetUtcNow().AddDays(-30);
        Epoch = new DateTimeOffset(epoch.Year, epoch.Month, epoch.Day, 9, 0, 0, TimeSpan.Zero);

        foreach (var user in seed.Users)
        {
            var state = new UserState(user);
            Users[user.Username] = state;
            UsersByEmail[user.Email] = state;
        }

        SignedIn = Users[seed.User.Username];
        foreach (var consumer in seed.Consumers)
        {
            Consumers[consumer.Key] = consumer;
        }

        foreach (var token in seed.AccessTokens)
        {
            var actsAs = Users.GetValueOrDefault(token.ActsAs ?? seed.User.Username) ?? Users[seed.User.Username];
            Tokens[token.Token] = new TokenState(token.Token, actsAs, Scopes.Normalize(token.Scopes), null, "access_token", null);
        }

        foreach (var workspace in seed.Workspaces)
        {
            var ws = new WorkspaceState(workspace.Slug, workspace.Name, Epoch);
            foreach (var member in workspace.Members.Concat(workspace.Administrators))
            {
                if (Users.TryGetValue(member, out var user))
                {
                    ws.Members.Add(user.Username);
                }
            }

            foreach (var admin in workspace.Administrators)
            {
                ws.Administrators.Add(admin);
            }

            foreach (var project in workspace.Projects)
            {
                ws.Projects[project.Key] = new ProjectState(ws, project.Key, project.Name, project.Description, project.IsPrivate, Epoch);
            }

            Workspaces[ws.Slug] = ws;
            foreach (var repository in workspace.Repositories)
            {
                var project = repository.ProjectKey is { } key && ws.Projects.TryGetValue(key, out var p) ? p : ws.Projects.Values.FirstOrDefault();
                if (project is null)
                {
                    project = new ProjectState(ws, "PROJ", "Untitled project", null, true, Epoch);
                    ws.Projects[project.Key] = project;
                }

                var repo = new RepositoryState(ws, project, repository.Slug, repository.Name, Epoch)
                {
                    Description = repository.Description ?? string.Empty,
                    Language = repository.Language ?? string.Empty,
                    IsPrivate = repository.IsPrivate,
                    MainBranch = repository.MainBranch,
                };
                ws.Repositories[repo.Slug] = repo;
                SeedHistory(repo, repository, ws);
                foreach (var pr in repository.PullRequests)
                {
                    var author = Users.GetValueOrDefault(pr.Author) ?? Users[seed.User.Username];
                    var created = Epoch.AddDays(20 + repo.PullRequests.Count);
                    var state = new PullRequestData(repo.NextPullRequestId++, pr.Title, pr.Description ?? string.Empty, author, pr.SourceBranch, pr.DestinationBranch ?? repo.MainBranch, created);
                    foreach (var reviewer in pr.Reviewers)
                    {
                        if (Users.TryGetValue(reviewer, out var r))
                        {
                            state.Reviewers.Add(r);
                        }
                    }

                    repo.PullRequests.Add(state);
                }
            }
        }
    }

    public object Gate { get; } = new();

    /// <summary>The user signed in on the authorize pages: the seed's first user.</summary>
    public UserState SignedIn { get; }

    public SandboxClock Clock { get; }

    public Uri Address { get; private set; }

    public Uri ApiBase { get; private set; }

    public DateTimeOffset Epoch { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Dictionary<string, UserState> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, UserState> UsersByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, WorkspaceState> Workspaces { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, SandboxOAuthConsumer> Consumers { get; } = new(StringComparer.Ordinal);

    /// <summary>Bearer tokens: the seed's access tokens and every OAuth 2 access token issued.</summary>
    public Dictionary<string, TokenState> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RefreshTokenState> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AuthorizationCodeState> Codes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OAuth1TokenState> OAuth1RequestTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OAuth1TokenState> OAuth1AccessTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>OAuth 1 nonces seen, with the time they may be forgotten.</summary>
    public Dictionary<string, DateTimeOffset> Nonces { get; } = new(StringComparer.Ordinal);

    public long LastCommentId { get; set; } = 4200;

    public void SetAddress(Uri address)
    {
        Address = address;
        ApiBase = new Uri(address, "2.0/");
    }

    public WorkspaceState? FindWorkspace(string slugOrUuid)
    {
        if (Workspaces.TryGetValue(slugOrUuid, out var ws))
        {
            return ws;
        }

        return Workspaces.Values.FirstOrDefault(w => string.Equals(w.Uuid, slugOrUuid, StringComparison.OrdinalIgnoreCase));
    }

    public UserState? FindUser(string nameOrId) =>
        Users.GetValueOrDefault(nameOrId)
        ?? Users.Values.FirstOrDefault(u => string.Equals(u.Uuid, nameOrId, StringComparison.OrdinalIgnoreCase)
                                            || string.Equals(u.AccountId, nameOrId, StringComparison.Ordinal));

    public static string DeterministicUuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return "{" + new Guid(hash.AsSpan(0, 16)).ToString() + "}";
    }

    public static string Hash(string name) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(name)));

    public static string NewSecret(int bytes = 24)
    {
        Span<byte> data = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(data);
        return Convert.ToBase64String(data).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    private void SeedHistory(RepositoryState repo, SandboxRepository seed, WorkspaceState ws)
    {
        var authors = ws.Members.Select(m => Users[m]).ToList();
        if (authors.Count == 0)
        {
            authors.AddRange(Users.Values);
        }

        var count = Math.Max(1, seed.CommitCount);
        string? parent = null;
        var main = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var hash = Hash($"{ws.Slug}/{repo.Slug}/{repo.MainBranch}/{i}");
            var message = i == 0 ? "Initial commit" : CommitMessages[i % CommitMessages.Length];
            repo.Commits[hash] = new CommitData(hash, parent is null ? [] : [parent], message + "\n", authors[i % authors.Count], Epoch.AddHours(i * 7));
            main.Add(hash);
            parent = hash;
        }

        repo.Branches[repo.MainBranch] = parent!;
        var forkAt = main[Math.Max(0, count - 4)];
        foreach (var branch in seed.Branches.Distinct(StringComparer.Ordinal))
        {
            if (branch == repo.MainBranch)
            {
                continue;
            }

            var head = forkAt;
            var forkDate = repo.Commits[forkAt].Date;
            for (var i = 0; i < 3; i++)
            {
                var hash = Hash($"{ws.Slug}/{repo.Slug}/{branch}/{i}");
                repo.Commits[hash] = new CommitData(hash, [head], $"{branch}: step {i + 1}\n", authors[(i + 1) % authors.Count], forkDate.AddHours(i + 1));
                head = hash;
            }

            repo.Branches[branch] = head;
        }

        for (var i = 0; i < seed.Tags.Count; i++)
        {
            var at = main[Math.Min(count - 1, (i + 1) * count / (seed.Tags.Count + 1))];
            repo.Tags[seed.Tags[i]] = new TagData(seed.Tags[i], at, $"Release {seed.Tags[i]}\n", authors[0], repo.Commits[at].Date.AddMinutes(30));
        }

        repo.UpdatedOn = repo.Commits[parent!].Date;
    }
}

internal sealed class UserState(SandboxUser seed)
{
    public SandboxUser Seed { get; } = seed;

    public string Username => Seed.Username;

    public string Uuid { get; } = seed.Uuid ?? State.DeterministicUuid("user:" + seed.Username);

    public string AccountId { get; } = seed.AccountId ?? "557058:" + State.DeterministicUuid("account:" + seed.Username).Trim('{', '}');
}

internal sealed class WorkspaceState(string slug, string name, DateTimeOffset createdOn)
{
    public string Slug { get; } = slug;

    public string Name { get; } = name;

    public string Uuid { get; } = State.DeterministicUuid("workspace:" + slug);

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public HashSet<string> Members { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Administrators { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, ProjectState> Projects { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, RepositoryState> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<WebhookState> Hooks { get; } = [];

    public bool IsMember(UserState? user) => user is not null && Members.Contains(user.Username);

    public bool IsAdmin(UserState? user) => user is not null && Administrators.Contains(user.Username);
}

internal sealed class ProjectState(WorkspaceState workspace, string key, string name, string? description, bool isPrivate, DateTimeOffset createdOn)
{
    public WorkspaceState Workspace { get; } = workspace;

    public string Key { get; set; } = key;

    public string Name { get; set; } = name;

    public string Description { get; set; } = description ?? string.Empty;

    public bool IsPrivate { get; set; } = isPrivate;

    public string Uuid { get; } = State.DeterministicUuid("project:" + workspace.Slug + "/" + key);

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public DateTimeOffset UpdatedOn { get; set; } = createdOn;
}

internal sealed class RepositoryState(WorkspaceState workspace, ProjectState project, string slug, string name, DateTimeOffset createdOn)
{
    public WorkspaceState Workspace { get; } = workspace;

    public ProjectState Project { get; set; } = project;

    public string Slug { get; } = slug;

    public string Name { get; set; } = name;

    public string FullName => Workspace.Slug + "/" + Slug;

    public string Uuid { get; } = State.DeterministicUuid("repository:" + workspace.Slug + "/" + slug);

    public string Description { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;

    public bool IsPrivate { get; set; } = true;

    public string MainBranch { get; set; } = "main";

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public DateTimeOffset UpdatedOn { get; set; } = createdOn;

    public Dictionary<string, CommitData> Commits { get; } = new(StringComparer.Ordinal);

    /// <summary>Branch name to head commit, in creation order.</summary>
    public Dictionary<string, string> Branches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TagData> Tags { get; } = new(StringComparer.Ordinal);

    public List<PullRequestData> PullRequests { get; } = [];

    public int NextPullRequestId { get; set; } = 1;

    public Dictionary<string, List<StatusData>> Statuses { get; } = new(StringComparer.Ordinal);

    public List<PipelineData> Pipelines { get; } = [];

    public List<WebhookState> Hooks { get; } = [];

    public CommitData? ResolveCommit(string revision)
    {
        if (Branches.TryGetValue(revision, out var head))
        {
            return Commits[head];
        }

        if (Tags.TryGetValue(revision, out var tag))
        {
            return Commits[tag.Target];
        }

        if (Commits.TryGetValue(revision, out var commit))
        {
            return commit;
        }

        if (revision.Length is >= 7 and < 40)
        {
            var matches = Commits.Keys.Where(k => k.StartsWith(revision, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            if (matches.Count == 1)
            {
                return Commits[matches[0]];
            }
        }

        return null;
    }

    /// <summary>The commits reachable from <paramref name="head"/>, newest first (first-parent order is enough here).</summary>
    public List<CommitData> History(string head, IReadOnlySet<string>? exclude = null)
    {
        var result = new List<CommitData>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new PriorityQueue<CommitData, DateTimeOffset>(Comparer<DateTimeOffset>.Create((a, b) => b.CompareTo(a)));
        if (Commits.TryGetValue(head, out var start))
        {
            queue.Enqueue(start, start.Date);
        }

        while (queue.TryDequeue(out var commit, out _))
        {
            if (!seen.Add(commit.Hash) || (exclude is not null && exclude.Contains(commit.Hash)))
            {
                continue;
            }

            result.Add(commit);
            foreach (var parent in commit.Parents)
            {
                if (Commits.TryGetValue(parent, out var p))
                {
                    queue.Enqueue(p, p.Date);
                }
            }
        }

        return result;
    }

    public HashSet<string> Reachable(string head) => [.. History(head).Select(c => c.Hash)];
}

internal sealed record CommitData(string Hash, IReadOnlyList<string> Parents, string Message, UserState Author, DateTimeOffset Date);

internal sealed record TagData(string Name, string Target, string Message, UserState Tagger, DateTimeOffset Date);

internal sealed class PullRequestData(int id, string title, string description, UserState author, string sourceBranch, string destinationBranch, DateTimeOffset createdOn)
{
    public int Id { get; } = id;

    public string Title { get; set; } = title;

    public string Description { get; set; } = description;

    public UserState Author { get; } = author;

    public string SourceBranch { get; set; } = sourceBranch;

    public string DestinationBranch { get; set; } = destinationBranch;

    /// <summary>The source and destination commits frozen when the pull request closed.</summary>
    public string? ClosedSourceCommit { get; set; }

    public string? ClosedDestinationCommit { get; set; }

    public string State { get; set; } = "OPEN";

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public DateTimeOffset UpdatedOn { get; set; } = createdOn;

    public List<UserState> Reviewers { get; } = [];

    /// <summary>Participants by username: role, approval, review state.</summary>
    public Dictionary<string, ParticipantData> Participants { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? MergeCommit { get; set; }

    public UserState? ClosedBy { get; set; }

    public string Reason { get; set; } = string.Empty;

    public bool CloseSourceBranch { get; set; }

    public bool Draft { get; set; }

    public List<CommentData> Comments { get; } = [];
}

internal sealed class ParticipantData(UserState user)
{
    public UserState User { get; } = user;

    public bool Approved { get; set; }

    public string? ReviewState { get; set; }

    public DateTimeOffset? ParticipatedOn { get; set; }
}

internal sealed class CommentData(long id, UserState user, string raw, DateTimeOffset createdOn)
{
    public long Id { get; } = id;

    public UserState User { get; } = user;

    public string Raw { get; set; } = raw;

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public DateTimeOffset UpdatedOn { get; set; } = createdOn;

    public long? ParentId { get; init; }

    public string? InlinePath { get; init; }

    public int? InlineTo { get; init; }

    public bool Deleted { get; set; }
}

internal sealed class StatusData(string key, string commit)
{
    public string Key { get; } = key;

    public string Commit { get; } = commit;

    public string State { get; set; } = "INPROGRESS";

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string? RefName { get; set; }

    public DateTimeOffset CreatedOn { get; init; }

    public DateTimeOffset UpdatedOn { get; set; }
}

internal sealed class PipelineData(string uuid, int buildNumber, string refName, string refType, string commit, UserState creator, DateTimeOffset createdOn)
{
    public static readonly TimeSpan PendingFor = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan RunsFor = TimeSpan.FromSeconds(50);

    public string Uuid { get; } = uuid;

    public int BuildNumber { get; } = buildNumber;

    public string RefName { get; } = refName;

    public string RefType { get; } = refType;

    public string Commit { get; } = commit;

    public UserState Creator { get; } = creator;

    public DateTimeOffset CreatedOn { get; } = createdOn;

    public DateTimeOffset? StoppedOn { get; set; }

    /// <summary>Gets or sets who stopped the pipeline (the stopped result's <c>terminator</c>).</summary>
    public UserState? StoppedBy { get; set; }

    /// <summary>Gets the state at <paramref name="now"/>: PENDING, then IN_PROGRESS, then COMPLETED.</summary>
    public (string Name, string? Result, DateTimeOffset? CompletedOn) StateAt(DateTimeOffset now)
    {
        if (StoppedOn is { } stopped && stopped <= now)
        {
            return ("COMPLETED", "STOPPED", stopped);
        }

        var elapsed = now - CreatedOn;
        if (elapsed < PendingFor)
        {
            return ("PENDING", null, null);
        }

        return elapsed < PendingFor + RunsFor
            ? ("IN_PROGRESS", null, null)
            : ("COMPLETED", "SUCCESSFUL", CreatedOn + PendingFor + RunsFor);
    }
}

internal sealed class WebhookState(string uuid, string url, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    public string Url { get; set; } = url;

    public string Description { get; set; } = string.Empty;

    public bool Active { get; set; } = true;

    public string? Secret { get; set; }

    public List<string> Events { get; set; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;
}

internal sealed record TokenState(string Token, UserState User, IReadOnlySet<string> Scopes, DateTimeOffset? ExpiresAt, string Kind, string? ConsumerKey)
{
    public bool Revoked { get; set; }

    /// <summary>The authorization the token belongs to: every token issued from one code, through all refreshes.</summary>
    public string? Grant { get; init; }
}

internal sealed record RefreshTokenState(string Token, UserState User, IReadOnlySet<string> Scopes, string ConsumerKey, string Grant)
{
    public bool Used { get; set; }

    public bool Revoked { get; set; }
}

internal sealed record AuthorizationCodeState(string Code, SandboxOAuthConsumer Consumer, UserState User, IReadOnlySet<string> Scopes, string? RedirectUri, DateTimeOffset ExpiresAt)
{
    public bool Used { get; set; }
}

internal sealed record OAuth1TokenState(string Token, string Secret, SandboxOAuthConsumer Consumer, string? Callback, DateTimeOffset ExpiresAt)
{
    public string? Verifier { get; set; }

    public UserState? User { get; set; }

    public bool Used { get; set; }

    public bool Revoked { get; set; }
}
