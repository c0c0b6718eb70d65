using System.Net;
using System.Text.Json;
using Bitbucket.Authentication;
using Bitbucket.Sandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitbucket.Sandbox.Tests.Security;

/// <summary>
/// The sandbox is as strict as Bitbucket about callbacks (issue 18, finding 12): a callback must be the consumer's
/// registered URL or a path below it, same scheme, host and port, loopback included; and a code issued for a
/// <c>redirect_uri</c> is exchanged with that same <c>redirect_uri</c> only.
/// </summary>
[Category("Security")]
public sealed class CallbackStrictnessTests
{
    private static readonly Uri Registered = new("http://127.0.0.1:5080/signin-bitbucket");
    private BitbucketSandbox _sandbox = null!;
    private HttpClient _http = null!;
    private Browser _browser = null!;

    [SetUp]
    public async Task SetUp()
    {
        _sandbox = await BitbucketSandbox.StartAsync();
        Assert.That(_sandbox.Seed.Consumer.CallbackUrl, Is.EqualTo(Registered));
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        _browser = new Browser();
    }

    [TearDown]
    public async Task TearDown()
    {
        _browser.Dispose();
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [TestCase("http://127.0.0.1:5080/signin-bitbucket", true)]
    [TestCase("http://127.0.0.1:5080/signin-bitbucket/oauth1", true)]
    [TestCase("http://127.0.0.1:5080/signin-bitbucket?x=1", true)]
    [TestCase("http://127.0.0.1:5080/signin-bitbucketevil", false)]
    [TestCase("http://127.0.0.1:5080/signin-bitbucke", false)]
    [TestCase("http://127.0.0.1:5080/", false)]
    [TestCase("http://127.0.0.1:5081/signin-bitbucket", false)]
    [TestCase("http://127.0.0.1:5099/signin-bitbucket", false)]
    [TestCase("https://127.0.0.1:5080/signin-bitbucket", false)]
    [TestCase("http://localhost:5080/signin-bitbucket", false)]
    [TestCase("http://attacker.example/signin-bitbucket", false)]
    [TestCase("http://attacker.example:5080/signin-bitbucket", false)]
    [TestCase("http://127.0.0.1:5080@attacker.example/signin-bitbucket", false)]
    [TestCase("http://user@127.0.0.1:5080/signin-bitbucket", false)]
    [TestCase("http://127.0.0.1:5080/signin-bitbucket/%2e%2e/evil", false)]
    [TestCase("javascript:alert(1)", false)]
    public async Task OAuth2_Authorize_AcceptsOnlyTheRegisteredCallbackAndPathsBelowIt(string redirectUri, bool allowed)
    {
        var authorize = new Uri(_sandbox.OAuth2AuthorizeEndpoint, "?client_id=" + _sandbox.Seed.Consumer.Key + "&response_type=code&state=s&redirect_uri=" + Uri.EscapeDataString(redirectUri));

        using var page = await _http.GetAsync(authorize);
        Assert.That(page.StatusCode, Is.EqualTo(allowed ? HttpStatusCode.OK : HttpStatusCode.BadRequest));

        // The decision endpoint re-checks: a forged form cannot reach an unregistered callback either.
        using var decision = await _http.PostAsync(_sandbox.OAuth2AuthorizeEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _sandbox.Seed.Consumer.Key,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["state"] = "s",
            ["decision"] = "approve",
        }));
        if (allowed)
        {
            Assert.That(decision.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(decision.Headers.Location!.GetLeftPart(UriPartial.Authority), Is.EqualTo("http://127.0.0.1:5080"));
        }
        else
        {
            Assert.That(decision.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(decision.Headers.Location, Is.Null);
        }
    }

    [TestCase("http://127.0.0.1:5080/signin-bitbucket/oauth1", true)]
    [TestCase("oob", true)]
    [TestCase("http://attacker.example/signin-bitbucket/oauth1", false)]
    [TestCase("http://127.0.0.1:6000/signin-bitbucket/oauth1", false)]
    [TestCase("http://127.0.0.1:5080/signin-bitbucket-oauth1", false)]
    public async Task OAuth1_RequestToken_AcceptsOnlyTheRegisteredCallbackAndPathsBelowIt(string callback, bool allowed)
    {
        var flow = _sandbox.CreateOAuth1Flow(_http);

        if (allowed)
        {
            var token = await flow.GetRequestTokenAsync(callback == "oob" ? null : new Uri(callback));
            Assert.That(token.Token, Is.Not.Empty);
        }
        else
        {
            Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.GetRequestTokenAsync(new Uri(callback)));
        }
    }

    [Test]
    public async Task OAuth2_Code_IssuedForARedirectUri_IsExchangedOnlyWithThatRedirectUri()
    {
        var authorize = _sandbox.CreateOAuth2Flow(_http, Registered).GetAuthorizationUri("st");

        // Without redirect_uri: refused (and the code is spent).
        var first = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");
        var (status, error) = await ExchangeAsync(first["code"], redirectUri: null);
        Assert.That((status, error), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_grant")));
        (status, error) = await ExchangeAsync(first["code"], Registered.AbsoluteUri);
        Assert.That((status, error), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_grant")), "a refused exchange spends the code");

        // With another redirect_uri, even one the consumer would accept: refused.
        var second = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");
        (status, error) = await ExchangeAsync(second["code"], Registered.AbsoluteUri + "/other");
        Assert.That((status, error), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_grant")));

        // With the same one: tokens.
        var third = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");
        (status, error) = await ExchangeAsync(third["code"], Registered.AbsoluteUri);
        Assert.That((status, error), Is.EqualTo((HttpStatusCode.OK, (string?)null)));
    }

    [Test]
    public async Task OAuth2_Code_IssuedWithoutRedirectUri_GoesToTheRegisteredCallback()
    {
        var authorize = _sandbox.CreateOAuth2Flow(_http).GetAuthorizationUri("st");
        using var page = await _http.GetAsync(authorize);
        var html = await page.Content.ReadAsStringAsync();
        using var decision = await _http.PostAsync(_sandbox.OAuth2AuthorizeEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _sandbox.Seed.Consumer.Key,
            ["response_type"] = "code",
            ["state"] = "st",
            ["decision"] = "approve",
        }));
        var location = decision.Headers.Location!;
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(Registered.AbsoluteUri));
            Assert.That(code, Is.Not.Empty);
        });
        Assert.That(await ExchangeAsync(code, redirectUri: null), Is.EqualTo((HttpStatusCode.OK, (string?)null)));
    }

    [Test]
    public async Task AConsumerWithoutARegisteredCallback_AdmitsNoCallback()
    {
        var consumer = _sandbox.Seed.Consumer with { Key = "NoCallbackConsumer01", CallbackUrl = null };
        await using var sandbox = await BitbucketSandbox.StartAsync(_sandbox.Seed with { Consumers = [consumer] });
        var authorize = new Uri(sandbox.OAuth2AuthorizeEndpoint, "?client_id=" + consumer.Key + "&response_type=code&redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5080/signin-bitbucket"));

        using var page = await _http.GetAsync(authorize);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no loopback wildcard");
    }

    private async Task<(HttpStatusCode Status, string? Error)> ExchangeAsync(string code, string? redirectUri)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };
        if (redirectUri is not null)
        {
            form["redirect_uri"] = redirectUri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _sandbox.OAuth2TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_sandbox.Seed.Consumer.Key + ":" + _sandbox.Seed.Consumer.Secret)));
        using var response = await _http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null);
    }
}
