using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Bitbucket.Models;
using Bitbucket.Webhooks.Tests.Events;
using Bitbucket.Webhooks.Tests.Infrastructure;

namespace Bitbucket.Webhooks.Tests.AspNetCore;

/// <summary><c>bitbucket.webhook.deliveries</c>: one count per delivery by outcome, status and (known) event key.</summary>
[NonParallelizable]
public sealed class MetricsTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false });

    [OneTimeTearDown]
    public static void DisposeClient() => Http.Dispose();

    [Test]
    public async Task Handled_duplicate_rejected_and_unknown_deliveries_are_counted_with_bounded_dimensions()
    {
        var points = new ConcurrentQueue<Dictionary<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BitbucketTelemetry.MeterName && instrument.Name == "bitbucket.webhook.deliveries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var point = new Dictionary<string, object?>(StringComparer.Ordinal) { ["value"] = value };
            foreach (var tag in tags)
            {
                point[tag.Key] = tag.Value;
            }

            points.Enqueue(point);
        });
        listener.Start();
        await using var host = await WebhookHost.StartAsync(o => o.Secrets.Add(WebhookHost.Secret));

        async Task<HttpStatusCode> SendAsync(SignedWebhookDelivery delivery)
        {
            using var request = delivery.ToHttpRequestMessage(host.Endpoint);
            using var response = await Http.SendAsync(request);
            return response.StatusCode;
        }

        var merged = WebhookTestDelivery.Create(WebhookEventKey.PullRequestFulfilled, Payloads.Utf8(Payloads.ByKey["pullrequest:fulfilled"]), WebhookHost.Secret);
        Assert.That(await SendAsync(merged), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SendAsync(merged), Is.EqualTo(HttpStatusCode.OK), "the redelivery");
        Assert.That(await SendAsync(WebhookTestDelivery.Create(WebhookEventKey.PullRequestFulfilled, Payloads.Utf8(Payloads.ByKey["pullrequest:fulfilled"]), "wrong-secret")), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await SendAsync(WebhookTestDelivery.Create(new WebhookEventKey("attacker:" + Guid.NewGuid()), Payloads.Utf8("""{"actor":{"type":"user"}}"""), WebhookHost.Secret)), Is.EqualTo(HttpStatusCode.OK));

        // A response can reach the client just before the endpoint's last line records it.
        for (var i = 0; i < 100 && points.Count < 4; i++)
        {
            await Task.Delay(20);
        }

        var all = points.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Length.EqualTo(4));
            Assert.That(all.Select(p => p["value"]), Is.All.EqualTo(1L));
            Assert.That(all.Select(p => (p["bitbucket.webhook.outcome"], p["http.response.status_code"])),
                Is.EqualTo(new (object?, object?)[] { ("handled", 200), ("duplicate", 200), ("rejected", 401), ("handled", 200) }));
            Assert.That(all[0]["bitbucket.webhook.event"], Is.EqualTo("pullrequest:fulfilled"));
            Assert.That(all[1]["bitbucket.webhook.event"], Is.EqualTo("pullrequest:fulfilled"));
            Assert.That(all[2].ContainsKey("bitbucket.webhook.event"), Is.False, "an unverified delivery's key is not a dimension");
            Assert.That(all[3]["bitbucket.webhook.event"], Is.EqualTo("_OTHER"), "an unknown key does not grow the cardinality");
            Assert.That(all.SelectMany(p => p.Values).Select(v => v?.ToString()), Has.None.Contains(WebhookHost.Secret));
        });
    }
}
