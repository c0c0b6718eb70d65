using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bitbucket.Telemetry.Tests;

/// <summary>
/// The metric points of a retried GET, a 429 and an OAuth 2 token fetch, exactly, through OpenTelemetry's in-memory
/// exporter; the token request's span; nothing recorded without a listener; and a sweep of every span attribute and
/// metric dimension of calls made with each credential type, for any secret.
/// </summary>
[NonParallelizable]
public sealed class MetricsAndSecretsTests
{
    private const string TokenPath = "/site/oauth2/access_token";
    private const string AccessToken = "oauth2-access-0f9e8d7c";
    private const string ClientSecret = "oauth2-client-secret-5a4b";
    private WireMockServer _server = null!;

    [SetUp]
    public void Start()
    {
        _server = WireMockServer.Start();
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{AccessToken}}","expires_in":7200,"token_type":"bearer","scopes":"repository"}"""));
    }

    [TearDown]
    public void Stop()
    {
        _server.Stop();
        _server.Dispose();
    }

    private IBitbucketBuilder Register(IServiceCollection services, string name) =>
        services.AddBitbucket(name, o =>
        {
            o.BaseAddress = new Uri(_server.Url! + "/2.0/");
            o.AllowInsecureHttp = true;
            o.OAuth2.TokenEndpoint = new Uri(_server.Url + TokenPath);
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(5);
            o.Resilience.MaxRetries = 2;
        });

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    private static List<(Dictionary<string, object?> Tags, MetricPoint Point)> Points(IEnumerable<Metric> metrics, string name)
    {
        var result = new List<(Dictionary<string, object?>, MetricPoint)>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                result.Add((Tags(point), point));
            }
        }

        return result;
    }

    [Test]
    public async Task A_retried_get_a_429_and_a_token_fetch_produce_exactly_these_metric_points()
    {
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet()).InScenario("r").WillSetStateTo("1")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet()).InScenario("r").WhenStateIs("1").WillSetStateTo("2")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet()).InScenario("r").WhenStateIs("2")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithHeader("X-RateLimit-Limit", "1000").WithHeader("X-RateLimit-Resource", "api-repo").WithHeader("X-RateLimit-NearLimit", "false")
                .WithBody("""{"type":"repository","full_name":"acme/widget"}"""));
        _server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithHeader("Content-Type", "application/json")
                .WithBody("""{"type":"error","error":{"message":"Rate limit for this resource has been exceeded"}}"""));

        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(metrics).Build();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(spans).Build();
        var services = new ServiceCollection();
        Register(services, "metrics").WithOAuth2ClientCredentials("client-id", ClientSecret);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IRepositoriesApi>("metrics").GetAsync("acme", "widget");
        Assert.ThrowsAsync<BitbucketRateLimitException>(() => provider.GetRequiredKeyedService<IUsersApi>("metrics").GetCurrentAsync());
        meters.ForceFlush();

        var userAttempts = _server.LogEntries.Count(e => e.RequestMessage!.Path == "/2.0/user");
        var durations = Points(metrics, "bitbucket.client.request.duration");
        var get = durations.Single(p => Equals(p.Tags["bitbucket.operation"], "IRepositoriesApi.GetAsync"));
        var limited = durations.Single(p => Equals(p.Tags["bitbucket.operation"], "IUsersApi.GetCurrentAsync"));
        var retries = Points(metrics, "bitbucket.client.request.retries");
        var tokenRequests = Points(metrics, "bitbucket.client.oauth.token.requests");
        var rateLimited = Points(metrics, "bitbucket.client.rate_limited");
        var limit = Points(metrics, "bitbucket.client.rate_limit.limit");
        var token = spans.Single(s => s.DisplayName != "IRepositoriesApi.GetAsync" && s.DisplayName != "IUsersApi.GetCurrentAsync");
        Assert.Multiple(() =>
        {
            Assert.That(durations, Has.Count.EqualTo(2), "one duration series per operation and outcome");
            Assert.That(get.Point.GetHistogramCount(), Is.EqualTo(1), "one operation, its three attempts included");
            Assert.That(get.Tags, Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["bitbucket.operation"] = "IRepositoriesApi.GetAsync", ["http.request.method"] = "GET", ["bitbucket.registration"] = "metrics",
                ["server.address"] = new Uri(_server.Url!).Host, ["http.response.status_code"] = 200,
            }));
            Assert.That(limited.Point.GetHistogramCount(), Is.EqualTo(1));
            Assert.That(limited.Tags["error.type"], Is.EqualTo("429"));
            Assert.That(limited.Tags["http.response.status_code"], Is.EqualTo(429));

            var bounds = new List<double>();
            foreach (var bucket in get.Point.GetHistogramBuckets())
            {
                bounds.Add(bucket.ExplicitBound);
            }

            Assert.That(bounds, Is.EqualTo(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity }),
                "OpenTelemetry's HTTP client duration buckets");

            Assert.That(retries.Select(r => (r.Tags["bitbucket.operation"], r.Point.GetSumLong())),
                Is.EquivalentTo(new (object?, long)[] { ("IRepositoriesApi.GetAsync", 2), ("IUsersApi.GetCurrentAsync", userAttempts - 1) }));
            Assert.That(userAttempts, Is.EqualTo(3), "a 429 is retried like the other transient answers");

            Assert.That(tokenRequests.Sum(p => p.Point.GetSumLong()), Is.EqualTo(1), "one token for both calls");
            Assert.That(Points(metrics, "bitbucket.client.oauth.token.failures"), Is.Empty);
            Assert.That(rateLimited.Single(p => Equals(p.Tags["bitbucket.registration"], "metrics")).Point.GetSumLong(), Is.EqualTo(userAttempts), "every 429 attempt counted");
            Assert.That(limit.Single(p => Equals(p.Tags["bitbucket.registration"], "metrics")).Point.GetGaugeLastValueLong(), Is.EqualTo(1000));

            Assert.That(token.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(token.GetTagItem("http.request.method"), Is.EqualTo("POST"));
            Assert.That(token.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(token.GetTagItem("error.type"), Is.Null);
            var limitedSpan = spans.Single(s => s.DisplayName == "IUsersApi.GetCurrentAsync");
            Assert.That(limitedSpan.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(limitedSpan.GetTagItem("error.type"), Is.EqualTo("429"));
            Assert.That(limitedSpan.GetTagItem("bitbucket.retries"), Is.EqualTo(userAttempts - 1));
        });
    }

    [Test]
    public async Task A_failed_token_request_is_counted_as_a_failure_and_its_span_is_an_error()
    {
        _server.Reset();
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":"invalid_client","error_description":"Invalid OAuth client credentials"}"""));
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(metrics).Build();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(spans).Build();
        var services = new ServiceCollection();
        Register(services, "bad-client").WithOAuth2ClientCredentials("client-id", ClientSecret);
        await using var provider = services.BuildServiceProvider();

        Assert.ThrowsAsync<BitbucketAuthenticationException>(() => provider.GetRequiredKeyedService<IUsersApi>("bad-client").GetCurrentAsync());
        meters.ForceFlush();

        var tokenSpans = spans.Where(s => (string?)s.GetTagItem("http.request.method") == "POST").ToList();
        var failures = Points(metrics, "bitbucket.client.oauth.token.failures");
        Assert.Multiple(() =>
        {
            Assert.That(tokenSpans, Is.Not.Empty);
            Assert.That(tokenSpans.Select(s => s.Status), Is.All.EqualTo(ActivityStatusCode.Error));
            Assert.That(tokenSpans.Select(s => s.GetTagItem("error.type")), Is.All.EqualTo("400"));
            Assert.That(failures.Sum(p => p.Point.GetSumLong()), Is.EqualTo(tokenSpans.Count));
            Assert.That(failures.Select(p => p.Tags["error.type"]), Is.All.EqualTo("400"));
            Assert.That(Points(metrics, "bitbucket.client.oauth.token.requests").Sum(p => p.Point.GetSumLong()), Is.EqualTo(tokenSpans.Count));
        });
    }

    [Test]
    public async Task Without_a_listener_no_span_is_started_and_no_measurement_is_taken()
    {
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"type":"repository"}"""));
        var measured = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only observes whether the library's meter is enabled by someone else; enabling it here would be a listener.
            if (instrument.Meter.Name == BitbucketTelemetry.MeterName && instrument.Enabled)
            {
                Interlocked.Increment(ref measured);
            }
        };
        listener.Start();
        var services = new ServiceCollection();
        Register(services, "quiet").WithAccessToken("quiet-token");
        await using var provider = services.BuildServiceProvider();

        Activity? seen = null;
        using var probe = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => seen ??= a.Parent,
        };
        ActivitySource.AddActivityListener(probe);
        await provider.GetRequiredKeyedService<IRepositoriesApi>("quiet").GetAsync("acme", "widget");

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Null, "no Bitbucket.Refit span wraps the HTTP request when nobody listens to its source");
            Assert.That(measured, Is.Zero, "no instrument of the meter is enabled without a listener");
        });
    }

    [Test]
    public async Task No_span_attribute_or_metric_dimension_carries_a_secret_of_any_credential_type()
    {
        const string basicSecret = "basic-api-token-1a2b3c";
        const string bearer = "bearer-token-4d5e6f";
        const string consumerSecret = "oauth1-consumer-secret-7g8h";
        const string tokenSecret = "oauth1-token-secret-9i0j";
        const string queryToken = "query-access-token-k1l2";
        var secrets = new[]
        {
            basicSecret, Convert.ToBase64String(Encoding.UTF8.GetBytes("ada@example.com:" + basicSecret)), bearer, consumerSecret, tokenSecret,
            AccessToken, ClientSecret, Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:" + ClientSecret)), queryToken,
        };
        var next = _server.Url + "/2.0/repositories/acme/widget/pullrequests?page=2&access_token=" + queryToken;
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget/pullrequests").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"values":[{"id":2}]}"""));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget/pullrequests").WithParam("page", WireMock.Matchers.MatchBehaviour.RejectOnMatch).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"values":[{"id":1}],"next":"{{next}}"}"""));
        // An error answer that echoes the credential it received.
        _server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{"type":"error","error":{"message":"bad header {{request.headers.Authorization}}"}}""").WithTransformer());

        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(metrics).Build();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(spans).Build();
        var services = new ServiceCollection();
        Register(services, "basic").WithBasicAuthentication("ada@example.com", basicSecret);
        Register(services, "bearer").WithAccessToken(bearer);
        Register(services, "oauth1").WithOAuth1("consumer-key", consumerSecret, "token", tokenSecret);
        Register(services, "oauth2").WithOAuth2ClientCredentials("client-id", ClientSecret);
        await using var provider = services.BuildServiceProvider();

        foreach (var name in new[] { "basic", "bearer", "oauth1", "oauth2" })
        {
            await foreach (var _ in provider.GetRequiredKeyedService<IPullRequestsApi>(name).List("acme", "widget"))
            {
            }

            Assert.ThrowsAsync<BitbucketApiException>(() => provider.GetRequiredKeyedService<IUsersApi>(name).GetCurrentAsync());
        }

        meters.ForceFlush();
        var texts = new List<string>();
        foreach (var span in spans)
        {
            texts.Add(span.DisplayName);
            texts.Add(span.StatusDescription ?? string.Empty);
            texts.AddRange(span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
        }

        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    texts.Add($"{metric.Name}:{tag.Key}={tag.Value}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(_server.LogEntries.Count(e => e.RequestMessage!.Path == "/2.0/user"), Is.EqualTo(4), "every credential type made the echoing call");
            Assert.That(_server.LogEntries.Count(e => e.RequestMessage!.Query?.ContainsKey("access_token") == true), Is.EqualTo(4), "the next link with a token was followed");
            Assert.That(spans.Select(s => s.GetTagItem("bitbucket.registration")).Distinct(), Is.SupersetOf(new[] { "basic", "bearer", "oauth1", "oauth2" }));
            Assert.That(texts, Has.Count.GreaterThan(100), "the sweep saw the attributes");
            foreach (var secret in secrets)
            {
                Assert.That(texts.Where(t => t.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a secret ({secret[..6]}…) in telemetry");
            }
        });
    }
}
