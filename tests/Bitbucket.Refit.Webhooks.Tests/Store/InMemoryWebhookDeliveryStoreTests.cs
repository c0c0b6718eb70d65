using Microsoft.Extensions.Time.Testing;

namespace Bitbucket.Webhooks.Tests.Store;

/// <summary>The default idempotency store: claim once, remember completions, forget releases, stay bounded.</summary>
public sealed class InMemoryWebhookDeliveryStoreTests
{
    [Test]
    public async Task Claim_Complete_ThenTheRetryIsCompleted()
    {
        var store = new InMemoryWebhookDeliveryStore();
        Assert.That(await store.TryClaimAsync("a", default), Is.EqualTo(WebhookDeliveryClaim.Claimed));
        Assert.That(await store.TryClaimAsync("a", default), Is.EqualTo(WebhookDeliveryClaim.InProgress));
        await store.CompleteAsync("a", default);
        Assert.Multiple(async () =>
        {
            Assert.That(await store.TryClaimAsync("a", default), Is.EqualTo(WebhookDeliveryClaim.Completed));
            Assert.That(await store.TryClaimAsync("b", default), Is.EqualTo(WebhookDeliveryClaim.Claimed));
        });
    }

    [Test]
    public async Task Release_LetsTheNextAttemptClaimAgain_ButNeverUndoesACompletion()
    {
        var store = new InMemoryWebhookDeliveryStore();
        await store.TryClaimAsync("a", default);
        await store.ReleaseAsync("a", default);
        Assert.That(await store.TryClaimAsync("a", default), Is.EqualTo(WebhookDeliveryClaim.Claimed));
        await store.CompleteAsync("a", default);
        await store.ReleaseAsync("a", default);
        Assert.That(await store.TryClaimAsync("a", default), Is.EqualTo(WebhookDeliveryClaim.Completed));
    }

    [Test]
    public async Task Entries_ExpireAfterTheirLeaseOrRetention()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryWebhookDeliveryStore(retention: TimeSpan.FromHours(1), lease: TimeSpan.FromMinutes(1), timeProvider: time);
        await store.TryClaimAsync("crashed", default);
        await store.TryClaimAsync("done", default);
        await store.CompleteAsync("done", default);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Multiple(async () =>
        {
            Assert.That(await store.TryClaimAsync("crashed", default), Is.EqualTo(WebhookDeliveryClaim.Claimed), "the lease of a crashed handler lapses");
            Assert.That(await store.TryClaimAsync("done", default), Is.EqualTo(WebhookDeliveryClaim.Completed));
        });
        time.Advance(TimeSpan.FromHours(2));
        Assert.That(await store.TryClaimAsync("done", default), Is.EqualTo(WebhookDeliveryClaim.Claimed));
    }

    [Test]
    public async Task TheStore_IsBounded_TheOldestGoFirst()
    {
        var store = new InMemoryWebhookDeliveryStore(capacity: 100);
        for (var i = 0; i < 1000; i++)
        {
            await store.TryClaimAsync("r" + i, default);
            await store.CompleteAsync("r" + i, default);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(store.Count, Is.EqualTo(100));
            Assert.That(await store.TryClaimAsync("r999", default), Is.EqualTo(WebhookDeliveryClaim.Completed));
            Assert.That(await store.TryClaimAsync("r0", default), Is.EqualTo(WebhookDeliveryClaim.Claimed));
        });
    }

    [Test]
    public async Task ConcurrentClaims_OfOneDelivery_HaveExactlyOneWinner()
    {
        var store = new InMemoryWebhookDeliveryStore();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await store.TryClaimAsync("same", default))));
        Assert.That(results.Count(r => r == WebhookDeliveryClaim.Claimed), Is.EqualTo(1));
    }
}
