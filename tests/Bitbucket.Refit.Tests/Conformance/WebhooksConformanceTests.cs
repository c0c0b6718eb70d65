using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class WebhooksConformanceTests
{
    [Test]
    public async Task GetSubjectTypes()
    {
        var prism = await PrismServer.GetAsync();

        var types = await prism.CallAsync(c => c.Webhooks.GetSubjectTypesAsync());

        // Prism serves the spec's example, which nests the link under "links" as Bitbucket does.
        Assert.Multiple(() =>
        {
            Assert.That(types.Repository?.Links?.Events?.Href, Does.EndWith("/hook_events/repository"));
            Assert.That(types.Workspace?.Links?.Events?.Href, Does.EndWith("/hook_events/workspace"));
        });
    }

    [Test]
    public async Task ListEvents()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Webhooks.ListEvents(WebhookSubscriptionSubjectType.Workspace)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.That(page.Values[0].Event, Is.Not.Null);
    }
}
