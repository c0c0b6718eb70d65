using System.Net;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

/// <summary>
/// The repository-area API tests (repositories, refs, branch restrictions, branching model, source, downloads) also
/// check every request carried the access token.
/// </summary>
public abstract class RepositoryAreaApiFixture : ApiTestBase
{
    protected override bool AssertsBearerToken => true;
}

public sealed class RepositoriesApiTests : RepositoryAreaApiFixture
{
    internal const string RepositoryJson = """
        {
          "type": "repository",
          "full_name": "acme/widgets",
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets"},
            "html": {"href": "https://bitbucket.org/acme/widgets"},
            "avatar": {"href": "https://bytebucket.org/ravatar/%7B1b2c%7D?ts=default"},
            "pullrequests": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests"},
            "commits": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/commits"},
            "forks": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/forks"},
            "watchers": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/watchers"},
            "downloads": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/downloads"},
            "clone": [
              {"name": "https", "href": "https://ann@bitbucket.org/acme/widgets.git"},
              {"name": "ssh", "href": "git@bitbucket.org:acme/widgets.git"}
            ],
            "hooks": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/hooks"}
          },
          "name": "Widgets",
          "slug": "widgets",
          "description": "Makes widgets.",
          "scm": "git",
          "website": null,
          "owner": {"display_name": "Acme", "type": "team", "uuid": "{0c1f7d11-6f0a-4a2b-9d3c-1f2e3d4c5b6a}", "username": "acme"},
          "workspace": {"type": "workspace", "uuid": "{0c1f7d11-6f0a-4a2b-9d3c-1f2e3d4c5b6a}", "name": "Acme", "slug": "acme"},
          "is_private": true,
          "project": {"type": "project", "key": "WID", "uuid": "{5a6b7c8d-0000-4000-8000-000000000001}", "name": "Widgets"},
          "fork_policy": "no_public_forks",
          "created_on": "2021-03-04T10:11:12.123456+00:00",
          "updated_on": "2024-05-06T07:08:09.987654+00:00",
          "size": 1234567,
          "language": "c#",
          "uuid": "{1b2c3d4e-1111-4222-8333-444455556666}",
          "mainbranch": {"name": "main", "type": "branch"},
          "override_settings": {"default_merge_strategy": true, "branching_model": false},
          "parent": null,
          "has_issues": false,
          "has_wiki": false
        }
        """;

    private const string HookJson = """
        {
          "type": "webhook_subscription",
          "uuid": "{a1b2c3d4-0000-4000-8000-00000000abcd}",
          "url": "https://ci.example.com/hooks/bitbucket",
          "description": "CI",
          "subject_type": "repository",
          "subject": {"type": "repository", "full_name": "acme/widgets"},
          "active": true,
          "created_at": "2024-01-02T03:04:05.678+00:00",
          "events": ["repo:push", "pullrequest:created"],
          "secret_set": true
        }
        """;

    private const string GroupPermissionJson = """
        {
          "type": "repository_group_permission",
          "group": {"type": "group", "name": "Developers", "slug": "developers", "full_slug": "acme:developers"},
          "permission": "write",
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/permissions-config/groups/developers"}},
          "repository": {"type": "repository", "full_name": "acme/widgets", "name": "Widgets"}
        }
        """;

    private const string UserPermissionJson = """
        {
          "type": "repository_user_permission",
          "user": {"type": "user", "display_name": "Ann Smith", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}", "account_id": "557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a"},
          "permission": "admin",
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/permissions-config/users/557058:ba8948b2"}},
          "repository": {"type": "repository", "full_name": "acme/widgets", "name": "Widgets"}
        }
        """;

    private const string PermissionJson = """
        {"type": "repository_permission", "permission": "write",
         "user": {"type": "user", "display_name": "Ann Smith", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}"},
         "repository": {"type": "repository", "full_name": "acme/widgets", "name": "Widgets", "uuid": "{1b2c3d4e-1111-4222-8333-444455556666}"}}
        """;

    private IRepositoriesApi Repositories => Api<IRepositoriesApi>();

