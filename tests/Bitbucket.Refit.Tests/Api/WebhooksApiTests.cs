using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class WebhooksApiTests : AccountApiMockTest
{
    private IWebhooksApi Webhooks => Api<IWebhooksApi>();

    [Test]
    public async Task GetSubjectTypes_ReadsTheEventLinks()
    {
        Answer(200, """
            {"repository":{"links":{"events":{"href":"https://api.bitbucket.org/2.0/hook_events/repository"}}},
             "workspace":{"links":{"events":{"href":"https://api.bitbucket.org/2.0/hook_events/workspace"}}}}
            """);

        var types = await Webhooks.GetSubjectTypesAsync();

        AssertSent("GET", "/2.0/hook_events");
        Assert.Multiple(() =>
        {
            Assert.That(types.Repository, Is.Not.Null);
            Assert.That(types.Workspace, Is.Not.Null);
        });

        // Bitbucket nests the link under "links" (the spec's example); the spec's schema puts "events" directly there.
        Assert.Multiple(() =>
        {
            Assert.That(types.Repository!.Links!.Events!.Href, Is.EqualTo("https://api.bitbucket.org/2.0/hook_events/repository"));
            Assert.That(types.Workspace!.Links!.Events!.Href, Is.EqualTo("https://api.bitbucket.org/2.0/hook_events/workspace"));
            Assert.That(types.Repository.AdditionalProperties, Is.Null.Or.Empty);
        });
    }

    [TestCase("repository", "/2.0/hook_events/repository?" + OptionsQuery)]
    [TestCase("workspace", "/2.0/hook_events/workspace?" + OptionsQuery)]
    [TestCase("a/b c", "/2.0/hook_events/a%2Fb%20c?" + OptionsQuery)]
    public async Task ListEvents_SendsTheSubjectTypeAsOneSegment_AndReadsEvents(string subjectType, string expected)
    {
        Answer(200, PageOf(
            """{"category":"Repository","description":"Whenever a repository push occurs","event":"repo:push","label":"Push"}""",
            """{"category":"Pull Request","label":"Approved","description":"When someone has approved a pull request","event":"pullrequest:approved"}"""));

        var events = await ToListAsync(Webhooks.ListEvents(WebhookSubscriptionSubjectType.FromValue(subjectType), Options));

        AssertSent("GET", expected);
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(events[0].Event, Is.EqualTo(WebhookEventKey.RepoPush));
            Assert.That(events[0].Category, Is.EqualTo("Repository"));
            Assert.That(events[0].Label, Is.EqualTo("Push"));
            Assert.That(events[1].Event, Is.EqualTo(WebhookEventKey.PullRequestApproved));
            Assert.That(events[1].Description, Does.StartWith("When someone"));
        });
    }
}
