using System.Diagnostics;
using System.Net;
using Bitbucket;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Reliability;

[Category("Reliability")]
public sealed class ResilienceTests
{
    private const string UserJson = """{"type":"user","display_name":"Ann"}""";
    private MockBitbucket _mock = null!;

    [SetUp]
    public void SetUp() => _mock = MockBitbucket.Start();

    [TearDown]
    public void TearDown() => _mock.Dispose();

    private ServiceProvider Services(Action<BitbucketResilienceOptions>? resilience = null) =>
        _mock.CreateServices(b => b.WithAccessToken("t"), o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetries = 3;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.Resilience.MaxDelay = TimeSpan.FromSeconds(5);
            resilience?.Invoke(o.Resilience);
        });

    /// <summary>Answers <paramref name="statuses"/> in order, then 200 with a user.</summary>
    private void Sequence(string path, string method, params (int Status, (string Name, string Value)[] Headers, string Body)[] statuses)
    {
        for (var i = 0; i <= statuses.Length; i++)
        {
            var request = Request.Create().WithPath(path).UsingMethod(method);
            var given = _mock.Server.Given(request).InScenario(path + method);
            if (i > 0)
            {
                given = given.WhenStateIs($"s{i}");
            }

            IResponseBuilder response;
            if (i < statuses.Length)
            {
                var (status, headers, body) = statuses[i];
                response = Response.Create().WithStatusCode(status).WithBody(body);
                foreach (var (name, value) in headers)
                {
                    response = response.WithHeader(name, value);
                }
            }
            else
            {
                response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserJson);
            }

            given.WillSetStateTo($"s{i + 1}").RespondWith(response);
        }
    }

    [Test]
    public async Task RateLimited_WithRetryAfterSeconds_WaitsThatLong_ThenSucceeds()
    {
        Sequence("/2.0/user", "GET", (429, [("Retry-After", "1")], "Rate limit for this resource has been exceeded"));
        await using var services = Services();

        var watch = Stopwatch.StartNew();
        var user = await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ann"));
            Assert.That(_mock.Requests, Has.Count.EqualTo(2));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "Retry-After: 1 was honoured");
        });
    }

    [Test]
    public async Task RateLimited_WithRetryAfterHttpDate_IsHonoured()
    {
        var date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R");
        Sequence("/2.0/user", "GET", (503, [("Retry-After", date)], "busy"));
        await using var services = Services();

        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_mock.Requests, Has.Count.EqualTo(2));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "the HTTP-date form was honoured (second resolution)");
        });
    }

    [Test]
    public async Task RateLimited_WithoutRetryAfter_BacksOffOnItsOwn()
    {
        Sequence("/2.0/user", "GET", (429, [], "Rate limit for this resource has been exceeded"), (429, [], "again"));
        await using var services = Services();

        await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.That(_mock.Requests, Has.Count.EqualTo(3));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [TestCase(408)]
    [TestCase(555)]
    public async Task TransientStatus_OnGet_IsRetried(int status)
    {
        Sequence("/2.0/user", "GET", (status, [], "oops"));
        await using var services = Services();

        var user = await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.That(user.DisplayName, Is.EqualTo("Ann"));
        Assert.That(_mock.Requests, Has.Count.EqualTo(2));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(409)]
    [TestCase(501)]
    public void PermanentStatus_IsNotRetried(int status)
    {
        Sequence("/2.0/user", "GET", (status, [], "no"));
        using var services = Services();

        Assert.CatchAsync<BitbucketApiException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void BitbucketTimeout555_OnPost_IsNotRetried()
    {
        Sequence("/2.0/repositories/ws/repo/pullrequests/1/decline", "POST", (555, [], "timeout"));
        using var services = Services();

        var ex = Assert.CatchAsync<BitbucketApiException>(() => PostAsync(services, "repositories/ws/repo/pullrequests/1/decline"));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(555));
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void ServerError_OnPost_IsNotRetried_ByDefault()
    {
        Sequence("/2.0/repositories/ws/repo/pullrequests/1/merge", "POST", (500, [], "x"), (555, [], "timeout"));
        using var services = Services();

        Assert.CatchAsync<BitbucketApiException>(() => PostAsync(services, "repositories/ws/repo/pullrequests/1/merge"));
        Assert.That(_mock.Requests.Count(r => r.RequestMessage!.Method == "POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task ServerError_OnPost_IsRetried_WhenTheCallerOptsIn()
    {
        Sequence("/2.0/repositories/ws/repo/pullrequests/1/merge", "POST", (500, [], "x"));
        await using var services = Services(r => r.RetryUnsafeMethods = true);

        using var response = await PostAsync(services, "repositories/ws/repo/pullrequests/1/merge");

        Assert.That(_mock.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ServerError_OnPutAndDelete_IsRetried()
    {
        Sequence("/2.0/addon", "DELETE", (503, [], "x"));
        await using var services = Services();

        await services.GetRequiredService<IAddonApi>().DeleteAsync();

        Assert.That(_mock.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ConnectionReset_OnGet_IsRetried()
    {
        using var flaky = new FlakyServer(failures: 2, UserJson);
        var collection = new ServiceCollection();
        collection.AddBitbucket(o =>
        {
            o.BaseAddress = flaky.BaseAddress;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
        }).WithAccessToken("t");
        await using var services = collection.BuildServiceProvider();

        var user = await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ann"));
            Assert.That(flaky.Connections, Is.EqualTo(3), "two resets, then the answer");
            Assert.That(flaky.Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public void ConnectionReset_OnPost_IsNotRetried()
    {
        using var flaky = new FlakyServer(failures: 1, UserJson);
        var collection = new ServiceCollection();
        collection.AddBitbucket(o => o.BaseAddress = flaky.BaseAddress).WithAccessToken("t");
        using var services = collection.BuildServiceProvider();

        var ex = Assert.CatchAsync<Exception>(() => PostAsync(services, "repositories/ws/repo/pullrequests"));
        Assert.That(ex, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>().Or.InstanceOf<System.Net.Sockets.SocketException>(), ex!.ToString());
        Assert.That(flaky.Connections, Is.EqualTo(1), "a POST is not sent again after a reset");
    }

    [Test]
    public void RetryBudget_BoundsTheAttempts()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet()).RespondWith(Response.Create().WithStatusCode(503).WithBody("down"));
        using var services = Services(r => r.MaxRetries = 2);

        var ex = Assert.CatchAsync<BitbucketApiException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(_mock.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void TotalTimeout_BoundsTheWholeCall()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "30").WithBody("busy"));
        using var services = Services(r => r.TotalTimeout = TimeSpan.FromMilliseconds(700));

        var watch = Stopwatch.StartNew();
        var ex = Assert.CatchAsync<Exception>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(ex, Is.InstanceOf<TimeoutException>(), ex!.ToString());
            Assert.That(_mock.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void AttemptTimeout_WithRetriesOff_BoundsTheCall_AndIsNamed()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(20)).WithBody("{}"));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"), o => o.Timeout = TimeSpan.FromMilliseconds(500));

        var ex = Assert.CatchAsync<Exception>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.InstanceOf<TimeoutException>(), ex!.ToString());
            Assert.That(ex!.Message, Does.Contain("within 0.5 s").And.Contain("GET"));
            Assert.That(_mock.SentTargets, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void AttemptTimeout_WithRetriesOn_IsRetried_ThenNamed()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(20)).WithBody("{}"));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"), o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetries = 1;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var ex = Assert.CatchAsync<Exception>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.InstanceOf<TimeoutException>(), ex!.ToString());
            Assert.That(ex!.Message, Does.Contain("0.3 s in any attempt"));
            Assert.That(_mock.SentTargets, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Cancellation_StopsWaitingAtOnce()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithBody("slow down"));
        using var services = Services(r => r.MaxDelay = TimeSpan.FromMinutes(1));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        Assert.CatchAsync<OperationCanceledException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync(cts.Token));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Disabled_MakesExactlyOneAttempt()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        using var services = Services(r => r.Enabled = false);

        Assert.CatchAsync<BitbucketApiException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RateLimitHeaders_AreObservable()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody(UserJson)
            .WithHeader("X-RateLimit-Limit", "1000").WithHeader("X-RateLimit-Remaining", "998")
            .WithHeader("X-RateLimit-Resource", "api-access-token").WithHeader("X-RateLimit-NearLimit", "false"));
        await using var services = Services();
        var tracker = services.GetRequiredService<BitbucketRateLimitTracker>();
        Assert.That(tracker.Current, Is.Null);

        await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(tracker.Current!.Limit, Is.EqualTo(1000));
            Assert.That(tracker.Current.Remaining, Is.EqualTo(998));
            Assert.That(tracker.Current.Resource, Is.EqualTo("api-access-token"));
            Assert.That(tracker.Current.NearLimit, Is.False);
            Assert.That(tracker.UpdatedAt, Is.Not.Null);
        });
    }

    private static Task<HttpResponseMessage> PostAsync(IServiceProvider services, string path)
    {
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("Bitbucket");
        return SendAndThrowAsync(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}") });
    }

    private static async Task<HttpResponseMessage> SendAndThrowAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        if (await BitbucketExceptionFactory.CreateAsync(response) is { } exception)
        {
            throw exception;
        }

        return response;
    }
}
