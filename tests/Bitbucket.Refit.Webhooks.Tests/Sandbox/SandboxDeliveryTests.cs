using Bitbucket.Models;
using Bitbucket.Sandbox;
using Bitbucket.Webhooks.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Webhooks.Tests.Sandbox;

/// <summary>
/// End to end: the sandbox (the embedded Bitbucket) delivers signed webhooks for every event it can raise, caused by
/// calls through the library's own client, into the real endpoint and handlers on 127.0.0.1.
/// </summary>
public sealed class SandboxDeliveryTests
{
    private const string Ws = "analytical-engines";
    private const string Repo = "difference-engine";

    // Every event key the sandbox raises today (its hook_events list also offers repo:fork and pullrequest:push, which
    // no sandbox operation raises yet).
    private static readonly Dictionary<string, Type> SandboxEvents = new()
    {
        ["repo:push"] = typeof(RepoPushEvent),
        ["repo:updated"] = typeof(RepoUpdatedEvent),
        ["repo:created"] = typeof(RepoCreatedEvent),
        ["repo:deleted"] = typeof(RepoDeletedEvent),
        ["repo:commit_status_created"] = typeof(RepoCommitStatusCreatedEvent),
        ["repo:commit_status_updated"] = typeof(RepoCommitStatusUpdatedEvent),
        ["pullrequest:created"] = typeof(PullRequestCreatedEvent),
        ["pullrequest:updated"] = typeof(PullRequestUpdatedEvent),
        ["pullrequest:approved"] = typeof(PullRequestApprovedEvent),
        ["pullrequest:unapproved"] = typeof(PullRequestUnapprovedEvent),
        ["pullrequest:changes_request_created"] = typeof(PullRequestChangesRequestCreatedEvent),
        ["pullrequest:changes_request_removed"] = typeof(PullRequestChangesRequestRemovedEvent),
        ["pullrequest:fulfilled"] = typeof(PullRequestFulfilledEvent),
        ["pullrequest:rejected"] = typeof(PullRequestRejectedEvent),
        ["pullrequest:comment_created"] = typeof(PullRequestCommentCreatedEvent),
        ["pullrequest:comment_updated"] = typeof(PullRequestCommentUpdatedEvent),
        ["pullrequest:comment_deleted"] = typeof(PullRequestCommentDeletedEvent),
        ["repo:commit_comment_created"] = typeof(RepoCommitCommentCreatedEvent),
    };

