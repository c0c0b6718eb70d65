using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bitbucket.Models;
using Bitbucket.Webhooks.AspNetCore;
using Bitbucket.Webhooks.Tests.Events;
using Bitbucket.Webhooks.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitbucket.Webhooks.Tests.AspNetCore;

/// <summary>The endpoint over a real Kestrel host on 127.0.0.1: status codes, dedup, handlers, and no secret in logs.</summary>
public sealed class EndpointTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false });
    private WebhookHost _host = null!;

    [OneTimeTearDown]
    public static void DisposeClient() => Http.Dispose();

    [SetUp]
    public async Task SetUp() => _host = await WebhookHost.StartAsync(o =>
    {
        o.Secrets.Add(WebhookHost.Secret);
        o.MaxBodySize = 64 * 1024;
    });

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private static SignedWebhookDelivery Delivery(string key, string? json = null, string? secret = WebhookHost.Secret, string? requestUuid = null) =>
        WebhookTestDelivery.Create(new WebhookEventKey(key), Payloads.Utf8(json ?? Payloads.ByKey[key]), secret, requestUuid);

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(SignedWebhookDelivery delivery, Action<HttpRequestMessage>? change = null)
    {
        using var request = delivery.ToHttpRequestMessage(_host.Endpoint);
        change?.Invoke(request);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ASignedDelivery_IsHandled_ByTheTypedAndTheCatchAllHandler_InOneRequestScope()
    {
        var (status, _) = await SendAsync(Delivery("pullrequest:fulfilled"));
        var received = _host.Recorder.Events.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(received.Select(r => r.Handler), Is.EqualTo(new[] { "pullrequest", "all" }), "in registration order");
            Assert.That(received[0].Event, Is.TypeOf<PullRequestFulfilledEvent>());
            Assert.That(((PullRequestFulfilledEvent)received[0].Event).PullRequest!.State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(received[0].Headers.EventKey, Is.EqualTo(WebhookEventKey.PullRequestFulfilled));
            Assert.That(received[0].Scope, Is.EqualTo(received[1].Scope), "one scope per request");
            Assert.That(received.All(r => r.TokenCanBeCanceled), Is.True, "handlers get RequestAborted");
        });
    }

    [Test]
    public async Task EachRequest_GetsItsOwnScope()
    {
        await SendAsync(Delivery("repo:push"));
        await SendAsync(Delivery("repo:push"));
        Assert.That(_host.Recorder.Events.Select(r => r.Scope).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task ARedelivery_WithTheSameRequestUuid_IsAcknowledged_AndHandledOnce()
    {
        var first = Delivery("pullrequest:created", requestUuid: "7e0ac3b5-6a4e-4b0a-9c1e-4f1d2c3b4a59");
        var retry = WebhookTestDelivery.Create(first.EventKey, first.Body, WebhookHost.Secret, first.RequestUuid, attemptNumber: 2);
        var one = await SendAsync(first);
        var two = await SendAsync(retry);
        Assert.Multiple(() =>
        {
            Assert.That(one.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(two.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_host.Recorder.Events.Count(r => r.Handler == "pullrequest"), Is.EqualTo(1));
            Assert.That(_host.Logs.All, Does.Contain("seen before"));
        });
    }

    [Test]
    public async Task AHandlerException_Is500_LoggedWithoutSecrets_AndBitbucketsRetryIsHandled()
    {
        _host.Recorder.FailuresToThrow = 1;
        var delivery = Delivery("pullrequest:approved");
        var failed = await SendAsync(delivery);
        var retried = await SendAsync(WebhookTestDelivery.Create(delivery.EventKey, delivery.Body, WebhookHost.Secret, delivery.RequestUuid, attemptNumber: 2));
        var logs = _host.Logs.All;
        var signatureHex = delivery.Headers["X-Hub-Signature"]["sha256=".Length..];
        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(failed.Body, Does.Not.Contain("review bot"), "no exception detail in the response");
            Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_host.Recorder.Events.Count(r => r.Handler == "pullrequest"), Is.EqualTo(1));
            Assert.That(logs, Does.Contain("a handler failed").And.Contain(delivery.RequestUuid).And.Contain("The review bot is down."));
            Assert.That(logs, Does.Not.Contain(WebhookHost.Secret));
            Assert.That(logs, Does.Not.Contain(signatureHex));
            Assert.That(logs, Does.Not.Contain("Title of pull request"), "no body content");
        });
    }

    [Test]
    public async Task BadSignatures_Are401_AndNoHandlerRuns_AndNothingLeaks()
    {
        var good = Delivery("repo:push");
        var wrongSecret = await SendAsync(Delivery("repo:push", secret: "another-secret"));
        var unsigned = await SendAsync(Delivery("repo:push", secret: null));
        var malformed = await SendAsync(good, r => { r.Headers.Remove("X-Hub-Signature"); r.Headers.TryAddWithoutValidation("X-Hub-Signature", "sha1=abc"); });
        var tampered = good.Body.ToArray();
        tampered[^2] ^= 0x20;
        var changedBody = await SendAsync(WebhookTestDelivery.Create(good.EventKey, tampered, secret: null, good.RequestUuid), r => r.Headers.TryAddWithoutValidation("X-Hub-Signature", good.Headers["X-Hub-Signature"]));
        var expected = WebhookSignatureVerifier.Sign(good.Body.Span, WebhookHost.Secret)["sha256=".Length..];
        Assert.Multiple(() =>
        {
            foreach (var (status, body) in new[] { wrongSecret, unsigned, malformed, changedBody })
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(body, Does.Not.Contain(expected).And.Not.Contain(WebhookHost.Secret));
            }

            Assert.That(_host.Recorder.Events, Is.Empty);
            Assert.That(_host.Logs.All, Does.Not.Contain(WebhookHost.Secret).And.Not.Contain(expected));
        });
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase(null)]
    public async Task ANonJsonContentType_Is415(string? contentType)
    {
        var (status, _) = await SendAsync(Delivery("repo:push"), r =>
            r.Content!.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType));
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task ABodyAboveTheLimit_Is413_WithOrWithoutContentLength_AndOneAtTheLimitIsRead()
    {
        var big = Payloads.Utf8("{\"actor\":null,\"pad\":\"" + new string('x', 70 * 1024) + "\"}");
        var declared = await SendAsync(WebhookTestDelivery.Create(WebhookEventKey.RepoPush, big, WebhookHost.Secret));
        var chunked = await SendAsync(WebhookTestDelivery.Create(WebhookEventKey.RepoPush, big, WebhookHost.Secret), r =>
        {
            r.Content = new StreamContent(new MemoryStream(big));
            r.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            r.Headers.TransferEncodingChunked = true;
        });
        var atLimit = Payloads.Utf8(Payloads.Fill("""{"actor":§0§,"repository":§1§,"pad":"§2§"}""", Payloads.Actor, Payloads.Repository, new string('y', 64 * 1024)));
        atLimit = atLimit[..(64 * 1024)];
        var read = await SendAsync(WebhookTestDelivery.Create(WebhookEventKey.RepoCreated, atLimit, WebhookHost.Secret));
        Assert.Multiple(() =>
        {
            Assert.That(declared.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(chunked.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(read.Status, Is.EqualTo(HttpStatusCode.BadRequest), "read in full, then refused as truncated JSON, not as too large");
        });
    }

    [Test]
    public async Task TheDefaultLimit_FitsABigPush()
    {
        await using var host = await WebhookHost.StartAsync();
        var push = Payloads.Push(commits: 2500);
        Assert.That(push.Length, Is.GreaterThan(2_000_000));
        using var request = WebhookTestDelivery.Create(WebhookEventKey.RepoPush, Payloads.Utf8(push), WebhookHost.Secret).ToHttpRequestMessage(host.Endpoint);
        using var response = await Http.SendAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((RepoPushEvent)host.Recorder.Events.Single().Event).Push!.Changes![0].Commits, Has.Count.EqualTo(2500));
        });
    }

    [TestCase("repo:push", "{\"actor\":{\"display_name\":\"Em")]
    [TestCase("repo:push", "definitely not json")]
    [TestCase("repo:push", "")]
    [TestCase("pullrequest:created", "{\"pullrequest\":42,\"repository\":{}}")]
    [TestCase("issue:created", "[1]")]
    public async Task TruncatedNonJsonOrWrongTypedBodies_Are400(string key, string body)
    {
        var (status, text) = await SendAsync(WebhookTestDelivery.Create(new WebhookEventKey(key), Payloads.Utf8(body), WebhookHost.Secret));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(text, Does.Not.Contain("display_name"));
            Assert.That(_host.Recorder.Events, Is.Empty);
        });
    }

    [Test]
    public async Task ADeeplyNestedBody_Is400_AndTheServerStaysUp()
    {
        var deep = "{\"actor\":" + string.Concat(Enumerable.Repeat("[", 20_000)) + string.Concat(Enumerable.Repeat("]", 20_000)) + "}";
        var nested = await SendAsync(WebhookTestDelivery.Create(WebhookEventKey.RepoPush, Payloads.Utf8(deep), WebhookHost.Secret));
        var after = await SendAsync(Delivery("repo:push"));
        Assert.Multiple(() =>
        {
            Assert.That(nested.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task AnEventKeyThatDoesNotMatchTheBody_Is400()
    {
        var (status, text) = await SendAsync(WebhookTestDelivery.Create(WebhookEventKey.PullRequestFulfilled, Payloads.Utf8(Payloads.ByKey["repo:push"]), WebhookHost.Secret));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(text, Does.Contain("pullrequest"));
        });
    }

    [TestCase("X-Event-Key")]
    [TestCase("X-Request-UUID")]
    [TestCase("X-Hook-UUID")]
    public async Task AMissingHeader_Is400(string name)
    {
        var (status, text) = await SendAsync(Delivery("repo:push"), r => r.Headers.Remove(name));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(text, Does.Contain(name));
        });
    }

    [TestCase("X-Request-UUID")]
    [TestCase("X-Event-Key")]
    [TestCase("X-Hub-Signature")]
    public async Task ADuplicatedHeader_Is400(string name)
    {
        var delivery = Delivery("repo:push");
        string Raw(SignedWebhookDelivery d, string? duplicate)
        {
            var lines = new StringBuilder($"POST {WebhookHost.Path} HTTP/1.1\nHost: {_host.Endpoint.Authority}\nContent-Type: application/json\nContent-Length: {d.Body.Length}\nConnection: close\n");
            foreach (var (header, value) in d.Headers)
            {
                lines.Append(header).Append(": ").Append(value).Append('\n');
                if (string.Equals(header, duplicate, StringComparison.OrdinalIgnoreCase))
                {
                    lines.Append(header).Append(": ").Append(value).Append('\n');
                }
            }

            return lines.ToString();
        }

        var baseline = Delivery("repo:push");
        var single = await _host.SendRawAsync(Raw(baseline, null), baseline.Body.ToArray());
        var status = await _host.SendRawAsync(Raw(delivery, name), delivery.Body.ToArray());
        var folded = await SendAsync(delivery, r => r.Headers.TryAddWithoutValidation(name, delivery.Headers[name]));
        Assert.Multiple(() =>
        {
            Assert.That(single, Is.EqualTo(200), "the same raw request without the duplicate is accepted");
            Assert.That(status, Is.EqualTo(400), "two header lines");
            Assert.That(folded.Status, Is.EqualTo(HttpStatusCode.BadRequest), "one comma-folded line");
            Assert.That(_host.Recorder.Events, Has.Count.EqualTo(1), "only the baseline was handled");
        });
    }

    [Test]
    public async Task AnUnknownEventKey_IsAcknowledged_AndReachesTheCatchAllWithItsRawJson()
    {
        var (status, _) = await SendAsync(WebhookTestDelivery.Create(new WebhookEventKey("issue:created"), Payloads.Utf8("""{"issue":{"id":3}}"""), WebhookHost.Secret));
        var received = _host.Recorder.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(received.Handler, Is.EqualTo("all"));
            Assert.That(((UnknownWebhookEvent)received.Event).Payload.GetProperty("issue").GetProperty("id").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task OnlyPost_IsMapped()
    {
        using var response = await Http.GetAsync(_host.Endpoint);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task TheConventionBuilder_IsTheEndpoints_RequireHostApplies()
    {
        await using var host = await WebhookHost.StartAsync(endpoint: e => e.RequireHost("hooks.example.invalid"));
        using var request = Delivery("repo:push").ToHttpRequestMessage(host.Endpoint);
        using var response = await Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void WithoutASecret_StartUpFails_UnlessUnsignedIsAllowedOnPurpose()
    {
        var ex = Assert.ThrowsAsync<OptionsValidationException>(async () => await WebhookHost.StartAsync(_ => { }));
        Assert.That(ex!.Message, Does.Contain("AllowUnsignedDeliveries"));
    }

    [Test]
    public void AnEmptySecret_FailsStartUp()
    {
        var ex = Assert.ThrowsAsync<OptionsValidationException>(async () => await WebhookHost.StartAsync(o => o.Secrets.Add("")));
        Assert.That(ex!.Message, Does.Contain("empty"));
    }

    [Test]
    public async Task UnsignedDeliveries_AreAccepted_WhenAllowedExplicitly()
    {
        await using var host = await WebhookHost.StartAsync(o => o.AllowUnsignedDeliveries = true);
        using var request = Delivery("repo:created", secret: null).ToHttpRequestMessage(host.Endpoint);
        using var response = await Http.SendAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(host.Recorder.Events.Single().Event, Is.TypeOf<RepoCreatedEvent>());
        });
    }

    [Test]
    public async Task OptionsFromConfiguration_AcceptBothSecretsOfARotation()
    {
        await using var host = await WebhookHost.StartAsync(configuration: new()
        {
            ["Bitbucket:Webhooks:Secrets:0"] = "new-secret",
            ["Bitbucket:Webhooks:Secrets:1"] = "old-secret",
            ["Bitbucket:Webhooks:MaxBodySize"] = "1000",
        });
        var statuses = new List<HttpStatusCode>();
        foreach (var secret in new[] { "new-secret", "old-secret", "third-secret" })
        {
            using var request = Delivery("repo:created", Payloads.Fill("""{"repository":{"full_name":"a/b"}}"""), secret).ToHttpRequestMessage(host.Endpoint);
            using var response = await Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        var options = host.Services.GetRequiredService<IOptions<BitbucketWebhookOptions>>().Value;
        using var big = Delivery("repo:push").ToHttpRequestMessage(host.Endpoint);
        using var tooBig = await Http.SendAsync(big);
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
            Assert.That(options.MaxBodySize, Is.EqualTo(1000));
            Assert.That(options.ToString(), Does.Not.Contain("new-secret").And.Contain("secrets: 2"));
            Assert.That(tooBig.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        });
    }

    [Test]
    public void Mapping_WithoutAddBitbucketWebhooks_SaysWhatIsMissing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        var ex = Assert.Throws<InvalidOperationException>(() => app.MapBitbucketWebhooks("/hooks"));
        Assert.That(ex!.Message, Does.Contain("AddBitbucketWebhooks"));
    }
}
