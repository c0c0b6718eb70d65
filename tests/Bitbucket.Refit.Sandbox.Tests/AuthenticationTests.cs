using System.Net;
using System.Net.Http.Headers;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bitbucket.Sandbox.Tests;

/// <summary>Each authentication scheme of the client against the sandbox, through <c>AddBitbucket</c>.</summary>
public sealed class AuthenticationTests
{
    private BitbucketSandbox _sandbox = null!;

    private SandboxSeed Seed => _sandbox.Seed;

    [SetUp]
    public async Task SetUp() => _sandbox = await BitbucketSandbox.StartAsync();

    [TearDown]
    public async Task TearDown() => await _sandbox.DisposeAsync();

    [Test]
    public async Task Basic_WithEmailAndApiToken_ReadsUserWorkspacesAndRepositories()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.AsUser(Seed.User));
        var client = services.Client();

        var user = await client.Users.GetCurrentAsync();
        var workspace = await client.Workspaces.GetAsync("analytical-engines");
        var repositories = await services.TestApi().ListRepositories("analytical-engines").ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.Type, Is.EqualTo("user"));
            Assert.That(workspace.Slug, Is.EqualTo("analytical-engines"));
            Assert.That(repositories.Select(r => r.FullName), Is.EquivalentTo(new[] { "analytical-engines/difference-engine", "analytical-engines/notes" }));
        });
    }

    [Test]
    public async Task Basic_WithTheUsernameInsteadOfTheEmail_IsRefused()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.WithBasicAuthentication(Seed.User.Username, Seed.User.ApiToken));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.Error?.Message, Does.Contain("e-mail"));
    }

    [Test]
    public void Basic_WithAWrongToken_IsRefused()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.WithBasicAuthentication(Seed.User.Email, "not-the-token"));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void Bearer_WithAnApiToken_IsRefused()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.WithAccessToken(Seed.User.ApiToken));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.Error?.Message, Does.Contain("Basic"));
    }

    [Test]
    public async Task Bearer_AccessTokenWithoutPullRequestWrite_Gets403WithRequiredAndGrantedScopes()
    {
        var readOnly = Seed.AccessTokens.Single(t => t.Name == "read-only");
        using var services = SandboxClients.Create(_sandbox, b => b.WithAccessToken(readOnly.Token));
        var api = services.TestApi();

        var open = await api.ListPullRequests("analytical-engines", "difference-engine").ToListAsync();
        var ex = Assert.ThrowsAsync<BitbucketForbiddenException>(() => api.ApproveAsync("analytical-engines", "difference-engine", open[0].Id!.Value));

        Assert.Multiple(() =>
        {
            Assert.That(open, Has.Count.EqualTo(2));
            Assert.That(ex!.Error!.RequiredScopes, Is.EqualTo(new[] { "pullrequest:write" }));
            Assert.That(ex.Error.GrantedScopes, Is.EquivalentTo(readOnly.Scopes));
            Assert.That(ex.Error.Message, Does.Contain("scopes"));
        });
    }

    [Test]
    public async Task Bearer_AccessTokenWithPullRequestWrite_MayApprove()
    {
        var readWrite = Seed.AccessTokens.Single(t => t.Name == "read-write");
        using var services = SandboxClients.Create(_sandbox, b => b.WithAccessToken(readWrite.Token));

        var participant = await services.TestApi().ApproveAsync("analytical-engines", "difference-engine", 2);

        Assert.That(participant.Approved, Is.True);
    }

    [Test]
    public async Task Anonymous_CanReadAPublicRepositoryButNotThePrivateOnesOrTheUser()
    {
        using var services = SandboxClients.Create(_sandbox, _ => { });

        var repositories = await services.TestApi().ListRepositories("analytical-engines").ToListAsync();

        Assert.That(repositories.Select(r => r.Name), Is.EqualTo(new[] { "Notes" }));
        Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
    }

    [Test]
    public async Task OAuth1_OneLegged_ActsAsTheConsumerOwnerAndSignsQueries()
    {
        var consumer = Seed.Consumer;
        using var services = SandboxClients.Create(
            _sandbox,
            b => b.WithOAuth1(consumer.Key, consumer.Secret),
            s => s.AddSingleton<TimeProvider>(_sandbox.Clock));
        var client = services.Client();

        var user = await client.Users.GetCurrentAsync();
        var emails = await client.Users.ListEmails(new ListOptions { PageLength = 5, Query = "is_primary = true" }).ToListAsync();
        var commits = await services.TestApi().ListCommits("analytical-engines", "difference-engine", new ListOptions { PageLength = 7 }).ToListAsync();
        var byUuid = await client.Users.GetAsync(user.Uuid!);

        Assert.Multiple(() =>
        {
            Assert.That(user.Nickname, Is.EqualTo(consumer.Owner));
            Assert.That(byUuid.Nickname, Is.EqualTo(consumer.Owner), "a path with escaped braces signs and verifies alike");
            Assert.That(emails.Single().Email, Is.EqualTo(Seed.User.Email));
            Assert.That(commits, Has.Count.EqualTo(24), "every page request signed anew, query included");
        });
    }

    [Test]
    public void OAuth1_TamperedSignature_IsRefused()
    {
        var consumer = Seed.Consumer;
        using var services = SandboxClients.Create(
            _sandbox,
            b => b.WithOAuth1(consumer.Key, consumer.Secret),
            httpClient: h => h.AddHttpMessageHandler(() => new RewriteAuthorization(header => header.Replace("oauth_signature=\"", "oauth_signature=\"x", StringComparison.Ordinal))));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.Error?.Message, Is.EqualTo("Invalid OAuth signature."));
    }

    [Test]
    public void OAuth1_SignatureOfAnotherQuery_IsRefused()
    {
        var consumer = Seed.Consumer;
        using var services = SandboxClients.Create(
            _sandbox,
            b => b.WithOAuth1(consumer.Key, consumer.Secret),
            httpClient: h => h.AddHttpMessageHandler(() => new RewriteUri(uri => new Uri(uri.AbsoluteUri.Replace("pagelen=5", "pagelen=6", StringComparison.Ordinal)))));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(async () =>
            await services.Client().Users.ListEmails(new ListOptions { PageLength = 5 }).ToListAsync());
        Assert.That(ex!.Error?.Message, Is.EqualTo("Invalid OAuth signature."));
    }

    [Test]
    public async Task OAuth1_ReusedNonce_IsRefused()
    {
        var consumer = Seed.Consumer;
        var replay = new ReplayOnce();
        using var services = SandboxClients.Create(
            _sandbox,
            b => b.WithOAuth1(consumer.Key, consumer.Secret),
            httpClient: h => h.AddHttpMessageHandler(() => replay));

        var user = await services.Client().Users.GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.Nickname, Is.EqualTo(consumer.Owner), "the first use of the signature passes");
            Assert.That(replay.ReplayStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(replay.ReplayBody, Does.Contain("nonce already used"));
        });
    }

    [Test]
    public void OAuth1_StaleTimestamp_IsRefused()
    {
        var consumer = Seed.Consumer;
        var clientClock = new FakeTimeProvider(_sandbox.Clock.GetUtcNow() - TimeSpan.FromMinutes(6));
        using var services = SandboxClients.Create(
            _sandbox,
            b => b.WithOAuth1(consumer.Key, consumer.Secret),
            s => s.AddSingleton<TimeProvider>(clientClock));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.Error?.Message, Does.Contain("timestamp is stale"));
    }

    [Test]
    public void OAuth1_UnknownConsumer_IsRefused()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth1("unknown-key", Seed.Consumer.Secret));

        var ex = Assert.ThrowsAsync<BitbucketUnauthorizedException>(() => services.Client().Users.GetCurrentAsync());
        Assert.That(ex!.Error?.Message, Does.Contain("consumer"));
    }

    [Test]
    public async Task OAuth2_ClientCredentials_ActsAsTheConsumerOwner()
    {
        var consumer = Seed.Consumer;
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth2ClientCredentials(consumer.Key, consumer.Secret));

        var user = await services.Client().Users.GetCurrentAsync();
        var again = await services.Client().Users.GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.Nickname, Is.EqualTo(consumer.Owner));
            Assert.That(again.Nickname, Is.EqualTo(consumer.Owner));
        });
    }

    [Test]
    public void OAuth2_ClientCredentials_WithAWrongSecret_FailsWithInvalidClient()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.WithOAuth2ClientCredentials(Seed.Consumer.Key, "wrong"));

        var ex = Assert.ThrowsAsync<BitbucketAuthenticationException>(() => services.Client().Users.GetCurrentAsync());
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Error, Is.EqualTo("invalid_client"));
            Assert.That(ex.Message, Does.Not.Contain("wrong"));
        });
    }

    [Test]
    public void Errors_FollowBitbucketsEnvelopeAndStatus()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.AsUser(Seed.User));
        var client = services.Client();

        Assert.Multiple(() =>
        {
            var notFound = Assert.ThrowsAsync<BitbucketNotFoundException>(() => client.PullRequests.GetAsync("analytical-engines", "no-such-repo", 1));
            Assert.That(notFound!.Error?.Message, Is.EqualTo("Repository analytical-engines/no-such-repo not found"));
            var noPr = Assert.ThrowsAsync<BitbucketNotFoundException>(() => client.PullRequests.GetAsync("analytical-engines", "difference-engine", 99));
            Assert.That(noPr!.Error?.Message, Does.Contain("99"));
            var noWorkspace = Assert.ThrowsAsync<BitbucketNotFoundException>(() => client.Workspaces.GetAsync("nowhere"));
            Assert.That(noWorkspace!.Error?.Message, Does.Contain("nowhere"));
        });
    }

    [Test]
    public async Task Users_OtherThanTheWorkspaceMembers_CannotSeePrivateRepositories()
    {
        using var services = SandboxClients.Create(_sandbox, b => b.AsUser(Seed.Users[1]));

        var ex = Assert.ThrowsAsync<BitbucketForbiddenException>(() => services.Client().PullRequests.GetAsync("ada", "poetical-science", 1));
        var workspaces = await services.TestApi().ListWorkspaces().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(workspaces.Select(w => w.Workspace!.Slug), Is.EqualTo(new[] { "analytical-engines" }));
        });
    }

    /// <summary>Rewrites the Authorization header after signing, as a man in the middle would.</summary>
    private sealed class RewriteAuthorization(Func<string, string> rewrite) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = request.Headers.Authorization!;
            request.Headers.Authorization = new AuthenticationHeaderValue(header.Scheme, rewrite(header.Parameter!));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Changes the URI after signing.</summary>
    private sealed class RewriteUri(Func<Uri, Uri> rewrite) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = rewrite(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Sends the first signed request a second time, unchanged, and records the answer to the replay.</summary>
    private sealed class ReplayOnce : DelegatingHandler
    {
        public HttpStatusCode? ReplayStatus { get; private set; }

        public string? ReplayBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (ReplayStatus is null)
            {
                using var copy = new HttpRequestMessage(request.Method, request.RequestUri);
                copy.Headers.Authorization = request.Headers.Authorization;
                using var replayed = await base.SendAsync(copy, cancellationToken);
                ReplayStatus = replayed.StatusCode;
                ReplayBody = await replayed.Content.ReadAsStringAsync(cancellationToken);
            }

            return response;
        }
    }
}
