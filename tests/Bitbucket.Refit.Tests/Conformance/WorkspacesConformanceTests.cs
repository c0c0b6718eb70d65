using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class WorkspacesConformanceTests
{
    private const string Workspace = "bbworkspace1";
    private const string HookId = "{8b7c5b32-e3a8-4b2b-a1d7-7a4d2b39bb1b}";

    private static WebhookSubscription NewHook => new()
    {
        Type = "webhook_subscription",
        Description = "Deploys",
        Url = "https://example.com/hook",
        Active = true,
        Secret = "conformance-secret",
        Events = [WebhookEventKey.RepoPush, WebhookEventKey.PullRequestCreated],
    };

    [Test]
    public async Task ListPermissionsForCurrentUser()
    {
        var prism = await PrismServer.GetAsync();

#pragma warning disable CS0618
        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListPermissionsForCurrentUser(new ListOptions { Query = "permission=\"owner\"", Sort = "workspace.slug" })));
#pragma warning restore CS0618

        // Prism serves the spec's example: permission, last_accessed and added_on are documented there, not in the schema.
        Assert.That(page.Values, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(page.Values[0].Workspace!.Slug, Is.EqualTo("bbworkspace1"));
            Assert.That(page.Values[0].Permission, Is.EqualTo(WorkspacePermission.Owner));
            Assert.That(page.Values[0].LastAccessed, Is.Not.Null);
            Assert.That(page.Values[0].AddedOn, Is.Not.Null);
            Assert.That(page.Values[0].AdditionalProperties, Is.Null.Or.Empty, "every documented field is modelled");
        });
    }

    [Test]
    public async Task ListForCurrentUser()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListForCurrentUser(administrator: true, new ListOptions { Sort = "slug" })));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(page.Values[0].Administrator, Is.True);
            Assert.That(page.Values[0].Workspace!.Slug, Is.EqualTo("bbworkspace1"));
            Assert.That(page.Values[0].AdditionalProperties, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task GetPermissionForCurrentUser()
    {
        var prism = await PrismServer.GetAsync();

        var membership = await prism.CallAsync(c => c.Workspaces.GetPermissionForCurrentUserAsync(Workspace));

        Assert.That(membership.Type, Is.Not.Null);
    }

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

#pragma warning disable CS0618
        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.List(WorkspaceRole.Owner, new ListOptions { Query = "is_private=true" })));
#pragma warning restore CS0618

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Slug, Is.Not.Null);
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var workspace = await prism.CallAsync(c => c.Workspaces.GetAsync(Workspace));

        Assert.That(workspace.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListWebhooks()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListWebhooks(Workspace)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Type, Is.Not.Null);
    }

    [Test]
    public async Task CreateWebhook()
    {
        var prism = await PrismServer.GetAsync();

        var hook = await prism.CallAsync(c => c.Workspaces.CreateWebhookAsync(Workspace, NewHook));

        Assert.That(hook.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteWebhook()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Workspaces.DeleteWebhookAsync(Workspace, HookId));
    }

    [Test]
    public async Task GetWebhook()
    {
        var prism = await PrismServer.GetAsync();

        var hook = await prism.CallAsync(c => c.Workspaces.GetWebhookAsync(Workspace, HookId));

        Assert.That(hook.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateWebhook()
    {
        var prism = await PrismServer.GetAsync();

        var hook = await prism.CallAsync(c => c.Workspaces.UpdateWebhookAsync(Workspace, HookId, NewHook with { Active = false }));

        Assert.That(hook.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListMembers()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListMembers(Workspace)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Type, Is.Not.Null);
    }

    [Test]
    public async Task GetMember()
    {
        var prism = await PrismServer.GetAsync();

        var member = await prism.CallAsync(c => c.Workspaces.GetMemberAsync(Workspace, "{470c176d-3574-44ea-bb41-89e8638bcca4}"));

        Assert.That(member.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListPermissions(Workspace, new ListOptions { Query = "permission=\"owner\"" })));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Permission, Is.Not.Null);
    }

    [Test]
    public async Task ListRepositoryPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListRepositoryPermissions(Workspace, new ListOptions { Query = "permission>\"read\"", Sort = "user.display_name" })));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Permission, Is.Not.Null);
    }

    [Test]
    public async Task ListPermissionsForRepository()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListPermissionsForRepository(Workspace, "geordi", new ListOptions { Sort = "user.display_name" })));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Permission, Is.Not.Null);
    }

    [Test]
    public async Task ListProjects()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListProjects(Workspace)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Type, Is.Not.Null);
    }

    [Test]
    public async Task ListPullRequestsForUser()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Workspaces.ListPullRequestsForUser(Workspace, "{470c176d-3574-44ea-bb41-89e8638bcca4}", [PullRequestState.Open])));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Type, Is.Not.Null);
    }

    [Test]
    public async Task GetGpgPublicKey()
    {
        var prism = await PrismServer.GetAsync();

        var key = await prism.CallAsync(c => c.Workspaces.GetGpgPublicKeyAsync(Workspace));

        Assert.That(key, Is.Not.Null);
    }
}
