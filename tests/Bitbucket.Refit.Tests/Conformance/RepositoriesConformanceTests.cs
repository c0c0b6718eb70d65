using System.Text.Json.Nodes;
using Bitbucket;
using Bitbucket.Models;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Bitbucket.Tests.Conformance;

/// <summary>Helpers the repository-area conformance tests share.</summary>
internal static class RepositoryAreaConformance
{
    public const string Workspace = "acme";

    public const string RepoSlug = "widgets";

    public const string Hash = "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4";

    /// <summary>Fetches only the first page (Prism's <c>next</c> links point at example.com).</summary>
    public static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> list)
    {
        await foreach (var page in list.AsPages())
        {
            return page;
        }

        throw new AssertionException("The list returned no page.");
    }

    /// <summary>
    /// Runs an operation that sends a multipart body the spec does not declare (it declares no request body at all):
    /// Prism refuses any body as an unsupported content type (415, or the operation's 400 with a 415 violation) and
    /// must find nothing else wrong; a wrong method or path would be 404/405 and a bad parameter 422.
    /// </summary>
    public static void AssertOnlyTheUndeclaredBodyIsRefused(PrismServer prism, Func<IBitbucketClient, Task> call)
    {
        prism.Recorder.Clear();
        var client = prism.Services.GetRequiredService<IBitbucketClient>();

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => call(client));

        var violations = prism.Recorder.LastRequestViolations;
        Assert.Multiple(() =>
        {
            Assert.That((int)ex!.StatusCode, Is.AnyOf(400, 415), ex.ResponseExcerpt);
            Assert.That(violations + ex.ResponseExcerpt, Does.Contain("No supported content types"));
            if (violations is not null)
            {
                var codes = JsonNode.Parse(violations)!.AsArray().Select(v => v!["code"]!.ToJsonString());
                Assert.That(codes, Is.All.EqualTo("415"), violations);
            }
        });
    }
}

[Category("Conformance")]
public sealed class RepositoriesConformanceTests
{
    private const string Ws = RepositoryAreaConformance.Workspace;
    private const string Repo = RepositoryAreaConformance.RepoSlug;
    private const string HookId = "{a1b2c3d4-0000-4000-8000-00000000abcd}";
    private const string UserId = "{d301aafa-d676-4ee0-88be-962be7417567}";

    private static Repository NewRepository() => new()
    {
        Type = "repository",
        Scm = Scm.Git,
        IsPrivate = true,
        Description = "Makes widgets.",
        ForkPolicy = RepositoryForkPolicy.NoPublicForks,
        Project = new Project { Type = "project", Key = "WID" },
    };

    private static WebhookSubscription NewHook() => new()
    {
        Type = "webhook_subscription",
        Description = "CI",
        Url = "https://ci.example.com/hooks/bitbucket",
        Active = true,
        Events = [WebhookEventKey.FromValue("repo:push")],
    };

#pragma warning disable CS0618 // the deprecated cross-workspace operations are checked against the spec too
    [Test]
    public async Task ListPublic()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListPublic(RepositoryRole.Member, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), new ListOptions { PageLength = 10 })));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task ListCurrentUserPermissionsAcrossWorkspaces()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListCurrentUserPermissionsAcrossWorkspaces(new ListOptions { Query = "permission>\"read\"" })));

        Assert.That(page.Values, Is.Not.Empty);
    }
#pragma warning restore CS0618

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.List(Ws, RepositoryRole.Contributor, new ListOptions { Query = "project.key=\"WID\"", Sort = "-updated_on", PageLength = 20 })));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var repository = await prism.CallAsync(c => c.Repositories.GetAsync(Ws, Repo));

        Assert.That(repository.Type, Is.Not.Null);
    }

    [Test]
    public async Task Create()
    {
        var prism = await PrismServer.GetAsync();

        var repository = await prism.CallAsync(c => c.Repositories.CreateAsync(Ws, Repo, NewRepository()));

        Assert.That(repository.Type, Is.Not.Null);
    }

    [Test]
    public async Task Update()
    {
        var prism = await PrismServer.GetAsync();

        var repository = await prism.CallAsync(c => c.Repositories.UpdateAsync(Ws, Repo, NewRepository() with { Description = "Makes better widgets." }));

        Assert.That(repository.Type, Is.Not.Null);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Repositories.DeleteAsync(Ws, Repo, "https://bitbucket.org/acme/gadgets"));
    }

    [Test]
    public async Task ListForks()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListForks(Ws, Repo, RepositoryRole.Owner)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task Fork()
    {
        var prism = await PrismServer.GetAsync();

        var fork = await prism.CallAsync(c => c.Repositories.ForkAsync(Ws, Repo, new Repository { Type = "repository", Name = "widgets_fork", Workspace = new Workspace { Type = "workspace", Slug = "acme" } }));

        Assert.That(fork.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListWatchers()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListWatchers(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task ListWebhooks()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListWebhooks(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task CreateWebhook()
    {
        var prism = await PrismServer.GetAsync();

        var hook = await prism.CallAsync(c => c.Repositories.CreateWebhookAsync(Ws, Repo, NewHook() with { Secret = "s3cr3t" }));

        Assert.That(hook.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetWebhook()
    {
        var prism = await PrismServer.GetAsync();

        var hook = await prism.CallAsync(c => c.Repositories.GetWebhookAsync(Ws, Repo, HookId));

        Assert.That(hook.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateWebhook()
    {
        var prism = await PrismServer.GetAsync();

        var hook = await prism.CallAsync(c => c.Repositories.UpdateWebhookAsync(Ws, Repo, HookId, NewHook() with { Active = false }));

        Assert.That(hook.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteWebhook()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Repositories.DeleteWebhookAsync(Ws, Repo, HookId));
    }

    [Test]
    public async Task GetOverrideSettings()
    {
        var prism = await PrismServer.GetAsync();

        var state = await prism.CallAsync(c => c.Repositories.GetOverrideSettingsAsync(Ws, Repo));

        Assert.That(state.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateOverrideSettings()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Repositories.UpdateOverrideSettingsAsync(Ws, Repo, new RepositoryInheritanceState
        {
            Type = "repository_inheritance_state",
            OverrideSettings = new Dictionary<string, bool> { ["branching_model"] = true },
        }));
    }

    [Test]
    public async Task ListGroupPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListGroupPermissions(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task GetGroupPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Repositories.GetGroupPermissionAsync(Ws, Repo, "developers"));

        Assert.That(permission.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateGroupPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Repositories.UpdateGroupPermissionAsync(Ws, Repo, "developers", new RepositoryPermissionUpdate { Permission = RepositoryPermissionLevel.Write }));

        Assert.That(permission.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteGroupPermission()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Repositories.DeleteGroupPermissionAsync(Ws, Repo, "developers"));
    }

    [Test]
    public async Task ListUserPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListUserPermissions(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task GetUserPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Repositories.GetUserPermissionAsync(Ws, Repo, UserId));

        Assert.That(permission.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateUserPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Repositories.UpdateUserPermissionAsync(Ws, Repo, UserId, new RepositoryPermissionUpdate { Permission = RepositoryPermissionLevel.Admin }));

        Assert.That(permission.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteUserPermission()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Repositories.DeleteUserPermissionAsync(Ws, Repo, UserId));
    }

    [Test]
    public async Task ListCurrentUserPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Repositories.ListCurrentUserPermissions(Ws, new ListOptions { Sort = "repository.name" })));

        Assert.That(page.Values, Is.Not.Empty);
    }
}
