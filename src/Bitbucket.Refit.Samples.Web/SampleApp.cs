using System.Net;
using System.Net.Sockets;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket;
using Bitbucket.Samples.Web.Auth;
using Bitbucket.Samples.Web.Integration;
using Bitbucket.Samples.Web.Pages;
using Bitbucket.Samples.Web.Webhooks;
using Bitbucket.Models;
using Bitbucket.Sandbox;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bitbucket.Samples.Web;

/// <summary>
/// The sample web application: "Login with Bitbucket" through OAuth 2 and OAuth 1.0a, then a profile page with the
/// user's repositories and open pull requests, all through Bitbucket.Refit. Without configuration it starts the
/// embedded Bitbucket sandbox and talks to it; with an OAuth consumer configured (<c>Bitbucket:OAuth2:ClientId</c> and
/// <c>ClientSecret</c>, <c>Bitbucket:OAuth1:ConsumerKey</c> and <c>ConsumerSecret</c>) it talks to bitbucket.org.
/// </summary>
public static class SampleApp
{
    /// <summary>The port the app listens on (on 127.0.0.1) when no address is configured and the port is free.</summary>
    public const int DefaultPort = 5080;

    /// <summary>
    /// Builds the application, starting the embedded sandbox first when no Bitbucket consumer is configured. Listens on
    /// <c>http://127.0.0.1:5080</c>, or a free port when 5080 is taken, unless <c>--urls</c> or <c>ASPNETCORE_URLS</c>
    /// says otherwise. The caller starts it (<c>StartAsync</c>/<c>RunAsync</c>) and disposes it.
    /// </summary>
    /// <param name="args">Command-line arguments (configuration such as <c>--urls</c> or <c>--Bitbucket:UseSandbox=true</c>).</param>
    /// <param name="cancellationToken">Cancels the sandbox's start.</param>
    /// <returns>The application, not yet started.</returns>
    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Request lines carry one-time OAuth codes and verifiers in their query strings: keep them out of the logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var origin = ChooseAddress(builder);

        BitbucketSandbox? sandbox = null;
        BitbucketTarget target;
        if (BitbucketTarget.WantsBitbucketOrg(builder.Configuration))
        {
            target = BitbucketTarget.ForBitbucketOrg(builder.Configuration);
        }
        else
        {
            // The sandbox is as strict as Bitbucket about callbacks: register this app's own, as you would on bitbucket.org.
            var seed = SandboxSeed.Default;
            seed = seed with { Consumers = [seed.Consumer with { CallbackUrl = origin.OAuth2Callback }, .. seed.Consumers.Skip(1)] };
            sandbox = await BitbucketSandbox.StartAsync(seed, cancellationToken);
            target = BitbucketTarget.ForSandbox(sandbox);
        }

        try
        {
            builder.Services.AddSingleton(origin);
            ConfigureServices(builder.Services, builder.Configuration, builder.Environment, target, sandbox);
            var app = builder.Build();
            MapEndpoints(app);
            return app;
        }
        catch
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Gets the address the started application listens on, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    /// <param name="app">A started application.</param>
    /// <returns>The first bound address.</returns>
    public static Uri GetAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The application is not listening yet; start it first.");
        return new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    /// <summary>
    /// Decides where the app listens and, from that or <c>Sample:PublicOrigin</c>, the origin of its OAuth callbacks,
    /// before the server starts: a port 0 (any free port) is resolved here, so the sandbox can be told the callback.
    /// </summary>
    private static SampleOrigin ChooseAddress(WebApplicationBuilder builder)
    {
        string? listen;
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        var endpoints = builder.Configuration.GetSection("Kestrel:Endpoints");
        if (!string.IsNullOrEmpty(urls))
        {
            var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => SampleOrigin.HasDynamicPort(u) ? SampleOrigin.WithPort(u, FreePort()) : u)
                .ToArray();
            builder.WebHost.UseUrls(list);
            listen = list.FirstOrDefault();
        }
        else if (endpoints.Exists())
        {
            listen = endpoints.GetChildren().Select(e => e["Url"]).FirstOrDefault(u => !string.IsNullOrEmpty(u));
        }
        else
        {
            listen = $"http://127.0.0.1:{(IsFree(DefaultPort) ? DefaultPort : FreePort())}";
            builder.WebHost.UseUrls(listen);
        }

