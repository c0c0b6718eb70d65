using System.Diagnostics;
using OpenQA.Selenium;

namespace Bitbucket.Samples.Tests;

/// <summary>
/// "Login with Bitbucket" in a real browser: the sample's start page, the sandbox's authorize page, and back on the
/// sample's profile with the seeded repositories and open pull requests; then signing out.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class SampleAppBrowserTests : SampleAppHost
{
    [TestCase("login-oauth2", "OAuth 2")]
    [TestCase("login-oauth1", "OAuth 1.0a")]
    public void SignsInApprovesAndSeesTheRepositories(string loginButton, string method)
    {
        var elapsed = Stopwatch.StartNew();
        var name = loginButton.Replace("login-", string.Empty, StringComparison.Ordinal);

        SignIn(loginButton, $"{name}-authorize");
        AssertProfile(method, $"{name}-profile");

        // Signing out puts the profile behind a sign-in again.
        Driver.FindElement(By.Id("logout")).Click();
        Assert.That(Driver.FindElement(By.Id(loginButton)).Displayed, Is.True);
        Driver.Navigate().GoToUrl(new Uri(Address, "/profile"));
        Assert.That(new Uri(Driver.Url).AbsolutePath, Is.EqualTo("/"));

        TestContext.Out.WriteLine($"Sign-in through {method}, approval, profile and sign-out took {elapsed.ElapsedMilliseconds} ms in the browser.");
    }

    [TestCase("login-oauth2", "OAuth 2")]
    [TestCase("login-oauth1", "OAuth 1.0a")]
    public void CommentingOnAPullRequestShowsTheVerifiedWebhookOnTheEventsPage(string loginButton, string method)
    {
        SignIn(loginButton);
        AssertProfile(method);

        var firstPullRequest = Driver.FindElements(By.CssSelector("#pull-requests tr.pull-request"))[0].Text;
        Driver.FindElements(By.CssSelector("#pull-requests button.comment"))[0].Click();

        var row = Driver.FindElement(By.CssSelector("#events tr.event[data-event-key='pullrequest:comment_created']"));
        Assert.That(new Uri(Driver.Url).AbsolutePath, Is.EqualTo("/events"));
        Screenshot($"{loginButton}-events");
        Assert.Multiple(() =>
        {
            Assert.That(row.Text, Does.Contain("PullRequestCommentCreatedEvent"));
            Assert.That(row.Text, Does.Contain("Commented from the Bitbucket.Refit sample"));
            Assert.That(row.Text, Does.Contain(Sandbox.Seed.User.DisplayName));
            Assert.That(firstPullRequest, Does.Contain(row.Text.Split('#')[1].Split(':')[0].Trim()), "the event names the pull request that was commented on");
        });
    }

    [TestCase("login-oauth2")]
    [TestCase("login-oauth1")]
    public void DenyingOnTheAuthorizePageLeavesTheUserSignedOut(string loginButton)
    {
        Driver.Navigate().GoToUrl(Address);
        Driver.FindElement(By.Id(loginButton)).Click();
        Driver.FindElement(By.Id("deny")).Click();

        Assert.That(Driver.FindElement(By.Id("error")).Text, Does.Contain("did not authorize"));
        Assert.That(new Uri(Driver.Url).AbsolutePath, Is.EqualTo("/"));
        Assert.That(FindNow(By.Id("logout")), Is.Empty);
    }
}

/// <summary>
/// The signed-in user's OAuth 2 access token expires (the sandbox's clock moves two hours on); the profile still loads
/// because the app's token source refreshes the token after Bitbucket's 401 and saves the rotated refresh token.
/// A fixture of its own: moving the sandbox's clock would make other tests' OAuth 1 timestamps stale.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class SampleAppTokenRefreshBrowserTests : SampleAppHost
{
    [Test]
    public void AnExpiredAccessTokenIsRefreshedWithoutSigningInAgain()
    {
        SignIn("login-oauth2");
        AssertProfile("OAuth 2");
        var cookie = AuthCookie();

        Sandbox.AdvanceTime(TimeSpan.FromHours(2));
        Driver.Navigate().Refresh();
        AssertProfile("OAuth 2", "oauth2-profile-after-refresh");
        var refreshedCookie = AuthCookie();
        Assert.That(refreshedCookie, Is.Not.EqualTo(cookie), "the refreshed tokens should have been written back into the auth cookie");

        // The rotated refresh token was written back: a second expiry is survived as well.
        Sandbox.AdvanceTime(TimeSpan.FromHours(2));
        Driver.Navigate().Refresh();
        AssertProfile("OAuth 2");
        Assert.That(AuthCookie(), Is.Not.EqualTo(refreshedCookie));
    }

    private string AuthCookie()
    {
        var value = Driver.Manage().Cookies.GetCookieNamed(".bitbucket-sample")?.Value;
        Assert.That(value, Is.Not.Null.And.Not.Empty, "the sample's auth cookie");
        return value!;
    }
}
