using System.Net;
using Bitbucket;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitbucket.Samples.Tests.Security;

/// <summary>
/// Issue 18, finding 2: the sample built its OAuth callbacks from the request's <c>Host</c> header, so a login link
/// sent with <c>Host: attacker.example</c> made Bitbucket deliver the victim's code or verifier to the attacker, who
/// then completed the callback in their own browser. Now the callbacks come from the configured origin (or the listen
/// address), the sandbox admits only the registered callback, and a callback completed in another browser is refused
/// by the state check before its code is spent.
/// </summary>
[TestFixture]
[Category("Security")]
[NonParallelizable]
public sealed class HostHeaderAttackTests
{
    private const string Attacker = "attacker.example";
    private SampleServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await SampleServer.StartAsync("Development");

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public void TheOriginIsTheListenAddressAndTheSandboxRegistersItsCallback()
    {
        Assert.That(_server.Origin.Origin, Is.EqualTo(_server.Address));
        Assert.That(_server.Sandbox.Seed.Consumer.CallbackUrl, Is.EqualTo(new Uri(_server.Address, "/signin-bitbucket")));
        Assert.That(_server.Origin.OAuth1Callback, Is.EqualTo(new Uri(_server.Address, "/signin-bitbucket/oauth1")));
    }

    [Test]
    public async Task OAuth2Login_WithAForgedHost_SendsTheRedirectUriOfTheConfiguredOrigin()
    {
        using var browser = new HttpBrowser();

        using var response = await browser.GetAsync(new Uri(_server.Address, "/login/oauth2"), host: Attacker);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Multiple(() =>
        {
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(_server.Sandbox.OAuth2AuthorizeEndpoint.AbsoluteUri));
            Assert.That(query["redirect_uri"].ToString(), Is.EqualTo(new Uri(_server.Address, "/signin-bitbucket").AbsoluteUri));
            Assert.That(location.AbsoluteUri, Does.Not.Contain(Attacker));
            Assert.That(query["state"].ToString(), Has.Length.GreaterThanOrEqualTo(43));
        });
    }

    [Test]
    public async Task OAuth1Login_WithAForgedHost_RegistersTheCallbackOfTheConfiguredOrigin()
    {
        using var browser = new HttpBrowser();

        // The sample asks the sandbox for a request token with its oauth_callback; the approval redirects there.
        var callback = await browser.StartAndApproveAsync(new Uri(_server.Address, "/login/oauth1"), host: Attacker);

        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(_server.Address, "/signin-bitbucket/oauth1").AbsoluteUri));
        Assert.That(QueryHelpers.ParseQuery(callback.Query), Does.ContainKey("oauth_verifier"));
    }

    [Test]
    public async Task OAuth2Approval_AfterAForgedHostLogin_DeliversTheCodeToTheRealOriginAndSignsTheVictimIn()
    {
        using var victim = new HttpBrowser();

        var callback = await victim.StartAndApproveAsync(new Uri(_server.Address, "/login/oauth2"), host: Attacker);
        Assert.That(callback.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(_server.Address, "/signin-bitbucket").AbsoluteUri));

        using var done = await victim.GetAsync(callback);
        Assert.That(done.Headers.Location?.OriginalString, Is.EqualTo("/profile"));
    }

    [TestCase("http://attacker.example/signin-bitbucket")]
    [TestCase("http://attacker.example:{port}/signin-bitbucket")]
    [TestCase("http://127.0.0.1:1/signin-bitbucket")]
    [TestCase("http://localhost:{port}/signin-bitbucket")]
    [TestCase("http://127.0.0.1:{port}/signin-bitbucketx")]
    public async Task TheSandbox_RefusesEveryOtherOAuth2Callback(string template)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        var redirectUri = template.Replace("{port}", _server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var authorize = new Uri(
            _server.Sandbox.OAuth2AuthorizeEndpoint,
            $"?client_id={_server.Sandbox.Seed.Consumer.Key}&response_type=code&state={Bitbucket.Authentication.OAuth2Flow.CreateState()}&redirect_uri={Uri.EscapeDataString(redirectUri)}");
        var registered = new Uri(
            _server.Sandbox.OAuth2AuthorizeEndpoint,
            $"?client_id={_server.Sandbox.Seed.Consumer.Key}&response_type=code&state=s&redirect_uri={Uri.EscapeDataString(_server.Origin.OAuth2Callback.AbsoluteUri)}");

        using var refused = await http.GetAsync(authorize);
        using var accepted = await http.GetAsync(registered);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TheSandbox_RefusesAnOAuth1CallbackOnAnotherHost()
    {
        using var http = new HttpClient();
        var flow = Bitbucket.Sandbox.BitbucketSandboxExtensions.CreateOAuth1Flow(_server.Sandbox, http);

        Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.GetRequestTokenAsync(new Uri("http://attacker.example/signin-bitbucket/oauth1")));
        var token = await flow.GetRequestTokenAsync(_server.Origin.OAuth1Callback);
        Assert.That(token.Token, Is.Not.Empty);
    }

    [Test]
    public async Task ACallbackCompletedInTheAttackersBrowser_IsRefusedAndLeavesTheCodeToTheVictim()
    {
        using var victim = new HttpBrowser();
        using var attacker = new HttpBrowser();

        // The attacker holds a state cookie of their own (they started a sign-in), then obtains the victim's callback.
        using (await attacker.GetAsync(new Uri(_server.Address, "/login/oauth2")))
        {
        }

        Assert.That(attacker.Cookies, Does.ContainKey(".bitbucket-sample.oauth2"));
        var victimsCallback = await victim.StartAndApproveAsync(new Uri(_server.Address, "/login/oauth2"));

        using var stolen = await attacker.GetAsync(victimsCallback);
        Assert.Multiple(() =>
        {
            Assert.That(stolen.Headers.Location?.OriginalString, Does.StartWith("/?error="));
            Assert.That(attacker.Cookies, Does.Not.ContainKey(".bitbucket-sample"), "the attacker must not be signed in");
        });

        // Without any state cookie, the same.
        using var bare = new HttpBrowser();
        using var noCookie = await bare.GetAsync(victimsCallback);
        Assert.That(noCookie.Headers.Location?.OriginalString, Does.StartWith("/?error="));
        Assert.That(bare.Cookies, Does.Not.ContainKey(".bitbucket-sample"));

        // The refusals happened before the exchange: the code is still good for the victim's own browser.
        using var done = await victim.GetAsync(victimsCallback);
        Assert.That(done.Headers.Location?.OriginalString, Is.EqualTo("/profile"));
        Assert.That(victim.Cookies, Does.ContainKey(".bitbucket-sample"));
    }
}

