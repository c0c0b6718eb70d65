using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class GpgKeysConformanceTests
{
    private const string User = "{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}";
    private const string Fingerprint = "H4M26PPXROL7BLR7SPBC7LHYYMOKDBNKXD06KZRT";

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.GpgKeys.List(User)));

        Assert.That(page.Values, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(page.Values[0].Fingerprint, Is.Not.Null);
            Assert.That(page.Values[0].AddedOn, Is.Not.Null);
            Assert.That(page.Values[0].AdditionalProperties, Is.Null.Or.Empty, "every documented field is modelled");
        });
    }

    [Test]
    public async Task Create()
    {
        var prism = await PrismServer.GetAsync();

        var key = await prism.CallAsync(c => c.GpgKeys.CreateAsync(User, new GpgAccountKey
        {
            Type = "gpg_key",
            Key = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZ...\n-----END PGP PUBLIC KEY BLOCK-----",
            Name = "Laptop",
        }));

        Assert.That(key.KeyId, Is.Not.Null);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.GpgKeys.DeleteAsync(User, Fingerprint));
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var key = await prism.CallAsync(c => c.GpgKeys.GetAsync(User, Fingerprint));

        Assert.That(key.Fingerprint, Is.Not.Null);
    }
}
