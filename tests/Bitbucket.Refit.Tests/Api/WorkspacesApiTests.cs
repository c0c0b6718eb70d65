using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class WorkspacesApiTests : AccountApiMockTest
{
    private const string WorkspaceJson = """
        {"uuid":"{a15fb181-db1f-48f7-b41f-e1eff06929d6}","type":"workspace","slug":"bbworkspace1","name":"Atlassian Bitbucket",
         "is_private":true,"forking_mode":"internal_only","created_on":"2018-11-14T19:15:05.058566+00:00",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/workspaces/bbworkspace1"},
                  "html":{"href":"https://bitbucket.org/bbworkspace1/"},
                  "members":{"href":"https://api.bitbucket.org/2.0/workspaces/bbworkspace1/members"},
                  "projects":{"href":"https://api.bitbucket.org/2.0/workspaces/bbworkspace1/projects"}}}
        """;

    private const string MembershipJson = """
        {"type":"workspace_membership","permission":"owner","last_accessed":"2019-03-07T12:35:02.900024+00:00",
         "added_on":"2018-10-11T17:42:02.961424+00:00",
         "user":{"type":"user","uuid":"{470c176d-3574-44ea-bb41-89e8638bcca4}","nickname":"evzijst","display_name":"Erik van Zijst"},
         "workspace":{"type":"workspace","uuid":"{a15fb181-db1f-48f7-b41f-e1eff06929d6}","slug":"bbworkspace1","name":"Atlassian Bitbucket"},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/workspaces/bbworkspace1/members/%7B470c176d-3574-44ea-bb41-89e8638bcca4%7D"}}}
        """;

    private const string HookJson = """
        {"type":"webhook_subscription","uuid":"{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}","url":"https://example.com/hook",
         "description":"Deploys","subject_type":"workspace","active":true,"created_at":"2024-05-01T10:00:00.000000+00:00",
         "events":["repo:push","pullrequest:created"],"secret_set":true,
         "subject":{"type":"workspace","slug":"bbworkspace1","uuid":"{a15fb181-db1f-48f7-b41f-e1eff06929d6}"}}
        """;

    private const string RepositoryPermissionJson = """
        {"type":"repository_permission","permission":"admin",
         "user":{"type":"user","display_name":"Erik van Zijst","uuid":"{d301aafa-d676-4ee0-88be-962be7417567}"},
         "repository":{"type":"repository","name":"geordi","full_name":"atlassian_tutorial/geordi","uuid":"{85d08b4e-571d-44e9-a507-fa476535aa98}"}}
        """;

    private IWorkspacesApi Workspaces => Api<IWorkspacesApi>();

    [Test]
    public async Task ListPermissionsForCurrentUser_GetsTheDeprecatedList_AndReadsRoles()
    {
        Answer(200, PageOf(MembershipJson));

#pragma warning disable CS0618
        var memberships = await ToListAsync(Workspaces.ListPermissionsForCurrentUser(Options));
#pragma warning restore CS0618

        AssertSent("GET", "/2.0/user/permissions/workspaces?" + OptionsQuery);
        Assert.That(memberships, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(memberships[0].Permission, Is.EqualTo(WorkspacePermission.Owner));
            Assert.That(memberships[0].Workspace!.Slug, Is.EqualTo("bbworkspace1"));
            Assert.That(memberships[0].User!.DisplayName, Is.EqualTo("Erik van Zijst"));
        });
    }

    [Test]
    public void DeprecatedCrossWorkspaceLists_AreObsolete_NamingTheReplacement()
    {
        foreach (var name in new[] { nameof(IWorkspacesApi.ListPermissionsForCurrentUser), nameof(IWorkspacesApi.List) })
        {
            var obsolete = typeof(IWorkspacesApi).GetMethod(name)!.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().SingleOrDefault();
            Assert.That(obsolete?.Message, Does.Contain("/user/workspaces").And.Contain("410"), name);
        }
    }

    [TestCase(null, "/2.0/user/workspaces?sort=slug")]
    [TestCase(true, "/2.0/user/workspaces?administrator=true&sort=slug")]
    [TestCase(false, "/2.0/user/workspaces?administrator=false&sort=slug")]
    public async Task ListForCurrentUser_SendsAdministratorInLowerCase_AndReadsAccess(bool? administrator, string expected)
    {
        Answer(200, PageOf("""
            {"administrator":true,"type":"workspace_access",
             "workspace":{"links":{"avatar":{"href":"https://api.bitbucket.org/workspaces/bbworkspace1/avatar/"},
                                   "self":{"href":"https://api.bitbucket.org/2.0/workspaces/bbworkspace1"}},
                          "slug":"bbworkspace1","type":"workspace_base","uuid":"{470c176d-3574-44ea-bb41-89e8638bcca4}"}}
            """));

        var access = await ToListAsync(Workspaces.ListForCurrentUser(administrator, new() { Sort = "slug" }));

        AssertSent("GET", expected);
        Assert.Multiple(() =>
        {
            Assert.That(access.Single().Administrator, Is.True);
            Assert.That(access[0].Type, Is.EqualTo("workspace_access"));
            Assert.That(access[0].Workspace!.Slug, Is.EqualTo("bbworkspace1"));
            Assert.That(access[0].Workspace!.Links!.Self!.Href, Is.EqualTo("https://api.bitbucket.org/2.0/workspaces/bbworkspace1"));
        });
    }

    [Test]
    public async Task GetPermissionForCurrentUser_EscapesTheWorkspace_AndReadsTheRole()
    {
        Answer(200, MembershipJson.Replace("\"owner\"", "\"create-project\"", StringComparison.Ordinal));

        var membership = await Workspaces.GetPermissionForCurrentUserAsync("{a15fb181-db1f-48f7-b41f-e1eff06929d6}");

        AssertSent("GET", "/2.0/user/workspaces/%7Ba15fb181-db1f-48f7-b41f-e1eff06929d6%7D/permission");
        Assert.Multiple(() =>
        {
            Assert.That(membership.Permission, Is.EqualTo(WorkspacePermission.CreateProject));
            Assert.That(membership.LastAccessed, Is.EqualTo(new DateTimeOffset(2019, 3, 7, 12, 35, 2, 900, TimeSpan.Zero).AddTicks(240)));
            Assert.That(membership.AddedOn!.Value.Year, Is.EqualTo(2018));
        });
    }

    [TestCase(null, "/2.0/workspaces")]
    [TestCase("owner", "/2.0/workspaces?role=owner")]
    public async Task List_SendsTheRoleAsOneValue_AndReadsWorkspaces(string? role, string expected)
    {
        Answer(200, PageOf(WorkspaceJson));

#pragma warning disable CS0618
        var workspaces = await ToListAsync(Workspaces.List(role is null ? null : WorkspaceRole.FromValue(role)));
#pragma warning restore CS0618

        AssertSent("GET", expected);
        Assert.That(workspaces.Single().Name, Is.EqualTo("Atlassian Bitbucket"));
    }

    [Test]
    public async Task Get_ReadsTheWorkspace()
    {
        Answer(200, WorkspaceJson);

        var workspace = await Workspaces.GetAsync("bbworkspace1");

        AssertSent("GET", "/2.0/workspaces/bbworkspace1");
        Assert.Multiple(() =>
        {
            Assert.That(workspace.Type, Is.EqualTo("workspace"));
            Assert.That(workspace.Slug, Is.EqualTo("bbworkspace1"));
            Assert.That(workspace.IsPrivate, Is.True);
            Assert.That(workspace.ForkingMode, Is.EqualTo(WorkspaceForkingMode.InternalOnly));
            Assert.That(workspace.Links!.Projects!.Href, Does.EndWith("/workspaces/bbworkspace1/projects"));
        });
    }

    [Test]
    public async Task ListWebhooks_ReadsSubscriptions()
    {
        Answer(200, PageOf(HookJson));

        var hooks = await ToListAsync(Workspaces.ListWebhooks("bbworkspace1", Options));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/hooks?" + OptionsQuery);
        Assert.Multiple(() =>
        {
            Assert.That(hooks.Single().Uuid, Is.EqualTo("{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}"));
            Assert.That(hooks[0].Events, Is.EqualTo(new[] { WebhookEventKey.RepoPush, WebhookEventKey.PullRequestCreated }));
            Assert.That(hooks[0].SubjectType, Is.EqualTo(WebhookSubscriptionSubjectType.Workspace));
            Assert.That(hooks[0].Subject!.Type, Is.EqualTo("workspace"));
            Assert.That(hooks[0].SecretSet, Is.True);
        });
    }

    [Test]
    public async Task CreateWebhook_PostsTheSubscription_WithItsSecret()
    {
        Answer(201, HookJson);

        var hook = await Workspaces.CreateWebhookAsync("bbworkspace1", new WebhookSubscription
        {
            Description = "Deploys",
            Url = "https://example.com/hook",
            Active = true,
            Secret = "this is a really bad secret",
            Events = [WebhookEventKey.RepoPush, WebhookEventKey.PullRequestCreated],
        });

        AssertSent("POST", "/2.0/workspaces/bbworkspace1/hooks");
        var body = SentJson().AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "description", "url", "active", "secret", "events" }));
            Assert.That((string?)body["url"], Is.EqualTo("https://example.com/hook"));
            Assert.That((bool?)body["active"], Is.True);
            Assert.That((string?)body["secret"], Is.EqualTo("this is a really bad secret"));
            Assert.That(body["events"]!.AsArray().Select(e => (string?)e), Is.EqualTo(new[] { "repo:push", "pullrequest:created" }));
            Assert.That(hook.Uuid, Is.EqualTo("{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}"));
            Assert.That(hook.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void WebhookSubscription_NeverShowsItsSecret_InToString()
    {
        var hook = new WebhookSubscription { Url = "https://example.com/hook", Secret = "s3cr3t-value" };

        Assert.Multiple(() =>
        {
            Assert.That(hook.ToString(), Does.Not.Contain("s3cr3t-value"));
            Assert.That(hook.ToString(), Does.Contain("https://example.com/hook").And.Contain("Secret = ***"));
        });
    }

    [Test]
    public async Task DeleteWebhook_EscapesTheUid()
    {
        Answer(204);

        await Workspaces.DeleteWebhookAsync("bbworkspace1", "{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}");

        AssertSent("DELETE", "/2.0/workspaces/bbworkspace1/hooks/%7B8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b%7D");
        AssertNoBody();
    }

    [Test]
    public async Task GetWebhook_ReadsTheSubscription()
    {
        Answer(200, HookJson);

        var hook = await Workspaces.GetWebhookAsync("bbworkspace1", "{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}");

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/hooks/%7B8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b%7D");
        Assert.Multiple(() =>
        {
            Assert.That(hook.Description, Is.EqualTo("Deploys"));
            Assert.That(hook.Active, Is.True);
            Assert.That(hook.Secret, Is.Null);
        });
    }

    [Test]
    public async Task UpdateWebhook_PutsOnlyTheGivenFields_AnEmptySecretRemovesIt()
    {
        Answer(200, HookJson.Replace("\"secret_set\":true", "\"secret_set\":false", StringComparison.Ordinal));

        var hook = await Workspaces.UpdateWebhookAsync("bbworkspace1", "{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}", new WebhookSubscription { Active = false, Secret = "" });

        AssertSent("PUT", "/2.0/workspaces/bbworkspace1/hooks/%7B8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b%7D");
        var body = SentJson().AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "active", "secret" }));
            Assert.That((bool?)body["active"], Is.False);
            Assert.That((string?)body["secret"], Is.Empty);
            Assert.That(hook.SecretSet, Is.False);
        });
    }

    [Test]
    public async Task ListMembers_ReadsMemberships()
    {
        Answer(200, PageOf(MembershipJson));

        var members = await ToListAsync(Workspaces.ListMembers("bbworkspace1", new() { Query = "user.email IN (\"a@b.org\")", Fields = "+values.user.email" }));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/members?q=user.email%20IN%20%28%22a%40b.org%22%29&fields=%2Bvalues.user.email");
        Assert.Multiple(() =>
        {
            Assert.That(members.Single().Type, Is.EqualTo("workspace_membership"));
            Assert.That(members[0].User!.Uuid, Is.EqualTo("{470c176d-3574-44ea-bb41-89e8638bcca4}"));
            Assert.That(members[0].Links!.Self!.Href, Does.Contain("/members/"));
        });
    }

    [Test]
    public async Task GetMember_SendsTheAccountIdAsOneSegment()
    {
        Answer(200, MembershipJson);

        var member = await Workspaces.GetMemberAsync("bbworkspace1", "557058:ba8948b2");

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/members/557058:ba8948b2");
        Assert.That(member.Workspace!.Name, Is.EqualTo("Atlassian Bitbucket"));
    }

    [Test]
    public async Task ListPermissions_ReadsMembershipsWithRoles()
    {
        Answer(200, PageOf(MembershipJson, MembershipJson.Replace("\"owner\"", "\"member\"", StringComparison.Ordinal)));

        var permissions = await ToListAsync(Workspaces.ListPermissions("bbworkspace1", new() { Query = "permission=\"owner\"" }));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/permissions?q=permission%3D%22owner%22");
        Assert.That(permissions.Select(p => p.Permission), Is.EqualTo(new WorkspacePermission?[] { WorkspacePermission.Owner, WorkspacePermission.Member }));
    }

    [Test]
    public async Task ListRepositoryPermissions_ReadsPermissions()
    {
        Answer(200, PageOf(RepositoryPermissionJson));

        var permissions = await ToListAsync(Workspaces.ListRepositoryPermissions("bbworkspace1", Options));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/permissions/repositories?" + OptionsQuery);
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().Permission, Is.EqualTo(RepositoryPermissionLevel.Admin));
            Assert.That(permissions[0].Repository!.FullName, Is.EqualTo("atlassian_tutorial/geordi"));
            Assert.That(permissions[0].User!.DisplayName, Is.EqualTo("Erik van Zijst"));
        });
    }

    [Test]
    public async Task ListPermissionsForRepository_KeepsASlugWithSlashAndSpace_AsOneSegment()
    {
        Answer(200, PageOf(RepositoryPermissionJson));

        var permissions = await ToListAsync(Workspaces.ListPermissionsForRepository("bbworkspace1", "my repo/x", new() { Sort = "user.display_name" }));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/permissions/repositories/my%20repo%2Fx?sort=user.display_name");
        Assert.That(permissions.Single().Type, Is.EqualTo("repository_permission"));
    }

    [Test]
    public async Task ListProjects_ReadsProjects()
    {
        Answer(200, PageOf("""
            {"type":"project","key":"PRJ","uuid":"{8f3e2b2c-4a59-4b3c-9b5e-7ad1f1f3c0e2}","name":"Mars","is_private":true,
             "owner":{"type":"team","display_name":"Atlassian Bitbucket","uuid":"{a15fb181-db1f-48f7-b41f-e1eff06929d6}"},
             "links":{"html":{"href":"https://bitbucket.org/bbworkspace1/workspace/projects/PRJ"}}}
            """));

        var projects = await ToListAsync(Workspaces.ListProjects("bbworkspace1", Options));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/projects?" + OptionsQuery);
        Assert.Multiple(() =>
        {
            Assert.That(projects.Single().Key, Is.EqualTo("PRJ"));
            Assert.That(projects[0].Owner!.Type, Is.EqualTo("team"));
            Assert.That(projects[0].Links!.Html!.Href, Does.EndWith("/projects/PRJ"));
        });
    }

    [Test]
    public async Task ListPullRequestsForUser_RepeatsState_AndReadsPullRequests()
    {
        Answer(200, PageOf("""
            {"type":"pullrequest","id":42,"title":"Fix the flux","state":"MERGED",
             "author":{"type":"user","display_name":"Erik van Zijst","uuid":"{470c176d-3574-44ea-bb41-89e8638bcca4}"},
             "source":{"branch":{"name":"fix/flux"}},"destination":{"branch":{"name":"main"}}}
            """));

        var pullRequests = await ToListAsync(Workspaces.ListPullRequestsForUser("bbworkspace1", "{470c176d-3574-44ea-bb41-89e8638bcca4}", [PullRequestState.Open, PullRequestState.Merged], new() { PageLength = 20 }));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/pullrequests/%7B470c176d-3574-44ea-bb41-89e8638bcca4%7D?state=OPEN&state=MERGED&pagelen=20");
        Assert.Multiple(() =>
        {
            Assert.That(pullRequests.Single().Id, Is.EqualTo(42));
            Assert.That(pullRequests[0].State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(pullRequests[0].Source!.Branch!.Name, Is.EqualTo("fix/flux"));
        });
    }

    [Test]
    public async Task ListPullRequestsForUser_WithoutState_SendsNone()
    {
        Answer(200, PageOf());

        var pullRequests = await ToListAsync(Workspaces.ListPullRequestsForUser("bbworkspace1", "557058:ab"));

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/pullrequests/557058:ab");
        Assert.That(pullRequests, Is.Empty);
    }

    [Test]
    public async Task GetGpgPublicKey_ReturnsTheBodyAsSent()
    {
        const string Armored = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGZ...\n-----END PGP PUBLIC KEY BLOCK-----\n";
        Answer(200, Armored, "text/plain");

        var key = await Workspaces.GetGpgPublicKeyAsync("bbworkspace1");

        AssertSent("GET", "/2.0/workspaces/bbworkspace1/settings/gpg/public-key");
        Assert.That(key, Is.EqualTo(Armored));
    }
}