/// <summary><c>Sample:PublicOrigin</c> wins over the listen address and the <c>Host</c> header, for both flows' callbacks.</summary>
[TestFixture]
[Category("Security")]
[NonParallelizable]
public sealed class PublicOriginTests
{
    [Test]
    public async Task TheConfiguredPublicOrigin_IsTheOnlyCallbackOriginAndIsRegisteredWithTheSandbox()
    {
        await using var server = await SampleServer.StartAsync("Development", "--Sample:PublicOrigin=https://bitbucket-demo.example");
        using var browser = new HttpBrowser();

        using var response = await browser.GetAsync(new Uri(server.Address, "/login/oauth2"), host: "attacker.example");

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Multiple(() =>
        {
            Assert.That(query["redirect_uri"].ToString(), Is.EqualTo("https://bitbucket-demo.example/signin-bitbucket"));
            Assert.That(server.Sandbox.Seed.Consumer.CallbackUrl, Is.EqualTo(new Uri("https://bitbucket-demo.example/signin-bitbucket")));
            Assert.That(server.Origin.OAuth1Callback, Is.EqualTo(new Uri("https://bitbucket-demo.example/signin-bitbucket/oauth1")));
        });
    }

    [TestCase("https://bitbucket-demo.example/app")]
    [TestCase("ftp://bitbucket-demo.example")]
    [TestCase("bitbucket-demo.example")]
    [TestCase("https://user@bitbucket-demo.example")]
    public void APublicOriginThatIsNotAnOrigin_StopsTheStart(string value)
    {
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var server = await SampleServer.StartAsync("Development", "--Sample:PublicOrigin=" + value);
        });
    }
}
