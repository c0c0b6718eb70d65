using Bitbucket;
using Bitbucket.Authentication;
using Bitbucket.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Security.OAuthState;

/// <summary>
/// Issue 18, finding 10: <see cref="OAuth2Flow"/> creates the <c>state</c> of the authorization-code flow and checks
/// the callback's in constant time before the code goes anywhere. A missing, short or different state is refused with
/// <see cref="BitbucketOAuthStateException"/> and the token endpoint sees no request.
/// </summary>
[Category("Security")]
public sealed class OAuth2StateTests
{
    private MockBitbucket _mock = null!;
    private HttpClient _http = null!;
    private OAuth2Flow _flow = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _mock.Server.Given(Request.Create().WithPath("/site/oauth2/access_token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"access_token":"at-1","refresh_token":"rt-1","expires_in":7200,"token_type":"bearer","scopes":"account"}"""));
        _http = new HttpClient();
        _flow = new OAuth2Flow(
            _http,
            new OAuth2ClientOptions
            {
                ClientId = "client-id",
                ClientSecret = "client-secret",
                TokenEndpoint = new Uri(_mock.Url + "/site/oauth2/access_token"),
                AuthorizationEndpoint = new Uri(_mock.Url + "/site/oauth2/authorize"),
            },
            new Uri("http://127.0.0.1:5080/signin-bitbucket"));
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _mock.Dispose();
    }

    private int TokenRequests => _mock.Requests.Count(r => r.RequestMessage!.Path == "/site/oauth2/access_token");

    [Test]
    public void CreateState_IsUrlSafe256BitsAndNeverRepeats()
    {
        var states = Enumerable.Range(0, 2000).Select(_ => OAuth2Flow.CreateState()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(states, Is.Unique);
            Assert.That(states, Has.All.Length.EqualTo(43), "32 random bytes in unpadded base64url");
            Assert.That(states, Has.All.Matches<string>(s => s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')));
            Assert.That(states[0].Length, Is.GreaterThanOrEqualTo(OAuth2Flow.MinimumStateLength));

            // It goes into the authorize URL unchanged (nothing to escape).
            var uri = _flow.GetAuthorizationUri(states[0]);
            Assert.That(uri.Query, Does.Contain("state=" + states[0] + "&").Or.EndsWith("state=" + states[0]));
        });

        // Every bit is used: across 2,000 states each of the 64 alphabet characters appears.
        Assert.That(states.SelectMany(s => s).Distinct().Count(), Is.EqualTo(64));
    }

    [Test]
    public async Task ExchangeCode_WithTheStateItStartedWith_SendsTheCode()
    {
        var state = OAuth2Flow.CreateState();

        var tokens = await _flow.ExchangeCodeAsync("the-code", state, new string(state.ToCharArray()));

        Assert.That(tokens.AccessToken, Is.EqualTo("at-1"));
        Assert.That(TokenRequests, Is.EqualTo(1));
        Assert.That(_mock.Requests.Single().RequestMessage!.Body, Does.Contain("code=the-code"));
    }

    [TestCase(null, TestName = "missing (no state in the callback)")]
    [TestCase("", TestName = "missing (empty state in the callback)")]
    [TestCase("Q", TestName = "one character")]
    [TestCase("forged-state-from-another-browser-0123456789", TestName = "another value")]
    public void ExchangeCode_RefusesACallbackStateThatIsNotTheExpectedOne(string? received)
    {
        var expected = OAuth2Flow.CreateState();

        var ex = Assert.ThrowsAsync<BitbucketOAuthStateException>(() => _flow.ExchangeCodeAsync("the-code", expected, received));

        Assert.That(TokenRequests, Is.Zero, "the code must not be sent when the state is wrong");
        Assert.That(ex!.Message, Does.Not.Contain(expected));
        if (!string.IsNullOrEmpty(received))
        {
            Assert.That(ex.Message, Does.Not.Contain(received));
        }
    }

    [Test]
    public void ExchangeCode_RefusesAStateThatDiffersInOneCharacterOrIsAPrefix()
    {
        var expected = OAuth2Flow.CreateState();
        var lastChanged = expected[..^1] + (expected[^1] == 'A' ? 'B' : 'A');

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<BitbucketOAuthStateException>(() => _flow.ExchangeCodeAsync("c", expected, lastChanged));
            Assert.ThrowsAsync<BitbucketOAuthStateException>(() => _flow.ExchangeCodeAsync("c", expected, expected[..^1]));
            Assert.ThrowsAsync<BitbucketOAuthStateException>(() => _flow.ExchangeCodeAsync("c", expected, expected + "x"));
            Assert.ThrowsAsync<BitbucketOAuthStateException>(() => _flow.ExchangeCodeAsync("c", expected, expected.ToUpperInvariant()));
        });
        Assert.That(TokenRequests, Is.Zero);
    }

    [TestCase("x")]
    [TestCase("s-123")]
    [TestCase("123456789012345678901")]
    public void ExchangeCode_RefusesAShortExpectedStateEvenWhenTheCallbackEchoesIt(string weak)
    {
        // A one-character state is guessable: the check is worthless, so the flow refuses it rather than pass it.
        var ex = Assert.ThrowsAsync<BitbucketOAuthStateException>(() => _flow.ExchangeCodeAsync("the-code", weak, weak));

        Assert.That(ex!.Message, Does.Contain(OAuth2Flow.MinimumStateLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(TokenRequests, Is.Zero);
    }

    [Test]
    public async Task ExchangeCode_AcceptsAStateOfExactlyTheMinimumLength()
    {
        var state = OAuth2Flow.CreateState()[..OAuth2Flow.MinimumStateLength];

        var tokens = await _flow.ExchangeCodeAsync("the-code", state, state);

        Assert.That(tokens.RefreshToken, Is.EqualTo("rt-1"));
    }
}
