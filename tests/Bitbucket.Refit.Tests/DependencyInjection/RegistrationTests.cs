using System.Text;
using Bitbucket;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.DependencyInjection;

public sealed class RegistrationTests
{
    private const string UserJson = """{"type":"user","display_name":"Ann","uuid":"{1}","account_id":"557058:1"}""";

    private MockBitbucket _mock = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _mock.Server.Given(Request.Create().WithPath("/2.0/user").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserJson));
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    public static IEnumerable<Type> ApiInterfaces() =>
        typeof(IUsersApi).Assembly.GetTypes().Where(t => t.IsInterface && t.IsPublic && t.Namespace == "Bitbucket" && t.Name.EndsWith("Api", StringComparison.Ordinal));

    public static IEnumerable<TestCaseData> Schemes()
    {
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithBasicAuthentication("ann@example.com", "api-token")), "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann@example.com:api-token"))).SetName("Basic");
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithAccessToken("repo-access-token")), "Bearer repo-access-token").SetName("Bearer");
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithOAuth1("ck", "cs")), "OAuth ").SetName("OAuth1OneLegged");
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithOAuth1("ck", "cs", "tok", "toksecret")), "OAuth ").SetName("OAuth1ThreeLegged");
        yield return new TestCaseData((Action<IBitbucketBuilder>)(b => b.WithOAuth2(new FixedTokenSource("user-token"))), "Bearer user-token").SetName("OAuth2TokenSource");
    }

    [TestCaseSource(nameof(Schemes))]
    public async Task EveryInterfaceResolves_AndTheSchemeReachesTheWire(Action<IBitbucketBuilder> authenticate, string expectedPrefix)
    {
        using var services = _mock.CreateServices(authenticate);

        foreach (var type in ApiInterfaces())
        {
            Assert.That(services.GetRequiredService(type), Is.InstanceOf(type), type.Name);
        }

        var client = services.GetRequiredService<IBitbucketClient>();
        foreach (var property in typeof(IBitbucketClient).GetProperties())
        {
            Assert.That(property.GetValue(client), Is.Not.Null, property.Name);
        }

        var user = await client.Users.GetCurrentAsync();
        var authorization = _mock.Requests.Single().RequestMessage!.Headers!["Authorization"].Single();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ann"));
            Assert.That(authorization, Does.StartWith(expectedPrefix));
        });
        if (expectedPrefix == "OAuth ")
        {
            Assert.That(authorization, Does.Contain("oauth_consumer_key=\"ck\"").And.Contain("oauth_signature=\""));
        }
    }

    [Test]
    public void FacadeHasOnePropertyPerInterface()
    {
        var properties = typeof(IBitbucketClient).GetProperties().Select(p => p.PropertyType).ToHashSet();

        Assert.That(properties, Is.EquivalentTo(ApiInterfaces()));
    }

    [Test]
    public async Task Anonymous_SendsNoAuthorization()
    {
        using var services = _mock.CreateServices();

        await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.That(_mock.Requests.Single().RequestMessage!.Headers!.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public async Task BoundFromConfiguration_WithBasicCredentials()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bitbucket:BaseAddress"] = _mock.BaseAddress.ToString(),
            ["Bitbucket:UserAgent"] = "my-service/2.0",
            ["Bitbucket:Basic:Username"] = "ann@example.com",
            ["Bitbucket:Basic:Secret"] = "from-config",
            ["Bitbucket:Resilience:MaxRetries"] = "1",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddBitbucket(configuration.GetSection("Bitbucket")).WithBasicAuthentication();
        await using var services = collection.BuildServiceProvider();

        await services.GetRequiredService<IUsersApi>().GetCurrentAsync();
        var headers = _mock.Requests.Single().RequestMessage!.Headers!;

        Assert.Multiple(() =>
        {
            Assert.That(headers["Authorization"].Single(), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann@example.com:from-config"))));
            Assert.That(headers["User-Agent"].Single(), Does.Contain("my-service/2.0"));
            Assert.That(services.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().CurrentValue.Resilience.MaxRetries, Is.EqualTo(1));
        });
    }

    [Test]
    public void MissingSecretInConfiguration_FailsValidation_NamingTheKeyNotTheValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bitbucket:Basic:Username"] = "ann@example.com",
            ["Bitbucket:Basic:Secret"] = "",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddBitbucket(configuration.GetSection("Bitbucket")).WithBasicAuthentication();
        using var services = collection.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<BitbucketOptions>>().Value);

        Assert.That(ex!.Message, Does.Contain("Bitbucket:Basic:Secret").And.Not.Contain("ann@example.com"));
    }

    [TestCase("AccessToken")]
    [TestCase("OAuth1")]
    [TestCase("OAuth2")]
    public void MissingCredential_FailsValidation_ForEachScheme(string scheme)
    {
        var collection = new ServiceCollection();
        var builder = collection.AddBitbucket(o => o.OAuth1.ConsumerKey = "visible-key");
        _ = scheme switch
        {
            "AccessToken" => builder.WithAccessToken(),
            "OAuth1" => builder.WithOAuth1(consumerSecret: string.Empty),
            _ => builder.WithOAuth2ClientCredentials(clientId: "id"),
        };
        using var services = collection.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<BitbucketOptions>>().Value);

        var expectedKey = scheme switch
        {
            "AccessToken" => "BitbucketOptions:AccessToken",
            "OAuth1" => "BitbucketOptions:OAuth1:ConsumerSecret",
            _ => "BitbucketOptions:OAuth2:ClientSecret",
        };
        Assert.That(ex!.Message, Does.Contain(expectedKey));
    }

    [Test]
    public void PlainHttpToARemoteHost_IsRefused()
    {
        var collection = new ServiceCollection();
        collection.AddBitbucket(o => o.BaseAddress = new Uri("http://bitbucket.example.com/2.0/")).WithAccessToken("t");
        using var services = collection.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<BitbucketOptions>>().Value);

        Assert.That(ex!.Message, Does.Contain("BaseAddress").And.Contain("https"));
    }

    [Test]
    public void SecondSchemeOnOneRegistration_Throws()
    {
        var builder = new ServiceCollection().AddBitbucket(_ => { }).WithAccessToken("a");

        Assert.Throws<InvalidOperationException>(() => builder.WithBasicAuthentication("u", "p"));
    }

    [Test]
    public async Task TwoNamedRegistrations_LiveSideBySide_WithTheirOwnCredentials()
    {
        var collection = new ServiceCollection();
        collection.AddBitbucket("bot", o => { o.BaseAddress = _mock.BaseAddress; }).WithAccessToken("bot-token");
        collection.AddBitbucket("user", o => { o.BaseAddress = _mock.BaseAddress; }).WithBasicAuthentication("ann@example.com", "tok");
        await using var services = collection.BuildServiceProvider();

        await services.GetRequiredKeyedService<IUsersApi>("bot").GetCurrentAsync();
        await services.GetRequiredKeyedService<IBitbucketClient>("user").Users.GetCurrentAsync();

        var headers = _mock.Requests.Select(r => r.RequestMessage!.Headers!["Authorization"].Single()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(headers[0], Is.EqualTo("Bearer bot-token"));
            Assert.That(headers[1], Does.StartWith("Basic "));
            Assert.That(services.GetService<IUsersApi>(), Is.Null, "named registrations are keyed only");
        });
    }

    [Test]
    public void OptionsToString_HidesEverySecret()
    {
        var options = new BitbucketOptions { AccessToken = "tok-secret-1" };
        options.Basic.Username = "ann";
        options.Basic.Secret = "basic-secret-2";
        options.OAuth1.ConsumerKey = "ck";
        options.OAuth1.ConsumerSecret = "oauth1-secret-3";
        options.OAuth1.Token = "oauth1-token-4";
        options.OAuth1.TokenSecret = "oauth1-secret-5";
        options.OAuth2.ClientId = "cid";
        options.OAuth2.ClientSecret = "oauth2-secret-6";

        var text = options.ToString();

        Assert.That(text, Does.Not.Contain("secret-").And.Not.Contain("token-4"));
        Assert.That(text, Does.Contain("ann").And.Contain("ck").And.Contain("cid"));
    }

    private sealed class FixedTokenSource(string token) : IBitbucketTokenSource
    {
        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }
}
