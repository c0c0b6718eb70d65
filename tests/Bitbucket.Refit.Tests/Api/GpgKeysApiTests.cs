using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class GpgKeysApiTests : AccountApiMockTest
{
    private const string User = "{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}";
    private const string UserSegment = "%7Bd7dd0e2d-3994-4a50-a9ee-d260b6cefdab%7D";
    private const string Fingerprint = "H4M26PPXROL7BLR7SPBC7LHYYMOKDBNKXD06KZRT";
    private const string Armored = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZ...\n-----END PGP PUBLIC KEY BLOCK-----";

    private const string KeyJson = """
        {"added_on":"2024-09-24T12:09:33.154081+00:00","created_on":"2018-03-20T13:09:04.207005+00:00","expires_on":null,
         "fingerprint":"h4m26ppxrol7blr7spbc7lhyymokdbnkxd06kzrt","key_id":"ymokdbnkxd06kzrt",
         "last_used":"2024-09-25T15:18:05.196003+00:00","name":"Alice's OpenPGP key","parent_fingerprint":null,"type":"gpg_key",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}/gpg-keys/H4M26PPXROL7BLR7SPBC7LHYYMOKDBNKXD06KZRT"}},
         "owner":{"display_name":"Mark Adams","type":"user","nickname":"markadams-atl","uuid":"{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}"},
         "subkeys":[{"type":"gpg_key","fingerprint":"a1b2c3","key_id":"c3","parent_fingerprint":"h4m26ppxrol7blr7spbc7lhyymokdbnkxd06kzrt"}]}
        """;

    private IGpgKeysApi GpgKeys => Api<IGpgKeysApi>();

    [Test]
    public async Task List_AsksForKeyAndSubkeys_AndReadsThem()
    {
        Answer(200, PageOf(KeyJson));

        var keys = await ToListAsync(GpgKeys.List(User, new() { Fields = "+values.key,+values.subkeys" }));

        AssertSent("GET", $"/2.0/users/{UserSegment}/gpg-keys?fields=%2Bvalues.key%2C%2Bvalues.subkeys");
        Assert.Multiple(() =>
        {
            Assert.That(keys.Single().KeyId, Is.EqualTo("ymokdbnkxd06kzrt"));
            Assert.That(keys[0].Subkeys!.Single().ParentFingerprint, Is.EqualTo("h4m26ppxrol7blr7spbc7lhyymokdbnkxd06kzrt"));
            Assert.That(keys[0].ParentFingerprint, Is.Null);
            Assert.That(keys[0].AddedOn!.Value.Year, Is.EqualTo(2024));
        });
    }

    [Test]
    public async Task Create_PostsTheArmoredKey()
    {
        Answer(201, KeyJson);

        var key = await GpgKeys.CreateAsync(User, new GpgAccountKey { Type = "gpg_key", Key = Armored, Name = "Alice's OpenPGP key" });

        AssertSent("POST", $"/2.0/users/{UserSegment}/gpg-keys");
        var body = SentJson().AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "type", "key", "name" }));
            Assert.That((string?)body["key"], Is.EqualTo(Armored));
            Assert.That((string?)body["type"], Is.EqualTo("gpg_key"));
            Assert.That(key.Fingerprint, Is.EqualTo("h4m26ppxrol7blr7spbc7lhyymokdbnkxd06kzrt"));
            Assert.That(key.Owner!.Nickname, Is.EqualTo("markadams-atl"));
        });
    }

    [Test]
    public async Task Delete_KeepsAUserWithSlashAndSpace_AsOneSegment()
    {
        Answer(204);

        await GpgKeys.DeleteAsync("a/b c", Fingerprint);

        AssertSent("DELETE", $"/2.0/users/a%2Fb%20c/gpg-keys/{Fingerprint}");
        AssertNoBody();
    }

    [Test]
    public async Task Get_ReadsTheKey()
    {
        Answer(200, KeyJson);

        var key = await GpgKeys.GetAsync(User, Fingerprint);

        AssertSent("GET", $"/2.0/users/{UserSegment}/gpg-keys/{Fingerprint}");
        Assert.Multiple(() =>
        {
            Assert.That(key.Name, Is.EqualTo("Alice's OpenPGP key"));
            Assert.That(key.ExpiresOn, Is.Null);
            Assert.That(key.LastUsed, Is.EqualTo(new DateTimeOffset(2024, 9, 25, 15, 18, 5, 196, TimeSpan.Zero).AddTicks(30)));
            Assert.That(key.Links!.Self!.Href, Does.EndWith("/gpg-keys/" + Fingerprint));
        });
    }
}
