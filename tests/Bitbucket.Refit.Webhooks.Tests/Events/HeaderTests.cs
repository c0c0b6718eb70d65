namespace Bitbucket.Webhooks.Tests.Events;

/// <summary>Reading Bitbucket's headers: required ones, duplicates, odd values.</summary>
public sealed class HeaderTests
{
    private static Func<string, IEnumerable<string?>?> From(Dictionary<string, string?[]> headers) =>
        name => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static Dictionary<string, string?[]> Valid() => new()
    {
        ["X-Event-Key"] = ["repo:push"],
        ["X-Request-UUID"] = ["9a0d9f4e-1d9b-4f6a-8f2c-6c9d2b6f1a11"],
        ["X-Hook-UUID"] = ["{2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e}"],
        ["X-Attempt-Number"] = ["2"],
        ["X-Hub-Signature"] = ["sha256=00"],
    };

    [Test]
    public void Read_TakesEveryBitbucketHeader()
    {
        var headers = WebhookHeaders.Read(From(Valid()));
        Assert.Multiple(() =>
        {
            Assert.That(headers.EventKey, Is.EqualTo(Bitbucket.Models.WebhookEventKey.RepoPush));
            Assert.That(headers.RequestUuid, Is.EqualTo("9a0d9f4e-1d9b-4f6a-8f2c-6c9d2b6f1a11"));
            Assert.That(headers.HookUuid, Is.EqualTo("{2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e}"));
            Assert.That(headers.AttemptNumber, Is.EqualTo(2));
            Assert.That(headers.Signature, Is.EqualTo("sha256=00"));
            Assert.That(headers.ToString(), Does.Contain("repo:push").And.Not.Contain("sha256"));
        });
    }

    [TestCase("X-Event-Key")]
    [TestCase("X-Request-UUID")]
    [TestCase("X-Hook-UUID")]
    public void Read_WithoutARequiredHeader_IsRejected(string name)
    {
        var headers = Valid();
        headers.Remove(name);
        var ex = Assert.Throws<WebhookRejectedException>(() => WebhookHeaders.Read(From(headers)));
        Assert.That(ex!.Reason, Is.EqualTo(WebhookRejectionReason.MissingHeader));
        Assert.That(ex.Message, Does.Contain(name));
    }

    [TestCase("X-Event-Key")]
    [TestCase("X-Request-UUID")]
    [TestCase("X-Hook-UUID")]
    [TestCase("X-Hub-Signature")]
    [TestCase("X-Attempt-Number")]
    public void Read_WithADuplicatedHeader_IsRejected(string name)
    {
        var headers = Valid();
        headers[name] = [headers[name][0], headers[name][0]];
        Assert.That(Assert.Throws<WebhookRejectedException>(() => WebhookHeaders.Read(From(headers)))!.Reason, Is.EqualTo(WebhookRejectionReason.DuplicateHeader));
    }

    [TestCase("X-Event-Key", "repo:push, repo:fork")]
    [TestCase("X-Event-Key", "repo push")]
    [TestCase("X-Request-UUID", "<script>")]
    [TestCase("X-Hub-Signature", "sha256=ab, sha256=cd")]
    [TestCase("X-Attempt-Number", "zero")]
    [TestCase("X-Attempt-Number", "0")]
    [TestCase("X-Attempt-Number", "-1")]
    public void Read_WithAValueBitbucketNeverSends_IsRejected(string name, string value)
    {
        var headers = Valid();
        headers[name] = [value];
        var ex = Assert.Throws<WebhookRejectedException>(() => WebhookHeaders.Read(From(headers)));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Reason, Is.EqualTo(WebhookRejectionReason.InvalidHeader));
            Assert.That(ex.Message, Does.Not.Contain(value));
        });
    }
}
