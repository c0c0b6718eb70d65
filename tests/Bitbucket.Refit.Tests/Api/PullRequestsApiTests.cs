using System.Net;
using System.Net.Http.Json;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Api;

public sealed class PullRequestsApiTests : ApiTestBase
{
    private const string Repo = "/2.0/repositories/acme/widgets";
    private const string Pr = Repo + "/pullrequests/42";

    protected override int? CatchAllPriority => 100;

    protected override bool AssertsBearerToken => true;

    private IPullRequestsApi PullRequests => Api<IPullRequestsApi>();

    // ---- Payloads shaped like Bitbucket's documented examples -------------------------------------------------------

    private const string AnnJson = """
        {"type":"user","display_name":"Ann Lee","uuid":"{b5f6a7c8-1111-4222-8333-944455556666}","account_id":"557058:ann","nickname":"ann",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/%7Bb5f6a7c8-1111-4222-8333-944455556666%7D"},"html":{"href":"https://bitbucket.org/%7Bb5f6a7c8-1111-4222-8333-944455556666%7D/"},"avatar":{"href":"https://avatar-management.example/ann.png"}}}
        """;

    private static string RepositoryJson => """
        {"type":"repository","name":"widgets","full_name":"acme/widgets","uuid":"{0f0e0d0c-aaaa-4bbb-8ccc-0d0e0f000102}",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets"},"html":{"href":"https://bitbucket.org/acme/widgets"}}}
        """;

    private static string PullRequestJson(int id = 42, string state = "OPEN") => Fill("""
        {"type":"pullrequest","id":@0@,"title":"Add sprockets","description":"Adds **sprockets**.",
         "summary":{"type":"rendered","raw":"Adds **sprockets**.","markup":"markdown","html":"<p>Adds <strong>sprockets</strong>.</p>"},
         "state":"@1@","author":@2@,
         "source":{"branch":{"name":"feature/sprockets"},"commit":{"type":"commit","hash":"728c8bad1813","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/728c8bad1813"}}},"repository":@3@},
         "destination":{"branch":{"name":"main"},"commit":{"type":"commit","hash":"6a2c16e4a152"},"repository":@4@},
         "merge_commit":null,"comment_count":3,"task_count":1,"close_source_branch":true,"closed_by":null,"reason":"",
         "created_on":"2026-05-10T06:48:25.305565+00:00","updated_on":"2026-05-11T07:00:00.000000+00:00",
         "reviewers":[@5@],
         "participants":[{"type":"participant","user":@6@,"role":"REVIEWER","approved":true,"state":"approved","participated_on":"2026-05-11T07:00:00+00:00"}],
         "draft":false,"queued":false,
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/@7@"},"html":{"href":"https://bitbucket.org/acme/widgets/pull-requests/@8@"},
                  "diff":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/@9@/diff"},"diffstat":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/@10@/diffstat"}}}
        """, id, state, AnnJson, RepositoryJson, RepositoryJson, AnnJson, AnnJson, id, id, id, id);

