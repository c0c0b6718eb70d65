using System.Net;
using Bitbucket;
using Bitbucket.Models;
using Refit;

namespace Bitbucket.Tests.Conformance;

/// <summary>Every pull request operation, validated by Prism against Bitbucket's OpenAPI description.</summary>
[Category("Conformance")]
public sealed class PullRequestsConformanceTests
{
    private const string Ws = "acme";
    private const string Repo = "widgets";
    private const int Id = 42;

    private PrismServer _prism = null!;

    [SetUp]
    public async Task SetUp() => _prism = await PrismServer.GetAsync();

    /// <summary>
    /// Prism fills every property the description declares; any that lands in a model's <c>AdditionalProperties</c> is a
    /// field the model does not read. Walks the object graph and fails naming each such field.
    /// </summary>
    internal static void AssertFullyModelled(object? value) =>
        Assert.That(UnreadFields(value), Is.Empty, "fields the models do not read");

    internal static List<string> UnreadFields(object? value)
    {
        var unread = new List<string>();
        Walk(value, "$", unread, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return unread;
    }

    private static void Walk(object? value, string path, List<string> unread, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || !seen.Add(value))
        {
            return;
        }

        if (value is System.Collections.IEnumerable items and not System.Collections.IDictionary)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", unread, seen);
            }

