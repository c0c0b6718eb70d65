using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class ProjectsConformanceTests
{
    private const string Workspace = "teams-in-space";
    private const string Key = "MARS";
    private const string UserId = "{d301aafa-d676-4ee0-88be-962be7417567}";

    [Test]
    public async Task Create()
    {
        var prism = await PrismServer.GetAsync();

        var project = await prism.CallAsync(c => c.Projects.CreateAsync(Workspace, new Project
        {
            Type = "project",
            Name = "Mars Project",
            Key = Key,
            Description = "Software for colonizing mars.",
            IsPrivate = false,
        }));

        Assert.That(project.Type, Is.Not.Null);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Projects.DeleteAsync(Workspace, Key));
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var project = await prism.CallAsync(c => c.Projects.GetAsync(Workspace, Key));

        Assert.That(project.Type, Is.Not.Null);
    }

    [Test]
    public async Task Update()
    {
        var prism = await PrismServer.GetAsync();

        var project = await prism.CallAsync(c => c.Projects.UpdateAsync(Workspace, Key, new Project { Type = "project", Name = "Mars Project", Description = "Bigger" }));

        Assert.That(project.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListDefaultReviewers()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Projects.ListDefaultReviewers(Workspace, Key)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].User, Is.Not.Null);
    }

    [Test]
    public async Task RemoveDefaultReviewer()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Projects.RemoveDefaultReviewerAsync(Workspace, Key, UserId));
    }

    [Test]
    public async Task GetDefaultReviewer()
    {
        var prism = await PrismServer.GetAsync();

        var user = await prism.CallAsync(c => c.Projects.GetDefaultReviewerAsync(Workspace, Key, UserId));

        Assert.That(user.Type, Is.Not.Null);
    }

    [Test]
    public async Task AddDefaultReviewer()
    {
        var prism = await PrismServer.GetAsync();

        var user = await prism.CallAsync(c => c.Projects.AddDefaultReviewerAsync(Workspace, Key, UserId));

        Assert.That(user.DisplayName, Is.Not.Null);
    }

    [Test]
    public async Task ListGroupPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Projects.ListGroupPermissions(Workspace, Key)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Permission, Is.Not.Null);
    }

    [Test]
    public async Task DeleteGroupPermission()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Projects.DeleteGroupPermissionAsync(Workspace, Key, "developers"));
    }

    [Test]
    public async Task GetGroupPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Projects.GetGroupPermissionAsync(Workspace, Key, "developers"));

        Assert.That(permission.Permission, Is.Not.Null);
    }

    [Test]
    public async Task UpdateGroupPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Projects.UpdateGroupPermissionAsync(Workspace, Key, "developers", new ProjectPermissionUpdate { Permission = ProjectPermissionLevel.Write }));

        Assert.That(permission.Permission, Is.Not.Null);
    }

    [Test]
    public async Task ListUserPermissions()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Projects.ListUserPermissions(Workspace, Key)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Permission, Is.Not.Null);
    }

    [Test]
    public async Task DeleteUserPermission()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Projects.DeleteUserPermissionAsync(Workspace, Key, UserId));
    }

    [Test]
    public async Task GetUserPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Projects.GetUserPermissionAsync(Workspace, Key, UserId));

        Assert.That(permission.Permission, Is.Not.Null);
    }

    [Test]
    public async Task UpdateUserPermission()
    {
        var prism = await PrismServer.GetAsync();

        var permission = await prism.CallAsync(c => c.Projects.UpdateUserPermissionAsync(Workspace, Key, UserId, new ProjectPermissionUpdate { Permission = ProjectPermissionLevel.Admin }));

        Assert.That(permission.Permission, Is.Not.Null);
    }
}
