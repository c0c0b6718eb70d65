using System.Net;

namespace Bitbucket.Samples.Tests.Security;

/// <summary>
/// Issue 18, finding 11: the auth cookie is <c>Secure</c> by default outside Development (the state and request-token
/// cookies too), and logout ends the server-side session, so a copy of the cookie taken before logout opens nothing.
/// </summary>
[TestFixture]
[Category("Security")]
[NonParallelizable]
public sealed class CookieTests
{
    [TestCase("Production", "/login/oauth2", ".bitbucket-sample.oauth2")]
    [TestCase("Staging", "/login/oauth1", ".bitbucket-sample.oauth1")]
    public async Task OutsideDevelopment_EveryCookieIsSecureHttpOnlyAndLax(string environment, string login, string flowCookie)
    {
        await using var server = await SampleServer.StartAsync(environment);
        using var browser = new HttpBrowser();

        await browser.SignInAsync(new Uri(server.Address, login));

        var auth = browser.SetCookiesOf(".bitbucket-sample").First().ToLowerInvariant();
        var flow = browser.SetCookiesOf(flowCookie).Last().ToLowerInvariant(); // the one set when the sign-in started
        Assert.Multiple(() =>
        {
            Assert.That(auth, Does.Contain("; secure"));
            Assert.That(auth, Does.Contain("; httponly"));
            Assert.That(auth, Does.Contain("; samesite=lax"));
            Assert.That(flow, Does.Contain("; secure"));
            Assert.That(flow, Does.Contain("; httponly"));
        });
    }

    [Test]
    public async Task InDevelopmentOverPlainHttp_TheCookieIsNotSecure_SoTheLocalBrowserGetsItBack()
    {
        await using var server = await SampleServer.StartAsync("Development");
        using var browser = new HttpBrowser();

        await browser.SignInAsync(new Uri(server.Address, "/login/oauth2"));

        Assert.That(browser.SetCookiesOf(".bitbucket-sample").First().ToLowerInvariant(), Does.Not.Contain("; secure"));
    }

    [TestCase("/login/oauth2")]
    [TestCase("/login/oauth1")]
    public async Task ACookieCopiedBeforeLogout_IsRejectedAfterIt(string login)
    {
        await using var server = await SampleServer.StartAsync("Development");
        using var browser = new HttpBrowser();
        await browser.SignInAsync(new Uri(server.Address, login));
        var copy = browser.Cookies[".bitbucket-sample"];

        using var before = await WithCookie(server, copy, "/profile");
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy works while the session lives");

        using (var logout = await browser.PostAsync(new Uri(server.Address, "/logout")))
        {
            Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using var after = await WithCookie(server, copy, "/profile");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location!.AbsolutePath, Is.EqualTo("/"), "the copied cookie must lead to the sign-in page");
        using var home = await WithCookie(server, copy, "/");
        Assert.That(await home.Content.ReadAsStringAsync(), Does.Not.Contain("You are signed in"));
    }

    private static async Task<HttpResponseMessage> WithCookie(SampleServer server, string cookie, string path)
    {
        using var other = new HttpBrowser();
        other.Cookies[".bitbucket-sample"] = cookie;
        return await other.GetAsync(new Uri(server.Address, path));
    }
}