            return;
        }

        var type = value.GetType();
        if (type.Namespace is not ("Bitbucket.Models" or "Bitbucket"))
        {
            return;
        }

        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var child = property.GetValue(value);
            if (property.Name == "AdditionalProperties" && child is IDictionary<string, System.Text.Json.JsonElement> extra)
            {
                unread.AddRange(extra.Keys.Select(k => $"{path}.{k}"));
            }
            else
            {
                Walk(child, $"{path}.{property.Name}", unread, seen);
            }
        }
    }

    private static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return page;
        }

        throw new AssertionException("The list yielded no page.");
    }

    /// <summary>
    /// For the operations the description declares only as a 302 redirect (without a Location): Prism's 302 proves it
    /// accepted the parameters (a refusal is a 422), and the client surfaces the unfollowable redirect as an error.
    /// </summary>
    private async Task AssertRedirectAcceptedAsync(Func<IBitbucketClient, Task> call)
    {
        var status = await _prism.CallAsync(async c =>
        {
            try
            {
                await call(c);
                return HttpStatusCode.OK;
            }
            catch (BitbucketApiException ex) when (ex.StatusCode == HttpStatusCode.Found)
            {
                return ex.StatusCode;
            }
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Found));
    }

    /// <summary>
    /// For the lists whose 200 the description leaves without a body (activity, commits): Prism accepts the request and
    /// answers an empty body, which the client reads as no page. The WireMock tests cover Bitbucket's documented shape.
    /// </summary>
    private async Task AssertAcceptedWithoutBodyAsync<T>(Func<IBitbucketClient, BitbucketPageable<T>> list)
    {
        var pages = await _prism.CallAsync(async c =>
        {
            var count = 0;
            await foreach (var _ in list(c).AsPages())
            {
                count++;
            }

            return count;
        });

        Assert.That(pages, Is.Zero);
    }

    private static PullRequest NewPullRequest() => new()
    {
        Type = "pullrequest",
        Title = "Add sprockets",
        Description = "Adds sprockets.",
        Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "feature/sprockets" } },
        Destination = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "main" } },
        Reviewers = [new Account { Type = "user", Uuid = "{504c3b62-8120-4f0c-a7bc-87800b9d6f70}" }],
        CloseSourceBranch = true,
        Draft = false,
    };

    [Test]
    public void UnreadFields_NamesFieldsLeftInAdditionalProperties()
    {
        var extra = new Dictionary<string, System.Text.Json.JsonElement> { ["nickname2"] = System.Text.Json.JsonDocument.Parse("1").RootElement };
        var pr = new PullRequest { Participants = [new Participant { User = new Account { AdditionalProperties = extra } }] };

        Assert.That(UnreadFields(new Page<PullRequest> { Values = [pr] }), Is.EqualTo(new[] { "$.Values[0].Participants[0].User.nickname2" }));
    }

    // ---- Pull requests -----------------------------------------------------------------------------------------------

    [Test]
    public async Task List()
    {
        // One state only: the description declares `state` as a single string, so Prism refuses it repeated
        // (state=OPEN&state=MERGED), which Bitbucket documents and the WireMock tests cover.
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.List(Ws, Repo, [PullRequestState.Merged], new ListOptions { PageLength = 50, Query = "title ~ \"x\"", Sort = "-updated_on" })));
        AssertFullyModelled(page);
        Assert.That(page.Values.All(v => v.Type is not null), Is.True);
    }

    [Test]
    public async Task Create()
    {
        var pr = await _prism.CallAsync(c => c.PullRequests.CreateAsync(Ws, Repo, NewPullRequest()));
        AssertFullyModelled(pr);
        Assert.That(pr.Type, Is.Not.Null);
    }

    [Test]
    public async Task Get()
    {
        var pr = await _prism.CallAsync(c => c.PullRequests.GetAsync(Ws, Repo, Id));
        AssertFullyModelled(pr);
        Assert.That(pr.Type, Is.Not.Null);
    }

    [Test]
    public async Task Update()
    {
        var pr = await _prism.CallAsync(c => c.PullRequests.UpdateAsync(Ws, Repo, Id, new PullRequest { Type = "pullrequest", Title = "Add sprockets (v2)" }));
        AssertFullyModelled(pr);
        Assert.That(pr.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListForCommit()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.ListForCommit(Ws, Repo, "728c8bad1813", new ListOptions { PageLength = 20 })));
        AssertFullyModelled(page);
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task Decline()
    {
        var pr = await _prism.CallAsync(c => c.PullRequests.DeclineAsync(Ws, Repo, Id));
        AssertFullyModelled(pr);
        Assert.That(pr.Type, Is.Not.Null);
    }

    // ---- Activity ----------------------------------------------------------------------------------------------------

    [Test]
    public Task ListRepositoryActivity() =>
        AssertAcceptedWithoutBodyAsync(c => c.PullRequests.ListRepositoryActivity(Ws, Repo, new ListOptions { PageLength = 20 }));

    [Test]
    public Task ListActivity() =>
        AssertAcceptedWithoutBodyAsync(c => c.PullRequests.ListActivity(Ws, Repo, Id, new ListOptions { PageLength = 20 }));

    // ---- Default reviewers -------------------------------------------------------------------------------------------

    [Test]
    public async Task ListDefaultReviewers()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.ListDefaultReviewers(Ws, Repo)));
        AssertFullyModelled(page);
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task GetDefaultReviewer()
    {
        var account = await _prism.CallAsync(c => c.PullRequests.GetDefaultReviewerAsync(Ws, Repo, "{504c3b62-8120-4f0c-a7bc-87800b9d6f70}"));
        AssertFullyModelled(account);
        Assert.That(account.Type, Is.Not.Null);
    }

    [Test]
    public async Task AddDefaultReviewer()
    {
        var account = await _prism.CallAsync(c => c.PullRequests.AddDefaultReviewerAsync(Ws, Repo, "557058:ann"));
        AssertFullyModelled(account);
        Assert.That(account.Type, Is.Not.Null);
    }

    [Test]
    public async Task RemoveDefaultReviewer() =>
        await _prism.CallAsync(c => c.PullRequests.RemoveDefaultReviewerAsync(Ws, Repo, "557058:ann"));

    [Test]
    public async Task ListEffectiveDefaultReviewers()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.ListEffectiveDefaultReviewers(Ws, Repo)));
        AssertFullyModelled(page);
        Assert.That(page.Values.All(r => r.Type is not null), Is.True);
    }

    // ---- Approvals and change requests -------------------------------------------------------------------------------

    [Test]
    public async Task Approve()
    {
        var participant = await _prism.CallAsync(c => c.PullRequests.ApproveAsync(Ws, Repo, Id));
        AssertFullyModelled(participant);
        Assert.That(participant.Type, Is.Not.Null);
    }

    [Test]
    public async Task Unapprove() => await _prism.CallAsync(c => c.PullRequests.UnapproveAsync(Ws, Repo, Id));

    [Test]
    public async Task RequestChanges()
    {
        var participant = await _prism.CallAsync(c => c.PullRequests.RequestChangesAsync(Ws, Repo, Id));
        AssertFullyModelled(participant);
        Assert.That(participant.Type, Is.Not.Null);
    }

    [Test]
    public async Task RemoveChangeRequest() => await _prism.CallAsync(c => c.PullRequests.RemoveChangeRequestAsync(Ws, Repo, Id));

    // ---- Comments ----------------------------------------------------------------------------------------------------

    [Test]
    public async Task ListComments()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.ListComments(Ws, Repo, Id)));
        AssertFullyModelled(page);
        Assert.That(page.Values.All(v => v.Type is not null), Is.True);
    }

    [Test]
    public async Task CreateComment()
    {
        var comment = await _prism.CallAsync(c => c.PullRequests.CreateCommentAsync(Ws, Repo, Id, new PullRequestComment
        {
            Type = "pullrequest_comment",
            Content = new RenderedContent { Raw = "Should this be final?" },
            Inline = new CommentInline { Path = "src/Sprocket.cs", To = 12 },
            Parent = new Comment { Type = "pullrequest_comment", Id = 118571000 },
        }));
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetComment()
    {
        var comment = await _prism.CallAsync(c => c.PullRequests.GetCommentAsync(Ws, Repo, Id, 118571088L));
        AssertFullyModelled(comment);
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateComment()
    {
        var comment = await _prism.CallAsync(c => c.PullRequests.UpdateCommentAsync(Ws, Repo, Id, 118571088L, new PullRequestComment { Type = "pullrequest_comment", Content = new RenderedContent { Raw = "Edited" } }));
        AssertFullyModelled(comment);
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteComment() => await _prism.CallAsync(c => c.PullRequests.DeleteCommentAsync(Ws, Repo, Id, 118571088L));

    [Test]
    public async Task ResolveComment()
    {
        var resolution = await _prism.CallAsync(c => c.PullRequests.ResolveCommentAsync(Ws, Repo, Id, 118571088L));
        AssertFullyModelled(resolution);
        Assert.That(resolution.Type, Is.Not.Null);
    }

    [Test]
    public async Task ReopenComment() => await _prism.CallAsync(c => c.PullRequests.ReopenCommentAsync(Ws, Repo, Id, 118571088L));

    // ---- Tasks -------------------------------------------------------------------------------------------------------

    [Test]
    public async Task ListTasks()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.ListTasks(Ws, Repo, Id, new ListOptions { Query = "state=\"UNRESOLVED\"", Sort = "-created_on", PageLength = 10 })));
        AssertFullyModelled(page);
        Assert.That(page.Values.All(v => v.State is not null), Is.True);
    }

    [Test]
    public async Task CreateTask()
    {
        var task = await _prism.CallAsync(c => c.PullRequests.CreateTaskAsync(Ws, Repo, Id, new PullRequestTaskCreate
        {
            Content = new TaskRawContent { Raw = "Add a test" },
            Comment = new Comment { Type = "pullrequest_comment", Id = 118571088 },
            Pending = false,
        }));
        Assert.That(task.State, Is.Not.Null);
    }

    [Test]
    public async Task GetTask()
    {
        var task = await _prism.CallAsync(c => c.PullRequests.GetTaskAsync(Ws, Repo, Id, 7L));
        AssertFullyModelled(task);
        Assert.That(task.State, Is.Not.Null);
    }

    [Test]
    public async Task UpdateTask()
    {
        var task = await _prism.CallAsync(c => c.PullRequests.UpdateTaskAsync(Ws, Repo, Id, 7L, new PullRequestTaskUpdate { Content = new TaskRawContent { Raw = "Add two tests" }, State = TaskState.Resolved }));
        AssertFullyModelled(task);
        Assert.That(task.State, Is.Not.Null);
    }

    [Test]
    public async Task DeleteTask() => await _prism.CallAsync(c => c.PullRequests.DeleteTaskAsync(Ws, Repo, Id, 7L));

    // ---- Commits, statuses, conflicts, diffs -------------------------------------------------------------------------

    [Test]
    public Task ListCommits() => AssertAcceptedWithoutBodyAsync(c => c.PullRequests.ListCommits(Ws, Repo, Id));

    [Test]
    public async Task ListStatuses()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.PullRequests.ListStatuses(Ws, Repo, Id, new ListOptions { Query = "state=\"FAILED\"", Sort = "-created_on" })));
        AssertFullyModelled(page);
        Assert.That(page.Values.All(v => v.Key is not null), Is.True);
    }

    [Test]
    public Task ListConflicts() => AssertRedirectAcceptedAsync(c => FirstPageAsync(c.PullRequests.ListConflicts(Ws, Repo, Id)));

    [Test]
    public Task ListDiffStat() => AssertRedirectAcceptedAsync(c => FirstPageAsync(c.PullRequests.ListDiffStat(Ws, Repo, Id)));

    [Test]
    public Task GetDiff() => AssertRedirectAcceptedAsync(async c => await (await c.PullRequests.GetDiffAsync(Ws, Repo, Id)).DisposeAsync());

    [Test]
    public Task GetPatch() => AssertRedirectAcceptedAsync(async c => await (await c.PullRequests.GetPatchAsync(Ws, Repo, Id)).DisposeAsync());

    // ---- Merge -------------------------------------------------------------------------------------------------------

    [Test]
    public async Task Merge()
    {
        var status = await _prism.CallAsync(async c =>
        {
            using var response = await c.PullRequests.MergeAsync(Ws, Repo, Id, new PullRequestMergeParameters
            {
                Type = "pullrequest_merge_parameters",
                Message = "Merged in feature/sprockets",
                CloseSourceBranch = true,
                MergeStrategy = MergeStrategy.Squash,
            }, asynchronous: true);
            if (await BitbucketExceptionFactory.CreateAsync(response) is { } error)
            {
                throw error;
            }

            return response.StatusCode;
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task GetMergeTaskStatus()
    {
        // The description leaves this 200 without a body, so Prism answers an empty one, which Refit reads as null.
        var status = await _prism.CallAsync(c => c.PullRequests.GetMergeTaskStatusAsync(Ws, Repo, Id, "a1b2c3d4-e5f6"));
        AssertFullyModelled(status);
        Assert.That(status, Is.Null);
    }
}
