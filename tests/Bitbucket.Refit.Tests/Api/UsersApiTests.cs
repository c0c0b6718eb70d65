using System.Text.Json.Nodes;
using Bitbucket.Refit.Api;
using Bitbucket.Refit.Paging;
using Bitbucket.Refit.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Refit.Tests.Api;

/// <summary>
/// A WireMock server answering every request with one canned response, and the checks the Users, Workspaces, Webhooks,
/// Projects, SSH and GPG API tests share: the request as sent on the wire and its JSON body.
/// </summary>
public abstract class AccountApiMockTest
{
    private MockBitbucket _mock = null!;
    private ServiceProvider _services = null!;

    protected MockBitbucket Mock => _mock;

    [SetUp]
    public void StartMock()
    {
        _mock = MockBitbucket.Start();
        _services = _mock.CreateServices(b => b.WithAccessToken("t"));
    }

    [TearDown]
    public void StopMock()
    {
        _services.Dispose();
        _mock.Dispose();
    }

    protected T Api<T>()
        where T : class => _services.GetRequiredService<T>();

    /// <summary>Answers every request with <paramref name="json"/> and the given status.</summary>
    protected void Answer(string json, int status = 200) =>
        _mock.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    /// <summary>Answers every request with an empty body and the given status.</summary>
    protected void AnswerEmpty(int status = 204) =>
        _mock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status));

    /// <summary>Answers every request with a text body.</summary>
    protected void AnswerText(string text, string contentType = "text/plain") =>
        _mock.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(text));

    /// <summary>Asserts exactly one request was sent, with this method and this raw path and query.</summary>
    protected void AssertSent(string method, string rawTarget)
    {
        Assert.That(_mock.Requests, Has.Count.EqualTo(1), "exactly one request");
        Assert.Multiple(() =>
        {
            Assert.That(_mock.Requests[0].RequestMessage!.Method, Is.EqualTo(method));
            Assert.That(_mock.RawTargets[0], Is.EqualTo(rawTarget));
        });
    }

    /// <summary>Gets the JSON body of the single request sent.</summary>
    protected JsonObject SentJson()
    {
        var body = _mock.Requests.Single().RequestMessage!.Body;
        Assert.That(body, Is.Not.Null.And.Not.Empty, "a JSON body was sent");
        return JsonNode.Parse(body!)!.AsObject();
    }

    /// <summary>Asserts the single request carried no body.</summary>
    protected void AssertNoBody() =>
        Assert.That(_mock.Requests.Single().RequestMessage!.Body, Is.Null.Or.Empty);

    /// <summary>Enumerates a lazy list to the end.</summary>
    protected static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A page envelope holding <paramref name="values"/> (JSON array items), with no next link.</summary>
    protected static string PageOf(params string[] values) =>
        $$"""{"pagelen":10,"page":1,"size":{{values.Length}},"values":[{{string.Join(",", values)}}]}""";

    /// <summary>List options exercising every query parameter the client adds to lists.</summary>
    protected static ListOptions Options => new() { Query = "a=\"b c\"", Sort = "-created_on", Fields = "+values.x", PageLength = 50 };

    /// <summary>The raw query string <see cref="Options"/> produces.</summary>
    protected const string OptionsQuery = "q=a%3D%22b%20c%22&sort=-created_on&fields=%2Bvalues.x&pagelen=50";
}

public sealed class UsersApiTests : AccountApiMockTest
{
    private const string UserJson = """
        {"type":"user","display_name":"Mark Adams","uuid":"{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}",
         "account_id":"557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a","nickname":"markadams-atl","account_status":"active",
         "created_on":"2018-03-14T13:17:05.196003+00:00","has_2fa_enabled":true,"location":"Sydney",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/%7Bd7dd0e2d-3994-4a50-a9ee-d260b6cefdab%7D"},
                  "avatar":{"href":"https://bitbucket.org/account/markadams-atl/avatar/32/"},
                  "html":{"href":"https://bitbucket.org/%7Bd7dd0e2d-3994-4a50-a9ee-d260b6cefdab%7D/"}}}
        """;

    private const string EmailJson = """
        {"type":"email","email":"ann+work@example.com","is_primary":true,"is_confirmed":false,
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/user/emails/ann+work@example.com"}}}
        """;

    private IUsersApi Users => Api<IUsersApi>();

    [Test]
    public async Task GetCurrent_GetsUser_AndReadsTheAccount()
    {
        Answer(UserJson);

        var user = await Users.GetCurrentAsync();

        AssertSent("GET", "/2.0/user");
        Assert.Multiple(() =>
        {
            Assert.That(user.Type, Is.EqualTo("user"));
            Assert.That(user.DisplayName, Is.EqualTo("Mark Adams"));
            Assert.That(user.Uuid, Is.EqualTo("{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}"));
            Assert.That(user.AccountId, Is.EqualTo("557058:ba8948b2-49da-43a9-9e8b-e7249b8e324a"));
            Assert.That(user.Has2faEnabled, Is.True);
            Assert.That(user.CreatedOn, Is.EqualTo(new DateTimeOffset(2018, 3, 14, 13, 17, 5, 196, TimeSpan.Zero).AddTicks(30)));
            Assert.That(user.AdditionalProperties!["location"].GetString(), Is.EqualTo("Sydney"));
        });
    }

    [Test]
    public async Task Get_EscapesTheUuidBraces_AsOneSegment()
    {
        Answer(UserJson);

        var user = await Users.GetAsync("{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}");

        AssertSent("GET", "/2.0/users/%7Bd7dd0e2d-3994-4a50-a9ee-d260b6cefdab%7D");
        Assert.That(user.Nickname, Is.EqualTo("markadams-atl"));
    }

    [Test]
    public async Task Get_EscapesSlashAndSpace_InTheUser()
    {
        Answer(UserJson);

        await Users.GetAsync("a/b c");

        AssertSent("GET", "/2.0/users/a%2Fb%20c");
    }

    [Test]
    public async Task ListEmails_SendsListOptions_AndReadsTheAddresses()
    {
        Answer(PageOf(EmailJson, """{"type":"email","email":"ann@example.org","is_primary":false,"is_confirmed":true}"""));

        var emails = await AllAsync(Users.ListEmails(Options));

        AssertSent("GET", "/2.0/user/emails?" + OptionsQuery);
        Assert.That(emails, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(emails[0].Email, Is.EqualTo("ann+work@example.com"));
            Assert.That(emails[0].IsPrimary, Is.True);
            Assert.That(emails[0].IsConfirmed, Is.False);
            Assert.That(emails[1].Type, Is.EqualTo("email"));
            Assert.That(emails[1].IsConfirmed, Is.True);
        });
    }

    [Test]
    public async Task GetEmail_SendsTheAddressAsOneSegment_AndReadsIt()
    {
        Answer(EmailJson);

        var email = await Users.GetEmailAsync("ann+work@example.com");

        AssertSent("GET", "/2.0/user/emails/ann+work@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(email.Email, Is.EqualTo("ann+work@example.com"));
            Assert.That(email.IsPrimary, Is.True);
            Assert.That(email.Links!.Value.GetProperty("self").GetProperty("href").GetString(), Does.EndWith("/user/emails/ann+work@example.com"));
        });
    }
}
