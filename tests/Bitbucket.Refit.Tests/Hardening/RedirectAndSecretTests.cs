using System.Net;
using System.Text;
using System.Text.Json;
using Bitbucket;
using Bitbucket.Authentication;
using Bitbucket.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitbucket.Tests.Hardening;

/// <summary>
/// Issue 18, findings 4 to 8: echoed secrets are removed from every message, pre-signed URLs are redacted, redirects
/// never move a body or a credential to another origin (127.0.0.2 stands for it), token endpoints are never
/// redirected, secret-receiving endpoints need https, and their answers are bounded.
/// </summary>
[Category("Security")]
public sealed class RedirectAndSecretTests
{
    private const string Token = "bb-access-Zx81_Qm2-token-value";
    private const string Password = "ATATT3xFfGF0-api-token-9f8e7d";
    private const string RefreshToken = "rt-Kq2ZL0sYw9-refresh";
    private const string ClientSecret = "cs-7YtBnM3vQ-client-secret";

    private static ServiceProvider Services(Uri baseAddress, Action<IBitbucketBuilder> authenticate, Action<BitbucketOptions>? configure = null, CapturingLoggerProvider? logs = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        var builder = collection.AddBitbucket(o =>
        {
            o.BaseAddress = baseAddress;
            o.Resilience.Enabled = false;
            configure?.Invoke(o);
        });
        authenticate(builder);
        return collection.BuildServiceProvider();
    }

    private static string Echo(ScriptedRequest request) => request.Header("Authorization") ?? string.Empty;

