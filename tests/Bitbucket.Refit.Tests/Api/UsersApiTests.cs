using Bitbucket;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

/// <summary>The Users, Workspaces, Webhooks, Projects, SSH and GPG API tests: the list options they all exercise.</summary>
public abstract class AccountApiMockTest : ApiTestBase
{
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
        Answer(200, UserJson);

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
            Assert.That(user.Location, Is.EqualTo("Sydney"));
        });
    }

    [Test]
    public async Task Get_EscapesTheUuidBraces_AsOneSegment()
    {
        Answer(200, UserJson);

        var user = await Users.GetAsync("{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}");

        AssertSent("GET", "/2.0/users/%7Bd7dd0e2d-3994-4a50-a9ee-d260b6cefdab%7D");
        Assert.That(user.Nickname, Is.EqualTo("markadams-atl"));
    }

    [Test]
    public async Task Get_EscapesSlashAndSpace_InTheUser()
    {
        Answer(200, UserJson);

        await Users.GetAsync("a/b c");

        AssertSent("GET", "/2.0/users/a%2Fb%20c");
    }

    [Test]
    public async Task ListEmails_SendsListOptions_AndReadsTheAddresses()
    {
        Answer(200, PageOf(EmailJson, """{"type":"email","email":"ann@example.org","is_primary":false,"is_confirmed":true}"""));

        var emails = await ToListAsync(Users.ListEmails(Options));

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
        Answer(200, EmailJson);

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
