using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket;
using Bitbucket.Sandbox.Tests.Infrastructure;

namespace Bitbucket.Sandbox.Tests;

/// <summary>The library's OAuth 1.0a and OAuth 2 flows end to end, the sandbox's authorize pages played by a browser.</summary>
public sealed class OAuthFlowTests
{
    private static readonly Uri Callback = SandboxSeed.Default.Consumer.CallbackUrl!;
    private BitbucketSandbox _sandbox = null!;
    private HttpClient _http = null!;
    private Browser _browser = null!;

    private SandboxSeed Seed => _sandbox.Seed;

    [SetUp]
    public async Task SetUp()
    {
        _sandbox = await BitbucketSandbox.StartAsync();
        _http = new HttpClient();
        _browser = new Browser();
    }

    [TearDown]
    public async Task TearDown()
    {
        _browser.Dispose();
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Test]
    public async Task OAuth1_ThreeLeggedDance_GivesAnAccessTokenThatSignsApiCalls()
    {
        var flow = _sandbox.CreateOAuth1Flow(_http);

        var requestToken = await flow.GetRequestTokenAsync(Callback);
        var authorize = flow.GetAuthorizationUri(requestToken);
        var page = await _browser.GetPageAsync(authorize);
        var callback = await _browser.SubmitAsync(authorize, page, "approve");
        var access = await flow.GetAccessTokenAsync(requestToken, callback["oauth_verifier"]);

        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth1(Seed.Consumer.Key, Seed.Consumer.Secret, access.Token, access.TokenSecret));
        var user = await services.Client().Users.GetCurrentAsync();
        var branch = await services.TestApi().GetBranchAsync("analytical-engines", "difference-engine", "feature/bernoulli-numbers");