    private static void AssertIsWidgets(Repository? repository)
    {
        Assert.That(repository, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(repository!.Type, Is.EqualTo("repository"));
            Assert.That(repository.FullName, Is.EqualTo("acme/widgets"));
            Assert.That(repository.Slug, Is.EqualTo("widgets"));
            Assert.That(repository.Name, Is.EqualTo("Widgets"));
            Assert.That(repository.Workspace!.Slug, Is.EqualTo("acme"));
            Assert.That(repository.Owner!.DisplayName, Is.EqualTo("Acme"));
            Assert.That(repository.Project!.Key, Is.EqualTo("WID"));
            Assert.That(repository.MainBranch!.Name, Is.EqualTo("main"));
            Assert.That(repository.Scm, Is.EqualTo(Scm.Git));
            Assert.That(repository.IsPrivate, Is.True);
            Assert.That(repository.ForkPolicy, Is.EqualTo(RepositoryForkPolicy.NoPublicForks));
            Assert.That(repository.Size, Is.EqualTo(1234567));
            Assert.That(repository.CreatedOn, Is.EqualTo(new DateTimeOffset(2021, 3, 4, 10, 11, 12, TimeSpan.Zero).AddTicks(1234560)));
            Assert.That(repository.Links!.CloneLinks!.Single(l => l.Name == "ssh").Href, Is.EqualTo("git@bitbucket.org:acme/widgets.git"));
            Assert.That(repository.Links.Html!.Href, Is.EqualTo("https://bitbucket.org/acme/widgets"));
            Assert.That(repository.OverrideSettings!.DefaultMergeStrategy, Is.True, "a field the description omits is typed");
        });
    }

    [Test]
    public async Task GetAsync_SendsGet_AndReadsRepository()
    {
        Answer(200, RepositoryJson);

        var repository = await Repositories.GetAsync("acme", "widgets");

        AssertSent("GET", "/2.0/repositories/acme/widgets");
        AssertIsWidgets(repository);
    }

    [Test]
    public async Task GetAsync_EscapesUuidsAndSlashes_AsOneSegmentEach()
    {
        Answer(200, RepositoryJson);

        await Repositories.GetAsync("{0c1f7d11-6f0a-4a2b-9d3c-1f2e3d4c5b6a}", "we/ird slug");

        AssertSent("GET", "/2.0/repositories/%7B0c1f7d11-6f0a-4a2b-9d3c-1f2e3d4c5b6a%7D/we%2Fird%20slug");
    }

    [Test]
    public async Task List_SendsRoleAndOptions_AndReadsPage()
    {
        Answer(200, PageOf(RepositoryJson));

        var repositories = await ToListAsync(Repositories.List("acme", RepositoryRole.Contributor, new ListOptions { Query = "project.key=\"WID\"", Sort = "-updated_on", PageLength = 50 }));

        AssertSent("GET", "/2.0/repositories/acme?role=contributor&q=project.key%3D%22WID%22&sort=-updated_on&pagelen=50");
        Assert.That(repositories, Has.Count.EqualTo(1));
        AssertIsWidgets(repositories[0]);
    }

    [Test]
    public async Task List_WithoutFilters_SendsNoQuery()
    {
        Answer(200, """{"pagelen": 10, "values": []}""");

        var repositories = await ToListAsync(Repositories.List("acme"));

        AssertSent("GET", "/2.0/repositories/acme");
        Assert.That(repositories, Is.Empty);
    }

#pragma warning disable CS0618 // the deprecated cross-workspace operations are tested on purpose
    [Test]
    public void ListPublic_IsGone_AndSendsRoleAndAfterAsIso8601()
    {
        Answer(410, """{"type": "error", "error": {"message": "This API is no longer supported.", "detail": "See CHANGE-2770."}}""");

        var ex = Assert.ThrowsAsync<BitbucketGoneException>(async () =>
            await ToListAsync(Repositories.ListPublic(RepositoryRole.Member, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))));

        AssertSent("GET", "/2.0/repositories?role=member&after=2024-01-02T03%3A04%3A05.0000000%2B00%3A00");
        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
    }

    [Test]
    public async Task ListCurrentUserPermissionsAcrossWorkspaces_SendsGet_AndReadsPage()
    {
        Answer(200, PageOf(PermissionJson));

        var permissions = await ToListAsync(Repositories.ListCurrentUserPermissionsAcrossWorkspaces(new ListOptions { Query = "permission>\"read\"" }));

        AssertSent("GET", "/2.0/user/permissions/repositories?q=permission%3E%22read%22");
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().Permission, Is.EqualTo(RepositoryPermissionLevel.Write));
            Assert.That(permissions.Single().Repository!.FullName, Is.EqualTo("acme/widgets"));
        });
    }