    [TestCase("text")]
    [TestCase("envelope")]
    public async Task EchoedBearerToken_IsInNoMessageExcerptOrError(string shape)
    {
        using var server = new ScriptedServer((request, stream, _) => shape == "text"
            ? ScriptedServer.WriteAsync(stream, 400, "text/plain", "Bad request. You sent: Authorization: " + Echo(request))
            : ScriptedServer.WriteAsync(stream, 400, "application/json", JsonSerializer.Serialize(new { type = "error", error = new { message = "Token " + Token + " is malformed", detail = "header was " + Echo(request) } })));
        await using var services = Services(server.BaseAddress, b => b.WithAccessToken(Token));

        var failure = Assert.ThrowsAsync<BitbucketApiException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        var everything = failure!.ToString() + failure.Details.ResponseExcerpt + failure.Details.Error?.Message + failure.Details.Error?.Detail;
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer " + Token), "the server did get the token to echo");
            Assert.That(everything, Does.Not.Contain(Token));
            Assert.That(everything, Does.Contain("***"));
        });
    }

    [Test]
    public async Task EchoedBasicHeader_AndItsPassword_AreInNoMessage()
    {
        using var server = new ScriptedServer((request, stream, _) =>
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Echo(request)["Basic ".Length..]));
            return ScriptedServer.WriteAsync(stream, 400, "application/json",
                JsonSerializer.Serialize(new { error = new { message = "bad " + Echo(request), detail = "credentials " + decoded + " / " + Uri.EscapeDataString(Password) } }));
        });
        await using var services = Services(server.BaseAddress, b => b.WithBasicAuthentication("ann@example.com", Password));

        var failure = Assert.ThrowsAsync<BitbucketApiException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("ann@example.com:" + Password));
        var everything = failure!.ToString() + failure.Details.ResponseExcerpt + failure.Details.Error?.Message + failure.Details.Error?.Detail;
        Assert.Multiple(() =>
        {
            Assert.That(everything, Does.Not.Contain(base64));
            Assert.That(everything, Does.Not.Contain(Password));
            Assert.That(everything, Does.Not.Contain(Uri.EscapeDataString(Password)));
            Assert.That(everything, Does.Contain("ann@example.com"), "the user name is not a secret and stays");
        });
    }

    [Test]
    public async Task TokenEndpointEchoingTheClientsBasicHeader_AndTheRefreshToken_LeaksNeither()
    {
        using var server = new ScriptedServer((request, stream, _) => ScriptedServer.WriteAsync(stream, 400, "application/json",
            JsonSerializer.Serialize(new { error = "invalid_grant", error_description = $"grant {request.Body} with {Echo(request)} refused" })));
        await using var services = Services(server.BaseAddress, b => b.WithOAuth2RefreshToken(RefreshToken), o =>
        {
            o.OAuth2.ClientId = "client-id";
            o.OAuth2.ClientSecret = ClientSecret;
            o.OAuth2.TokenEndpoint = new Uri(server.Origin + "/site/oauth2/access_token");
        });

        var failure = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:" + ClientSecret));
        var everything = failure!.ToString() + failure.ErrorDescription + failure.Error;
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Single().Body, Does.Contain(RefreshToken), "the endpoint did get the refresh token to echo");
            Assert.That(everything, Does.Not.Contain(RefreshToken));
            Assert.That(everything, Does.Not.Contain(base64));
            Assert.That(failure.Error, Is.EqualTo("invalid_grant"));
        });
    }

    [Test]
    public async Task PreSignedDownloadUrl_IsRedacted_InTheExceptionAndTheLogs()
    {
        using var storage = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 403, "application/xml", "<Error><Code>AccessDenied</Code></Error>"), "127.0.0.2");
        var presigned = storage.Origin + "/bucket/file.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261203&X-Amz-Security-Token=sessTOKENvalue&X-Amz-Signature=5ig4ture0f&Signature=cfSig99&sig=azSig77&api_key=k3y";
        using var api = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 302, null, string.Empty, ("Location", presigned)));
        var logs = new CapturingLoggerProvider();
        await using var services = Services(api.BaseAddress, b => b.WithAccessToken(Token), logs: logs);

        var failure = Assert.ThrowsAsync<BitbucketForbiddenException>(() => services.GetRequiredService<IDownloadsApi>().DownloadAsync("w", "r", "file.zip"));

        var text = failure!.ToString() + string.Join('\n', logs.Entries);
        Assert.Multiple(() =>
        {
            Assert.That(storage.Requests.Single().Header("Authorization"), Is.Null, "no credential to the storage host");
            foreach (var secret in new[] { "AKIAEXAMPLE", "sessTOKENvalue", "5ig4ture0f", "cfSig99", "azSig77", "k3y" })
            {
                Assert.That(text, Does.Not.Contain(secret), secret);
            }

            Assert.That(failure.Details.RequestUri!.Host, Is.EqualTo("127.0.0.2"));
        });
    }

    [TestCase("https://h/x?api_key=S1", "https://h/x?api_key=***")]
    [TestCase("https://h/x?apikey=S1&page=2", "https://h/x?apikey=***&page=2")]
    [TestCase("https://h/x?key=S1", "https://h/x?key=***")]
    [TestCase("https://h/x?client_assertion=S1", "https://h/x?client_assertion=***")]
    [TestCase("https://h/x?id_token=S1", "https://h/x?id_token=***")]
    [TestCase("https://h/cb#access_token=S1&state=x", "https://h/cb")]
    [TestCase("https://h/x;access_token=S1", "https://h/x;access_token=***")]
    [TestCase("https://h/x?access_token[]=S1", "https://h/x?access_token[]=***")]
    [TestCase("https://h/x?ACCESS_TOKEN=S1", "https://h/x?ACCESS_TOKEN=***")]
    [TestCase("https://h/x?X-Amz-Signature=S1&X-Amz-Date=20261203", "https://h/x?X-Amz-Signature=***&X-Amz-Date=20261203")]
    public void SecretRedactor_RedactsEveryKnownSecretBearingPartOfAUrl(string url, string expected) =>
        Assert.That(Uri.UnescapeDataString(SecretRedactor.RedactUrl(new Uri(url))!.ToString()), Is.EqualTo(expected));

    [Test]
    public async Task TokenEndpoint307ToAnotherHost_IsNotFollowed_AndItsTokensAreNeverUsed()
    {
        using var thief = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 200, "application/json",
            """{"access_token":"stolen","refresh_token":"attacker-held","expires_in":3600}"""), "127.0.0.2");
        using var server = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 307, null, string.Empty, ("Location", thief.Origin + "/token")));
        await using var services = Services(server.BaseAddress, b => b.WithOAuth2RefreshToken(RefreshToken), o =>
        {
            o.OAuth2.ClientId = "client-id";
            o.OAuth2.ClientSecret = ClientSecret;
            o.OAuth2.TokenEndpoint = new Uri(server.Origin + "/site/oauth2/access_token");
        });

        var failure = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("redirected"));
            Assert.That(thief.Requests, Is.Empty, "the refresh token never left for the other host");
            Assert.That(server.Requests.Select(r => r.Target), Has.None.StartsWith("/2.0/"), "no API call was made");
        });
    }

    [Test]
    public async Task FlowOnAClientThatFollowsRedirects_RefusesTheOtherHostsTokens()
    {
        using var thief = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 200, "application/json",
            """{"access_token":"stolen","refresh_token":"attacker-held","expires_in":3600}"""), "127.0.0.2");
        using var server = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 307, null, string.Empty, ("Location", thief.Origin + "/token")));
        using var http = new HttpClient(); // follows redirects: the flow cannot stop the body, but never uses the answer
        var flow = new OAuth2Flow(http, new BitbucketOptions().OAuth2.With(server.Origin, ClientSecret));

        var failure = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => flow.RefreshAsync(RefreshToken));

        Assert.That(failure!.Message, Does.Contain("redirected"));
    }

    [Test]
    public async Task ApiPost307ToAnotherOrigin_DoesNotMoveTheBody()
    {
        using var other = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 201, "application/json", "{}"), "127.0.0.2");
        using var api = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 307, null, string.Empty, ("Location", other.Origin + "/collect")));
        await using var services = Services(api.BaseAddress, b => b.WithAccessToken(Token));

        var failure = Assert.ThrowsAsync<BitbucketApiException>(() => services.GetRequiredService<IPipelinesApi>()
            .CreateVariableAsync("w", "r", new Bitbucket.Models.PipelineVariable { Key = "DEPLOY_KEY", Value = "secured-value", Secured = true }));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(other.Requests, Is.Empty, "the secured variable stayed home");
        });
    }

    [Test]
    public async Task ForeignHop_SendingTheClientBackToTheBitbucketOrigin_GetsNoCredential()
    {
        ScriptedServer? api = null;
        using var foreign = new ScriptedServer((_, stream, _) => ScriptedServer.WriteAsync(stream, 302, null, string.Empty, ("Location", api!.Origin + "/2.0/user/emails")), "127.0.0.2");
        api = new ScriptedServer((request, stream, _) => request.Target.StartsWith("/2.0/repositories", StringComparison.Ordinal)
            ? ScriptedServer.WriteAsync(stream, 302, null, string.Empty, ("Location", foreign.Origin + "/file"))
            : ScriptedServer.WriteAsync(stream, 200, "application/octet-stream", "data"));
        using (api)
        {
            await using var services = Services(api.BaseAddress, b => b.WithAccessToken(Token));

            await using var download = await services.GetRequiredService<IDownloadsApi>().DownloadAsync("w", "r", "f");

            var requests = api.Requests.ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(requests, Has.Length.EqualTo(2));
                Assert.That(requests[0].Header("Authorization"), Is.EqualTo("Bearer " + Token));
                Assert.That(requests[1].Target, Is.EqualTo("/2.0/user/emails"));
                Assert.That(requests[1].Header("Authorization"), Is.Null, "a hop steered by another origin is not authenticated");
                Assert.That(foreign.Requests.Single().Header("Authorization"), Is.Null);
            });
        }
    }

    [Test]
    public void PlainHttpTokenEndpoints_AreRefused_ByEveryFlow()
    {
        using var http = new HttpClient();
        var insecure = new Uri("http://auth.example.com/site/oauth2/access_token");
        Assert.Multiple(() =>
        {
            Assert.That(() => new OAuth2Flow(http, new OAuth2ClientOptions { ClientId = "c", ClientSecret = ClientSecret, TokenEndpoint = insecure }),
                Throws.ArgumentException.With.Message.Contains("must use https"));
            Assert.That(() => new OAuth2Flow(http, new OAuth2ClientOptions { ClientId = "c", ClientSecret = ClientSecret, AuthorizationEndpoint = new Uri("http://auth.example.com/authorize") }),
                Throws.ArgumentException.With.Message.Contains("must use https"));
            Assert.That(() => new OAuth1Flow(http, "key", "secret", new OAuth1Endpoints(new Uri("http://bb.example.com/rt"), new Uri("https://bb.example.com/a"), new Uri("https://bb.example.com/at"))),
                Throws.ArgumentException.With.Message.Contains("must use https"));
            Assert.That(() => new OAuth2Flow(http, new OAuth2ClientOptions { ClientId = "c", ClientSecret = ClientSecret, TokenEndpoint = new Uri("http://127.0.0.1:9/token") }),
                Throws.Nothing, "loopback stays allowed (sandbox, tests)");
        });

        var services = new ServiceCollection();
        services.AddBitbucket(o =>
        {
            o.OAuth2.ClientId = "c";
            o.OAuth2.ClientSecret = ClientSecret;
            o.OAuth2.TokenEndpoint = insecure;
            o.AllowInsecureHttp = true; // does not cover secret-receiving endpoints
        }).WithOAuth2RefreshToken(RefreshToken);
        using var provider = services.BuildServiceProvider();
        Assert.That(() => provider.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(Options.DefaultName),
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("https"));
    }

    [Test]
    public async Task TokenEndpointAnswer_IsBounded()
    {
        // Before: a 256 MiB answer allocated 1.86 GiB.
        using var server = new ScriptedServer(async (_, stream, _) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, 200, "application/json");
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
            for (var i = 0; i < 1024; i++)
            {
                await stream.WriteAsync(chunk);
            }
        });
        await using var services = Services(server.BaseAddress, b => b.WithOAuth2ClientCredentials("client-id", ClientSecret), o =>
            o.OAuth2.TokenEndpoint = new Uri(server.Origin + "/site/oauth2/access_token"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var failure = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("larger than"));
            Assert.That(allocated, Is.LessThan(16L * 1024 * 1024));
        });
    }

    /// <summary>
    /// For random secrets echoed back at random positions, in random forms (raw, URL-encoded, JSON-escaped, as the
    /// Basic header), no exception text, excerpt, parsed error field or log line contains the secret.
    /// </summary>
    [Test]
    public void Property_NoEchoedSecret_ReachesAMessageOrALogLine()
    {
        var echo = new EchoCase(string.Empty, 0, 0);
        using var server = new ScriptedServer((request, stream, _) =>
        {
            var current = Volatile.Read(ref echo);
            var header = request.Header("Authorization") ?? string.Empty;
            var secretForm = current.Form switch
            {
                0 => current.Secret,
                1 => Uri.EscapeDataString(current.Secret),
                2 => JsonEncodedText.Encode(current.Secret).ToString(),
                _ => header,
            };
            var padding = new string('x', current.Position);
            var body = current.Position % 2 == 0
                ? JsonSerializer.Serialize(new { type = "error", error = new { message = padding + secretForm, detail = secretForm + padding, fields = new { token = new[] { secretForm } } } })
                : padding + " echo: " + secretForm + " :end";
            return ScriptedServer.WriteAsync(stream, 400, current.Position % 2 == 0 ? "application/json" : "text/plain", body);
        });

        var secrets = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/=!$&'()*,;:@%".ToCharArray())
            .ArrayOf().Where(a => a.Length is >= 8 and <= 48).Select(a => new string(a));
        var cases = from secret in secrets
                    from position in Gen.Choose(0, 600)
                    from form in Gen.Choose(0, 3)
                    from basic in Gen.Elements(true, false)
                    select (Secret: secret, Position: position, Form: form, Basic: basic);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            Volatile.Write(ref echo, new EchoCase(c.Secret, c.Position, c.Form));
            var logs = new CapturingLoggerProvider();
            using var services = Services(server.BaseAddress, b =>
            {
                if (c.Basic)
                {
                    b.WithBasicAuthentication("ann@example.com", c.Secret);
                }
                else
                {
                    b.WithAccessToken(c.Secret);
                }
            }, logs: logs);
            var failure = Assert.ThrowsAsync<BitbucketApiException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync())!;
            var text = string.Join('\n', failure.ToString(), failure.Details.ResponseExcerpt, failure.Details.Error?.Message, failure.Details.Error?.Detail,
                string.Join(",", failure.Details.Error?.Fields?.Values.Select(v => v.ToString()) ?? []), string.Join('\n', logs.Entries));
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("ann@example.com:" + c.Secret));
            return !text.Contains(c.Secret, StringComparison.Ordinal) && !text.Contains(basic, StringComparison.Ordinal)
                && !text.Contains(Uri.EscapeDataString(c.Secret), StringComparison.Ordinal);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    private sealed record EchoCase(string Secret, int Position, int Form);
}

internal static class OAuth2ClientOptionsTestExtensions
{
    public static OAuth2ClientOptions With(this OAuth2ClientOptions options, string origin, string secret)
    {
        options.ClientId = "client-id";
        options.ClientSecret = secret;
        options.TokenEndpoint = new Uri(origin + "/site/oauth2/access_token");
        return options;
    }
}
