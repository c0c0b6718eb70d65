using System.Net;
using System.Text;
using Bitbucket.Models;
using Bitbucket.Samples.Web;
using Bitbucket.Samples.Web.Webhooks;
using Bitbucket.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Samples.Tests.Webhooks;

/// <summary>
/// The sample app subscribes itself to the sandbox's events at start-up; every event the sandbox raises reaches the
/// app's real endpoint (signature checked, body parsed into its typed event) and shows on the "Recent events" data.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SampleWebhookTests
{
    private static readonly string[] SandboxEvents =
    [
        "repo:push", "repo:created", "repo:updated", "repo:deleted", "repo:commit_status_created", "repo:commit_status_updated",
        "pullrequest:created", "pullrequest:updated", "pullrequest:approved", "pullrequest:unapproved",
        "pullrequest:changes_request_created", "pullrequest:changes_request_removed",
        "pullrequest:comment_created", "pullrequest:comment_updated", "pullrequest:comment_deleted",
        "pullrequest:fulfilled", "pullrequest:rejected", "repo:commit_comment_created",
    ];

    private WebApplication _app = null!;
    private ServiceProvider _client = null!;

    private BitbucketSandbox Sandbox => _app.Services.GetRequiredService<BitbucketSandbox>();

    private RecentEvents Events => _app.Services.GetRequiredService<RecentEvents>();

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await SampleApp.BuildAsync(["--urls=http://127.0.0.1:0", "--Bitbucket:UseSandbox=true", "--environment=Development"]);
        await _app.StartAsync();
        var services = new ServiceCollection();
        services.AddBitbucket(o => o.UseSandbox(Sandbox)).WithBasicAuthentication(Sandbox.Seed.User.Email, Sandbox.Seed.User.ApiToken);
        _client = services.BuildServiceProvider();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _client.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task EveryEventTheSandboxRaisesIsVerifiedParsedAndShown()
    {
        var bitbucket = _client.GetRequiredService<IBitbucketClient>();
        const string ws = "analytical-engines", repo = "difference-engine";
        string main = null!;
        await foreach (var commit in bitbucket.Commits.List(ws, repo))
        {
            main = commit.Hash!;
            break;
        }

        await bitbucket.Refs.CreateBranchAsync(ws, repo, new Branch { Name = "release/webhooks", Target = new Commit { Hash = main } });
        var created = await bitbucket.PullRequests.CreateAsync(ws, repo, new PullRequest
        {
            Title = "Receive webhooks",
            Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "feature/bernoulli-numbers" } },
            Destination = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "develop" } },
        });
        var id = created.Id!.Value;
        await bitbucket.PullRequests.UpdateAsync(ws, repo, id, new PullRequest { Title = "Receive Bitbucket's webhooks" });
        var comment = await bitbucket.PullRequests.CreateCommentAsync(ws, repo, id, new PullRequestComment { Content = new RenderedContent { Raw = "Looks right." } });
        await bitbucket.PullRequests.UpdateCommentAsync(ws, repo, id, comment.Id!.Value, new PullRequestComment { Content = new RenderedContent { Raw = "Looks right to me." } });
        await bitbucket.PullRequests.DeleteCommentAsync(ws, repo, id, comment.Id!.Value);

        // Charles's pull request (#2), which Ada reviews.
        await bitbucket.PullRequests.ApproveAsync(ws, repo, 2);
        await bitbucket.PullRequests.UnapproveAsync(ws, repo, 2);
        await bitbucket.PullRequests.RequestChangesAsync(ws, repo, 2);
        await bitbucket.PullRequests.RemoveChangeRequestAsync(ws, repo, 2);

        await bitbucket.Commits.CreateCommentAsync(ws, repo, main, new CommitComment { Content = new RenderedContent { Raw = "Nice commit." } });
        await bitbucket.CommitStatuses.CreateBuildAsync(ws, repo, main, new CommitStatus { Key = "ci", State = CommitStatusState.InProgress, Url = "https://ci.example.com/1" });
        await bitbucket.CommitStatuses.UpdateBuildAsync(ws, repo, main, "ci", new CommitStatus { Key = "ci", State = CommitStatusState.Successful, Url = "https://ci.example.com/1" });

        using (await bitbucket.PullRequests.MergeAsync(ws, repo, id, new PullRequestMergeParameters()))
        {
        }

        await bitbucket.PullRequests.DeclineAsync(ws, repo, 2);
        await bitbucket.Repositories.CreateAsync(ws, "webhook-probe", new Repository { IsPrivate = true });
        await bitbucket.Repositories.UpdateAsync(ws, "webhook-probe", new Repository { Description = "probing" });
        await bitbucket.Repositories.DeleteAsync(ws, "webhook-probe");

        await Sandbox.WaitForWebhookDeliveriesAsync();
        var deliveries = Sandbox.WebhookDeliveries.Where(d => d.Url.EndsWith(SampleWebhooks.Path, StringComparison.Ordinal)).ToList();
        var shown = Events.Snapshot();

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(d => d.EventKey).Distinct(), Is.SupersetOf(SandboxEvents), "the sandbox delivered every event to the sample");
            Assert.That(deliveries.Where(d => d.StatusCode != 200).Select(d => $"{d.EventKey}: {d.StatusCode?.ToString() ?? d.Error}"), Is.Empty, "the sample accepted every delivery");
            foreach (var key in SandboxEvents)
            {
                var received = shown.Where(e => e.EventKey == key).ToList();
                Assert.That(received, Is.Not.Empty, $"{key} on the events page");
                Assert.That(received.Select(e => e.EventType), Has.None.EqualTo("UnknownWebhookEvent"), $"{key} parsed into its typed event");
                Assert.That(received.Select(e => e.Actor), Has.All.EqualTo(Sandbox.Seed.User.DisplayName), key);
            }

            Assert.That(shown.Select(e => e.RequestUuid), Is.SubsetOf(deliveries.Select(d => d.RequestUuid)), "every event shown came from a sandbox delivery");
        });

        var commented = shown.Single(e => e.EventKey == "pullrequest:comment_created");
        Assert.That(commented.Repository, Is.EqualTo($"{ws}/{repo}"));
        Assert.That(commented.Summary, Does.Contain("Looks right."));
    }

    [Test]
    public async Task AnUnsignedOrForgedDeliveryIsRefusedAndNotShown()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var endpoint = new Uri(SampleApp.GetAddress(_app), SampleWebhooks.Path);
        var before = Events.Snapshot().Count;

        async Task<HttpStatusCode> PostAsync(string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent("""{"actor":{"type":"user","display_name":"Mallory"},"repository":{"type":"repository","full_name":"x/y"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Event-Key", "repo:updated");
            request.Headers.Add("X-Hook-UUID", "{" + Guid.NewGuid() + "}");
            request.Headers.Add("X-Request-UUID", Guid.NewGuid().ToString());
            request.Headers.Add("X-Attempt-Number", "1");
            if (signature is not null)
            {
                request.Headers.Add("X-Hub-Signature", signature);
            }

            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.That(await PostAsync(null), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await PostAsync("sha256=" + new string('0', 64)), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Events.Snapshot().Select(e => e.Actor), Has.None.EqualTo("Mallory"));
        Assert.That(Events.Snapshot(), Has.Count.EqualTo(before));
    }
}