        Assert.Multiple(() =>
        {
            Assert.That(requestToken.CallbackConfirmed, Is.True);
            Assert.That(authorize.AbsoluteUri, Does.StartWith(_sandbox.OAuth1AuthorizeEndpoint.AbsoluteUri + "?oauth_token="));
            Assert.That(page, Does.Contain(Seed.Consumer.Name).And.Contain("id=\"approve\"").And.Contain("deprecated"));
            Assert.That(callback["oauth_token"], Is.EqualTo(requestToken.Token));
            Assert.That(user.DisplayName, Is.EqualTo(Seed.User.DisplayName));
            Assert.That(branch.Name, Is.EqualTo("feature/bernoulli-numbers"));
            Assert.That(access.ToString(), Does.Not.Contain(access.TokenSecret).And.Not.Contain(access.Token));
            Assert.That(requestToken.ToString(), Does.Not.Contain(requestToken.TokenSecret));
        });
    }

    [Test]
    public async Task OAuth1_RequestTokenIsSingleUseAndNeedsTheRightVerifier()
    {
        var flow = _sandbox.CreateOAuth1Flow(_http);
        var requestToken = await flow.GetRequestTokenAsync(Callback);
        var authorize = flow.GetAuthorizationUri(requestToken);
        var callback = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");

        var wrong = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.GetAccessTokenAsync(requestToken, "not-the-verifier"));
        await flow.GetAccessTokenAsync(requestToken, callback["oauth_verifier"]);
        var reused = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.GetAccessTokenAsync(requestToken, callback["oauth_verifier"]));

        Assert.Multiple(() =>
        {
            Assert.That(wrong!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(reused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(wrong.Message, Does.Not.Contain(requestToken.TokenSecret));
        });
    }

    [Test]
    public async Task OAuth1_DeniedAuthorization_RedirectsWithoutVerifier()
    {
        var flow = _sandbox.CreateOAuth1Flow(_http);
        var requestToken = await flow.GetRequestTokenAsync(Callback);
        var authorize = flow.GetAuthorizationUri(requestToken);

        var callback = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "deny");

        Assert.Multiple(() =>
        {
            Assert.That(callback, Does.Not.ContainKey("oauth_verifier"));
            Assert.That(callback["error"], Is.EqualTo("access_denied"));
        });
    }

    [Test]
    public void OAuth1_ConsumerWithAWrongSecret_GetsNoRequestToken()
    {
        var flow = new OAuth1Flow(_http, Seed.Consumer.Key, "wrong-secret", _sandbox.OAuth1Endpoints, _sandbox.Clock);

        var ex = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.GetRequestTokenAsync(Callback));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(ex.Message, Does.Contain("Invalid OAuth signature").And.Not.Contain("wrong-secret"));
        });
    }

    [Test]
    public async Task OAuth2_AuthorizationCode_PageShowsAppAndScopes_RedirectCarriesCodeAndState()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        var authorize = flow.GetAuthorizationUri(state);
        var page = await _browser.GetPageAsync(authorize);
        var callback = await _browser.SubmitAsync(authorize, page, "approve");
        var tokens = await flow.ExchangeCodeAsync(callback["code"]);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain(Seed.Consumer.Name).And.Contain("id=\"approve\"").And.Contain("data-scope=\"pullrequest:write\""));
            Assert.That(callback["state"], Is.EqualTo(state));
            Assert.That(tokens.AccessToken, Is.Not.Empty);
            Assert.That(tokens.RefreshToken, Is.Not.Empty);
            Assert.That(tokens.ExpiresIn, Is.EqualTo(3600));
            Assert.That(tokens.TokenType, Is.EqualTo("bearer"));
            Assert.That(tokens.Scope, Does.Contain("pullrequest:write"));
            Assert.That(tokens.Scopes, Is.EqualTo(tokens.Scope), "Bitbucket's own field");
            Assert.That(flow.ToString(), Does.Not.Contain(Seed.Consumer.Secret));
        });
        var reused = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.ExchangeCodeAsync(callback["code"]));
        Assert.That(reused!.Error, Is.EqualTo("invalid_grant"), "a code is single use");
    }

    [Test]
    public async Task OAuth2_DeniedAuthorization_RedirectsWithAccessDeniedAndState()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var authorize = flow.GetAuthorizationUri("s-123");

        var callback = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "deny");

        Assert.Multiple(() =>
        {
            Assert.That(callback["error"], Is.EqualTo("access_denied"));
            Assert.That(callback["state"], Is.EqualTo("s-123"));
            Assert.That(callback, Does.Not.ContainKey("code"));
        });
    }

    [Test]
    public async Task OAuth2_RefreshTokens_Rotate_TheOldOneStopsWorking()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var first = await AuthorizeAsync(flow);

        var second = await flow.RefreshAsync(first.RefreshToken!);
        var replay = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.RefreshAsync(first.RefreshToken!));
        var third = await flow.RefreshAsync(second.RefreshToken!);

        Assert.Multiple(() =>
        {
            Assert.That(second.RefreshToken, Is.Not.EqualTo(first.RefreshToken));
            Assert.That(second.AccessToken, Is.Not.EqualTo(first.AccessToken));
            Assert.That(replay!.Error, Is.EqualTo("invalid_grant"));
            Assert.That(replay.Message, Does.Not.Contain(first.RefreshToken!));
            Assert.That(third.RefreshToken, Is.Not.EqualTo(second.RefreshToken));
        });
    }

    [Test]
    public async Task OAuth2_RefreshTokenSource_RefreshesOn401AfterExpiry_AndPersistsTheRotatedToken()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var tokens = await AuthorizeAsync(flow);
        var persisted = new List<string>();
        var source = new RefreshTokenSource(flow, tokens, (t, _) =>
        {
            persisted.Add(t.RefreshToken!);
            return Task.CompletedTask;
        });
        var counter = new StatusCounter();
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth2(source), httpClient: h => h.AddHttpMessageHandler(() => counter));
        var client = services.Client();

        var before = await client.Users.GetCurrentAsync();
        _sandbox.AdvanceTime(TimeSpan.FromMinutes(61));
        var after = await client.Users.GetCurrentAsync();
        var old = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.RefreshAsync(tokens.RefreshToken!));

        Assert.Multiple(() =>
        {
            Assert.That(before.Nickname, Is.EqualTo(Seed.User.Username));
            Assert.That(after.Nickname, Is.EqualTo(Seed.User.Username));
            Assert.That(counter.Unauthorized, Is.EqualTo(1), "the expired token was refused once, then the request was retried");
            Assert.That(source.RefreshCount, Is.EqualTo(1));
            Assert.That(persisted, Has.Count.EqualTo(1));
            Assert.That(persisted[0], Is.Not.EqualTo(tokens.RefreshToken));
            Assert.That(old!.Error, Is.EqualTo("invalid_grant"));
            Assert.That(source.ToString(), Does.Not.Contain(persisted[0]));
        });
    }

    [Test]
    public async Task OAuth2_RefreshTokenSource_OnTheSandboxClock_RefreshesBeforeExpiry_OnceUnderConcurrency()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var tokens = await AuthorizeAsync(flow);
        var source = new RefreshTokenSource(flow, tokens, timeProvider: _sandbox.Clock);
        var counter = new StatusCounter();
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth2(source), httpClient: h => h.AddHttpMessageHandler(() => counter));
        var client = services.Client();

        await client.Users.GetCurrentAsync();
        _sandbox.AdvanceTime(TimeSpan.FromMinutes(59.5));
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Users.GetCurrentAsync()));

        Assert.Multiple(() =>
        {
            Assert.That(users.Select(u => u.Nickname), Is.All.EqualTo(Seed.User.Username));
            Assert.That(source.RefreshCount, Is.EqualTo(1), "one refresh for 20 concurrent calls");
            Assert.That(counter.Unauthorized, Is.Zero, "renewed within the skew, before Bitbucket refused it");
        });
    }

    [Test]
    public async Task OAuth2_RevokedAccessToken_IsRefused_AndTheGrantCannotBeRefreshed()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var tokens = await AuthorizeAsync(flow);
        using var services = SandboxClients.Create(_sandbox, b => b.WithAccessToken(tokens.AccessToken));
        await services.Client().Users.GetCurrentAsync();

        Assert.That(_sandbox.RevokeToken(tokens.AccessToken!), Is.True);

        var refused = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        var refresh = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.RefreshAsync(tokens.RefreshToken!));
        Assert.Multiple(() =>
        {
            Assert.That(refused!.Error?.Message, Is.EqualTo("Access token revoked."));
            Assert.That(refresh!.Error, Is.EqualTo("invalid_grant"));
        });
    }

    [Test]
    public async Task OAuth2_RevokedGrant_SurfacesAsAuthenticationFailureThroughTheTokenSource()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var tokens = await AuthorizeAsync(flow);
        var source = new RefreshTokenSource(flow, tokens.RefreshToken!);
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth2(source));
        await services.Client().Users.GetCurrentAsync();

        _sandbox.RevokeToken(tokens.RefreshToken!);
        _sandbox.AdvanceTime(TimeSpan.FromHours(2));

        var ex = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.Error, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task OAuth2_ScopesAskedFor_LimitTheToken()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, Callback);
        var authorize = flow.GetAuthorizationUri("st", ["account", "pullrequest"]);
        var callback = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");
        var tokens = await flow.ExchangeCodeAsync(callback["code"]);
        using var services = SandboxClients.Create(_sandbox, b => b.WithAccessToken(tokens.AccessToken));

        var pr = await services.Client().PullRequests.GetAsync("analytical-engines", "difference-engine", 1);
        var ex = Assert.ThrowsAsync<BitbucketForbiddenException>(() => services.TestApi().ApproveAsync("analytical-engines", "difference-engine", 1));

        Assert.Multiple(() =>
        {
            Assert.That(tokens.Scope, Is.EqualTo("account pullrequest"));
            Assert.That(pr.Title, Is.EqualTo("Compute Bernoulli numbers"));
            Assert.That(ex!.Error!.RequiredScopes, Is.EqualTo(new[] { "pullrequest:write" }));
            Assert.That(ex.Error.GrantedScopes, Is.EqualTo(new[] { "account", "pullrequest" }));
        });
    }

    [Test]
    public async Task OAuth2_ClientCredentials_IssuesNoRefreshToken()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http);

        var tokens = await flow.GetClientCredentialsTokenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(tokens.AccessToken, Is.Not.Empty);
            Assert.That(tokens.RefreshToken, Is.Null);
            Assert.That(tokens.State, Is.EqualTo("client_credentials"));
            Assert.That(() => new RefreshTokenSource(flow, tokens), Throws.ArgumentException);
        });
    }

    [Test]
    public async Task OAuth2_JwtGrant_TradesASignedJwtForAnAccessToken()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http);
        var charles = Seed.Users[1];
        var jwt = Jwt(Seed.Consumer.Key, Seed.Consumer.Secret, charles.Username, _sandbox.Clock.GetUtcNow());

        var tokens = await flow.ExchangeJwtAsync(jwt);
        using var services = SandboxClients.Create(_sandbox, b => b.WithAccessToken(tokens.AccessToken));
        var user = await services.Client().Users.GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.Nickname, Is.EqualTo(charles.Username));
            Assert.That(tokens.RefreshToken, Is.Null);
            Assert.That(tokens.State, Is.EqualTo("urn:bitbucket:oauth2:jwt"));
        });
    }

    [TestCase("wrong-secret", 0, "Invalid JWT signature.")]
    [TestCase(null, -10, "expired")]
    public void OAuth2_JwtGrant_RefusesABadOrExpiredJwt(string? secret, int expiresInMinutes, string problem)
    {
        var flow = _sandbox.CreateOAuth2Flow(_http);
        var now = _sandbox.Clock.GetUtcNow();
        var jwt = Jwt(Seed.Consumer.Key, secret ?? Seed.Consumer.Secret, null, now.AddMinutes(expiresInMinutes - 3), TimeSpan.FromMinutes(3));

        var ex = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.ExchangeJwtAsync(jwt));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Error, Is.EqualTo("invalid_grant"));
            Assert.That(ex.ErrorDescription, Does.Contain(problem));
            Assert.That(ex.Message, Does.Not.Contain(jwt));
        });
    }

    [Test]
    public async Task OAuth2_WithOAuth2RefreshToken_RegistersTheRotatingSourceThroughAddBitbucket()
    {
        var tokens = await AuthorizeAsync(_sandbox.CreateOAuth2Flow(_http, Callback));
        var persisted = new List<string>();
        using var services = SandboxClients.Create(
            _sandbox,
            b => b.WithOAuth2RefreshToken(tokens.RefreshToken!, (t, _) =>
            {
                persisted.Add(t.RefreshToken!);
                return Task.CompletedTask;
            }),
            configure: o =>
            {
                o.OAuth2.ClientId = Seed.Consumer.Key;
                o.OAuth2.ClientSecret = Seed.Consumer.Secret;
            });

        var user = await services.Client().Users.GetCurrentAsync();
        var flow = services.CreateOAuth2Flow(redirectUri: Callback);
        var replay = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.RefreshAsync(tokens.RefreshToken!));

        Assert.Multiple(() =>
        {
            Assert.That(user.Nickname, Is.EqualTo(Seed.User.Username));
            Assert.That(persisted, Has.Count.EqualTo(1), "the first call refreshed and handed over the rotated token");
            Assert.That(flow.TokenEndpoint, Is.EqualTo(_sandbox.OAuth2TokenEndpoint));
            Assert.That(replay!.Error, Is.EqualTo("invalid_grant"));
        });
    }

    [Test]
    public void OAuth2_WithOAuth2RefreshToken_WithoutClient_FailsValidation()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth2RefreshToken("r"));

        Assert.That(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Bitbucket.BitbucketOptions>>().Get(string.Empty),
            Throws.TypeOf<Microsoft.Extensions.Options.OptionsValidationException>().With.Message.Contains("OAuth2:ClientId"));
    }

    [Test]
    public void OAuth2_AuthorizationUri_CarriesClientStateScopesAndRedirect()
    {
        var flow = _sandbox.CreateOAuth2Flow(_http, new Uri("http://localhost:5000/cb?x=1"));

        var uri = flow.GetAuthorizationUri("a b&c", ["account", "pullrequest:write"]);

        Assert.That(uri.AbsoluteUri, Is.EqualTo(_sandbox.OAuth2AuthorizeEndpoint.AbsoluteUri
            + "?client_id=" + Seed.Consumer.Key + "&response_type=code&state=a%20b%26c&scope=account%20pullrequest%3Awrite&redirect_uri=http%3A%2F%2Flocalhost%3A5000%2Fcb%3Fx%3D1"));
    }

    [Test]
    public async Task OAuth2_TokenEndpoint_AlsoAcceptsTheClientInTheForm_AsAspNetCoresOAuthHandlerSendsIt()
    {
        var authorize = _sandbox.CreateOAuth2Flow(_http, Callback).GetAuthorizationUri("st");
        var callback = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");

        using var response = await _http.PostAsync(_sandbox.OAuth2TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = callback["code"],
            ["redirect_uri"] = Callback.AbsoluteUri,
            ["client_id"] = Seed.Consumer.Key,
            ["client_secret"] = Seed.Consumer.Secret,
        }));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.RootElement.GetProperty("token_type").GetString(), Is.EqualTo("bearer"));
            Assert.That(json.RootElement.GetProperty("refresh_token").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task OAuth1_OutOfBand_ShowsTheVerifierOnThePage()
    {
        var flow = _sandbox.CreateOAuth1Flow(_http);
        var requestToken = await flow.GetRequestTokenAsync(null);
        var authorize = flow.GetAuthorizationUri(requestToken);
        var page = await _browser.GetPageAsync(authorize);

        using var approve = new HttpClient();
        using var response = await approve.PostAsync(new Uri(authorize, "/api/1.0/oauth/authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["oauth_token"] = requestToken.Token,
            ["decision"] = "approve",
        }));
        var html = await response.Content.ReadAsStringAsync();
        var verifier = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"verifier\">([^<]+)</code>").Groups[1].Value;
        var access = await flow.GetAccessTokenAsync(requestToken, verifier);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("id=\"approve\""));
            Assert.That(verifier, Is.Not.Empty);
            Assert.That(access.Token, Is.Not.Empty);
        });
    }

    private static string Jwt(string issuer, string secret, string? subject, DateTimeOffset issuedAt, TimeSpan? lifetime = null)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = (issuedAt + (lifetime ?? TimeSpan.FromMinutes(3))).ToUnixTimeSeconds(),
        };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        var payload = B64(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private async Task<OAuth2TokenResponse> AuthorizeAsync(OAuth2Flow flow)
    {
        var authorize = flow.GetAuthorizationUri("state-1");
        var callback = await _browser.SubmitAsync(authorize, await _browser.GetPageAsync(authorize), "approve");
        return await flow.ExchangeCodeAsync(callback["code"]);
    }

    /// <summary>Counts the 401 answers that reach the auth handler.</summary>
    private sealed class StatusCounter : DelegatingHandler
    {
        private int _unauthorized;

        public int Unauthorized => _unauthorized;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Interlocked.Increment(ref _unauthorized);
            }

            return response;
        }
    }
}