#pragma warning restore CS0618

    [Test]
    public async Task ListCurrentUserPermissions_SendsWorkspaceScopedGet_AndReadsPage()
    {
        Answer(200, PageOf(PermissionJson));

        var permissions = await ToListAsync(Repositories.ListCurrentUserPermissions("acme", new ListOptions { Sort = "repository.name" }));

        AssertSent("GET", "/2.0/user/workspaces/acme/permissions/repositories?sort=repository.name");
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().Type, Is.EqualTo("repository_permission"));
            Assert.That(permissions.Single().User!.DisplayName, Is.EqualTo("Ann Smith"));
            Assert.That(permissions.Single().Permission, Is.EqualTo(RepositoryPermissionLevel.Write));
        });
    }

    [Test]
    public async Task CreateAsync_PostsRepository_AndReadsIt()
    {
        Answer(200, RepositoryJson);

        var created = await Repositories.CreateAsync("acme", "widgets", new Repository
        {
            Type = "repository",
            Scm = Scm.Git,
            IsPrivate = true,
            ForkPolicy = RepositoryForkPolicy.NoPublicForks,
            Project = new Project { Key = "WID" },
            Description = "Makes widgets.",
        });

        AssertSent("POST", "/2.0/repositories/acme/widgets");
        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(Sent.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That((string?)body["type"], Is.EqualTo("repository"));
            Assert.That((string?)body["scm"], Is.EqualTo("git"));
            Assert.That((bool?)body["is_private"], Is.True);
            Assert.That((string?)body["fork_policy"], Is.EqualTo("no_public_forks"));
            Assert.That((string?)body["project"]!["key"], Is.EqualTo("WID"));
            Assert.That(body.AsObject().ContainsKey("name"), Is.False, "unset properties are not sent");
        });
        AssertIsWidgets(created);
    }

    [Test]
    public async Task UpdateAsync_PutsRepository_AndReadsIt()
    {
        Answer(200, RepositoryJson);

        var updated = await Repositories.UpdateAsync("acme", "widgets", new Repository { Type = "repository", Description = "Makes better widgets.", MainBranch = new Branch { Name = "main" } });

        AssertSent("PUT", "/2.0/repositories/acme/widgets");
        Assert.Multiple(() =>
        {
            Assert.That((string?)SentJson()["description"], Is.EqualTo("Makes better widgets."));
            Assert.That((string?)SentJson()["mainbranch"]!["name"], Is.EqualTo("main"));
        });
        AssertIsWidgets(updated);
    }

    [TestCase(null, "/2.0/repositories/acme/widgets")]
    [TestCase("https://bitbucket.org/acme/gadgets", "/2.0/repositories/acme/widgets?redirect_to=https%3A%2F%2Fbitbucket.org%2Facme%2Fgadgets")]
    public async Task DeleteAsync_SendsDelete_WithOptionalRedirect(string? redirectTo, string target)
    {
        Answer(204);

        await Repositories.DeleteAsync("acme", "widgets", redirectTo);

        AssertSent("DELETE", target);
    }

    [Test]
    public async Task ListForks_SendsRole_AndReadsPage()
    {
        Answer(200, PageOf(RepositoryJson));

        var forks = await ToListAsync(Repositories.ListForks("acme", "widgets", RepositoryRole.Owner, new ListOptions { PageLength = 5 }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/forks?role=owner&pagelen=5");
        AssertIsWidgets(forks.Single());
    }

    [Test]
    public async Task ForkAsync_PostsTargetWorkspaceAndName_AndReadsFork()
    {
        Answer(201, RepositoryJson);

        var fork = await Repositories.ForkAsync("atlassian", "bbql", new Repository { Type = "repository", Name = "bbql_fork", Workspace = new Workspace { Slug = "acme" } });

        AssertSent("POST", "/2.0/repositories/atlassian/bbql/forks");
        Assert.Multiple(() =>
        {
            Assert.That((string?)SentJson()["name"], Is.EqualTo("bbql_fork"));
            Assert.That((string?)SentJson()["workspace"]!["slug"], Is.EqualTo("acme"));
            Assert.That((string?)SentJson()["type"], Is.EqualTo("repository"));
        });
        AssertIsWidgets(fork);
    }

    [Test]
    public async Task ListWatchers_SendsGet_AndReadsAccounts()
    {
        Answer(200, PageOf("""{"type": "user", "display_name": "Ann Smith", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}", "account_id": "557058:ba89", "nickname": "ann"}"""));

        var watchers = await ToListAsync(Repositories.ListWatchers("acme", "widgets"));

        AssertSent("GET", "/2.0/repositories/acme/widgets/watchers");
        Assert.Multiple(() =>
        {
            Assert.That(watchers.Single().DisplayName, Is.EqualTo("Ann Smith"));
            Assert.That(watchers.Single().Nickname, Is.EqualTo("ann"));
        });
    }

    private static void AssertIsCiHook(WebhookSubscription? hook)
    {
        Assert.That(hook, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(hook!.Uuid, Is.EqualTo("{a1b2c3d4-0000-4000-8000-00000000abcd}"));
            Assert.That(hook.Url, Is.EqualTo("https://ci.example.com/hooks/bitbucket"));
            Assert.That(hook.SubjectType, Is.EqualTo(WebhookSubscriptionSubjectType.Repository));
            Assert.That(hook.Active, Is.True);
            Assert.That(hook.SecretSet, Is.True);
            Assert.That(hook.Events, Is.EqualTo(new[] { WebhookEventKey.FromValue("repo:push"), WebhookEventKey.FromValue("pullrequest:created") }));
            Assert.That(hook.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task ListWebhooks_SendsGet_AndReadsPage()
    {
        Answer(200, PageOf(HookJson));

        var hooks = await ToListAsync(Repositories.ListWebhooks("acme", "widgets"));

        AssertSent("GET", "/2.0/repositories/acme/widgets/hooks");
        AssertIsCiHook(hooks.Single());
    }

    [Test]
    public async Task CreateWebhookAsync_PostsSubscription_AndReadsIt()
    {
        Answer(201, HookJson);

        var hook = await Repositories.CreateWebhookAsync("acme", "widgets", new WebhookSubscription
        {
            Description = "CI",
            Url = "https://ci.example.com/hooks/bitbucket",
            Active = true,
            Secret = "s3cr3t",
            Events = [WebhookEventKey.FromValue("repo:push"), WebhookEventKey.FromValue("pullrequest:created")],
        });

        AssertSent("POST", "/2.0/repositories/acme/widgets/hooks");
        Assert.Multiple(() =>
        {
            Assert.That((string?)SentJson()["url"], Is.EqualTo("https://ci.example.com/hooks/bitbucket"));
            Assert.That((string?)SentJson()["description"], Is.EqualTo("CI"));
            Assert.That((bool?)SentJson()["active"], Is.True);
            Assert.That((string?)SentJson()["secret"], Is.EqualTo("s3cr3t"));
            Assert.That(SentJson()["events"]!.AsArray().Select(e => (string?)e), Is.EqualTo(new[] { "repo:push", "pullrequest:created" }));
        });
        AssertIsCiHook(hook);
    }

    [Test]
    public async Task GetWebhookAsync_EscapesTheUuid_AndReadsIt()
    {
        Answer(200, HookJson);

        var hook = await Repositories.GetWebhookAsync("acme", "widgets", "{a1b2c3d4-0000-4000-8000-00000000abcd}");

        AssertSent("GET", "/2.0/repositories/acme/widgets/hooks/%7Ba1b2c3d4-0000-4000-8000-00000000abcd%7D");
        AssertIsCiHook(hook);
    }

    [Test]
    public async Task UpdateWebhookAsync_PutsOnlyTheChangedProperties()
    {
        Answer(200, HookJson);

        var hook = await Repositories.UpdateWebhookAsync("acme", "widgets", "{a1b2c3d4-0000-4000-8000-00000000abcd}", new WebhookSubscription { Active = false });

        AssertSent("PUT", "/2.0/repositories/acme/widgets/hooks/%7Ba1b2c3d4-0000-4000-8000-00000000abcd%7D");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"active":false}"""));
        AssertIsCiHook(hook);
    }

    [Test]
    public async Task DeleteWebhookAsync_SendsDelete()
    {
        Answer(204);

        await Repositories.DeleteWebhookAsync("acme", "widgets", "{a1b2c3d4-0000-4000-8000-00000000abcd}");

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/hooks/%7Ba1b2c3d4-0000-4000-8000-00000000abcd%7D");
    }

    [Test]
    public async Task GetOverrideSettingsAsync_ReadsTheStatePerSetting()
    {
        Answer(200, """{"type": "repository_inheritance_state", "override_settings": {"default_merge_strategy": true, "branching_model": false}}""");

        var state = await Repositories.GetOverrideSettingsAsync("acme", "widgets");

        AssertSent("GET", "/2.0/repositories/acme/widgets/override-settings");
        Assert.Multiple(() =>
        {
            Assert.That(state.Type, Is.EqualTo("repository_inheritance_state"));
            Assert.That(state.OverrideSettings!["default_merge_strategy"], Is.True);
            Assert.That(state.OverrideSettings["branching_model"], Is.False);
        });
    }

    [Test]
    public async Task UpdateOverrideSettingsAsync_PutsTheState()
    {
        Answer(204);

        await Repositories.UpdateOverrideSettingsAsync("acme", "widgets", new RepositoryInheritanceState
        {
            Type = "repository_inheritance_state",
            OverrideSettings = new Dictionary<string, bool> { ["branching_model"] = true },
        });

        AssertSent("PUT", "/2.0/repositories/acme/widgets/override-settings");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"repository_inheritance_state","override_settings":{"branching_model":true}}"""));
    }

    [Test]
    public async Task ListGroupPermissions_SendsGet_AndReadsPage()
    {
        Answer(200, PageOf(GroupPermissionJson));

        var permissions = await ToListAsync(Repositories.ListGroupPermissions("acme", "widgets"));

        AssertSent("GET", "/2.0/repositories/acme/widgets/permissions-config/groups");
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().Group!.Slug, Is.EqualTo("developers"));
            Assert.That(permissions.Single().Permission, Is.EqualTo(RepositoryPermissionLevel.Write));
        });
    }

    [Test]
    public async Task GetGroupPermissionAsync_SendsGet_AndReadsIt()
    {
        Answer(200, GroupPermissionJson);

        var permission = await Repositories.GetGroupPermissionAsync("acme", "widgets", "developers");

        AssertSent("GET", "/2.0/repositories/acme/widgets/permissions-config/groups/developers");
        Assert.Multiple(() =>
        {
            Assert.That(permission.Type, Is.EqualTo("repository_group_permission"));
            Assert.That(permission.Group!.FullSlug, Is.EqualTo("acme:developers"));
            Assert.That(permission.Repository!.FullName, Is.EqualTo("acme/widgets"));
            Assert.That(permission.Links!.Self!.Href, Does.EndWith("/groups/developers"));
        });
    }

    [Test]
    public async Task UpdateGroupPermissionAsync_PutsThePermission()
    {
        Answer(200, GroupPermissionJson);

        var permission = await Repositories.UpdateGroupPermissionAsync("acme", "widgets", "developers", new RepositoryPermissionUpdate { Permission = RepositoryPermissionLevel.Write });

        AssertSent("PUT", "/2.0/repositories/acme/widgets/permissions-config/groups/developers");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"permission":"write"}"""));
        Assert.That(permission.Permission, Is.EqualTo(RepositoryPermissionLevel.Write));
    }

    [Test]
    public async Task DeleteGroupPermissionAsync_SendsDelete()
    {
        Answer(204);

        await Repositories.DeleteGroupPermissionAsync("acme", "widgets", "developers");

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/permissions-config/groups/developers");
    }

    [Test]
    public async Task ListUserPermissions_SendsGet_AndReadsPage()
    {
        Answer(200, PageOf(UserPermissionJson));

        var permissions = await ToListAsync(Repositories.ListUserPermissions("acme", "widgets", new ListOptions { Query = "permission=\"admin\"" }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/permissions-config/users?q=permission%3D%22admin%22");
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().User!.AccountId, Is.EqualTo("557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a"));
            Assert.That(permissions.Single().Permission, Is.EqualTo(RepositoryPermissionLevel.Admin));
        });
    }

    [Test]
    public async Task GetUserPermissionAsync_EscapesTheAccountId_AndReadsIt()
    {
        Answer(200, UserPermissionJson);

        var permission = await Repositories.GetUserPermissionAsync("acme", "widgets", "{d301aafa-d676-4ee0-88be-962be7417567}");

        AssertSent("GET", "/2.0/repositories/acme/widgets/permissions-config/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D");
        Assert.Multiple(() =>
        {
            Assert.That(permission.Type, Is.EqualTo("repository_user_permission"));
            Assert.That(permission.User!.DisplayName, Is.EqualTo("Ann Smith"));
            Assert.That(permission.Permission, Is.EqualTo(RepositoryPermissionLevel.Admin));
        });
    }

    [Test]
    public async Task UpdateUserPermissionAsync_PutsThePermission()
    {
        Answer(200, UserPermissionJson);

        var permission = await Repositories.UpdateUserPermissionAsync("acme", "widgets", "557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a", new RepositoryPermissionUpdate { Permission = RepositoryPermissionLevel.Admin });

        AssertSent("PUT", "/2.0/repositories/acme/widgets/permissions-config/users/557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"permission":"admin"}"""));
        Assert.That(permission.Permission, Is.EqualTo(RepositoryPermissionLevel.Admin));
    }

    [Test]
    public async Task DeleteUserPermissionAsync_SendsDelete()
    {
        Answer(204);

        await Repositories.DeleteUserPermissionAsync("acme", "widgets", "{d301aafa-d676-4ee0-88be-962be7417567}");

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/permissions-config/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D");
    }
}
