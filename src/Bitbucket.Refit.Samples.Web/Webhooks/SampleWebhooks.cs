using System.Security.Cryptography;
using Bitbucket.Models;
using Bitbucket.Sandbox;
using Bitbucket.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Samples.Web.Webhooks;

/// <summary>
/// Receives Bitbucket's webhooks at <see cref="Path"/> with Bitbucket.Refit.Webhooks.AspNetCore: every verified event
/// lands on the "Recent events" page. On the sandbox the app subscribes itself at start-up (a workspace webhook with a
/// fresh random secret in each workspace the seed's user administers); against bitbucket.org, configure
/// <c>Bitbucket:Webhooks:Secrets</c> and create the webhook on bitbucket.org pointing at a public address of the app.
/// </summary>
internal static class SampleWebhooks
{
    /// <summary>Where the app receives deliveries.</summary>
    public const string Path = "/webhooks/bitbucket";

    /// <summary>
    /// The app's own Bitbucket registration on the sandbox (the seed's first user, Basic): it subscribes the webhooks and
    /// is what the <c>/healthz</c> probe calls. Signed-in users' calls go through the default registration.
    /// </summary>
    public const string AdminRegistration = "sample-service";

    /// <summary>Registers the receiving side; returns whether the endpoint should be mapped.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">The app's configuration (<c>Bitbucket:Webhooks</c> against bitbucket.org).</param>
    /// <param name="sandbox">The embedded sandbox, or <see langword="null"/> against bitbucket.org.</param>
    /// <returns><see langword="true"/> when deliveries can be verified (a secret is known).</returns>
    public static bool Add(IServiceCollection services, IConfiguration configuration, BitbucketSandbox? sandbox)
    {
        services.AddSingleton<RecentEvents>();
        services.AddSingleton(TimeProvider.System);
        Bitbucket.Webhooks.AspNetCore.BitbucketWebhooksBuilder webhooks;
        if (sandbox is not null)
        {
            var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            webhooks = services.AddBitbucketWebhooks(o => o.Secrets.Add(secret));
            services.AddBitbucket(AdminRegistration, o => o.UseSandbox(sandbox))
                .WithBasicAuthentication(sandbox.Seed.User.Email, sandbox.Seed.User.ApiToken);
            services.AddHostedService(sp => new SandboxSubscription(
                sandbox,
                sp.GetRequiredKeyedService<IWorkspacesApi>(AdminRegistration),
                sp.GetRequiredKeyedService<IWebhooksApi>(AdminRegistration),
                new Uri(sp.GetRequiredService<SampleOrigin>().Origin, Path),
                secret,
                sp.GetRequiredService<ILogger<SandboxSubscription>>()));
        }
        else
        {
            var section = configuration.GetSection("Bitbucket:Webhooks");
            if (!section.GetSection("Secrets").GetChildren().Any())
            {
                return false;
            }

            webhooks = services.AddBitbucketWebhooks(section);
        }

        webhooks.AddHandler<WebhookEvent>((e, headers, sp, _) =>
        {
            sp.GetRequiredService<RecentEvents>().Add(e, headers);
            return Task.CompletedTask;
        });
        return true;
    }

    /// <summary>Subscribes the app to the sandbox's events when the app starts.</summary>
    private sealed class SandboxSubscription(BitbucketSandbox sandbox, IWorkspacesApi workspaces, IWebhooksApi hookEvents, Uri url, string secret, ILogger<SandboxSubscription> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            // Every event Bitbucket offers a workspace webhook, except the sunset issue tracker's.
            var events = new List<WebhookEventKey>();
            await foreach (var type in hookEvents.ListEvents(WebhookSubscriptionSubjectType.Workspace).WithCancellation(cancellationToken))
            {
                if (type.Event is { } key && !key.Value.StartsWith("issue:", StringComparison.Ordinal))
                {
                    events.Add(key);
                }
            }

            var seed = sandbox.Seed;
            foreach (var workspace in seed.Workspaces.Where(w => w.Administrators.Contains(seed.User.Username)))
            {
                var hook = await workspaces.CreateWebhookAsync(
                    workspace.Slug,
                    new WebhookSubscription
                    {
                        Url = url.AbsoluteUri,
                        Description = "Bitbucket.Refit sample: recent events",
                        Active = true,
                        Secret = secret,
                        Events = events,
                    },
                    cancellationToken);
                logger.LogInformation("Subscribed {Url} to the events of workspace {Workspace} (webhook {Uuid}).", url, workspace.Slug, hook.Uuid);
            }
        }

        // The webhooks live in the in-process sandbox, which stops with the app: nothing to remove.
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
