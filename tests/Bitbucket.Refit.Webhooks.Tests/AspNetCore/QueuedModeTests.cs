using System.Net;
using Bitbucket.Models;
using Bitbucket.Webhooks.AspNetCore;
using Bitbucket.Webhooks.Tests.Events;
using Bitbucket.Webhooks.Tests.Infrastructure;

namespace Bitbucket.Webhooks.Tests.AspNetCore;

/// <summary>The optional queued mode: 202 at once, handlers in the background, 503 when the queue is full.</summary>
public sealed class QueuedModeTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false });

    [OneTimeTearDown]
    public static void DisposeClient() => Http.Dispose();

    private static async Task<HttpStatusCode> SendAsync(WebhookHost host, SignedWebhookDelivery delivery)
    {
        using var request = delivery.ToHttpRequestMessage(host.Endpoint);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private static SignedWebhookDelivery Delivery(string key, string? requestUuid = null) =>
        WebhookTestDelivery.Create(new WebhookEventKey(key), Payloads.Utf8(Payloads.ByKey[key]), WebhookHost.Secret, requestUuid);

    [Test]
    public async Task AQueuedDelivery_Is202_ThenHandledInTheBackground_InItsOwnScope_AndARetryIsNotHandledAgain()
    {
        await using var host = await WebhookHost.StartAsync(o =>
        {
            o.Secrets.Add(WebhookHost.Secret);
            o.HandlingMode = WebhookHandlingMode.Queued;
        });
        var delivery = Delivery("pullrequest:created");
        var first = await SendAsync(host, delivery);
        await host.Recorder.WaitForAsync(2);
        var retry = await SendAsync(host, WebhookTestDelivery.Create(delivery.EventKey, delivery.Body, WebhookHost.Secret, delivery.RequestUuid, attemptNumber: 2));
        var events = host.Recorder.Events.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(events.Select(e => e.Handler), Is.EqualTo(new[] { "pullrequest", "all" }));
            Assert.That(events[0].Event, Is.TypeOf<PullRequestCreatedEvent>());
            Assert.That(events[0].Scope, Is.EqualTo(events[1].Scope));
            Assert.That(events[0].TokenCanBeCanceled, Is.True, "the host's stopping token");
            Assert.That(retry, Is.EqualTo(HttpStatusCode.OK), "already handled");
        });
    }

    [Test]
    public async Task AFullQueue_Is503_SoBitbucketRetries_AndABadSignatureIsStill401()
    {
        await using var host = await WebhookHost.StartAsync(o =>
        {
            o.Secrets.Add(WebhookHost.Secret);
            o.HandlingMode = WebhookHandlingMode.Queued;
            o.QueueCapacity = 1;
        });
        host.Recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = await SendAsync(host, Delivery("pullrequest:created"));
        await host.Recorder.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = await SendAsync(host, Delivery("pullrequest:updated"));
        var full = Delivery("pullrequest:approved");
        var rejected = await SendAsync(host, full);
        var unsigned = await SendAsync(host, WebhookTestDelivery.Create(WebhookEventKey.PullRequestApproved, full.Body, "wrong"));
        host.Recorder.Gate.SetResult();
        await host.Recorder.WaitForAsync(4);
        var retried = await SendAsync(host, WebhookTestDelivery.Create(full.EventKey, full.Body, WebhookHost.Secret, full.RequestUuid, attemptNumber: 2));
        await host.Recorder.WaitForAsync(6);
        Assert.Multiple(() =>
        {
            Assert.That(busy, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(queued, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(rejected, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(unsigned, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(retried, Is.EqualTo(HttpStatusCode.Accepted), "the refused delivery was released, so its retry is queued");
            Assert.That(host.Recorder.Events.Where(e => e.Handler == "pullrequest").Select(e => e.Event.EventKey.Value),
                Is.EqualTo(new[] { "pullrequest:created", "pullrequest:updated", "pullrequest:approved" }));
        });
    }

    [Test]
    public async Task AQueuedHandlerFailure_IsLoggedWithoutSecrets_AndReleased()
    {
        await using var host = await WebhookHost.StartAsync(o =>
        {
            o.Secrets.Add(WebhookHost.Secret);
            o.HandlingMode = WebhookHandlingMode.Queued;
        });
        host.Recorder.FailuresToThrow = 1;
        var delivery = Delivery("pullrequest:rejected");
        var first = await SendAsync(host, delivery);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Logs.All.Contains("a handler failed", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var again = await SendAsync(host, WebhookTestDelivery.Create(delivery.EventKey, delivery.Body, WebhookHost.Secret, delivery.RequestUuid, attemptNumber: 2));
        await host.Recorder.WaitForAsync(2);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(host.Logs.All, Does.Contain("a handler failed").And.Not.Contain(WebhookHost.Secret));
            Assert.That(again, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(host.Recorder.Events.Count(e => e.Handler == "pullrequest"), Is.EqualTo(1));
        });
    }
}
