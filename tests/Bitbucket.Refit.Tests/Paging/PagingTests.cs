using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Paging;

public sealed class PagingTests
{
    private MockBitbucket _mock = null!;
    private ServiceProvider _services = null!;
    private IUsersApi _users = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _services = _mock.CreateServices(b => b.WithAccessToken("t"));
        _users = _services.GetRequiredService<IUsersApi>();

        // Page 1 links to an opaque cursor (with characters that must not be re-encoded), page 2 to page 3, page 3 ends.
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("pagelen", "2").UsingGet())
            .AtPriority(10)
            .RespondWith(Json($$"""{"pagelen":2,"values":[{"email":"a@x"},{"email":"b@x"}],"next":"{{_mock.Url}}/2.0/user/emails?cursor=Zm9v%2BYmFy%3D&pagelen=2"}"""));
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("cursor", "Zm9v+YmFy=").UsingGet())
            .AtPriority(1)
            .RespondWith(Json($$"""{"pagelen":2,"values":[{"email":"c@x"},{"email":"d@x"}],"next":"{{_mock.Url}}/2.0/user/emails?page=3&pagelen=2"}"""));
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("page", "3").UsingGet())
            .AtPriority(1)
            .RespondWith(Json("""{"pagelen":2,"values":[{"email":"e@x"}]}"""));
    }

    [TearDown]
    public void TearDown()
    {
        _services.Dispose();
        _mock.Dispose();
    }

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    [Test]
    public async Task Enumerates_AllPages_FollowingNextExactlyAsGiven()
    {
        var emails = new List<string?>();
        await foreach (var email in _users.ListEmails(new ListOptions { PageLength = 2, Query = "is_primary=true", Sort = "-email", Fields = "values.email,next" }))
        {
            emails.Add(email.Email);
        }

        Assert.Multiple(() =>
        {
            Assert.That(emails, Is.EqualTo(new[] { "a@x", "b@x", "c@x", "d@x", "e@x" }));
            Assert.That(_mock.SentTargets, Is.EqualTo(new[]
            {
                "/2.0/user/emails?q=is_primary%3Dtrue&sort=-email&fields=values.email%2Cnext&pagelen=2",
                "/2.0/user/emails?cursor=Zm9v%2BYmFy%3D&pagelen=2",
                "/2.0/user/emails?page=3&pagelen=2",
            }));
        });
    }

    [Test]
    public async Task StartPage_IsSentAsPage_AndTheEnumerationFollowsNextFromThere()
    {
        var emails = new List<string?>();
        await foreach (var email in _users.ListEmails(new ListOptions { Page = 3, PageLength = 2 }))
        {
            emails.Add(email.Email);
        }

        Assert.Multiple(() =>
        {
            Assert.That(emails, Is.EqualTo(new[] { "e@x" }));
            Assert.That(_mock.SentTargets, Is.EqualTo(new[] { "/2.0/user/emails?pagelen=2&page=3" }));
        });
    }

    [Test]
    [Category("Reliability")]
    public void EndlessCursorChain_StopsAtTheDefaultBound_WithAClearException()
    {
        // Every page links to another opaque cursor: nothing in the links shows the loop, so only the bound stops it.
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("pagelen", "7").UsingGet())
            .AtPriority(1)
            .RespondWith(Json($$"""{"pagelen":7,"values":[{"email":"a@x"}],"next":"{{_mock.Url}}/2.0/user/emails?cursor=again&pagelen=7"}"""));

        var error = Assert.ThrowsAsync<BitbucketPagingException>(async () =>
        {
            await foreach (var _ in _users.ListEmails(new ListOptions { PageLength = 7 }).AsPages())
            {
            }
        });

        Assert.That(error!.Message, Does.Contain("10,000 pages").And.Contain("WithMaxPages"));
        Assert.That(_mock.Requests, Has.Count.EqualTo(BitbucketPageable<EmailAddress>.DefaultMaxPages + 1), "one page past the bound proves the list goes on");
    }

    [Test]
    public async Task EndlessCursorChain_WithMaxPages_EndsQuietly()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("pagelen", "7").UsingGet())
            .AtPriority(1)
            .RespondWith(Json($$"""{"pagelen":7,"values":[{"email":"a@x"}],"next":"{{_mock.Url}}/2.0/user/emails?cursor=again&pagelen=7"}"""));

        var items = 0;
        await foreach (var _ in _users.ListEmails(new ListOptions { PageLength = 7 }).WithMaxPages(3))
        {
            items++;
        }

        Assert.That((items, _mock.Requests.Count), Is.EqualTo((3, 3)));
    }

    [TestCase("PAGE=1")]
    [TestCase("Page=2")]
    public void NextLinkBackToAnEarlierPage_InAnyCase_StopsTheLoop(string back)
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("pagelen", "9").UsingGet())
            .AtPriority(1)
            .RespondWith(Json($$"""{"page":2,"pagelen":9,"values":[{"email":"a@x"}],"next":"{{_mock.Url}}/2.0/user/emails?{{back}}&pagelen=9"}"""));

        Assert.ThrowsAsync<BitbucketPagingException>(async () =>
        {
            await foreach (var _ in _users.ListEmails(new ListOptions { PageLength = 9 }))
            {
            }
        });
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task FetchesAPage_OnlyWhenThePreviousIsConsumed()
    {
        var sequence = _users.ListEmails(new ListOptions { PageLength = 2 });
        Assert.That(_mock.Requests, Is.Empty, "nothing is requested before enumeration");

        await using var enumerator = sequence.GetAsyncEnumerator();
        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(_mock.Requests, Has.Count.EqualTo(1), "the second item is on the first page");
        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(_mock.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task StoppingEarly_FetchesNoFurtherPage()
    {
        var first = new List<string?>();
        await foreach (var email in _users.ListEmails(new ListOptions { PageLength = 2 }))
        {
            first.Add(email.Email);
            if (first.Count == 2)
            {
                break;
            }
        }

        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Cancellation_StopsTheEnumeration()
    {
        using var cts = new CancellationTokenSource();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var email in _users.ListEmails(new ListOptions { PageLength = 2 }).WithCancellation(cts.Token))
            {
                if (email.Email == "b@x")
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.That(_mock.Requests, Has.Count.LessThanOrEqualTo(2));
    }

    [Test]
    public async Task SinglePage_IsAvailable_WithItsNextLink()
    {
        Page<Bitbucket.Models.EmailAddress>? page = null;
        await foreach (var p in _users.ListEmails(new ListOptions { PageLength = 2 }).AsPages())
        {
            page = p;
            break;
        }

        Assert.Multiple(() =>
        {
            Assert.That(page!.Values.Select(v => v.Email), Is.EqualTo(new[] { "a@x", "b@x" }));
            Assert.That(page.Next, Does.EndWith("/2.0/user/emails?cursor=Zm9v%2BYmFy%3D&pagelen=2"));
            Assert.That(page.Pagelen, Is.EqualTo(2));
            Assert.That(_mock.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void NextLinkToAForeignHost_IsRefused_NotFollowedWithCredentials()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/user/emails").WithParam("pagelen", "3").UsingGet())
            .AtPriority(1)
            .RespondWith(Json("""{"values":[{"email":"a@x"}],"next":"https://evil.example.net/2.0/user/emails?page=2"}"""));

        Assert.CatchAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in _users.ListEmails(new ListOptions { PageLength = 3 }))
            {
            }
        });
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
    }
}