    /// <summary>Puts the values into the <c>@0@</c>, <c>@1@</c> … slots of a JSON template (raw strings cannot interpolate JSON braces).</summary>
    private static string Fill(string template, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            template = template.Replace("@" + i + "@", Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return template;
    }

    private const string CommentJson = """
        {"type":"pullrequest_comment","id":118571088,"created_on":"2026-05-11T00:33:46.039178+00:00","updated_on":"2026-05-11T00:33:46.055384+00:00",
         "content":{"type":"rendered","raw":"Should this be `final`?","markup":"markdown","html":"<p>Should this be <code>final</code>?</p>"},
         "user":{"type":"user","display_name":"Ann Lee","uuid":"{b5f6a7c8-1111-4222-8333-944455556666}","account_id":"557058:ann"},
         "deleted":false,"pending":false,
         "inline":{"from":null,"to":12,"path":"src/Sprocket.cs","outdated":false,"context_lines":""},
         "parent":{"id":118571000,"links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/comments/118571000"}}},
         "pullrequest":{"type":"pullrequest","id":42,"title":"Add sprockets","links":{"html":{"href":"https://bitbucket.org/acme/widgets/pull-requests/42"}}},
         "resolution":{"type":"comment_resolution","user":{"type":"user","display_name":"Bob"},"created_on":"2026-05-12T00:00:00+00:00"},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/comments/118571088"},"html":{"href":"https://bitbucket.org/acme/widgets/pull-requests/42/_/diff#comment-118571088"}}}
        """;

    private const string TaskJson = """
        {"id":7,"created_on":"2026-05-11T01:00:00+00:00","updated_on":"2026-05-11T02:00:00+00:00","state":"UNRESOLVED",
         "content":{"type":"rendered","raw":"Add a test","markup":"markdown","html":"<p>Add a test</p>"},
         "creator":{"type":"user","display_name":"Ann Lee","uuid":"{b5f6a7c8-1111-4222-8333-944455556666}"},
         "pending":false,"resolved_on":null,"resolved_by":null,
         "comment":{"type":"pullrequest_comment","id":118571088},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/tasks/7"},"html":{"href":"https://bitbucket.org/acme/widgets/pull-requests/42/_/diff#task-7"}}}
        """;

    private const string ParticipantJson = """
        {"type":"participant","user":{"type":"user","display_name":"Ann Lee","uuid":"{b5f6a7c8-1111-4222-8333-944455556666}"},
         "role":"PARTICIPANT","approved":true,"state":"approved","participated_on":"2026-05-11T07:00:00+00:00"}
        """;

    // ---- Pull requests -----------------------------------------------------------------------------------------------

    [Test]
    public async Task List_SendsEachStateAsItsOwnParameter_AndTheListOptions()
    {
        RespondToAll(Json(PageOf(PullRequestJson(42), PullRequestJson(43, "MERGED"))));

        var pullRequests = await ToListAsync(PullRequests.List("acme", "widgets", [PullRequestState.Open, PullRequestState.Merged],
            new ListOptions { Query = "author.nickname=\"ann\"", Sort = "-updated_on", PageLength = 50 }));

        AssertSent("GET", Repo + "/pullrequests?state=OPEN&state=MERGED&q=author.nickname%3D%22ann%22&sort=-updated_on&pagelen=50");
        Assert.Multiple(() =>
        {
            Assert.That(pullRequests.Select(p => p.Id), Is.EqualTo(new int?[] { 42, 43 }));
            Assert.That(pullRequests[1].State, Is.EqualTo(PullRequestState.Merged));
        });
    }

    [Test]
    public async Task List_WithoutStates_SendsNoStateParameter_AndUnknownStatesPassThrough()
    {
        RespondToAll(Json(PageOf(PullRequestJson(42, "QUEUED_FOR_MERGE"))));

        var pullRequests = await ToListAsync(PullRequests.List("acme", "widgets"));
        var second = await ToListAsync(PullRequests.List("acme", "widgets", [PullRequestState.FromValue("SUPERSEDED"), PullRequestState.Declined]));

        Assert.Multiple(() =>
        {
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Repo + "/pullrequests", Repo + "/pullrequests?state=SUPERSEDED&state=DECLINED" }));
            Assert.That(pullRequests.Single().State!.Value.Value, Is.EqualTo("QUEUED_FOR_MERGE"));
            Assert.That(second, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task List_FollowsNextLinks()
    {
        Mock.Server.Given(Request.Create().WithPath(Repo + "/pullrequests").WithParam("page", "2").UsingGet()).AtPriority(1)
            .RespondWith(Json(PageOf(PullRequestJson(41))));
        RespondToAll(Json(Fill("""{"pagelen":1,"values":[@0@],"next":"@1@@2@/pullrequests?state=OPEN&page=2"}""", PullRequestJson(42), Mock.Url, Repo)));

        var ids = (await ToListAsync(PullRequests.List("acme", "widgets", [PullRequestState.Open]))).Select(p => p.Id);

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new int?[] { 42, 41 }));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Repo + "/pullrequests?state=OPEN", Repo + "/pullrequests?state=OPEN&page=2" }));
        });
    }

    [Test]
    public async Task Create_PostsTheDocumentedMinimalShape()
    {
        RespondToAll(Json(PullRequestJson(), 201).WithHeader("Location", "https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42"));

        var created = await PullRequests.CreateAsync("acme", "widgets", new PullRequest
        {
            Type = "pullrequest",
            Title = "Add sprockets",
            Description = "Adds **sprockets**.",
            Source = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "feature/sprockets" } },
            Destination = new PullRequestEndpoint { Branch = new PullRequestEndpointBranch { Name = "main" } },
            Reviewers = [new Account { Uuid = "{504c3b62-8120-4f0c-a7bc-87800b9d6f70}" }],
            CloseSourceBranch = true,
            Draft = true,
        });

        AssertSent("POST", Repo + "/pullrequests");
        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(OnlyRequest.RequestMessage!.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("pullrequest"));
            Assert.That(body["title"]!.GetValue<string>(), Is.EqualTo("Add sprockets"));
            Assert.That(body["description"]!.GetValue<string>(), Is.EqualTo("Adds **sprockets**."));
            Assert.That(body["source"]!["branch"]!["name"]!.GetValue<string>(), Is.EqualTo("feature/sprockets"));
            Assert.That(body["destination"]!["branch"]!["name"]!.GetValue<string>(), Is.EqualTo("main"));
            Assert.That(body["reviewers"]![0]!["uuid"]!.GetValue<string>(), Is.EqualTo("{504c3b62-8120-4f0c-a7bc-87800b9d6f70}"));
            Assert.That(body["close_source_branch"]!.GetValue<bool>(), Is.True);
            Assert.That(body["draft"]!.GetValue<bool>(), Is.True);
            Assert.That(body.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "type", "title", "description", "source", "destination", "reviewers", "close_source_branch", "draft" }), "nulls are left out");
            Assert.That(created.Id, Is.EqualTo(42));
        });
    }

    [Test]
    public async Task Get_ReadsThePullRequest()
    {
        RespondToAll(Json(PullRequestJson()));

        var pr = await PullRequests.GetAsync("acme", "widgets", 42);

        AssertSent("GET", Pr);
        Assert.Multiple(() =>
        {
            Assert.That(pr.Type, Is.EqualTo("pullrequest"));
            Assert.That(pr.Title, Is.EqualTo("Add sprockets"));
            Assert.That(pr.Description, Is.EqualTo("Adds **sprockets**."));
            Assert.That(pr.Summary!.Markup, Is.EqualTo(MarkupLanguage.Markdown));
            Assert.That(pr.State, Is.EqualTo(PullRequestState.Open));
            Assert.That(pr.Author!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(pr.Source!.Branch!.Name, Is.EqualTo("feature/sprockets"));
            Assert.That(pr.Source.Commit!.Hash, Is.EqualTo("728c8bad1813"));
            Assert.That(pr.Source.Repository!.FullName, Is.EqualTo("acme/widgets"));
            Assert.That(pr.Destination!.Branch!.Name, Is.EqualTo("main"));
            Assert.That(pr.CommentCount, Is.EqualTo(3));
            Assert.That(pr.TaskCount, Is.EqualTo(1));
            Assert.That(pr.CloseSourceBranch, Is.True);
            Assert.That(pr.CreatedOn, Is.EqualTo(new DateTimeOffset(2026, 5, 10, 6, 48, 25, 305, TimeSpan.Zero).AddTicks(5650)));
            Assert.That(pr.Reviewers!.Single().Nickname, Is.EqualTo("ann"));
            Assert.That(pr.Participants!.Single().Role, Is.EqualTo(ParticipantRole.Reviewer));
            Assert.That(pr.Participants!.Single().State, Is.EqualTo(ParticipantState.Approved));
            Assert.That(pr.Links!.Html!.Href, Is.EqualTo("https://bitbucket.org/acme/widgets/pull-requests/42"));
            Assert.That(pr.Links.DiffStat!.Href, Does.EndWith("/pullrequests/42/diffstat"));
        });
    }

    [TestCase("team/widgets", "team%2Fwidgets")]
    [TestCase("my widgets", "my%20widgets")]
    public async Task Get_EscapesTheRepositorySlugAsOneSegment(string slug, string escaped)
    {
        RespondToAll(Json(PullRequestJson()));

        await PullRequests.GetAsync("acme", slug, 42);

        AssertSent("GET", "/2.0/repositories/acme/" + escaped + "/pullrequests/42");
    }

    [Test]
    public async Task Update_PutsTheChangedFields()
    {
        RespondToAll(Json(PullRequestJson()));

        var updated = await PullRequests.UpdateAsync("acme", "widgets", 42, new PullRequest { Type = "pullrequest", Title = "Add sprockets (v2)", Reviewers = [] });

        AssertSent("PUT", Pr);
        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("pullrequest"));
            Assert.That(body["title"]!.GetValue<string>(), Is.EqualTo("Add sprockets (v2)"));
            Assert.That(body["reviewers"]!.AsArray(), Is.Empty);
            Assert.That(updated.Id, Is.EqualTo(42));
        });
    }

    [Test]
    public async Task ListForCommit_ReadsThePullRequestsOfACommit()
    {
        RespondToAll(Json(PageOf(PullRequestJson(42, "MERGED"))));

        var pullRequests = await ToListAsync(PullRequests.ListForCommit("acme", "widgets", "728c8bad1813", new ListOptions { PageLength = 20 }));

        AssertSent("GET", Repo + "/commit/728c8bad1813/pullrequests?pagelen=20");
        Assert.That(pullRequests.Single().State, Is.EqualTo(PullRequestState.Merged));
    }

    [Test]
    public async Task Decline_PostsWithoutBody_AndReadsTheDeclinedPullRequest()
    {
        RespondToAll(Json(PullRequestJson(42, "DECLINED")));

        var declined = await PullRequests.DeclineAsync("acme", "widgets", 42);

        AssertSent("POST", Pr + "/decline");
        Assert.Multiple(() =>
        {
            Assert.That(OnlyRequest.RequestMessage!.Body, Is.Null.Or.Empty);
            Assert.That(declined.State, Is.EqualTo(PullRequestState.Declined));
        });
    }

    // ---- Activity ----------------------------------------------------------------------------------------------------

    private static string ActivityPage => Fill("""
        {"pagelen":20,"values":[
          {"update":{"description":"","title":"Add sprockets","state":"OPEN","reason":"","date":"2026-05-10T06:48:25.305565+00:00","author":@0@,
                     "source":{"branch":{"name":"feature/sprockets"},"commit":{"type":"commit","hash":"728c8bad1813"},"repository":@1@},
                     "destination":{"branch":{"name":"main"},"commit":{"type":"commit","hash":"6a2c16e4a152"},"repository":@2@},
                     "changes":{"status":{"old":"","new":"open"}}},
           "pull_request":{"type":"pullrequest","id":42,"title":"Add sprockets","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42"}}}},
          {"approval":{"date":"2026-05-11T00:37:19.849534+00:00","user":@3@,"pullrequest":{"type":"pullrequest","id":42,"title":"Add sprockets"}},
           "pull_request":{"type":"pullrequest","id":42,"title":"Add sprockets"}},
          {"comment":@4@,"pull_request":{"type":"pullrequest","id":42,"title":"Add sprockets"}},
          {"changes_requested":{"date":"2026-05-11T03:00:00+00:00","user":{"type":"user","display_name":"Bob"},"pullrequest":{"type":"pullrequest","id":42}},
           "pull_request":{"type":"pullrequest","id":42,"title":"Add sprockets"}}
        ]}
        """, AnnJson, RepositoryJson, RepositoryJson, AnnJson, CommentJson);

    [Test]
    public async Task ListActivity_ReadsUpdatesApprovalsCommentsAndChangeRequests()
    {
        RespondToAll(Json(ActivityPage));

        var entries = await ToListAsync(PullRequests.ListActivity("acme", "widgets", 42, new ListOptions { PageLength = 20 }));

        AssertSent("GET", Pr + "/activity?pagelen=20");
        Assert.That(entries, Has.Count.EqualTo(4));
        Assert.Multiple(() =>
        {
            Assert.That(entries[0].Update!.State, Is.EqualTo(PullRequestState.Open));
            Assert.That(entries[0].Update!.Author!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(entries[0].Update!.Date, Is.EqualTo(new DateTimeOffset(2026, 5, 10, 6, 48, 25, 305, TimeSpan.Zero).AddTicks(5650)));
            Assert.That(entries[0].Update!.Source!.Commit!.Hash, Is.EqualTo("728c8bad1813"));
            Assert.That(entries[0].Update!.AdditionalProperties!.ContainsKey("changes"), Is.True);
            Assert.That(entries[0].PullRequest!.Id, Is.EqualTo(42));
            Assert.That(entries[0].Approval, Is.Null);
            Assert.That(entries[1].Approval!.User!.Nickname, Is.EqualTo("ann"));
            Assert.That(entries[1].Approval!.PullRequest!.Id, Is.EqualTo(42));
            Assert.That(entries[2].Comment!.Id, Is.EqualTo(118571088));
            Assert.That(entries[2].Comment!.Inline!.To, Is.EqualTo(12));
            Assert.That(entries[3].ChangesRequested!.User!.DisplayName, Is.EqualTo("Bob"));
            Assert.That(entries[3].ChangesRequested!.Date, Is.EqualTo(new DateTimeOffset(2026, 5, 11, 3, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task ListRepositoryActivity_ReadsTheLogOfAllPullRequests()
    {
        RespondToAll(Json(ActivityPage));

        var entries = await ToListAsync(PullRequests.ListRepositoryActivity("acme", "widgets"));

        AssertSent("GET", Repo + "/pullrequests/activity");
        Assert.That(entries.Select(e => e.PullRequest!.Title).Distinct(), Is.EqualTo(new[] { "Add sprockets" }));
    }

    // ---- Default reviewers -------------------------------------------------------------------------------------------

    [Test]
    public async Task ListDefaultReviewers_ReadsAccounts()
    {
        RespondToAll(Json(PageOf(AnnJson)));

        var reviewers = await ToListAsync(PullRequests.ListDefaultReviewers("acme", "widgets"));

        AssertSent("GET", Repo + "/default-reviewers");
        Assert.That(reviewers.Single().AccountId, Is.EqualTo("557058:ann"));
    }

    [Test]
    public async Task ListEffectiveDefaultReviewers_ReadsReviewerType()
    {
        RespondToAll(Json(PageOf(Fill("""{"type":"default_reviewer","reviewer_type":"project","user":@0@}""", AnnJson))));

        var reviewers = await ToListAsync(PullRequests.ListEffectiveDefaultReviewers("acme", "widgets", new ListOptions { PageLength = 100 }));

        AssertSent("GET", Repo + "/effective-default-reviewers?pagelen=100");
        Assert.Multiple(() =>
        {
            Assert.That(reviewers.Single().ReviewerType, Is.EqualTo("project"));
            Assert.That(reviewers.Single().User!.DisplayName, Is.EqualTo("Ann Lee"));
        });
    }

    [Test]
    public async Task GetDefaultReviewer_EscapesTheUuidBraces()
    {
        RespondToAll(Json(AnnJson));

        var reviewer = await PullRequests.GetDefaultReviewerAsync("acme", "widgets", "{b5f6a7c8-1111-4222-8333-944455556666}");

        AssertSent("GET", Repo + "/default-reviewers/%7Bb5f6a7c8-1111-4222-8333-944455556666%7D");
        Assert.That(reviewer.Uuid, Is.EqualTo("{b5f6a7c8-1111-4222-8333-944455556666}"));
    }

    [Test]
    public async Task AddDefaultReviewer_PutsWithoutBody()
    {
        RespondToAll(Json(AnnJson));

        var reviewer = await PullRequests.AddDefaultReviewerAsync("acme", "widgets", "557058:ann");

        AssertSent("PUT", Repo + "/default-reviewers/557058:ann");
        Assert.Multiple(() =>
        {
            Assert.That(OnlyRequest.RequestMessage!.Body, Is.Null.Or.Empty);
            Assert.That(reviewer.Nickname, Is.EqualTo("ann"));
        });
    }

    // ---- Bodiless commands answered 204 ------------------------------------------------------------------------------

    public static IEnumerable<TestCaseData> NoContentCommands()
    {
        yield return new TestCaseData((Func<IPullRequestsApi, Task>)(a => a.RemoveDefaultReviewerAsync("acme", "widgets", "ann")), "DELETE", Repo + "/default-reviewers/ann").SetName("RemoveDefaultReviewer");
        yield return new TestCaseData((Func<IPullRequestsApi, Task>)(a => a.UnapproveAsync("acme", "widgets", 42)), "DELETE", Pr + "/approve").SetName("Unapprove");
        yield return new TestCaseData((Func<IPullRequestsApi, Task>)(a => a.RemoveChangeRequestAsync("acme", "widgets", 42)), "DELETE", Pr + "/request-changes").SetName("RemoveChangeRequest");
        yield return new TestCaseData((Func<IPullRequestsApi, Task>)(a => a.DeleteCommentAsync("acme", "widgets", 42, 118571088L)), "DELETE", Pr + "/comments/118571088").SetName("DeleteComment");
        yield return new TestCaseData((Func<IPullRequestsApi, Task>)(a => a.ReopenCommentAsync("acme", "widgets", 42, 118571088L)), "DELETE", Pr + "/comments/118571088/resolve").SetName("ReopenComment");
        yield return new TestCaseData((Func<IPullRequestsApi, Task>)(a => a.DeleteTaskAsync("acme", "widgets", 42, 7L)), "DELETE", Pr + "/tasks/7").SetName("DeleteTask");
    }

    [TestCaseSource(nameof(NoContentCommands))]
    public async Task NoContentCommand_SendsMethodAndPath(Func<IPullRequestsApi, Task> call, string method, string target)
    {
        RespondToAll(Response.Create().WithStatusCode(204));

        await call(PullRequests);

        AssertSent(method, target);
    }

    [Test]
    public void NoContentCommand_FailureIsThrown()
    {
        RespondToAll(Json("""{"type":"error","error":{"message":"You can't remove an approval you never gave."}}""", 400));

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => PullRequests.UnapproveAsync("acme", "widgets", 42));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    // ---- Approvals and change requests -------------------------------------------------------------------------------

    [Test]
    public async Task Approve_PostsWithoutBody_AndReadsTheParticipant()
    {
        RespondToAll(Json(ParticipantJson));

        var participant = await PullRequests.ApproveAsync("acme", "widgets", 42);

        AssertSent("POST", Pr + "/approve");
        Assert.Multiple(() =>
        {
            Assert.That(OnlyRequest.RequestMessage!.Body, Is.Null.Or.Empty);
            Assert.That(participant.Approved, Is.True);
            Assert.That(participant.Role, Is.EqualTo(ParticipantRole.Participant));
            Assert.That(participant.User!.DisplayName, Is.EqualTo("Ann Lee"));
        });
    }

    [Test]
    public async Task RequestChanges_PostsWithoutBody_AndReadsTheParticipant()
    {
        RespondToAll(Json(ParticipantJson.Replace("\"approved\":true", "\"approved\":false").Replace("\"state\":\"approved\"", "\"state\":\"changes_requested\"")));

        var participant = await PullRequests.RequestChangesAsync("acme", "widgets", 42);

        AssertSent("POST", Pr + "/request-changes");
        Assert.Multiple(() =>
        {
            Assert.That(participant.State, Is.EqualTo(ParticipantState.ChangesRequested));
            Assert.That(participant.Approved, Is.False);
        });
    }

    // ---- Comments ----------------------------------------------------------------------------------------------------

    [Test]
    public async Task ListComments_ReadsInlineRepliesAndResolution()
    {
        RespondToAll(Json(PageOf(CommentJson)));

        var comments = await ToListAsync(PullRequests.ListComments("acme", "widgets", 42, new ListOptions { Query = "deleted=false", Sort = "created_on" }));

        AssertSent("GET", Pr + "/comments?q=deleted%3Dfalse&sort=created_on");
        var comment = comments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Type, Is.EqualTo("pullrequest_comment"));
            Assert.That(comment.Id, Is.EqualTo(118571088));
            Assert.That(comment.Content!.Raw, Is.EqualTo("Should this be `final`?"));
            Assert.That(comment.Inline!.Path, Is.EqualTo("src/Sprocket.cs"));
            Assert.That(comment.Inline.To, Is.EqualTo(12));
            Assert.That(comment.Inline.From, Is.Null);
            Assert.That(comment.Parent!.Id, Is.EqualTo(118571000));
            Assert.That(comment.PullRequest!.Id, Is.EqualTo(42));
            Assert.That(comment.Resolution!.User!.DisplayName, Is.EqualTo("Bob"));
            Assert.That(comment.Deleted, Is.False);
            Assert.That(comment.Links!.Html!.Href, Does.EndWith("#comment-118571088"));
        });
    }

    [Test]
    public async Task CreateComment_SendsContentRaw()
    {
        RespondToAll(Json(CommentJson, 201));

        var created = await PullRequests.CreateCommentAsync("acme", "widgets", 42, new PullRequestComment
        {
            Type = "pullrequest_comment",
            Content = new RenderedContent { Raw = "Looks good!" },
        });

        AssertSent("POST", Pr + "/comments");
        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"type":"pullrequest_comment","content":{"raw":"Looks good!"}}"""));
            Assert.That(created.Id, Is.EqualTo(118571088));
        });
    }

    [Test]
    public async Task CreateComment_InlineReply_SendsInlineAndParent()
    {
        RespondToAll(Json(CommentJson, 201));

        await PullRequests.CreateCommentAsync("acme", "widgets", 42, new PullRequestComment
        {
            Type = "pullrequest_comment",
            Content = new RenderedContent { Raw = "Yes, it should." },
            Inline = new CommentInline { Path = "src/Sprocket.cs", To = 12 },
            Parent = new Comment { Id = 118571000 },
        });

        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(body["content"]!["raw"]!.GetValue<string>(), Is.EqualTo("Yes, it should."));
            Assert.That(body["inline"]!.ToJsonString(), Is.EqualTo("""{"to":12,"path":"src/Sprocket.cs"}"""));
            Assert.That(body["parent"]!.ToJsonString(), Is.EqualTo("""{"id":118571000}"""));
        });
    }

    [Test]
    public async Task GetComment_ReadsTheComment()
    {
        RespondToAll(Json(CommentJson));

        var comment = await PullRequests.GetCommentAsync("acme", "widgets", 42, 118571088L);

        AssertSent("GET", Pr + "/comments/118571088");
        Assert.That(comment.User!.AccountId, Is.EqualTo("557058:ann"));
    }

    [Test]
    public async Task UpdateComment_PutsTheNewText()
    {
        RespondToAll(Json(CommentJson));

        await PullRequests.UpdateCommentAsync("acme", "widgets", 42, 118571088L, new PullRequestComment { Type = "pullrequest_comment", Content = new RenderedContent { Raw = "Edited" } });

        AssertSent("PUT", Pr + "/comments/118571088");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pullrequest_comment","content":{"raw":"Edited"}}"""));
    }

    [Test]
    public async Task ResolveComment_ReadsTheResolution()
    {
        RespondToAll(Json("""{"type":"comment_resolution","user":{"type":"user","display_name":"Ann Lee"},"created_on":"2026-05-12T08:00:00+00:00"}"""));

        var resolution = await PullRequests.ResolveCommentAsync("acme", "widgets", 42, 118571088L);

        AssertSent("POST", Pr + "/comments/118571088/resolve");
        Assert.Multiple(() =>
        {
            Assert.That(resolution.Type, Is.EqualTo("comment_resolution"));
            Assert.That(resolution.User!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(resolution.CreatedOn, Is.EqualTo(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void ResolveComment_AlreadyResolved_IsAConflict()
    {
        RespondToAll(Json("""{"type":"error","error":{"message":"Comment is already resolved"}}""", 409));

        Assert.ThrowsAsync<BitbucketConflictException>(() => PullRequests.ResolveCommentAsync("acme", "widgets", 42, 1L));
    }

    // ---- Tasks -------------------------------------------------------------------------------------------------------

    [Test]
    public async Task ListTasks_ReadsTasks()
    {
        RespondToAll(Json(PageOf(TaskJson)));

        var tasks = await ToListAsync(PullRequests.ListTasks("acme", "widgets", 42, new ListOptions { Query = "state=\"UNRESOLVED\"" }));

        AssertSent("GET", Pr + "/tasks?q=state%3D%22UNRESOLVED%22");
        var task = tasks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(task.Id, Is.EqualTo(7));
            Assert.That(task.State, Is.EqualTo(TaskState.Unresolved));
            Assert.That(task.Content!.Raw, Is.EqualTo("Add a test"));
            Assert.That(task.Creator!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(task.Comment!.Id, Is.EqualTo(118571088));
            Assert.That(task.Links!.Html!.Href, Does.EndWith("#task-7"));
        });
    }

    [Test]
    public async Task CreateTask_SendsContentRawAndComment()
    {
        RespondToAll(Json(TaskJson, 201));

        var task = await PullRequests.CreateTaskAsync("acme", "widgets", 42, new PullRequestTaskCreate
        {
            Content = new TaskRawContent { Raw = "Add a test" },
            Comment = new Comment { Id = 118571088 },
            Pending = false,
        });

        AssertSent("POST", Pr + "/tasks");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"content":{"raw":"Add a test"},"comment":{"id":118571088},"pending":false}"""));
            Assert.That(task.Id, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task GetTask_ReadsTheTask()
    {
        RespondToAll(Json(TaskJson.Replace("\"UNRESOLVED\"", "\"RESOLVED\"").Replace("\"resolved_on\":null", "\"resolved_on\":\"2026-05-12T00:00:00+00:00\"")));

        var task = await PullRequests.GetTaskAsync("acme", "widgets", 42, 7L);

        AssertSent("GET", Pr + "/tasks/7");
        Assert.Multiple(() =>
        {
            Assert.That(task.State, Is.EqualTo(TaskState.Resolved));
            Assert.That(task.ResolvedOn, Is.EqualTo(new DateTimeOffset(2026, 5, 12, 0, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task UpdateTask_PutsStateAndContent()
    {
        RespondToAll(Json(TaskJson));

        await PullRequests.UpdateTaskAsync("acme", "widgets", 42, 7L, new PullRequestTaskUpdate { Content = new TaskRawContent { Raw = "Add two tests" }, State = TaskState.Resolved });

        AssertSent("PUT", Pr + "/tasks/7");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"content":{"raw":"Add two tests"},"state":"RESOLVED"}"""));
    }

    // ---- Commits, statuses -------------------------------------------------------------------------------------------

    [Test]
    public async Task ListCommits_ReadsCommits()
    {
        RespondToAll(Json(PageOf(Fill("""
            {"type":"commit","hash":"728c8bad1813a7c1d0e4b5f6a7b8c9d0e1f2a3b4","date":"2026-05-10T06:40:00+00:00","message":"Add sprockets\n",
             "author":{"type":"author","raw":"Ann Lee <ann@example.com>","user":@0@},
             "parents":[{"type":"commit","hash":"6a2c16e4a152"}],"repository":@1@,
             "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/728c8bad1813"}}}
            """, AnnJson, RepositoryJson))));

        var commits = await ToListAsync(PullRequests.ListCommits("acme", "widgets", 42));

        AssertSent("GET", Pr + "/commits");
        var commit = commits.Single();
        Assert.Multiple(() =>
        {
            Assert.That(commit.Hash, Is.EqualTo("728c8bad1813a7c1d0e4b5f6a7b8c9d0e1f2a3b4"));
            Assert.That(commit.Message, Is.EqualTo("Add sprockets\n"));
            Assert.That(commit.Author!.Raw, Is.EqualTo("Ann Lee <ann@example.com>"));
            Assert.That(commit.Author.User!.Nickname, Is.EqualTo("ann"));
            Assert.That(commit.Parents!.Single().Hash, Is.EqualTo("6a2c16e4a152"));
        });
    }

    [Test]
    public async Task ListStatuses_ReadsBuildStatuses()
    {
        RespondToAll(Json(PageOf("""
            {"type":"build","key":"BB-DEPLOY","state":"SUCCESSFUL","name":"BB-DEPLOY-1","refname":"feature/sprockets","url":"https://ci.example.com/builds/1",
             "description":"Unit tests","created_on":"2026-05-10T07:00:00+00:00","updated_on":"2026-05-10T07:05:00+00:00",
             "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/728c8bad1813/statuses/build/BB-DEPLOY"},"commit":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/728c8bad1813"}}}
            """)));

        var statuses = await ToListAsync(PullRequests.ListStatuses("acme", "widgets", 42, new ListOptions { Query = "state=\"FAILED\"", Sort = "-created_on" }));

        AssertSent("GET", Pr + "/statuses?q=state%3D%22FAILED%22&sort=-created_on");
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Single().Key, Is.EqualTo("BB-DEPLOY"));
            Assert.That(statuses.Single().State, Is.EqualTo(CommitStatusState.Successful));
            Assert.That(statuses.Single().RefName, Is.EqualTo("feature/sprockets"));
        });
    }

    // ---- Redirected endpoints: diff, patch, diffstat, conflicts --------------------------------------------------------

    /// <summary>Answers <paramref name="path"/> with Bitbucket's 302 to the repository-level resource and serves that.</summary>
    private string Redirect(string path, string targetPath, string targetQuery, IResponseBuilder target)
    {
        var location = $"{Mock.Url}{targetPath}?{targetQuery}";
        Mock.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location));
        // WireMock decodes the path before matching (%0D becomes a carriage return): match the target by its prefix.
        var prefix = targetPath[..targetPath.IndexOf('%', StringComparison.Ordinal)];
        Mock.Server.Given(Request.Create().WithPath(p => p.StartsWith(prefix, StringComparison.Ordinal)).UsingGet()).AtPriority(2).RespondWith(target);
        return location;
    }

    private const string Spec = "acme/widgets:728c8bad1813%0D6a2c16e4a152";

    private const string DiffText = """
        diff --git a/src/Sprocket.cs b/src/Sprocket.cs
        new file mode 100644
        --- /dev/null
        +++ b/src/Sprocket.cs
        @@ -0,0 +1 @@
        +public sealed class Sprocket;

        """;

    [Test]
    public async Task GetDiff_FollowsTheRedirect_AndStreamsTheText()
    {
        Redirect(Pr + "/diff", Repo + "/diff/" + Spec, "from_pullrequest_id=42&topic=true",
            Text(DiffText));

        await using var stream = await PullRequests.GetDiffAsync("acme", "widgets", 42);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(DiffText));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Pr + "/diff", Repo + "/diff/" + Spec + "?from_pullrequest_id=42&topic=true" }));
            Assert.That(Mock.Requests.Select(r => r.RequestMessage!.Method), Is.EqualTo(new[] { "GET", "GET" }));
            Assert.That(Mock.Requests[0].RequestMessage!.Headers!["Authorization"].Single(), Is.EqualTo("Bearer t"));
        });
    }

    [Test]
    public async Task GetDiff_IsNotBuffered()
    {
        Redirect(Pr + "/diff", Repo + "/diff/" + Spec, "from_pullrequest_id=42",
            Text(new string('+', 256 * 1024)));

        await using var stream = await PullRequests.GetDiffAsync("acme", "widgets", 42);

        Assert.That(stream.CanSeek, Is.False, "the body is read from the network as the caller reads it");
        var buffer = new byte[1024];
        Assert.That(await stream.ReadAsync(buffer), Is.GreaterThan(0));
    }

    [Test]
    public async Task GetPatch_FollowsTheRedirect_AndStreamsTheText()
    {
        const string patch = "From 728c8bad1813 Mon Sep 17 00:00:00 2001\nFrom: Ann Lee <ann@example.com>\nSubject: [PATCH] Add sprockets\n\n---\n";
        Redirect(Pr + "/patch", Repo + "/patch/" + Spec, "from_pullrequest_id=42&topic=true",
            Text(patch));

        await using var stream = await PullRequests.GetPatchAsync("acme", "widgets", 42);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(patch));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Pr + "/patch", Repo + "/patch/" + Spec + "?from_pullrequest_id=42&topic=true" }));
        });
    }

    [Test]
    public async Task ListDiffStat_FollowsTheRedirect_AndThePages()
    {
        var stat = """
            {"type":"diffstat","status":"modified","lines_added":2,"lines_removed":1,
             "old":{"type":"commit_file","path":"setup.py","escaped_path":"setup.py"},"new":{"type":"commit_file","path":"setup.py","escaped_path":"setup.py"}}
            """;
        Redirect(Pr + "/diffstat", Repo + "/diffstat/" + Spec, "from_pullrequest_id=42&topic=true",
            Json(Fill("""{"pagelen":500,"values":[@0@],"next":"@1@@2@/diffstat/@3@?from_pullrequest_id=42&topic=true&page=2"}""", stat, Mock.Url, Repo, Spec)));
        Mock.Server.Given(Request.Create().WithPath(p => p.StartsWith(Repo + "/diffstat/", StringComparison.Ordinal)).WithParam("page", "2").UsingGet()).AtPriority(0)
            .RespondWith(Json(Fill("""{"pagelen":500,"values":[@0@]}""", stat.Replace("modified", "added"))));

        var stats = await ToListAsync(PullRequests.ListDiffStat("acme", "widgets", 42));

        Assert.Multiple(() =>
        {
            Assert.That(stats.Select(s => s.Status), Is.EqualTo(new DiffStatStatus?[] { DiffStatStatus.Modified, DiffStatStatus.Added }));
            Assert.That(stats[0].LinesAdded, Is.EqualTo(2));
            Assert.That(stats[0].New!.Path, Is.EqualTo("setup.py"));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[]
            {
                Pr + "/diffstat",
                Repo + "/diffstat/" + Spec + "?from_pullrequest_id=42&topic=true",
                Repo + "/diffstat/" + Spec + "?from_pullrequest_id=42&topic=true&page=2",
            }));
        });
    }

    [Test]
    public async Task ListConflicts_FollowsTheRedirect()
    {
        Redirect(Pr + "/conflicts", Repo + "/file-conflicts/" + Spec, "from_pullrequest_id=42",
            Json("""{"pagelen":500,"page":1,"size":2,"values":[{"path":"src/main/App.java","scenario":"content","message":"File modified in both source and destination"},{"path":"README.md","scenario":"delete_modify","message":"File deleted in source and modified in destination"}]}"""));

        var conflicts = await ToListAsync(PullRequests.ListConflicts("acme", "widgets", 42, new ListOptions { PageLength = 100 }));

        Assert.Multiple(() =>
        {
            Assert.That(conflicts.Select(c => c.Path), Is.EqualTo(new[] { "src/main/App.java", "README.md" }));
            Assert.That(conflicts.Select(c => c.Scenario), Is.EqualTo(new FileConflictScenario?[] { FileConflictScenario.Content, FileConflictScenario.DeleteModify }));
            Assert.That(Mock.RawTargets[0], Is.EqualTo(Pr + "/conflicts?pagelen=100"));
        });
    }

    // ---- Merge -------------------------------------------------------------------------------------------------------

    [Test]
    public async Task Merge_Synchronous_SendsParametersAndAsyncFalse_AndReturnsThePullRequest()
    {
        RespondToAll(Json(PullRequestJson(42, "MERGED")));

        using var response = await PullRequests.MergeAsync("acme", "widgets", 42, new PullRequestMergeParameters
        {
            Type = "pullrequest_merge_parameters",
            Message = "Merged in feature/sprockets (pull request #42)",
            CloseSourceBranch = true,
            MergeStrategy = MergeStrategy.Squash,
        }, asynchronous: false);
        var merged = await response.Content.ReadFromJsonAsync(BitbucketJsonContext.Default.PullRequest);

        AssertSent("POST", Pr + "/merge?async=false");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pullrequest_merge_parameters","message":"Merged in feature/sprockets (pull request #42)","close_source_branch":true,"merge_strategy":"squash"}"""));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(merged!.State, Is.EqualTo(PullRequestState.Merged));
        });
    }

    [Test]
    public async Task Merge_WithOnlyTheType_SendsNoAsync()
    {
        RespondToAll(Json(PullRequestJson(42, "MERGED")));

        using var response = await PullRequests.MergeAsync("acme", "widgets", 42, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters" });

        AssertSent("POST", Pr + "/merge");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pullrequest_merge_parameters"}"""));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Merge_Accepted_ExposesTheTaskLocation()
    {
        var location = "https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/merge/task-status/a1b2c3d4-e5f6";
        RespondToAll(Response.Create().WithStatusCode(202).WithHeader("Location", location));

        using var response = await PullRequests.MergeAsync("acme", "widgets", 42, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters" }, asynchronous: true);

        AssertSent("POST", Pr + "/merge?async=true");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(response.Headers.Location, Is.EqualTo(new Uri(location)));
            Assert.That(PullRequestsApiExtensions.GetMergeTaskId(response.Headers.Location), Is.EqualTo("a1b2c3d4-e5f6"));
        });
    }

    [Test]
    public async Task Merge_Failure_IsReturned_AndTheFactoryReadsBitbucketsError()
    {
        RespondToAll(Json("""{"type":"error","error":{"message":"You can't merge until all tasks are resolved."}}""", 555));

        using var response = await PullRequests.MergeAsync("acme", "widgets", 42, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters" });
        var error = await BitbucketExceptionFactory.CreateAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(555));
            Assert.That(error, Is.InstanceOf<BitbucketApiException>());
            Assert.That(error!.Message, Does.Contain("all tasks are resolved"));
        });
    }

    [TestCase("https://api.bitbucket.org/2.0/repositories/a/b/pullrequests/1/merge/task-status/abc", "abc")]
    [TestCase("/2.0/repositories/a/b/pullrequests/1/merge/task-status/abc%7B1%7D?x=1", "abc{1}")]
    [TestCase("https://api.bitbucket.org/2.0/repositories/a/b/pullrequests/1", null)]
    [TestCase("https://api.bitbucket.org/2.0/repositories/a/b/pullrequests/1/merge/task-status/", null)]
    public void GetMergeTaskId_ReadsTheLastSegment(string location, string? expected) =>
        Assert.That(PullRequestsApiExtensions.GetMergeTaskId(new Uri(location, UriKind.RelativeOrAbsolute)), Is.EqualTo(expected));

    [Test]
    public async Task GetMergeTaskStatus_ReadsPendingAndSuccess()
    {
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge/task-status/t-1").UsingGet()).AtPriority(1)
            .RespondWith(Json("""{"task_status":"PENDING","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/merge/task-status/t-1"}}}"""));
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge/task-status/t-2").UsingGet()).AtPriority(1)
            .RespondWith(Json(Fill("""{"task_status":"SUCCESS","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/merge/task-status/t-2"}},"merge_result":@0@}""", PullRequestJson(42, "MERGED"))));

        var pending = await PullRequests.GetMergeTaskStatusAsync("acme", "widgets", 42, "t-1");
        var success = await PullRequests.GetMergeTaskStatusAsync("acme", "widgets", 42, "t-2");

        Assert.Multiple(() =>
        {
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Pr + "/merge/task-status/t-1", Pr + "/merge/task-status/t-2" }));
            Assert.That(pending.TaskStatus, Is.EqualTo(MergeTaskState.Pending));
            Assert.That(pending.MergeResult, Is.Null);
            Assert.That(pending.Links!.Self!.Href, Does.EndWith("/merge/task-status/t-1"));
            Assert.That(success.TaskStatus, Is.EqualTo(MergeTaskState.Success));
            Assert.That(success.MergeResult!.State, Is.EqualTo(PullRequestState.Merged));
        });
    }

    [Test]
    public async Task MergeAndWait_Accepted_PollsAfterEachDelayUntilSuccess()
    {
        const string scenario = "merge";
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge").UsingPost())
            .InScenario(scenario).WillSetStateTo("accepted")
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Location", $"{Mock.Url}{Pr}/merge/task-status/task%2B9"));
        Mock.Server.Given(Request.Create().WithPath(p => p.StartsWith(Pr + "/merge/task-status/task", StringComparison.Ordinal)).UsingGet())
            .InScenario(scenario).WhenStateIs("accepted").WillSetStateTo("pending")
            .RespondWith(Json("""{"task_status":"PENDING"}"""));
        Mock.Server.Given(Request.Create().WithPath(p => p.StartsWith(Pr + "/merge/task-status/task", StringComparison.Ordinal)).UsingGet())
            .InScenario(scenario).WhenStateIs("pending").WillSetStateTo("done")
            .RespondWith(Json(Fill("""{"task_status":"SUCCESS","merge_result":@0@}""", PullRequestJson(42, "MERGED"))));
        var clock = new FakeTimeProvider();
        var interval = TimeSpan.FromSeconds(5);

        var merging = PullRequests.MergeAndWaitAsync("acme", "widgets", 42, new PullRequestMergeParameters { Type = "pullrequest_merge_parameters", MergeStrategy = MergeStrategy.FastForward }, interval, clock);

        await WaitForRequestsAsync(1);
        await Task.Delay(200);
        Assert.Multiple(() =>
        {
            Assert.That(merging.IsCompleted, Is.False, "waits for the delay before polling");
            Assert.That(Mock.Requests, Has.Count.EqualTo(1));
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!merging.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(interval);
            await Task.Delay(50);
        }

        var merged = await merging;
        Assert.Multiple(() =>
        {
            Assert.That(merged.State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Pr + "/merge?async=true", Pr + "/merge/task-status/task+9", Pr + "/merge/task-status/task+9" }));
            Assert.That(SentJson()["merge_strategy"]!.GetValue<string>(), Is.EqualTo("fast_forward"));
            Assert.That(clock.GetUtcNow() - clock.Start, Is.GreaterThanOrEqualTo(interval * 2));
        });
    }

    private async Task WaitForRequestsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Mock.Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.That(Mock.Requests, Has.Count.GreaterThanOrEqualTo(count));
    }

    [Test]
    public async Task MergeAndWait_MergedAtOnce_ReturnsWithoutPolling()
    {
        RespondToAll(Json(PullRequestJson(42, "MERGED")));

        var merged = await PullRequests.MergeAndWaitAsync("acme", "widgets", 42, timeProvider: new FakeTimeProvider());

        Assert.Multiple(() =>
        {
            Assert.That(merged.State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Pr + "/merge?async=true" }));
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pullrequest_merge_parameters"}"""));
        });
    }

    [Test]
    public void MergeAndWait_RefusedMerge_IsThrown()
    {
        RespondToAll(Json("""{"type":"error","error":{"message":"This pull request can't be merged because it has conflicts."}}""", 400));

        var ex = Assert.ThrowsAsync<BitbucketApiException>(() => PullRequests.MergeAndWaitAsync("acme", "widgets", 42, timeProvider: new FakeTimeProvider()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(ex.Message, Does.Contain("conflicts"));
        });
    }

    [Test]
    public void MergeAndWait_FailedTask_IsThrown()
    {
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Location", $"{Mock.Url}{Pr}/merge/task-status/t-3"));
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge/task-status/t-3").UsingGet())
            .RespondWith(Json("""{"type":"error","error":{"message":"Merge failed: destination branch changed"}}""", 409));

        var ex = Assert.ThrowsAsync<BitbucketConflictException>(() => PullRequests.MergeAndWaitAsync("acme", "widgets", 42, pollInterval: TimeSpan.Zero));

        Assert.That(ex!.Message, Does.Contain("destination branch changed"));
    }

    [Test]
    public void MergeAndWait_AcceptedWithoutLocation_IsAnError()
    {
        RespondToAll(Response.Create().WithStatusCode(202));

        Assert.ThrowsAsync<InvalidOperationException>(() => PullRequests.MergeAndWaitAsync("acme", "widgets", 42, pollInterval: TimeSpan.Zero));
    }

    [Test]
    public void MergeAndWait_Cancelled_StopsPolling()
    {
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Location", $"{Mock.Url}{Pr}/merge/task-status/t-4"));
        Mock.Server.Given(Request.Create().WithPath(Pr + "/merge/task-status/t-4").UsingGet())
            .RespondWith(Json("""{"task_status":"PENDING"}"""));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.CatchAsync<OperationCanceledException>(() => PullRequests.MergeAndWaitAsync("acme", "widgets", 42, pollInterval: TimeSpan.FromMilliseconds(20), cancellationToken: cts.Token));
        Assert.That(Mock.Requests.Count(r => r.RequestMessage!.Path.EndsWith("/t-4", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1));
    }
}