    [Test]
    public async Task EveryEventTheSandboxRaises_IsVerifiedParsedAndHandled_ByTheRealEndpoint()
    {
        await using var sandbox = await BitbucketSandbox.StartAsync();
        await using var host = await WebhookHost.StartAsync();
        await using var ada = Client(sandbox, sandbox.Seed.Users[0]);
        await using var charles = Client(sandbox, sandbox.Seed.Users[1]);
        var api = ada.GetRequiredService<IBitbucketClient>();
        var reviewer = charles.GetRequiredService<IBitbucketClient>();

        var repoEvents = SandboxEvents.Keys.Where(k => k is not ("repo:created" or "repo:deleted")).Select(k => new WebhookEventKey(k)).ToList();
        await api.Repositories.CreateWebhookAsync(Ws, Repo, new WebhookSubscription { Url = host.Endpoint.ToString(), Active = true, Secret = WebhookHost.Secret, Description = "all repository events", Events = repoEvents });
        await api.Workspaces.CreateWebhookAsync(Ws, new WebhookSubscription { Url = host.Endpoint.ToString(), Active = true, Secret = WebhookHost.Secret, Description = "workspace events", Events = [WebhookEventKey.RepoCreated, WebhookEventKey.RepoDeleted] });

        // repo:push, repo:updated
        var branch = await api.Refs.CreateBranchAsync(Ws, Repo, new Branch { Name = "feature/webhooks", Target = new Commit { Hash = "develop" } });
        await api.Repositories.UpdateAsync(Ws, Repo, new Repository { Description = "Now with webhooks" });

        // the pull-request family
        var pr = await api.PullRequests.CreateAsync(Ws, Repo, new PullRequest
        {
            Title = "Receive webhooks",
            Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "feature/webhooks" } },
        });
        var id = pr.Id!.Value;
        await api.PullRequests.UpdateAsync(Ws, Repo, id, new PullRequest { Title = "Receive Bitbucket webhooks" });
        await reviewer.PullRequests.ApproveAsync(Ws, Repo, id);
        await reviewer.PullRequests.UnapproveAsync(Ws, Repo, id);
        await reviewer.PullRequests.RequestChangesAsync(Ws, Repo, id);
        await reviewer.PullRequests.RemoveChangeRequestAsync(Ws, Repo, id);
        var comment = await reviewer.PullRequests.CreateCommentAsync(Ws, Repo, id, new PullRequestComment { Content = new RenderedContent { Raw = "Looks right" } });
        await reviewer.PullRequests.UpdateCommentAsync(Ws, Repo, id, comment.Id!.Value, new PullRequestComment { Content = new RenderedContent { Raw = "Looks right to me" } });
        await reviewer.PullRequests.DeleteCommentAsync(Ws, Repo, id, comment.Id.Value);

        // repo:commit_comment_created
        await api.Commits.CreateCommentAsync(Ws, Repo, branch.Target!.Hash!, new CommitComment { Content = new RenderedContent { Raw = "Nice commit." } });

        // repo:commit_status_*
        var head = branch.Target!.Hash!;
        await api.CommitStatuses.CreateBuildAsync(Ws, Repo, head, new CommitStatus { Key = "ci", State = CommitStatusState.InProgress, Url = "https://ci.example/1", Name = "CI" });
        await api.CommitStatuses.UpdateBuildAsync(Ws, Repo, head, "ci", new CommitStatus { Key = "ci", State = CommitStatusState.Successful, Url = "https://ci.example/1", Name = "CI" });

        // declined before the merge: afterwards develop has nothing left to pull
        await api.Refs.CreateBranchAsync(Ws, Repo, new Branch { Name = "feature/declined", Target = new Commit { Hash = "develop" } });
        var declined = await api.PullRequests.CreateAsync(Ws, Repo, new PullRequest { Title = "Not this one", Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "feature/declined" } } });
        await api.PullRequests.DeclineAsync(Ws, Repo, declined.Id!.Value);

        using (await api.PullRequests.MergeAsync(Ws, Repo, id, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters", MergeStrategy = MergeStrategy.MergeCommit }))
        {
        }

        // repo:created, repo:deleted (workspace webhook)
        await api.Repositories.CreateAsync(Ws, "scratch", new Repository { Scm = Scm.Git, IsPrivate = true });
        await api.Repositories.DeleteAsync(Ws, "scratch");

        await sandbox.WaitForWebhookDeliveriesAsync();
        var deliveries = sandbox.WebhookDeliveries;
        var handled = host.Recorder.Events.Where(r => r.Handler == "all").ToDictionary(r => r.Headers.RequestUuid);

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(d => d.EventKey).Distinct(), Is.EquivalentTo(SandboxEvents.Keys), "every event the sandbox raises was delivered");
            foreach (var delivery in deliveries)
            {
                Assert.That(delivery.StatusCode, Is.EqualTo(200), delivery.EventKey + ": " + delivery.Error);
                Assert.That(handled.TryGetValue(delivery.RequestUuid, out var received), Is.True, delivery.EventKey + " reached the handler");
                Assert.That(received?.Event, Is.TypeOf(SandboxEvents[delivery.EventKey]), delivery.EventKey);
                Assert.That(received?.Event.Actor?.Nickname, Is.AnyOf("ada", "charles"), delivery.EventKey);
                Assert.That(received?.Headers.HookUuid, Is.Not.Empty);
            }

            Assert.That(handled, Has.Count.EqualTo(deliveries.Count), "each delivery handled once");
            Assert.That(host.Logs.All, Does.Not.Contain(WebhookHost.Secret));
        });

        var events = handled.Values.Select(r => r.Event).ToList();
        var pushes = events.OfType<RepoPushEvent>().SelectMany(e => e.Push!.Changes!).ToList();
        var merged = events.OfType<PullRequestFulfilledEvent>().Single();
        var approval = events.OfType<PullRequestApprovedEvent>().Single();
        var edited = events.OfType<PullRequestCommentUpdatedEvent>().Single();
        var status = events.OfType<RepoCommitStatusUpdatedEvent>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(pushes.Any(c => c.Created == true && c.New!.Name == "feature/webhooks" && c.New.Target!.Hash == head), Is.True, "the branch creation push");
            Assert.That(merged.PullRequest!.Id, Is.EqualTo(id));
            Assert.That(merged.PullRequest.State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(merged.Repository!.FullName, Is.EqualTo(Ws + "/" + Repo));
            Assert.That(approval.Approval!.User!.Nickname, Is.EqualTo("charles"));
            Assert.That(edited.Comment!.Content!.Raw, Is.EqualTo("Looks right to me"));
            Assert.That(status.CommitStatus!.State, Is.EqualTo(CommitStatusState.Successful));
            Assert.That(events.OfType<RepoCreatedEvent>().Single().Repository!.Slug, Is.EqualTo("scratch"));
            Assert.That(events.OfType<PullRequestRejectedEvent>().Single().PullRequest!.State, Is.EqualTo(PullRequestState.Declined));
        });
    }

    private static ServiceProvider Client(BitbucketSandbox sandbox, SandboxUser user)
    {
        var services = new ServiceCollection();
        services.AddBitbucket(o => o.UseSandbox(sandbox)).WithBasicAuthentication(user.Email, user.ApiToken);
        return services.BuildServiceProvider();
    }
}
