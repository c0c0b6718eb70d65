using System.Diagnostics;
using System.Net;
using System.Text;
using Bitbucket.Sandbox.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Sandbox;

/// <summary>
/// An in-process, stateful Bitbucket Cloud: an ASP.NET Core minimal-API server on Kestrel, bound to 127.0.0.1 on a free
/// port, serving the REST API 2.0 under <see cref="ApiBaseAddress"/> (workspaces, projects, repositories, branches,
/// tags, commits, pull requests, build statuses, pipelines, webhooks) and Bitbucket's OAuth 1.0a and OAuth 2
/// endpoints, with Bitbucket's authentication rules. State lives in memory and starts from a <see cref="SandboxSeed"/>.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await BitbucketSandbox.StartAsync();
/// services.AddBitbucket(o => o.UseSandbox(sandbox))
///         .WithBasicAuthentication(sandbox.Seed.User.Email, sandbox.Seed.User.ApiToken);
/// </code>
/// </example>
public sealed class BitbucketSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly State _state;
    private readonly SandboxApi _api;
    private readonly WebhookDispatcher _webhooks;
    private readonly Timer _ticker;
    private int _disposed;

    private BitbucketSandbox(WebApplication app, State state, SandboxApi api, WebhookDispatcher webhooks, SandboxSeed seed, SandboxClock clock, Uri address, TimeSpan startupTime)
    {
        _app = app;
        _state = state;
        _api = api;
        _webhooks = webhooks;
        Seed = seed;
        Clock = clock;
        Address = address;
        StartupTime = startupTime;
        _ticker = new Timer(static s => ((SandboxApi)s!).Tick(), api, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Gets the root address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Gets the REST API 2.0 base address, <c>{Address}2.0/</c>.</summary>
    public Uri ApiBaseAddress => new(Address, "2.0/");

    /// <summary>Gets the OAuth 2 authorize page, <c>{Address}site/oauth2/authorize</c>.</summary>
    public Uri OAuth2AuthorizeEndpoint => new(Address, "site/oauth2/authorize");

    /// <summary>Gets the OAuth 2 token endpoint, <c>{Address}site/oauth2/access_token</c>.</summary>
    public Uri OAuth2TokenEndpoint => new(Address, "site/oauth2/access_token");

    /// <summary>Gets the OAuth 1.0a request-token endpoint, <c>{Address}api/1.0/oauth/request_token</c>.</summary>
    public Uri OAuth1RequestTokenEndpoint => new(Address, "api/1.0/oauth/request_token");

    /// <summary>Gets the OAuth 1.0a authorize page, <c>{Address}api/1.0/oauth/authorize</c> (Bitbucket's
    /// <c>authenticate</c> path is served too).</summary>
    public Uri OAuth1AuthorizeEndpoint => new(Address, "api/1.0/oauth/authorize");

    /// <summary>Gets the OAuth 1.0a access-token endpoint, <c>{Address}api/1.0/oauth/access_token</c>.</summary>
    public Uri OAuth1AccessTokenEndpoint => new(Address, "api/1.0/oauth/access_token");

    /// <summary>Gets the three OAuth 1.0a endpoints, for <see cref="Authentication.OAuth1Flow"/>.</summary>
    public Authentication.OAuth1Endpoints OAuth1Endpoints => new(OAuth1RequestTokenEndpoint, OAuth1AuthorizeEndpoint, OAuth1AccessTokenEndpoint);

    /// <summary>Gets the seed the sandbox started from (its users, tokens and consumers are the credentials to use).</summary>
    public SandboxSeed Seed { get; }

    /// <summary>
    /// Gets the sandbox's clock: the system time plus whatever <see cref="AdvanceTime"/> added. Access tokens expire,
    /// OAuth 1 timestamps are checked and pipelines progress by this clock. Give it to the client's container
    /// (<c>services.AddSingleton&lt;TimeProvider&gt;(sandbox.Clock)</c>) to keep both sides in step.
    /// </summary>
    public SandboxClock Clock { get; }

    /// <summary>Gets how long <see cref="StartAsync"/> took, from building the host to listening.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Gets the API operations the sandbox serves, as <c>METHOD /route</c> (routes relative to <c>/2.0</c>).</summary>
    public IReadOnlyList<string> Operations => _api.Operations;

    /// <summary>Gets every webhook delivery attempted so far, oldest first.</summary>
    public IReadOnlyList<SandboxWebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>Starts a sandbox on 127.0.0.1 and a free port.</summary>
    /// <param name="seed">The initial state; <see cref="SandboxSeed.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop.</returns>
    public static async Task<BitbucketSandbox> StartAsync(SandboxSeed? seed = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        seed ??= SandboxSeed.Default;
        Validate(seed);
        var clock = new SandboxClock();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(BitbucketSandbox).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var state = new State(seed, clock, new Uri("http://127.0.0.1/"));
        var map = new Mapper(state);
        var webhooks = new WebhookDispatcher(state, map);
        var authenticator = new Authenticator(state);
        var api = new SandboxApi(state, map, webhooks);

        app.UseRouting();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/2.0", StringComparison.Ordinal))
            {
                var (caller, error) = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
                if (error is not null)
                {
                    await SandboxHttp.Error(context, StatusCodes.Status401Unauthorized, error).ConfigureAwait(false);
                    return;
                }

                context.Items[typeof(Caller)] = caller;
                if (context.GetEndpoint() is null)
                {
                    await SandboxHttp.NotFound(context, $"Resource not found: {context.Request.Method} {context.Request.Path}").ConfigureAwait(false);
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });

        new OAuthEndpoints(state, authenticator).Map(app);
        api.Map(app);
        app.MapGet("/", context => HomePageAsync(context, state, seed));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var address = new Uri(listening.EndsWith('/') ? listening : listening + "/");
        state.SetAddress(address);
        stopwatch.Stop();
        return new BitbucketSandbox(app, state, api, webhooks, seed, clock, address, stopwatch.Elapsed);
    }

    /// <summary>Moves the sandbox clock forward: access tokens expire, pipelines progress, OAuth 1 timestamps age.</summary>
    /// <param name="delta">How far; must not be negative.</param>
    public void AdvanceTime(TimeSpan delta)
    {
        Clock.Advance(delta);
        _api.Tick();
    }

    /// <summary>
    /// Revokes a credential the sandbox issued or was seeded with: an OAuth 2 access or refresh token (revoking one
    /// revokes the whole authorization: every access and refresh token issued from the same code, across refreshes), an access token, or an OAuth 1
    /// access token. Requests that use it then get 401.
    /// </summary>
    /// <param name="token">The token value.</param>
    /// <returns>Whether a credential was found.</returns>
    public bool RevokeToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_state.Gate)
        {
            var found = false;
            string? grant = null;
            if (_state.Tokens.TryGetValue(token, out var access))
            {
                access.Revoked = true;
                found = true;
                grant = access.Grant;
            }

            if (_state.RefreshTokens.TryGetValue(token, out var refreshToken))
            {
                refreshToken.Revoked = true;
                found = true;
                grant = refreshToken.Grant;
            }

            if (grant is not null)
            {
                foreach (var issued in _state.Tokens.Values.Where(t => t.Grant == grant))
                {
                    issued.Revoked = true;
                }

                foreach (var refresh in _state.RefreshTokens.Values.Where(t => t.Grant == grant))
                {
                    refresh.Revoked = true;
                }
            }

            if (_state.OAuth1AccessTokens.TryGetValue(token, out var oauth1))
            {
                oauth1.Revoked = true;
                found = true;
            }

            return found;
        }
    }

    /// <summary>Waits until every webhook delivery started so far has finished.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the deliveries are done.</returns>
    public Task WaitForWebhookDeliveriesAsync(CancellationToken cancellationToken = default) =>
        _webhooks.DrainAsync().WaitAsync(cancellationToken);

    /// <summary>Stops the server and waits for pending webhook deliveries.</summary>
    /// <returns>A task that completes when the sandbox has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _ticker.DisposeAsync().ConfigureAwait(false);
        await _webhooks.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"BitbucketSandbox {{ Address = {Address} }}";

    private static void Validate(SandboxSeed seed)
    {
        if (seed.Users.Count == 0)
        {
            throw new ArgumentException("The seed needs at least one user.", nameof(seed));
        }

        if (seed.Users.Select(u => u.Username).Distinct(StringComparer.OrdinalIgnoreCase).Count() != seed.Users.Count
            || seed.Users.Select(u => u.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count() != seed.Users.Count)
        {
            throw new ArgumentException("Usernames and e-mails must be unique in the seed.", nameof(seed));
        }

        foreach (var consumer in seed.Consumers)
        {
            if (!seed.Users.Any(u => string.Equals(u.Username, consumer.Owner, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The owner '{consumer.Owner}' of consumer '{consumer.Name}' is not a user of the seed.", nameof(seed));
            }
        }

        foreach (var ws in seed.Workspaces)
        {
            foreach (var repo in ws.Repositories)
            {
                foreach (var pr in repo.PullRequests)
                {
                    if (!repo.Branches.Contains(pr.SourceBranch) || pr.SourceBranch == repo.MainBranch)
                    {
                        throw new ArgumentException($"Pull request '{pr.Title}' of {ws.Slug}/{repo.Slug} needs a source branch of the repository other than its main branch.", nameof(seed));
                    }
                }
            }
        }
    }

    private static Task HomePageAsync(HttpContext context, State state, SandboxSeed seed)
    {
        var body = new StringBuilder("<h1>Bitbucket sandbox</h1><p>REST API 2.0 at <code id=\"api\">")
            .Append(SandboxHttp.HtmlEncode(state.ApiBase.AbsoluteUri)).Append("</code>.</p><h2>Users</h2><ul>");
        foreach (var user in seed.Users)
        {
            body.Append("<li>").Append(SandboxHttp.HtmlEncode(user.DisplayName)).Append(" — <code>").Append(SandboxHttp.HtmlEncode(user.Email)).Append("</code></li>");
        }

        body.Append("</ul><h2>Workspaces</h2><ul>");
        lock (state.Gate)
        {
            foreach (var ws in state.Workspaces.Values)
            {
                body.Append("<li>").Append(SandboxHttp.HtmlEncode(ws.Name)).Append(": ")
                    .Append(SandboxHttp.HtmlEncode(string.Join(", ", ws.Repositories.Keys))).Append("</li>");
            }
        }

        body.Append("</ul>");
        return OAuthEndpoints.Page(context, "Bitbucket sandbox", body.ToString());
    }
}
