namespace Bitbucket.Sandbox;

/// <summary>
/// The initial state of a <see cref="BitbucketSandbox"/>: users with their API tokens, workspaces with projects,
/// repositories, branches, tags and open pull requests, OAuth consumers and access tokens. <see cref="Default"/> is a
/// ready-made world; build your own with <c>with</c> expressions or object initializers.
/// </summary>
public sealed record SandboxSeed
{
    /// <summary>Gets a small, realistic world: two users, two workspaces, three repositories, two open pull requests,
    /// one OAuth consumer and two access tokens (read-only and read-write).</summary>
    public static SandboxSeed Default { get; } = CreateDefault();

    /// <summary>Gets the users. The first one is the person signed in on the sandbox's OAuth authorize pages.</summary>
    public required IReadOnlyList<SandboxUser> Users { get; init; }

    /// <summary>Gets the workspaces with their projects and repositories.</summary>
    public required IReadOnlyList<SandboxWorkspace> Workspaces { get; init; }

    /// <summary>Gets the OAuth consumers (usable with OAuth 1.0a and OAuth 2 alike, as on Bitbucket).</summary>
    public IReadOnlyList<SandboxOAuthConsumer> Consumers { get; init; } = [];

    /// <summary>Gets the repository, project or workspace access tokens, sent as <c>Authorization: Bearer</c>.</summary>
    public IReadOnlyList<SandboxAccessToken> AccessTokens { get; init; } = [];

    /// <summary>Gets the first user: the one signed in on the authorize pages.</summary>
    public SandboxUser User => Users[0];

    /// <summary>Gets the first OAuth consumer.</summary>
    public SandboxOAuthConsumer Consumer => Consumers[0];

    /// <summary>Gets the first workspace.</summary>
    public SandboxWorkspace Workspace => Workspaces[0];

    /// <summary>Gets the first repository of the first workspace.</summary>
    public SandboxRepository Repository => Workspaces[0].Repositories[0];

    private static SandboxSeed CreateDefault()
    {
        var ada = new SandboxUser
        {
            Username = "ada",
            DisplayName = "Ada Lovelace",
            Email = "ada@example.com",
            ApiToken = "ATATT3xSandboxAdaApiToken0001",
        };
        var charles = new SandboxUser
        {
            Username = "charles",
            DisplayName = "Charles Babbage",
            Email = "charles@example.com",
            ApiToken = "ATATT3xSandboxCharlesApiToken02",
        };

        return new SandboxSeed
        {
            Users = [ada, charles],
            Workspaces =
            [
                new SandboxWorkspace
                {
                    Slug = "analytical-engines",
                    Name = "Analytical Engines",
                    Members = ["ada", "charles"],
                    Administrators = ["ada"],
                    Projects = [new SandboxProject { Key = "ENG", Name = "Engines", Description = "Engines of computation." }],
                    Repositories =
                    [
                        new SandboxRepository
                        {
                            Slug = "difference-engine",
                            Name = "Difference Engine",
                            ProjectKey = "ENG",
                            Description = "Tabulates polynomial functions by the method of finite differences.",
                            Language = "c#",
                            Branches = ["main", "develop", "feature/bernoulli-numbers"],
                            Tags = ["v1.0", "v1.1"],
                            CommitCount = 24,
                            PullRequests =
                            [
                                new SandboxPullRequest
                                {
                                    Title = "Compute Bernoulli numbers",
                                    Description = "Note G: the first published algorithm meant for a machine.",
                                    SourceBranch = "feature/bernoulli-numbers",
                                    DestinationBranch = "main",
                                    Author = "ada",
                                    Reviewers = ["charles"],
                                },
                                new SandboxPullRequest
                                {
                                    Title = "Stabilise the carry mechanism",
                                    SourceBranch = "develop",
                                    DestinationBranch = "main",
                                    Author = "charles",
                                    Reviewers = ["ada"],
                                },
                            ],
                        },
                        new SandboxRepository
                        {
                            Slug = "notes",
                            Name = "Notes",
                            ProjectKey = "ENG",
                            Description = "Sketch of the Analytical Engine, with notes by the translator.",
                            Language = "markdown",
                            IsPrivate = false,
                            CommitCount = 7,
                        },
                    ],
                },
                new SandboxWorkspace
                {
                    Slug = "ada",
                    Name = "Ada Lovelace",
                    Members = ["ada"],
                    Administrators = ["ada"],
                    Projects = [new SandboxProject { Key = "POE", Name = "Poetical science" }],
                    Repositories =
                    [
                        new SandboxRepository { Slug = "poetical-science", Name = "Poetical Science", ProjectKey = "POE", Language = "python", CommitCount = 5 },
                    ],
                },
            ],
            Consumers =
            [
                new SandboxOAuthConsumer
                {
                    Key = "SandboxConsumerKey01",
                    Secret = "SandboxConsumerSecret0123456789ab",
                    Name = "Bitbucket.Refit sample",
                    Description = "The sample web application of Bitbucket.Refit.",
                    CallbackUrl = new Uri("http://127.0.0.1:5080/signin-bitbucket"),
                    Owner = "ada",
                    Scopes = ["account", "email", "project", "repository:write", "pullrequest:write", "pipeline:write", "webhook"],
                },
            ],
            AccessTokens =
            [
                new SandboxAccessToken { Token = "ATCTT3xSandboxReadOnlyToken0001", Name = "read-only", Scopes = ["account", "repository", "pullrequest", "pipeline"] },
                new SandboxAccessToken
                {
                    Token = "ATCTT3xSandboxReadWriteToken002",
                    Name = "read-write",
                    Scopes = ["account", "email", "project", "repository:write", "pullrequest:write", "pipeline:write", "webhook"],
                },
            ],
        };
    }
}

