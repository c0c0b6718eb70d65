using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class ProjectsApiTests : AccountApiMockTest
{
    private const string ProjectJson = """
        {"type":"project","key":"MARS","uuid":"{8f3e2b2c-4a59-4b3c-9b5e-7ad1f1f3c0e2}","name":"Mars Project",
         "description":"Software for colonizing mars.","is_private":false,"has_publicly_visible_repos":true,
         "created_on":"2020-01-02T03:04:05.000000+00:00","updated_on":"2021-01-02T03:04:05.000000+00:00",
         "owner":{"type":"team","display_name":"Teams in Space","uuid":"{a15fb181-db1f-48f7-b41f-e1eff06929d6}"},
         "links":{"html":{"href":"https://bitbucket.org/teams-in-space/workspace/projects/MARS"},
                  "avatar":{"href":"https://bitbucket.org/teams-in-space/workspace/projects/MARS/avatar/32"}}}
        """;

    private const string ReviewerJson = """
        {"display_name":"Yaniv Sagy","type":"user","uuid":"{dd5db7f2-6389-458d-a62a-716773910b7a}",
         "account_id":"712020:4efe52fa-b4b4-475b-9eb0-c0a23b7eb194","nickname":"Yaniv Sagy",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/%7Bdd5db7f2-6389-458d-a62a-716773910b7a%7D"}}}
        """;

    private const string GroupPermissionJson = """
        {"type":"project_group_permission","permission":"write",
         "group":{"type":"group","name":"Developers","slug":"developers","full_slug":"teams-in-space:developers"},
         "project":{"type":"project","key":"MARS","name":"Mars Project"},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/groups/developers"}}}
        """;

    private const string UserPermissionJson = """
        {"type":"project_user_permission","permission":"admin",
         "user":{"type":"user","display_name":"Colin Cameron","uuid":"{d301aafa-d676-4ee0-88be-962be7417567}",
                 "account_id":"557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a"},
         "project":{"type":"project","key":"MARS"},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/users/557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a"}}}
        """;

    private IProjectsApi Projects => Api<IProjectsApi>();

    [Test]
    public async Task Create_PostsTheProject_AndReadsIt()
    {
        Answer(201, ProjectJson);

        var project = await Projects.CreateAsync("teams-in-space", new Project
        {
            Type = "project",
            Name = "Mars Project",
            Key = "MARS",
            Description = "Software for colonizing mars.",
            IsPrivate = false,
            Links = new ProjectLinks { Avatar = new Link { Href = "http://i.imgur.com/72tRx4w.gif" } },
        });

        AssertSent("POST", "/2.0/workspaces/teams-in-space/projects");
        var body = SentJson().AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "type", "name", "key", "description", "is_private", "links" }));
            Assert.That((string?)body["type"], Is.EqualTo("project"));
            Assert.That((string?)body["key"], Is.EqualTo("MARS"));
            Assert.That((bool?)body["is_private"], Is.False);
            Assert.That((string?)body["links"]!["avatar"]!["href"], Is.EqualTo("http://i.imgur.com/72tRx4w.gif"));
            Assert.That(project.Uuid, Is.EqualTo("{8f3e2b2c-4a59-4b3c-9b5e-7ad1f1f3c0e2}"));
            Assert.That(project.Owner!.DisplayName, Is.EqualTo("Teams in Space"));
            Assert.That(project.HasPubliclyVisibleRepos, Is.True);
        });
    }

    [Test]
    public async Task Delete_KeepsAKeyWithSlashAndSpace_AsOneSegment()
    {
        Answer(204);

        await Projects.DeleteAsync("teams-in-space", "MA/RS X");

        AssertSent("DELETE", "/2.0/workspaces/teams-in-space/projects/MA%2FRS%20X");
        AssertNoBody();
    }

    [Test]
    public async Task Get_ReadsTheProject()
    {
        Answer(200, ProjectJson);

        var project = await Projects.GetAsync("teams-in-space", "MARS");

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS");
        Assert.Multiple(() =>
        {
            Assert.That(project.Name, Is.EqualTo("Mars Project"));
            Assert.That(project.IsPrivate, Is.False);
            Assert.That(project.UpdatedOn, Is.EqualTo(new DateTimeOffset(2021, 1, 2, 3, 4, 5, TimeSpan.Zero)));
            Assert.That(project.Links!.Avatar!.Href, Does.EndWith("/avatar/32"));
        });
    }

    [Test]
    public async Task Update_PutsTheChangedFields_IncludingANewKey()
    {
        Answer(200, ProjectJson.Replace("\"MARS\"", "\"MARS2\"", StringComparison.Ordinal));

        var project = await Projects.UpdateAsync("teams-in-space", "MARS", new Project { Type = "project", Key = "MARS2", Description = "Now bigger" });

        AssertSent("PUT", "/2.0/workspaces/teams-in-space/projects/MARS");
        var body = SentJson().AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "type", "key", "description" }));
            Assert.That((string?)body["key"], Is.EqualTo("MARS2"));
            Assert.That((string?)body["description"], Is.EqualTo("Now bigger"));
            Assert.That(project.Key, Is.EqualTo("MARS2"));
        });
    }

    [Test]
    public async Task ListDefaultReviewers_ReadsReviewersWithType()
    {
        Answer(200, PageOf(
            """{"user":{"display_name":"Davis Lee","uuid":"{f0e0e8e9-66c1-4b85-a784-44a9eb9ef1a6}"},"reviewer_type":"project","type":"default_reviewer"}""",
            """{"user":{"display_name":"Jorge Rodriguez","uuid":"{1aa43376-260d-4a0b-9660-f62672b9655d}"},"reviewer_type":"project","type":"default_reviewer"}"""));

        var reviewers = await ToListAsync(Projects.ListDefaultReviewers("teams-in-space", "MARS", Options));

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS/default-reviewers?" + OptionsQuery);
        Assert.Multiple(() =>
        {
            Assert.That(reviewers.Select(r => r.User!.DisplayName), Is.EqualTo(new[] { "Davis Lee", "Jorge Rodriguez" }));
            Assert.That(reviewers[0].ReviewerType, Is.EqualTo("project"));
            Assert.That(reviewers[0].Type, Is.EqualTo("default_reviewer"));
        });
    }

    [Test]
    public async Task RemoveDefaultReviewer_EscapesTheUuid()
    {
        Answer(204);

        await Projects.RemoveDefaultReviewerAsync("teams-in-space", "MARS", "{f0e0e8e9-66c1-4b85-a784-44a9eb9ef1a6}");

        AssertSent("DELETE", "/2.0/workspaces/teams-in-space/projects/MARS/default-reviewers/%7Bf0e0e8e9-66c1-4b85-a784-44a9eb9ef1a6%7D");
    }

    [Test]
    public async Task GetDefaultReviewer_ReadsTheUser()
    {
        Answer(200, ReviewerJson);

        var user = await Projects.GetDefaultReviewerAsync("teams-in-space", "MARS", "{dd5db7f2-6389-458d-a62a-716773910b7a}");

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS/default-reviewers/%7Bdd5db7f2-6389-458d-a62a-716773910b7a%7D");
        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Yaniv Sagy"));
            Assert.That(user.AccountId, Is.EqualTo("712020:4efe52fa-b4b4-475b-9eb0-c0a23b7eb194"));
        });
    }

    [Test]
    public async Task AddDefaultReviewer_PutsWithoutBody_AndReadsTheUser()
    {
        Answer(200, ReviewerJson);

        var user = await Projects.AddDefaultReviewerAsync("teams-in-space", "MARS", "712020:4efe52fa");

        AssertSent("PUT", "/2.0/workspaces/teams-in-space/projects/MARS/default-reviewers/712020:4efe52fa");
        AssertNoBody();
        Assert.That(user.Uuid, Is.EqualTo("{dd5db7f2-6389-458d-a62a-716773910b7a}"));
    }

    [Test]
    public async Task ListGroupPermissions_ReadsPermissions()
    {
        Answer(200, PageOf(GroupPermissionJson));

        var permissions = await ToListAsync(Projects.ListGroupPermissions("teams-in-space", "MARS", new() { PageLength = 100 }));

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/groups?pagelen=100");
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().Permission, Is.EqualTo(ProjectPermissionLevel.Write));
            Assert.That(permissions[0].Group!.FullSlug, Is.EqualTo("teams-in-space:developers"));
            Assert.That(permissions[0].Project!.Key, Is.EqualTo("MARS"));
        });
    }

    [Test]
    public async Task DeleteGroupPermission_SendsDelete()
    {
        Answer(204);

        await Projects.DeleteGroupPermissionAsync("teams-in-space", "MARS", "developers");

        AssertSent("DELETE", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/groups/developers");
    }

    [Test]
    public async Task GetGroupPermission_ReadsIt()
    {
        Answer(200, GroupPermissionJson);

        var permission = await Projects.GetGroupPermissionAsync("teams-in-space", "MARS", "developers");

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/groups/developers");
        Assert.Multiple(() =>
        {
            Assert.That(permission.Type, Is.EqualTo("project_group_permission"));
            Assert.That(permission.Links!.Self!.Href, Does.EndWith("/groups/developers"));
        });
    }

    [Test]
    public async Task UpdateGroupPermission_PutsThePermission()
    {
        Answer(200, GroupPermissionJson);

        var permission = await Projects.UpdateGroupPermissionAsync("teams-in-space", "MARS", "developers", new ProjectPermissionUpdate { Permission = ProjectPermissionLevel.Write });

        AssertSent("PUT", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/groups/developers");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"permission":"write"}"""));
            Assert.That(permission.Permission, Is.EqualTo(ProjectPermissionLevel.Write));
        });
    }

    [Test]
    public async Task ListUserPermissions_ReadsPermissions()
    {
        Answer(200, PageOf(UserPermissionJson));

        var permissions = await ToListAsync(Projects.ListUserPermissions("teams-in-space", "MARS", Options));

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/users?" + OptionsQuery);
        Assert.Multiple(() =>
        {
            Assert.That(permissions.Single().Permission, Is.EqualTo(ProjectPermissionLevel.Admin));
            Assert.That(permissions[0].User!.DisplayName, Is.EqualTo("Colin Cameron"));
        });
    }

    [Test]
    public async Task DeleteUserPermission_SendsTheAccountIdAsOneSegment()
    {
        Answer(204);

        await Projects.DeleteUserPermissionAsync("teams-in-space", "MARS", "557058:ba8948b2");

        AssertSent("DELETE", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/users/557058:ba8948b2");
    }

    [Test]
    public async Task GetUserPermission_ReadsIt()
    {
        Answer(200, UserPermissionJson);

        var permission = await Projects.GetUserPermissionAsync("teams-in-space", "MARS", "{d301aafa-d676-4ee0-88be-962be7417567}");

        AssertSent("GET", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D");
        Assert.Multiple(() =>
        {
            Assert.That(permission.User!.AccountId, Is.EqualTo("557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a"));
            Assert.That(permission.Permission, Is.EqualTo(ProjectPermissionLevel.Admin));
        });
    }

    [Test]
    public async Task UpdateUserPermission_PutsThePermission()
    {
        Answer(200, UserPermissionJson.Replace("\"admin\"", "\"create-repo\"", StringComparison.Ordinal));

        var permission = await Projects.UpdateUserPermissionAsync("teams-in-space", "MARS", "557058:ba8948b2", new ProjectPermissionUpdate { Permission = ProjectPermissionLevel.CreateRepo });

        AssertSent("PUT", "/2.0/workspaces/teams-in-space/projects/MARS/permissions-config/users/557058:ba8948b2");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"permission":"create-repo"}"""));
            Assert.That(permission.Permission, Is.EqualTo(ProjectPermissionLevel.CreateRepo));
        });
    }
}
