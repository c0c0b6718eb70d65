using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bitbucket.Telemetry.Tests;

[NonParallelizable]
public sealed class TelemetryTests
{
    private const string Secret = "s3cr3t-token-value";
    private WireMockServer _server = null!;

    [SetUp]
    public void Start() => _server = WireMockServer.Start();

    [TearDown]
    public void Stop()
    {
        _server.Stop();
        _server.Dispose();
    }

    private ServiceProvider Provider(string registration) =>
        new ServiceCollection()
            .AddBitbucket(registration, o =>
            {
                o.BaseAddress = new Uri(_server.Url! + "/2.0/");
                o.AllowInsecureHttp = true;
                o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
                o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(5);
            })
            .WithAccessToken(Secret)
            .Services.BuildServiceProvider();

    [Test]
    public async Task A_get_is_one_client_span_named_after_the_operation_and_its_retries_are_counted()
    {
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet()).InScenario("r").WillSetStateTo("1")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet()).InScenario("r").WhenStateIs("1").WillSetStateTo("2")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget").UsingGet()).InScenario("r").WhenStateIs("2")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"type":"repository","full_name":"acme/widget"}"""));
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddBitbucketInstrumentation().AddSource("System.Net.Http").AddInMemoryExporter(spans).Build();
        await using var provider = Provider("get");
        var api = provider.GetRequiredKeyedService<IRepositoriesApi>("get");

        await api.GetAsync("acme", "widget");

        var operation = spans.Single(s => s.Source.Name == BitbucketTelemetry.ActivitySourceName);
        Assert.Multiple(() =>
        {
            Assert.That(operation.DisplayName, Is.EqualTo("IRepositoriesApi.GetAsync"));
            Assert.That(operation.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(operation.GetTagItem("http.request.method"), Is.EqualTo("GET"));
            Assert.That(operation.GetTagItem("http.route"), Is.EqualTo("/repositories/{workspace}/{repo_slug}"));
            Assert.That(operation.GetTagItem("server.address"), Is.EqualTo("localhost").Or.EqualTo("127.0.0.1"));
            Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(operation.GetTagItem("bitbucket.registration"), Is.EqualTo("get"));
            Assert.That(operation.GetTagItem("bitbucket.workspace"), Is.EqualTo("acme"));
            Assert.That(operation.GetTagItem("bitbucket.retries"), Is.EqualTo(2));
            Assert.That(operation.GetTagItem("error.type"), Is.Null);
            var attempts = spans.Where(s => s.Source.Name == "System.Net.Http").ToList();
            Assert.That(attempts, Has.Count.EqualTo(3), "each attempt is its own span");
            Assert.That(attempts.Select(a => a.ParentSpanId), Is.All.EqualTo(operation.SpanId), "attempts nest under the operation");
            var everything = spans.SelectMany(s => s.TagObjects).Select(t => t.Key + "=" + t.Value).Append(operation.DisplayName);
            Assert.That(everything, Has.None.Contains(Secret), "no credential in any attribute");
        });
    }

    [Test]
    public async Task A_list_of_three_pages_reads_as_one_operation()
    {
        var next = _server.Url + "/2.0/repositories/acme/widget/pullrequests?page=";
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget/pullrequests").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"values":[{"id":2}],"next":"{{next}}3"}"""));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget/pullrequests").WithParam("page", "3").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"values":[{"id":3}]}"""));
        _server.Given(Request.Create().WithPath("/2.0/repositories/acme/widget/pullrequests").WithParam("page", WireMock.Matchers.MatchBehaviour.RejectOnMatch).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"values":[{"id":1}],"next":"{{next}}2"}"""));
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddBitbucketInstrumentation().AddInMemoryExporter(spans).Build();
        await using var provider = Provider("pages");
        var api = provider.GetRequiredKeyedService<IPullRequestsApi>("pages");

        var ids = new List<int?>();
        await foreach (var pr in api.List("acme", "widget"))
        {
            ids.Add(pr.Id);
        }

        var list = spans.Single(s => s.Kind == ActivityKind.Internal);
        var pages = spans.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new int?[] { 1, 2, 3 }));
            Assert.That(list.DisplayName, Is.EqualTo("IPullRequestsApi.List"));
            Assert.That(list.GetTagItem("bitbucket.pages"), Is.EqualTo(3));
            Assert.That(pages.Select(p => p.DisplayName), Is.All.EqualTo("IPullRequestsApi.List"));
            Assert.That(pages.Select(p => p.ParentSpanId), Is.All.EqualTo(list.SpanId));
            Assert.That(pages.Select(p => p.GetTagItem("bitbucket.page")), Is.EqualTo(new object[] { 1, 2, 3 }));
        });
    }

    [TestCase(200, HealthStatus.Healthy, "answered GET /user")]
    [TestCase(401, HealthStatus.Unhealthy, "rejected the credential")]
    [TestCase(429, HealthStatus.Degraded, "rate limiting")]
    public async Task The_health_check_tells_the_outcomes_apart_and_calls_once_per_period(int status, HealthStatus expected, string description)
    {
        _server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("""{"type":"user"}"""));
        var services = new ServiceCollection();
        services.AddBitbucket(o =>
        {
            o.BaseAddress = new Uri(_server.Url! + "/2.0/");
            o.AllowInsecureHttp = true;
        }).WithAccessToken(Secret);
        services.AddHealthChecks().AddBitbucket(cacheDuration: TimeSpan.FromMinutes(5));
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var first = await health.CheckHealthAsync();
        var second = await health.CheckHealthAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Entries["bitbucket"].Status, Is.EqualTo(expected));
            Assert.That(first.Entries["bitbucket"].Description, Does.Contain(description));
            Assert.That(second.Entries["bitbucket"].Status, Is.EqualTo(expected));
            Assert.That(_server.LogEntries, Has.Count.EqualTo(1), "one call per cache period, never retried");
        });
    }

    [Test]
    public async Task The_health_check_reports_an_unreachable_bitbucket()
    {
        var url = _server.Url!;
        _server.Stop();
        var services = new ServiceCollection();
        services.AddBitbucket(o =>
        {
            o.BaseAddress = new Uri(url + "/2.0/");
            o.AllowInsecureHttp = true;
        }).WithAccessToken(Secret);
        services.AddHealthChecks().AddBitbucket(timeout: TimeSpan.FromSeconds(2));
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Entries["bitbucket"].Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(report.Entries["bitbucket"].Description, Does.Contain("unreachable"));
        });
    }
}