/// <summary>A Bitbucket user of the sandbox.</summary>
public sealed record SandboxUser
{
    /// <summary>Gets the username (nickname), also the slug of a personal workspace when there is one.</summary>
    public required string Username { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets the Atlassian account e-mail, the user name of Basic authentication with an API token.</summary>
    public required string Email { get; init; }

    /// <summary>Gets the API token, the password of Basic authentication with <see cref="Email"/>.</summary>
    public required string ApiToken { get; init; }

    /// <summary>Gets the account UUID in braces; derived from the username when not set.</summary>
    public string? Uuid { get; init; }

    /// <summary>Gets the Atlassian account id; derived from the username when not set.</summary>
    public string? AccountId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"SandboxUser {{ Username = {Username}, Email = {Email}, ApiToken = *** }}";
}

/// <summary>A workspace of the sandbox.</summary>
public sealed record SandboxWorkspace
{
    /// <summary>Gets the slug.</summary>
    public required string Slug { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the usernames of the members (who can see its private repositories).</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>Gets the usernames of the administrators (members too).</summary>
    public IReadOnlyList<string> Administrators { get; init; } = [];

    /// <summary>Gets the projects.</summary>
    public IReadOnlyList<SandboxProject> Projects { get; init; } = [];

    /// <summary>Gets the repositories.</summary>
    public IReadOnlyList<SandboxRepository> Repositories { get; init; } = [];
}

/// <summary>A project of a sandbox workspace.</summary>
public sealed record SandboxProject
{
    /// <summary>Gets the project key (upper case).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets whether the project is private; <see langword="true"/> by default.</summary>
    public bool IsPrivate { get; init; } = true;
}

/// <summary>A repository of a sandbox workspace, with a synthetic commit history.</summary>
public sealed record SandboxRepository
{
    /// <summary>Gets the slug.</summary>
    public required string Slug { get; init; }

    /// <summary>Gets the name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the key of the project the repository belongs to; the workspace's first project when not set.</summary>
    public string? ProjectKey { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the main language.</summary>
    public string? Language { get; init; }

    /// <summary>Gets whether the repository is private; <see langword="true"/> by default.</summary>
    public bool IsPrivate { get; init; } = true;

    /// <summary>Gets the name of the main branch; <c>main</c> by default.</summary>
    public string MainBranch { get; init; } = "main";

    /// <summary>Gets the branches; each other than the main branch forks from it and adds three commits of its own.</summary>
    public IReadOnlyList<string> Branches { get; init; } = ["main"];

    /// <summary>Gets the tags, placed on commits of the main branch.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the number of commits on the main branch; 10 by default.</summary>
    public int CommitCount { get; init; } = 10;

    /// <summary>Gets the open pull requests.</summary>
    public IReadOnlyList<SandboxPullRequest> PullRequests { get; init; } = [];
}

/// <summary>An open pull request of a sandbox repository.</summary>
public sealed record SandboxPullRequest
{
    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the source branch.</summary>
    public required string SourceBranch { get; init; }

    /// <summary>Gets the destination branch; the main branch when not set.</summary>
    public string? DestinationBranch { get; init; }

    /// <summary>Gets the username of the author.</summary>
    public required string Author { get; init; }

    /// <summary>Gets the usernames of the reviewers.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];
}

/// <summary>
/// An OAuth consumer: its key and secret serve OAuth 1.0a and OAuth 2 (client id and secret) alike, as on Bitbucket.
/// As on Bitbucket, a callback (OAuth 2 <c>redirect_uri</c>, OAuth 1 <c>oauth_callback</c>) must be
/// <see cref="CallbackUrl"/> or a path below it, with the same scheme, host and port; loopback is no exception.
/// </summary>
public sealed record SandboxOAuthConsumer
{
    /// <summary>Gets the key (OAuth 2 client id).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the secret (OAuth 2 client secret; also the HS256 key of the JWT grant).</summary>
    public required string Secret { get; init; }

    /// <summary>Gets the name shown on the authorize pages.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description shown on the authorize pages.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Gets the registered callback URL: used when a request names none, and the only origin (scheme, host, port) and
    /// path prefix (at a <c>/</c> boundary) a request's callback may name. Without one, only OAuth 1's <c>oob</c> works.
    /// </summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>Gets the username of the owner: the account that 1-legged OAuth 1 and client-credentials tokens act as.</summary>
    public required string Owner { get; init; }

    /// <summary>Gets the scopes (permissions) of the consumer; tokens never get more.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"SandboxOAuthConsumer {{ Key = {Key}, Name = {Name}, Secret = *** }}";
}

/// <summary>A repository, project or workspace access token: a Bearer token with fixed scopes.</summary>
public sealed record SandboxAccessToken
{
    /// <summary>Gets the token.</summary>
    public required string Token { get; init; }

    /// <summary>Gets the name of the token.</summary>
    public string Name { get; init; } = "access token";

    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the username the token acts as; the first user when not set.</summary>
    public string? ActsAs { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"SandboxAccessToken {{ Name = {Name}, Scopes = {string.Join(' ', Scopes)}, Token = *** }}";
}
