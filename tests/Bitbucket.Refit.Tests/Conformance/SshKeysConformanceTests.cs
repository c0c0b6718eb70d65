using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class SshKeysConformanceTests
{
    private const string User = "{ed08f5e1-605b-4f4a-aee4-6c97628a673e}";
    private const string KeyId = "{b15b6026-9c02-4626-b4ad-b905f99f763a}";

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.SshKeys.List(User)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(page.Values[0].Key, Does.StartWith("ssh-"));
            Assert.That(page.Values[0].Owner!.DisplayName, Is.Not.Null);
            Assert.That(page.Values[0].AdditionalProperties, Is.Null.Or.Empty, "every documented field is modelled");
        });
    }

    [Test]
    public async Task Create()
    {
        var prism = await PrismServer.GetAsync();

        var key = await prism.CallAsync(c => c.SshKeys.CreateAsync(
            User,
            new SshAccountKey { Type = "ssh_key", Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKqP3Cr632C2dNhhgKVcon4ldUSAeKiku2yP9O9/bDtY user@myhost", Label = "Work" },
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.That(key.Uuid, Is.Not.Null);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.SshKeys.DeleteAsync(User, KeyId));
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var key = await prism.CallAsync(c => c.SshKeys.GetAsync(User, KeyId));

        Assert.That(key.Fingerprint, Is.Not.Null);
    }

    [Test]
    public async Task Update()
    {
        var prism = await PrismServer.GetAsync();

        var key = await prism.CallAsync(c => c.SshKeys.UpdateAsync(User, KeyId, new SshAccountKey { Type = "ssh_key", Label = "Work key" }));

        Assert.That(key.Type, Is.Not.Null);
    }
}
