using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class AddonConformanceTests
{
    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Addon.DeleteAsync());
    }

    [Test]
    public async Task Update()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Addon.UpdateAsync(new AddonUpdate { DescriptorUrl = "https://app.example.com/atlassian-connect.json" }));
    }

    [Test]
    public async Task GetClientKey()
    {
        var prism = await PrismServer.GetAsync();
        var key = await prism.CallAsync(c => c.Addon.GetClientKeyAsync("my-connect-app"));
        Assert.That(key, Is.Not.Null);
    }
}
