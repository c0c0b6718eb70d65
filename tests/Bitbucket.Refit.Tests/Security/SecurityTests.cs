using System.Text;
using Bitbucket;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Bitbucket.Tests.Security;

[Category("Security")]
public sealed class SecurityTests
{
    private const string UserJson = """{"type":"user","display_name":"Ann"}""";
    private MockBitbucket _mock = null!;

    [SetUp]
    public void SetUp() => _mock = MockBitbucket.Start();

    [TearDown]
    public void TearDown() => _mock.Dispose();

    public static IEnumerable<TestCaseData> Schemes()
    {
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithBasicAuthentication("ann@example.com", "SECRET-basic-1"))).SetName("Basic");
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithAccessToken("SECRET-bearer-2"))).SetName("Bearer");
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithOAuth1("consumer", "SECRET-oauth1-3", "SECRET-token-4", "SECRET-tokensecret-5"))).SetName("OAuth1");
    }

    private static readonly string[] Secrets = ["SECRET-basic-1", "SECRET-bearer-2", "SECRET-oauth1-3", "SECRET-token-4", "SECRET-tokensecret-5", "SECRET-client-6", Convert.ToBase64String(Encoding.UTF8.GetBytes("ann@example.com:SECRET-basic-1"))];

    [TestCaseSource(nameof(Schemes))]
    public async Task RedirectToAnotherHost_DropsTheAuthorizationHeader(Action<IBitbucketBuilder> authenticate)
    {
        using var other = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.2:{MockBitbucket.FreePort()}"], StartAdminInterface = false });
        other.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserJson));
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"http://127.0.0.2:{other.Port}/2.0/user"));
        await using var services = _mock.CreateServices(authenticate);

        var user = await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ann"));
            Assert.That(_mock.Requests.Single().RequestMessage!.Headers!.ContainsKey("Authorization"), Is.True, "the configured host gets the credential");
            Assert.That(other.LogEntries.Single().RequestMessage!.Headers!.ContainsKey("Authorization"), Is.False, "the other host does not");
        });
    }

    [TestCaseSource(nameof(Schemes))]
    public async Task NoSecret_InLogsAtAnyLevel_NorInExceptions(Action<IBitbucketBuilder> authenticate)
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserJson));
        _mock.Server.Given(Request.Create().WithPath("/2.0/users/*").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("Invalid credentials"));
        var logs = new CapturingLoggerProvider();
        await using var services = _mock.CreateServices(authenticate, services: s => s.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var users = services.GetRequiredService<IUsersApi>();

        await users.GetCurrentAsync();
        var ex = Assert.CatchAsync<BitbucketApiException>(() => users.GetAsync("ann"));
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BitbucketOptions>>().Value;

        var everything = string.Join("\n", logs.Entries) + ex!.ToString() + ex.Details + options;
        Assert.That(logs.Entries, Is.Not.Empty, "the test saw the logs it checks");
        foreach (var secret in Secrets)
        {
            Assert.That(everything, Does.Not.Contain(secret));
        }
    }

    [Test]
    public async Task NoSecret_WhenTheTokenEndpointFails()
    {
        _mock.Server.Given(Request.Create().WithPath("/site/oauth2/access_token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("""{"error":"invalid_client","error_description":"Bad client"}"""));
        var logs = new CapturingLoggerProvider();
        await using var services = _mock.CreateServices(
            b => b.WithOAuth2ClientCredentials("client", "SECRET-client-6"),
            o => o.OAuth2.TokenEndpoint = new Uri(_mock.Url + "/site/oauth2/access_token"),
            s => s.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        var ex = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        var everything = string.Join("\n", logs.Entries) + ex!.ToString();
        Assert.That(everything, Does.Not.Contain("SECRET-client-6"));
        Assert.That(everything, Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes("client:SECRET-client-6"))));
    }

    [TestCase("../../admin", "..%2F..%2Fadmin")]
    [TestCase("a/b", "a%2Fb")]
    [TestCase("%2e%2e", "%252e%252e")]
    [TestCase("name?x=1", "name%3Fx%3D1")]
    [TestCase("a#b", "a%23b")]
    [TestCase("feature/a b", "feature%2Fa%20b")]
    [TestCase("ünïcödé-☃", "%C3%BCn%C3%AFc%C3%B6d%C3%A9-%E2%98%83")]
    [TestCase("{8f1e-uuid}", "%7B8f1e-uuid%7D")]
    public async Task PathValues_ReachTheServer_AsOneEscapedSegment(string value, string escaped)
    {
        _mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserJson));
        await using var services = _mock.CreateServices(b => b.WithAccessToken("t"));

        await services.GetRequiredService<IUsersApi>().GetAsync(value);

        Assert.That(_mock.SentTargets.Single(), Is.EqualTo("/2.0/users/" + escaped));
        Assert.That(Uri.UnescapeDataString(_mock.SentTargets.Single()["/2.0/users/".Length..]), Is.EqualTo(value), "one segment that decodes back to the value");
    }

    [TestCase("", "selectedUser")]
    [TestCase("   ", "selectedUser")]
    [TestCase(".", "selectedUser")]
    [TestCase("..", "selectedUser")]
    public void EmptyBlankOrDotPathValues_AreRefused_BeforeAnyRequest(string value, string parameter)
    {
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"));

        var ex = Assert.CatchAsync<ArgumentException>(() => services.GetRequiredService<IUsersApi>().GetAsync(value));

        Assert.That(ex!.ParamName, Is.EqualTo(parameter));
        Assert.That(ex.Message, Does.Contain("selected_user"));
        Assert.That(_mock.Requests, Is.Empty, "nothing was sent");
    }

    [Test]
    public void EmptyValue_InAMultiSegmentRoute_NamesTheRightParameter()
    {
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"));

        var ex = Assert.CatchAsync<ArgumentException>(() => services.GetRequiredService<IRepositoriesApi>().GetAsync("acme", ""));

        Assert.That(ex!.ParamName, Is.EqualTo("repoSlug"));
        Assert.That(_mock.Requests, Is.Empty);
    }

    [Test]
    public async Task QueryValues_AreEscaped()
    {
        _mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"values":[]}"""));
        await using var services = _mock.CreateServices(b => b.WithAccessToken("t"));

        await foreach (var _ in services.GetRequiredService<IUsersApi>().ListEmails(new ListOptions { Query = "email=\"a&b#c\" AND x=+1", Sort = "-a/b" }))
        {
        }

        Assert.That(_mock.SentTargets.Single(), Is.EqualTo("/2.0/user/emails?q=email%3D%22a%26b%23c%22%20AND%20x%3D%2B1&sort=-a%2Fb"));
    }

    [Test]
    public void SuccessWithHtmlBody_GivesATypedFormatException()
    {
        Answer("<html><body>Proxy login</body></html>", "text/html");

        var ex = Assert.ThrowsAsync<BitbucketResponseFormatException>(() => Users().GetCurrentAsync());

        Assert.That(ex!.Message, Does.Contain("text/html").And.Contain("200"));
    }

    [TestCase("""{"type":"user","display_name":"An""", TestName = "Truncated")]
    [TestCase("""{"type":"user","display_name":{"nested":true}}""", TestName = "WrongType")]
    [TestCase("""[1,2,3]""", TestName = "ArrayInsteadOfObject")]
    [TestCase("""{"type":"user",,}""", TestName = "Malformed")]
    public void BrokenJson_GivesATypedFormatException(string body)
    {
        Answer(body, "application/json");

        var ex = Assert.ThrowsAsync<BitbucketResponseFormatException>(() => Users().GetCurrentAsync());

        Assert.That(ex!.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
    }

    [Test]
    public void HugeJsonBody_IsCutOffAtTheLimit()
    {
        Answer("{\"type\":\"user\",\"display_name\":\"" + new string('x', 300_000) + "\"}", "application/json");

        var ex = Assert.ThrowsAsync<BitbucketResponseFormatException>(() => Users(o => o.MaxResponseContentBytes = 100_000).GetCurrentAsync());

        Assert.That(ex!.Message, Does.Contain("larger than the limit of 100000 bytes"));
    }

    [Test]
    public void NextLinkRepeatingItsOwnPage_StopsWithATypedException()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"page":2,"pagelen":1,"values":[{"email":"a@x"}],"next":"{{_mock.Url}}/2.0/user/emails?page=2"}"""));

        var ex = Assert.CatchAsync<BitbucketPagingException>(async () =>
        {
            await foreach (var _ in Users().ListEmails())
            {
            }
        });

        Assert.That(ex!.Message, Does.Contain("page 2"));
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task EndlessNextChain_IsBoundedByMaxPages()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"values":[{"email":"a@x"}],"next":"{{_mock.Url}}/2.0/user/emails?cursor={{Guid.NewGuid():N}}"}"""));

        var count = 0;
        await foreach (var _ in Users().ListEmails().WithMaxPages(25))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(25));
        Assert.That(_mock.Requests, Has.Count.EqualTo(25));
    }

    private IUsersApi Users(Action<BitbucketOptions>? configure = null) =>
        _mock.CreateServices(b => b.WithAccessToken("t"), configure).GetRequiredService<IUsersApi>();

    private void Answer(string body, string contentType) =>
        _mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));
}
