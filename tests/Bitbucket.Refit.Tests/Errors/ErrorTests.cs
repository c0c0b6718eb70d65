using System.Net;
using Bitbucket;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Errors;

public sealed class ErrorTests
{
    private MockBitbucket _mock = null!;
    private ServiceProvider _services = null!;
    private IUsersApi _users = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _services = _mock.CreateServices(b => b.WithAccessToken("secret-token-value"));
        _users = _services.GetRequiredService<IUsersApi>();
    }

    [TearDown]
    public void TearDown()
    {
        _services.Dispose();
        _mock.Dispose();
    }

    private void Answer(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body).WithHeader("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _mock.Server.Given(Request.Create().WithPath("/2.0/users/*").UsingGet()).RespondWith(response);
    }

    [Test]
    public void NotFound_RaisesTypedException_WithEnvelopeMethodAndUrl()
    {
        Answer(404, """{"type":"error","error":{"message":"User not found","detail":"No user with that id"}}""");

        var ex = Assert.ThrowsAsync<BitbucketNotFoundException>(() => _users.GetAsync("ghost"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(ex.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(ex.RequestUri!.AbsolutePath, Is.EqualTo("/2.0/users/ghost"));
            Assert.That(ex.Error!.Message, Is.EqualTo("User not found"));
            Assert.That(ex.Error.DetailText, Is.EqualTo("No user with that id"));
            Assert.That(ex.Message, Does.Contain("404").And.Contain("User not found").And.Contain("/2.0/users/ghost"));
            Assert.That(ex.Message, Does.Not.Contain("secret-token-value"));
        });
    }

    [Test]
    public void Forbidden_WithScopeDetailObject_ExposesRequiredAndGrantedScopes()
    {
        Answer(403, """{"type":"error","error":{"message":"Your credentials lack one or more required privilege scopes.","detail":{"granted":["account","repository"],"required":["pullrequest:write"]}}}""");

        var ex = Assert.ThrowsAsync<BitbucketForbiddenException>(() => _users.GetAsync("ann"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Error!.RequiredScopes, Is.EqualTo(new[] { "pullrequest:write" }));
            Assert.That(ex.Error.GrantedScopes, Is.EqualTo(new[] { "account", "repository" }));
            Assert.That(ex.Message, Does.Contain("pullrequest:write"));
        });
    }

    [Test]
    public void BadRequest_WithFieldsAndData_ParsesThem()
    {
        Answer(400, """{"type":"error","error":{"message":"Bad request","fields":{"name":["required"]},"data":{"key":"value"}}}""");

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => _users.GetAsync("ann"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.GetType(), Is.EqualTo(typeof(BitbucketApiException)));
            Assert.That(ex.Error!.Fields!["name"][0].GetString(), Is.EqualTo("required"));
            Assert.That(ex.Error.Data!.Value.GetProperty("key").GetString(), Is.EqualTo("value"));
        });
    }

    [TestCase(401, typeof(BitbucketUnauthorizedException))]
    [TestCase(409, typeof(BitbucketConflictException))]
    [TestCase(410, typeof(BitbucketGoneException))]
    [TestCase(500, typeof(BitbucketApiException))]
    public void Status_MapsToSubtype(int status, Type expected)
    {
        Answer(status, """{"type":"error","error":{"message":"nope"}}""");

        var ex = Assert.CatchAsync<BitbucketApiException>(() => _users.GetAsync("ann"));

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public void Gone_SaysBitbucketRemovedTheEndpoint()
    {
        Answer(410, """{"type":"error","error":{"message":"This API is no longer supported."}}""");

        var ex = Assert.ThrowsAsync<BitbucketGoneException>(() => _users.GetAsync("ann"));

        Assert.That(ex!.Message, Does.Contain("removed the endpoint").And.Contain("410"));
    }

    [Test]
    public void RateLimited_ExposesRetryAfterAndRateLimitHeaders()
    {
        Answer(429, "Rate limit for this resource has been exceeded", "text/plain",
            ("Retry-After", "17"), ("X-RateLimit-Limit", "1000"), ("X-RateLimit-Resource", "api"), ("X-RateLimit-NearLimit", "true"));

        var ex = Assert.ThrowsAsync<BitbucketRateLimitException>(() => _users.GetAsync("ann"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(17)));
            Assert.That(ex.RateLimit!.Limit, Is.EqualTo(1000));
            Assert.That(ex.RateLimit.Resource, Is.EqualTo("api"));
            Assert.That(ex.RateLimit.NearLimit, Is.True);
            Assert.That(ex.Error, Is.Null);
            Assert.That(ex.ResponseExcerpt, Is.EqualTo("Rate limit for this resource has been exceeded"));
        });
    }

    [Test]
    public void HtmlFromAProxy_GivesStatusAndBoundedExcerpt()
    {
        var html = "<html><body>" + new string('x', 100_000) + "</body></html>";
        Answer(502, html, "text/html");

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => _users.GetAsync("ann"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(ex.Error, Is.Null);
            Assert.That(ex.ResponseExcerpt, Does.StartWith("<html><body>"));
            Assert.That(ex.ResponseExcerpt!, Has.Length.EqualTo(BitbucketResponseDetails.MaxExcerptLength));
            Assert.That(ex.Message, Does.Contain("502").And.Contain("text/html"));
            Assert.That(ex.Message.Length, Is.LessThan(1000));
        });
    }

    [Test]
    public void EmptyBody_SaysSo()
    {
        Answer(500, string.Empty);

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => _users.GetAsync("ann"));

        Assert.That(ex!.Message, Does.Contain("500").And.Contain("empty"));
    }

    [Test]
    public void TruncatedJson_GivesExcerptNotAParseError()
    {
        Answer(500, """{"type":"error","error":{"message":"trunc""");

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => _users.GetAsync("ann"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Error, Is.Null);
            Assert.That(ex.ResponseExcerpt, Does.StartWith("{\"type\":\"error\""));
        });
    }

    [Test]
    public void SecretRedactor_RemovesUserInfoAndSensitiveQueryValues()
    {
        var redacted = SecretRedactor.RedactUrl(new Uri("https://user:pw@api.bitbucket.org/2.0/x?access_token=abc&page=2&oauth_signature=zz"));

        Assert.That(redacted!.ToString(), Is.EqualTo("https://api.bitbucket.org/2.0/x?access_token=***&page=2&oauth_signature=***"));
    }
}
