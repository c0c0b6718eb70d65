using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class SshKeysApiTests : AccountApiMockTest
{
    private const string User = "{ed08f5e1-605b-4f4a-aee4-6c97628a673e}";
    private const string UserSegment = "%7Bed08f5e1-605b-4f4a-aee4-6c97628a673e%7D";
    private const string KeyId = "{b15b6026-9c02-4626-b4ad-b905f99f763a}";
    private const string KeySegment = "%7Bb15b6026-9c02-4626-b4ad-b905f99f763a%7D";
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKqP3Cr632C2dNhhgKVcon4ldUSAeKiku2yP9O9/bDtY";

    private const string KeyJson = """
        {"comment":"user@myhost","created_on":"2018-03-14T13:17:05.196003+00:00","expires_on":null,
         "fingerprint":"w9tZSiFoZ8oXwS4ZSWrJopGxwvnPIewA6Mo4owAHPrI",
         "key":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKqP3Cr632C2dNhhgKVcon4ldUSAeKiku2yP9O9/bDtY",
         "label":"Work key","last_used":"2018-03-20T13:18:05.196003+00:00",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/{ed08f5e1-605b-4f4a-aee4-6c97628a673e}/ssh-keys/b15b6026-9c02-4626-b4ad-b905f99f763a"}},
         "owner":{"display_name":"Mark Adams","type":"user","nickname":"markadams-atl","uuid":"{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}"},
         "type":"ssh_key","uuid":"{b15b6026-9c02-4626-b4ad-b905f99f763a}"}
        """;

    private ISshKeysApi SshKeys => Api<ISshKeysApi>();

    [Test]
    public async Task List_ReadsKeys()
    {
        Answer(200, PageOf(KeyJson));

        var keys = await ToListAsync(SshKeys.List(User, Options));

        AssertSent("GET", $"/2.0/users/{UserSegment}/ssh-keys?" + OptionsQuery);
        Assert.Multiple(() =>
        {
            Assert.That(keys.Single().Uuid, Is.EqualTo(KeyId));
            Assert.That(keys[0].Key, Is.EqualTo(PublicKey));
            Assert.That(keys[0].Fingerprint, Is.EqualTo("w9tZSiFoZ8oXwS4ZSWrJopGxwvnPIewA6Mo4owAHPrI"));
            Assert.That(keys[0].ExpiresOn, Is.Null);
            Assert.That(keys[0].Owner!.DisplayName, Is.EqualTo("Mark Adams"));
        });
    }

    [Test]
    public async Task Create_PostsTheKey_WithoutExpiry()
    {
        Answer(201, KeyJson);

        var key = await SshKeys.CreateAsync(User, new SshAccountKey { Type = "ssh_key", Key = PublicKey + " user@myhost", Label = "Work key" });

        AssertSent("POST", $"/2.0/users/{UserSegment}/ssh-keys");
        var body = SentJson().AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "type", "key", "label" }));
            Assert.That((string?)body["key"], Is.EqualTo(PublicKey + " user@myhost"));
            Assert.That((string?)body["label"], Is.EqualTo("Work key"));
            Assert.That(key.Comment, Is.EqualTo("user@myhost"));
            Assert.That(key.LastUsed, Is.EqualTo(new DateTimeOffset(2018, 3, 20, 13, 18, 5, 196, TimeSpan.Zero).AddTicks(30)));
        });
    }

    [Test]
    public async Task Create_SendsExpiresOnAsIso8601()
    {
        Answer(201, KeyJson.Replace("\"expires_on\":null", "\"expires_on\":\"2027-01-31T23:59:59+00:00\"", StringComparison.Ordinal));

        var key = await SshKeys.CreateAsync(User, new SshAccountKey { Key = PublicKey }, new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero));

        AssertSent("POST", $"/2.0/users/{UserSegment}/ssh-keys?expires_on=2027-01-31T23%3A59%3A59.0000000%2B00%3A00");
        Assert.That(key.ExpiresOn, Is.EqualTo(new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero)));
    }

    [Test]
    public async Task Delete_KeepsAUserWithSlashAndSpace_AsOneSegment()
    {
        Answer(204);

        await SshKeys.DeleteAsync("a/b c", KeyId);

        AssertSent("DELETE", $"/2.0/users/a%2Fb%20c/ssh-keys/{KeySegment}");
        AssertNoBody();
    }

    [Test]
    public async Task Get_ReadsTheKey()
    {
        Answer(200, KeyJson);

        var key = await SshKeys.GetAsync(User, KeyId);

        AssertSent("GET", $"/2.0/users/{UserSegment}/ssh-keys/{KeySegment}");
        Assert.Multiple(() =>
        {
            Assert.That(key.Type, Is.EqualTo("ssh_key"));
            Assert.That(key.Label, Is.EqualTo("Work key"));
            Assert.That(key.Links!.Self!.Href, Does.EndWith("/ssh-keys/b15b6026-9c02-4626-b4ad-b905f99f763a"));
        });
    }

    [Test]
    public async Task Update_PutsTheLabel()
    {
        Answer(200, KeyJson);

        var key = await SshKeys.UpdateAsync(User, KeyId, new SshAccountKey { Label = "Work key" });

        AssertSent("PUT", $"/2.0/users/{UserSegment}/ssh-keys/{KeySegment}");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"label":"Work key"}"""));
            Assert.That(key.Label, Is.EqualTo("Work key"));
        });
    }
}
