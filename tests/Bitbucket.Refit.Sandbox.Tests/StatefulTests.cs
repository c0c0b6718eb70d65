using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Sandbox.Tests;

/// <summary>The sandbox keeps state the way Bitbucket does: pull requests, pipelines, webhooks, paging.</summary>
public sealed class StatefulTests
{
    private const string Ws = "analytical-engines";
    private const string Repo = "difference-engine";
    private BitbucketSandbox _sandbox = null!;
    private ServiceProvider _ada = null!;
    private ServiceProvider _charles = null!;

    [SetUp]
    public async Task SetUp()
    {
        _sandbox = await BitbucketSandbox.StartAsync();
        _ada = SandboxClients.Create(_sandbox, b => b.AsUser(_sandbox.Seed.Users[0]));
        _charles = SandboxClients.Create(_sandbox, b => b.AsUser(_sandbox.Seed.Users[1]));
    }

    [TearDown]
    public async Task TearDown()
    {
        await _ada.DisposeAsync();
        await _charles.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Test]
    public async Task PullRequest_CreateApproveMerge_ChangesStateAsBitbucketDoes()
    {
        var ada = _ada.TestApi();
        var main = await ada.GetBranchAsync(Ws, Repo, "main");
        var charlesUuid = (await _charles.Client().Users.GetCurrentAsync()).Uuid;
        await ada.CreateBranchAsync(Ws, Repo, new Branch { Name = "feature/analytical", Target = new Commit { Hash = "develop" } });

        var created = await ada.CreatePullRequestAsync(Ws, Repo, new PullRequest
        {
            Type = "pullrequest",
            Title = "Add the analytical engine",
            Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "feature/analytical" } },
            Reviewers = [new Account { Uuid = charlesUuid }],
            CloseSourceBranch = true,
        });
        var approval = await _charles.TestApi().ApproveAsync(Ws, Repo, created.Id!.Value);
        var approved = await _ada.Client().PullRequests.GetAsync(Ws, Repo, created.Id.Value);
        var merged = await ada.MergeAsync(Ws, Repo, created.Id.Value, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters", MergeStrategy = MergeStrategy.MergeCommit });
        var mainAfter = await ada.GetBranchAsync(Ws, Repo, "main");
        var open = await ada.ListPullRequests(Ws, Repo).ToListAsync();
        var mergedList = await ada.ListPullRequests(Ws, Repo, ["MERGED"]).ToListAsync();
        var mergeAgain = Assert.ThrowsAsync<BitbucketApiException>(() => ada.MergeAsync(Ws, Repo, created.Id.Value, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters" }));
        var sourceGone = Assert.ThrowsAsync<BitbucketNotFoundException>(() => ada.GetBranchAsync(Ws, Repo, "feature/analytical"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo(3), "after the two seeded pull requests");
            Assert.That(created.State, Is.EqualTo(PullRequestState.Open));
            Assert.That(created.Destination!.Branch!.Name, Is.EqualTo("main"), "the main branch by default");
            Assert.That(created.Author!.Nickname, Is.EqualTo("ada"));
            Assert.That(created.Reviewers!.Single().Nickname, Is.EqualTo("charles"));
            Assert.That(approval.Approved, Is.True);
            Assert.That(approval.Role, Is.EqualTo(ParticipantRole.Reviewer));
            Assert.That(approved.Participants!.Single(p => p.User!.Nickname == "charles").Approved, Is.True);
            Assert.That(merged.State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(merged.ClosedBy!.Nickname, Is.EqualTo("ada"));
            Assert.That(merged.MergeCommit!.Hash, Is.EqualTo(mainAfter.Target!.Hash));
            Assert.That(mainAfter.Target!.Hash, Is.Not.EqualTo(main.Target!.Hash));
            Assert.That(mainAfter.Target.Parents!.Select(p => p.Hash), Has.Member(main.Target.Hash));
            Assert.That(open.Select(p => p.Id), Is.EquivalentTo(new[] { 1, 2 }));
            Assert.That(mergedList.Select(p => p.Id), Is.EqualTo(new[] { 3 }));
            Assert.That(mergeAgain!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(sourceGone, Is.Not.Null, "close_source_branch deleted the source branch");
        });
    }

    [Test]
    public async Task PullRequest_DeclineAndComment()
    {
        var ada = _ada.TestApi();

        var comment = await _charles.TestApi().CommentAsync(Ws, Repo, 1, new PullRequestComment { Content = new RenderedContent { Raw = "Is note G complete?" } });
        var declined = await ada.DeclineAsync(Ws, Repo, 1);
        var approveDeclined = Assert.ThrowsAsync<BitbucketApiException>(() => ada.ApproveAsync(Ws, Repo, 1));

        Assert.Multiple(() =>
        {
            Assert.That(comment.Content!.Raw, Is.EqualTo("Is note G complete?"));
            Assert.That(comment.User!.Nickname, Is.EqualTo("charles"));
            Assert.That(declined.State, Is.EqualTo(PullRequestState.Declined));
            Assert.That(declined.CommentCount, Is.EqualTo(1));
            Assert.That(approveDeclined!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task PullRequest_WithoutChanges_IsRefused()
    {
        await _ada.TestApi().CreateBranchAsync(Ws, Repo, new Branch { Name = "same-as-main", Target = new Commit { Hash = "main" } });

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => _ada.TestApi().CreatePullRequestAsync(Ws, Repo, new PullRequest
        {
            Title = "Nothing",
            Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "same-as-main" } },
        }));

        Assert.That(ex!.Error?.Message, Is.EqualTo("There are no changes to be pulled"));
    }

    [Test]
    public async Task Pipeline_MovesFromPendingThroughInProgressToCompleted_WithTheClock()
    {
        var api = _ada.TestApi();
        var started = await api.RunPipelineAsync(Ws, Repo, new Pipeline
        {
            Target = new PipelineRefTarget { Type = "pipeline_ref_target", RefType = PipelineRefTargetRefType.Branch, RefName = "main" },
        });

        _sandbox.AdvanceTime(TimeSpan.FromSeconds(15));
        var running = await api.GetPipelineAsync(Ws, Repo, started.Uuid!);
        _sandbox.AdvanceTime(TimeSpan.FromMinutes(1));
        var done = await api.GetPipelineAsync(Ws, Repo, started.Uuid!);
        var statuses = await api.ListStatusesAsync(Ws, Repo, started.Target!.Commit!.Hash!);

        Assert.Multiple(() =>
        {
            Assert.That(started.BuildNumber, Is.EqualTo(1));
            Assert.That(started.State!.Name, Is.EqualTo(PipelineStateName.Pending));
            Assert.That(running.State!.Name, Is.EqualTo(PipelineStateName.InProgress));
            Assert.That(running.State.Stage!.Name, Is.EqualTo(PipelineStateInProgressStageName.Running));
            Assert.That(done.State!.Name, Is.EqualTo(PipelineStateName.Completed));
            Assert.That(done.State.Result!.Name, Is.EqualTo(PipelineStateCompletedResultName.Successful));
            Assert.That(done.CompletedOn, Is.Not.Null);
            Assert.That(done.BuildSecondsUsed, Is.GreaterThan(0));
            Assert.That(statuses.Values.Single().State, Is.EqualTo(CommitStatusState.Successful));
        });
    }

    [Test]
    public async Task Webhook_IsDeliveredToALocalListener_SignedWithTheSecret()
    {
        const string secret = "webhook-secret-1";
        using var listener = new WebhookListener();
        var hook = await _ada.TestApi().CreateWebhookAsync(Ws, Repo, new WebhookSubscription
        {
            Description = "e2e",
            Url = listener.Url,
            Active = true,
            Secret = secret,
            Events = [WebhookEventKey.PullRequestApproved, WebhookEventKey.PullRequestCreated],
        });

        await _charles.TestApi().ApproveAsync(Ws, Repo, 1);
        var delivery = await listener.NextAsync(TimeSpan.FromSeconds(10));
        await _sandbox.WaitForWebhookDeliveriesAsync();

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery.Body));
        using var payload = JsonDocument.Parse(delivery.Body);
        Assert.Multiple(() =>
        {
            Assert.That(hook.SecretSet, Is.True);
            Assert.That(hook.Secret, Is.Null, "the secret is never returned");
            Assert.That(delivery.Headers["X-Event-Key"], Is.EqualTo("pullrequest:approved"));
            Assert.That(delivery.Headers["X-Hook-UUID"], Is.EqualTo(hook.Uuid));
            Assert.That(delivery.Headers["X-Hub-Signature"], Is.EqualTo(expected));
            Assert.That(payload.RootElement.GetProperty("actor").GetProperty("nickname").GetString(), Is.EqualTo("charles"));
            Assert.That(payload.RootElement.GetProperty("pullrequest").GetProperty("id").GetInt32(), Is.EqualTo(1));
            Assert.That(payload.RootElement.GetProperty("approval").GetProperty("user").GetProperty("nickname").GetString(), Is.EqualTo("charles"));
            Assert.That(_sandbox.WebhookDeliveries.Single().StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Paging_FollowsAbsoluteNextLinks_ThroughAllCommits()
    {
        var pages = new List<Page<BaseCommit>>();
        await foreach (var page in _ada.TestApi().ListCommits(Ws, Repo, new ListOptions { PageLength = 5 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Multiple(() =>
        {
            Assert.That(pages, Has.Count.EqualTo(5));
            Assert.That(pages.Sum(p => p.Values.Count), Is.EqualTo(24));
            Assert.That(pages[0].Next, Does.StartWith(_sandbox.ApiBaseAddress.AbsoluteUri).And.Contain("pagelen=5").And.Contain("page=2"));
            Assert.That(pages[^1].Next, Is.Null);
            Assert.That(pages.SelectMany(p => p.Values).Select(c => c.Hash).Distinct().Count(), Is.EqualTo(24));
        });
    }

    [Test]
    public async Task Query_FiltersRepositories()
    {
        var found = await _ada.TestApi().ListRepositories(Ws, new ListOptions { Query = "name ~ \"differ\"" }).ToListAsync();
        var invalid = Assert.ThrowsAsync<BitbucketApiException>(async () => await _ada.TestApi().ListRepositories(Ws, new ListOptions { Query = "nope = 1" }).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(found.Select(r => r.Name), Is.EqualTo(new[] { "Difference Engine" }));
            Assert.That(invalid!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Project_CreationNeedsWorkspaceAdmin_AndUniqueKeys()
    {
        var denied = Assert.ThrowsAsync<BitbucketForbiddenException>(() => _charles.TestApi().CreateProjectAsync(Ws, new Project { Key = "MILL", Name = "Mill" }));
        var created = await _ada.TestApi().CreateProjectAsync(Ws, new Project { Key = "MILL", Name = "Mill", Description = "The mill" });
        var duplicate = Assert.ThrowsAsync<BitbucketApiException>(() => _ada.TestApi().CreateProjectAsync(Ws, new Project { Key = "MILL", Name = "Mill again" }));

        Assert.Multiple(() =>
        {
            Assert.That(denied!.Error?.Message, Does.Contain("admin"));
            Assert.That(created.Key, Is.EqualTo("MILL"));
            Assert.That(created.Owner!.Nickname, Is.EqualTo(Ws));
            Assert.That(duplicate!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(duplicate.Error!.Fields, Does.ContainKey("key"));
        });
    }

    [Test]
    public async Task Repository_CreatedWithAnInitialCommit_SlugsAreUnique()
    {
        var created = await _ada.TestApi().CreateRepositoryAsync(Ws, "mill", new Repository
        {
            Type = "repository",
            Scm = Scm.Git,
            IsPrivate = true,
            Project = new Project { Key = "ENG" },
        });
        var main = await _ada.TestApi().GetBranchAsync(Ws, "mill", "main");
        var duplicate = Assert.ThrowsAsync<BitbucketApiException>(() => _ada.TestApi().CreateRepositoryAsync(Ws, "mill", new Repository { Type = "repository" }));

        Assert.Multiple(() =>
        {
            Assert.That(created.FullName, Is.EqualTo("analytical-engines/mill"));
            Assert.That(created.Project!.Key, Is.EqualTo("ENG"));
            Assert.That(created.MainBranch!.Name, Is.EqualTo("main"));
            Assert.That(main.Target!.Message, Is.EqualTo("Initial commit\n"));
            Assert.That(duplicate!.Error?.Message, Is.EqualTo("Repository with this Slug and Owner already exists."));
        });
    }

    [Test]
    public async Task PullRequest_RequestChanges_IsRecordedOnTheParticipant()
    {
        var participant = await _charles.TestApi().RequestChangesAsync(Ws, Repo, 1);
        var pr = await _ada.Client().PullRequests.GetAsync(Ws, Repo, 1);

        Assert.Multiple(() =>
        {
            Assert.That(participant.State, Is.EqualTo(ParticipantState.ChangesRequested));
            Assert.That(pr.Participants!.Single(p => p.User!.Nickname == "charles").State, Is.EqualTo(ParticipantState.ChangesRequested));
        });
    }

    [Test]
    public async Task PullRequest_MergeInBackground_Answers202WithATaskToPoll()
    {
        using var accepted = await _ada.TestApi().MergeInBackgroundAsync(Ws, Repo, 1, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters", MergeStrategy = MergeStrategy.Squash });
        var http = _ada.GetRequiredService<IHttpClientFactory>().CreateClient(Microsoft.Extensions.DependencyInjection.BitbucketServiceCollectionExtensions.GetHttpClientName(string.Empty));
        using var status = await http.GetAsync(accepted.Headers.Location);
        using var task = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        var pr = await _ada.Client().PullRequests.GetAsync(Ws, Repo, 1);

        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(accepted.Headers.Location!.AbsolutePath, Does.StartWith("/2.0/repositories/analytical-engines/difference-engine/pullrequests/1/merge/task-status/"));
            Assert.That(task.RootElement.GetProperty("task_status").GetString(), Is.EqualTo("SUCCESS"));
            Assert.That(task.RootElement.GetProperty("merge_result").GetProperty("state").GetString(), Is.EqualTo("MERGED"));
            Assert.That(pr.State, Is.EqualTo(PullRequestState.Merged));
        });
    }

    [Test]
    public async Task UnknownRoutesAndGoneListings_AnswerWithTheErrorEnvelope()
    {
        using var http = new HttpClient { BaseAddress = _sandbox.ApiBaseAddress };

        using var missing = await http.GetAsync("no/such/thing");
        using var gone = await http.GetAsync("repositories");
        using var home = await http.GetAsync(_sandbox.Address);
        using var missingBody = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        using var goneBody = JsonDocument.Parse(await gone.Content.ReadAsStringAsync());
        var homePage = await home.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(missingBody.RootElement.GetProperty("type").GetString(), Is.EqualTo("error"));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(goneBody.RootElement.GetProperty("error").GetProperty("message").GetString(), Does.Contain("CHANGE-2770"));
            Assert.That(homePage, Does.Contain("Bitbucket sandbox").And.Contain(_sandbox.Seed.User.Email));
        });
    }
}
