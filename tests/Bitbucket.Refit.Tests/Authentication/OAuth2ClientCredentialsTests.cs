using System.Text;
using Bitbucket;
using Bitbucket.Authentication;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Authentication;

public sealed class OAuth2ClientCredentialsTests
{
    private const string ClientSecret = "very-secret-client-secret";
    private MockBitbucket _mock = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"type":"user","display_name":"Bot"}""").WithDelay(TimeSpan.FromMilliseconds(5)));
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    private void TokenEndpointIssues(params string[] tokens)
    {
        const string scenario = "tokens";
        for (var i = 0; i < tokens.Length; i++)
        {
            var given = _mock.Server.Given(Request.Create().WithPath("/site/oauth2/access_token").UsingPost()).InScenario(scenario);
            if (i > 0)
            {
                given = given.WhenStateIs($"issued-{i}");
            }

            given.WillSetStateTo($"issued-{i + 1}")
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                    .WithBody($$"""{"access_token":"{{tokens[i]}}","scopes":"repository","expires_in":7200,"token_type":"bearer","state":"client_credentials"}""")
                    .WithDelay(TimeSpan.FromMilliseconds(50)));
        }
    }

    private ServiceProvider Services(IEnumerable<string>? scopes = null) =>
        _mock.CreateServices(
            b => b.WithOAuth2ClientCredentials("client-id", ClientSecret, scopes),
            o => o.OAuth2.TokenEndpoint = new Uri(_mock.Url + "/site/oauth2/access_token"),
            s => s.AddSingleton<TimeProvider>(_time));

    private IEnumerable<WireMock.Logging.ILogEntry> TokenRequests => _mock.Requests.Where(r => r.RequestMessage!.Path == "/site/oauth2/access_token");

    [Test]
    public async Task TokenRequest_IsFormPostWithBasicClientAuthAndScope()
    {
        TokenEndpointIssues("token-1");
        await using var services = Services(["repository", "pullrequest"]);

        await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        var token = TokenRequests.Single().RequestMessage!;
        var api = _mock.Requests.Single(r => r.RequestMessage!.Path == "/2.0/user").RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(token.Headers!["Authorization"].Single(), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:" + ClientSecret))));
            Assert.That(token.Headers["Content-Type"].Single(), Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(token.Body, Is.EqualTo("grant_type=client_credentials&scope=repository+pullrequest"));
            Assert.That(api.Headers!["Authorization"].Single(), Is.EqualTo("Bearer token-1"));
        });
    }

    [Test]
    public async Task HundredConcurrentFirstCalls_MakeExactlyOneTokenRequest()
    {
        TokenEndpointIssues("token-1", "token-2");
        await using var services = Services();
        var api = services.GetRequiredService<IUsersApi>();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => api.GetCurrentAsync())));

        Assert.Multiple(() =>
        {
            Assert.That(TokenRequests.Count(), Is.EqualTo(1));
            Assert.That(_mock.Requests.Count(r => r.RequestMessage!.Path == "/2.0/user"), Is.EqualTo(100));
            Assert.That(_mock.Requests.Where(r => r.RequestMessage!.Path == "/2.0/user").Select(r => r.RequestMessage!.Headers!["Authorization"].Single()).Distinct(), Is.EqualTo(new[] { "Bearer token-1" }));
        });
    }

    [Test]
    public async Task CachedToken_IsReused_UntilExpiryMinusSkew_ThenFetchedAgain()
    {
        TokenEndpointIssues("token-1", "token-2");
        await using var services = Services();
        var api = services.GetRequiredService<IUsersApi>();

        await api.GetCurrentAsync();
        _time.Advance(TimeSpan.FromSeconds(7200 - 61));
        await api.GetCurrentAsync();
        Assert.That(TokenRequests.Count(), Is.EqualTo(1), "still inside the lifetime less the one-minute skew");

        _time.Advance(TimeSpan.FromSeconds(2));
        await api.GetCurrentAsync();

        var used = _mock.Requests.Where(r => r.RequestMessage!.Path == "/2.0/user").Select(r => r.RequestMessage!.Headers!["Authorization"].Single()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(TokenRequests.Count(), Is.EqualTo(2));
            Assert.That(used, Is.EqualTo(new[] { "Bearer token-1", "Bearer token-1", "Bearer token-2" }));
        });
    }

    [Test]
    public async Task Unauthorized_FetchesANewTokenOnce_AndRetriesOnce()
    {
        TokenEndpointIssues("revoked", "fresh");
        _mock.Server.Given(Request.Create().WithPath("/2.0/users/ann").WithHeader("Authorization", "Bearer revoked").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("Access token expired"));
        _mock.Server.Given(Request.Create().WithPath("/2.0/users/ann").WithHeader("Authorization", "Bearer fresh").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"display_name":"Ann"}"""));
        await using var services = Services();

        var user = await services.GetRequiredService<IUsersApi>().GetAsync("ann");

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ann"));
            Assert.That(TokenRequests.Count(), Is.EqualTo(2));
            Assert.That(_mock.Requests.Count(r => r.RequestMessage!.Path == "/2.0/users/ann"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task PersistentUnauthorized_IsRetriedOnlyOnce_ThenSurfaces()
    {
        TokenEndpointIssues("t1", "t2", "t3");
        _mock.Server.Given(Request.Create().WithPath("/2.0/users/ann").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("nope"));
        await using var services = Services();

        Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.GetRequiredService<IUsersApi>().GetAsync("ann"));

        Assert.Multiple(() =>
        {
            Assert.That(_mock.Requests.Count(r => r.RequestMessage!.Path == "/2.0/users/ann"), Is.EqualTo(2));
            Assert.That(TokenRequests.Count(), Is.EqualTo(2));
        });
        await Task.CompletedTask;
    }

    [Test]
    public async Task TokenEndpointFailure_RaisesTypedException_WithOAuthError_AndNoSecret()
    {
        _mock.Server.Given(Request.Create().WithPath("/site/oauth2/access_token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":"invalid_client","error_description":"Invalid OAuth client credentials"}"""));
        await using var services = Services();

        var ex = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Error, Is.EqualTo("invalid_client"));
            Assert.That(ex.ErrorDescription, Is.EqualTo("Invalid OAuth client credentials"));
            Assert.That(ex.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
            Assert.That(ex.ToString(), Does.Not.Contain(ClientSecret));
            Assert.That(_mock.Requests.Any(r => r.RequestMessage!.Path == "/2.0/user"), Is.False, "no API request without a token");
        });
    }
}
