using System.Text.Json;
using Bitbucket;
using Bitbucket.Authentication;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bitbucket.Tests.Hardening;

/// <summary>
/// Issue 18, findings 15 and 16: a token-endpoint failure is retried within the call's budget (single flight), a
/// still-valid token is kept while an early renewal fails; a server-given next link is judged as a link, never as the
/// caller's route values.
/// </summary>
[Category("Reliability")]
public sealed class TokenAndPagingTests
{
    private const string UserJson = """{"type":"user","display_name":"Ann"}""";

    private static ServiceProvider Services(ScriptedServer server, TimeProvider? time = null, int expiresIn = 3600)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.AddBitbucket(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Resilience.Enabled = false;
            o.OAuth2.TokenEndpoint = new Uri(server.Origin + "/site/oauth2/access_token");
        }).WithOAuth2ClientCredentials("client-id", "cs-Yq8Lw2-client-secret");
        return collection.BuildServiceProvider();
    }

    /// <summary>A token endpoint failing the given number of times with 500, then issuing <c>token-N</c>; the API echoes the token it got.</summary>
    private static ScriptedServer TokenServer(Func<int> failuresLeft, int expiresIn = 3600)
    {
        var issued = 0;
        return new ScriptedServer(async (request, stream, _) =>
        {
            if (request.Target.StartsWith("/site/oauth2", StringComparison.Ordinal))
            {
                if (failuresLeft() > 0)
                {
                    await ScriptedServer.WriteAsync(stream, 500, "text/plain", "token service unavailable");
                    return;
                }

                var token = "token-" + Interlocked.Increment(ref issued);
                await ScriptedServer.WriteAsync(stream, 200, "application/json", JsonSerializer.Serialize(new { access_token = token, token_type = "bearer", expires_in = expiresIn }));
                return;
            }

            await ScriptedServer.WriteAsync(stream, 200, "application/json",
                JsonSerializer.Serialize(new { type = "user", display_name = request.Header("Authorization") }));
        });
    }

    private static int TokenRequests(ScriptedServer server) => server.Requests.Count(r => r.Target.StartsWith("/site/oauth2", StringComparison.Ordinal));

    [Test]
    public async Task OneTokenEndpoint500_IsRetried_AndTheCallSucceeds()
    {
        // Before: one 500 failed every OAuth call for at least a second.
        var failures = 1;
        using var server = TokenServer(() => Interlocked.Decrement(ref failures) + 1);
        await using var services = Services(server);

        var user = await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Bearer token-1"));
            Assert.That(TokenRequests(server), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ConcurrentCalls_DuringAnOutage_ShareOneTokenFetch_AndAllSucceed()
    {
        var failures = 2;
        using var server = TokenServer(() => Interlocked.Decrement(ref failures) + 1);
        await using var services = Services(server);
        var api = services.GetRequiredService<IUsersApi>();

        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.GetCurrentAsync()));

        Assert.Multiple(() =>
        {
            Assert.That(users.Select(u => u.DisplayName), Is.All.EqualTo("Bearer token-1"));
            Assert.That(TokenRequests(server), Is.EqualTo(3), "two failures and one success: single flight, no storm");
        });
    }

    [Test]
    public async Task AfterARetriedOutage_TheNextCall_TriesAgainAtOnce()
    {
        var failures = TokenFetch.MaxAttempts; // every attempt of the first call fails
        using var server = TokenServer(() => Interlocked.Decrement(ref failures) + 1);
        await using var services = Services(server);
        var api = services.GetRequiredService<IUsersApi>();

        var failure = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => api.GetCurrentAsync());
        var user = await api.GetCurrentAsync(); // the endpoint is back: no second-long fail-fast window

        Assert.Multiple(() =>
        {
            Assert.That(failure!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.InternalServerError));
            Assert.That(user.DisplayName, Is.EqualTo("Bearer token-1"));
        });
    }

    [Test]
    public async Task EarlyRenewalFailing_KeepsUsingTheStillValidToken()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var failures = 0;
        using var server = TokenServer(() => Volatile.Read(ref failures), expiresIn: 600);
        await using var services = Services(server, time);
        var api = services.GetRequiredService<IUsersApi>();
        var first = await api.GetCurrentAsync();

        Volatile.Write(ref failures, int.MaxValue); // the token endpoint goes down for good
        time.Advance(TimeSpan.FromSeconds(590)); // inside the renewal skew, 10 s before expiry
        var second = await api.GetCurrentAsync();
        time.Advance(TimeSpan.FromSeconds(20)); // expired now
        var third = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => api.GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(first.DisplayName, Is.EqualTo("Bearer token-1"));
            Assert.That(second.DisplayName, Is.EqualTo("Bearer token-1"), "the early renewal failed; the valid token was used");
            Assert.That(third, Is.Not.Null, "an expired token is not used");
        });
    }

    [Test]
    public async Task NextLinkWithFewerSegmentsThanTheRoute_IsFollowed_NotBlamedOnTheCaller()
    {
        // Before: …/commits?page=2 after …/commits/{revision} threw ArgumentException about 'revision'.
        ScriptedServer? server = null;
        server = new ScriptedServer((request, stream, _) => request.Target.Contains("page=2", StringComparison.Ordinal)
            ? ScriptedServer.WriteAsync(stream, 200, "application/json", """{"values":[{"type":"commit","hash":"b2"}]}""")
            : ScriptedServer.WriteAsync(stream, 200, "application/json",
                "{\"values\":[{\"type\":\"commit\",\"hash\":\"a1\"}],\"next\":\"" + server!.Origin + "/2.0/repositories/w/r/commits?page=2\"}"));
        using (server)
        {
            var collection = new ServiceCollection();
            collection.AddBitbucket(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.Resilience.Enabled = false;
            }).WithAccessToken("token-value");
            await using var services = collection.BuildServiceProvider();

            var hashes = new List<string?>();
            await foreach (var commit in services.GetRequiredService<ICommitsApi>().ListForRevision("w", "r", "main"))
            {
                hashes.Add(commit.Hash);
            }

            Assert.That(hashes, Is.EqualTo(new[] { "a1", "b2" }));
            Assert.That(() => services.GetRequiredService<ICommitsApi>().ListForRevision("w", "r", "..").ToListAsync().AsTask(),
                Throws.ArgumentException.With.Property("ParamName").EqualTo("revision"), "the caller's own '..' is still refused");
        }
    }
}