        if (builder.Configuration[SampleOrigin.ConfigurationKey] is { Length: > 0 } configured)
        {
            return SampleOrigin.FromConfiguration(configured);
        }

        if (listen is null || SampleOrigin.HasDynamicPort(listen))
        {
            throw new InvalidOperationException($"Cannot tell the sample's origin from its listen addresses; set {SampleOrigin.ConfigurationKey}.");
        }

        return SampleOrigin.FromListenAddress(listen);
    }

    private static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void ConfigureServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, BitbucketTarget target, BitbucketSandbox? sandbox)
    {
        services.AddSingleton(target);
        services.AddSingleton(new WebhookReceiving(SampleWebhooks.Add(services, configuration, sandbox)));
        AddOperations(services, configuration, sandbox);
        if (sandbox is not null)
        {
            services.AddSingleton(sandbox);
            services.AddHostedService(sp => new SandboxLifetime(sandbox, sp.GetRequiredService<ILogger<SandboxLifetime>>()));
        }

        services.AddHttpContextAccessor();
        OAuth2SignIn.AddBitbucketSignIn(services, environment);
        services.AddAuthorization();

        // The app's Bitbucket client acts as the signed-in OAuth 2 user: its token source reads their saved tokens.
        services.AddHttpClient(OAuth2Refresher.HttpClientName);
        services.AddSingleton(sp => OAuth2Refresher.Create(sp, target));
        services.AddSingleton<SignedInUserTokenSource>();
        services
            .AddBitbucket(o =>
            {
                if (sandbox is not null)
                {
                    o.UseSandbox(sandbox);
                }
                else
                {
                    target.Apply(o);
                }
            })
            .WithOAuth2(sp => sp.GetRequiredService<SignedInUserTokenSource>());

        // OAuth 1 users each get a client of their own.
        services.AddHttpClient(OAuth1SignIn.HttpClientName);
        services.AddSingleton<OAuth1Clients>();
        services.AddSingleton<OAuth1SignIn>();
        services.AddTransient<BitbucketSessions>();
    }

    /// <summary>
    /// Observability: <c>/healthz</c> (on the sandbox, a cached <c>GET /user</c> probe with the app's own registration),
    /// and with <c>Sample:ConsoleTelemetry=true</c> the library's spans and metrics on the console.
    /// </summary>
    private static void AddOperations(IServiceCollection services, IConfiguration configuration, BitbucketSandbox? sandbox)
    {
        var health = services.AddHealthChecks();
        if (sandbox is not null)
        {
            health.AddBitbucket(registration: SampleWebhooks.AdminRegistration);
        }

        if (configuration.GetValue<bool>("Sample:ConsoleTelemetry"))
        {
            services.AddOpenTelemetry()
                .WithTracing(t => t.AddBitbucketInstrumentation().AddConsoleExporter())
                .WithMetrics(m => m.AddBitbucketInstrumentation().AddConsoleExporter());
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status} ({e.Value.Description})");
                return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n");
            },
        });

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/", (HttpContext context, BitbucketTarget target) => HomePage.Render(context, target));

        app.MapGet("/login/oauth2", (HttpContext context, BitbucketTarget target, OAuth2SignIn signIn) => target.OAuth2 is null
            ? Results.Redirect("/?error=" + Uri.EscapeDataString("OAuth 2 is not configured."))
            : signIn.Start(context));

        app.MapGet(SampleAuth.OAuth2CallbackPath, (HttpContext context, OAuth2SignIn signIn) => signIn.CompleteAsync(context));

        app.MapGet("/login/oauth1", (HttpContext context, BitbucketTarget target, OAuth1SignIn signIn) => target.OAuth1 is null
            ? Task.FromResult(Results.Redirect("/?error=" + Uri.EscapeDataString("OAuth 1.0a is not configured.")))
            : signIn.StartAsync(context));

        app.MapGet(SampleAuth.OAuth1CallbackPath, (HttpContext context, OAuth1SignIn signIn) => signIn.CompleteAsync(context));

        app.MapGet("/profile", async (HttpContext context, BitbucketSessions sessions, ILoggerFactory loggers) =>
        {
            var method = context.User.FindFirst(SampleAuth.SignInMethodClaim)?.Value ?? SampleAuth.OAuth2;
            try
            {
                var session = await sessions.ForCurrentUserAsync(context);
                var profile = await ProfileLoader.LoadAsync(session, context.RequestAborted);
                return ProfilePage.Render(profile, method);
            }
            catch (Exception ex) when (ex is BitbucketAuthenticationException or BitbucketUnauthorizedException)
            {
                // The tokens no longer work (revoked, or the refresh token lapsed): sign out and ask for a new sign-in.
                loggers.CreateLogger("Bitbucket.Samples.Web.Profile").LogWarning("Signing {User} out: {Reason}", context.User.Identity?.Name, ex.Message);
                await context.SignOutAsync(SampleAuth.CookieScheme);
                return Results.Redirect("/?error=" + Uri.EscapeDataString("Your Bitbucket session has ended; sign in again."));
            }
            catch (BitbucketApiException ex)
            {
                return Html.Page(
                    "Bitbucket error",
                    $"<h1>Bitbucket answered {(int)ex.StatusCode}</h1><p class=\"error\">{Html.E(ex.Error?.Message ?? ex.Message)}</p><p><a href=\"/profile\">Try again</a></p>",
                    context.User.Identity?.Name,
                    StatusCodes.Status502BadGateway);
            }
        }).RequireAuthorization();

        if (app.Services.GetRequiredService<WebhookReceiving>().Enabled)
        {
            // Bitbucket's deliveries: signature checked on the raw body, retries deduplicated, then the handler in SampleWebhooks.
            app.MapBitbucketWebhooks(SampleWebhooks.Path);
        }

        app.MapGet("/events", (HttpContext context, RecentEvents events, WebhookReceiving receiving) =>
            EventsPage.Render(events.Snapshot(), receiving.Enabled, context.User.Identity?.Name)).RequireAuthorization();

        // Comments on a pull request as the signed-in user; Bitbucket (here the sandbox) answers with a webhook delivery.
        app.MapPost("/pullrequests/{workspace}/{repository}/{id:int}/comments", async (string workspace, string repository, int id, HttpContext context, BitbucketSessions sessions, IServiceProvider services) =>
        {
            var session = await sessions.ForCurrentUserAsync(context);
            await session.PullRequests.CreateCommentAsync(
                workspace,
                repository,
                id,
                new PullRequestComment { Content = new RenderedContent { Raw = $"Commented from the Bitbucket.Refit sample at {DateTimeOffset.UtcNow:HH:mm:ss} UTC." } },
                context.RequestAborted);
            if (services.GetService<BitbucketSandbox>() is { } sandbox)
            {
                // The sandbox delivers in the background; wait for it so the next page already shows the event.
                await sandbox.WaitForWebhookDeliveriesAsync(context.RequestAborted).WaitAsync(TimeSpan.FromSeconds(5), context.RequestAborted);
            }

            return Results.Redirect("/events");
        }).RequireAuthorization();

        app.MapPost("/logout", async (HttpContext context, OAuth1Clients oauth1Clients) =>
        {
            var result = await context.AuthenticateAsync(SampleAuth.CookieScheme);
            if (result.Properties?.GetTokenValue(SampleAuth.OAuth1TokenName) is { } token)
            {
                oauth1Clients.Forget(token);
            }

            // Removes the server-side session too: a copy of the cookie taken before this no longer signs anyone in.
            await context.SignOutAsync(SampleAuth.CookieScheme);
            return Results.Redirect("/");
        });
    }
}

/// <summary>Whether the app receives webhooks (always on the sandbox; with a configured secret against bitbucket.org).</summary>
/// <param name="Enabled">Whether <see cref="SampleWebhooks.Path"/> is mapped.</param>
internal sealed record WebhookReceiving(bool Enabled);
