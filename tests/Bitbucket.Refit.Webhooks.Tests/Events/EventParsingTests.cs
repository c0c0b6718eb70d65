using System.Text.Json;
using Bitbucket.Models;

namespace Bitbucket.Webhooks.Tests.Events;

/// <summary>Each event key parses its documented payload into its own type, on the library's models.</summary>
public sealed class EventParsingTests
{
    private static readonly (string Key, Type Type)[] Expected =
    [
        ("repo:push", typeof(RepoPushEvent)),
        ("repo:fork", typeof(RepoForkEvent)),
        ("repo:updated", typeof(RepoUpdatedEvent)),
        ("repo:transfer", typeof(RepoTransferEvent)),
        ("repo:commit_comment_created", typeof(RepoCommitCommentCreatedEvent)),
        ("repo:commit_status_created", typeof(RepoCommitStatusCreatedEvent)),
        ("repo:commit_status_updated", typeof(RepoCommitStatusUpdatedEvent)),
        ("repo:created", typeof(RepoCreatedEvent)),
        ("repo:deleted", typeof(RepoDeletedEvent)),
        ("repo:imported", typeof(RepoImportedEvent)),
        ("project:updated", typeof(ProjectUpdatedEvent)),
        ("pullrequest:created", typeof(PullRequestCreatedEvent)),
        ("pullrequest:updated", typeof(PullRequestUpdatedEvent)),
        ("pullrequest:approved", typeof(PullRequestApprovedEvent)),
        ("pullrequest:unapproved", typeof(PullRequestUnapprovedEvent)),
        ("pullrequest:fulfilled", typeof(PullRequestFulfilledEvent)),
        ("pullrequest:rejected", typeof(PullRequestRejectedEvent)),
        ("pullrequest:changes_request_created", typeof(PullRequestChangesRequestCreatedEvent)),
        ("pullrequest:changes_request_removed", typeof(PullRequestChangesRequestRemovedEvent)),
        ("pullrequest:push", typeof(PullRequestPushEvent)),
        ("pullrequest:comment_created", typeof(PullRequestCommentCreatedEvent)),
        ("pullrequest:comment_updated", typeof(PullRequestCommentUpdatedEvent)),
        ("pullrequest:comment_deleted", typeof(PullRequestCommentDeletedEvent)),
        ("pullrequest:comment_resolved", typeof(PullRequestCommentResolvedEvent)),
        ("pullrequest:comment_reopened", typeof(PullRequestCommentReopenedEvent)),
    ];

    private static IEnumerable<TestCaseData> AllKeys() => Expected.Select(e => new TestCaseData(e.Key, e.Type).SetArgDisplayNames(e.Key));

    private static IEnumerable<TestCaseData> PullRequestKeys() => AllKeys().Where(t => ((string)t.Arguments[0]!).StartsWith("pullrequest:", StringComparison.Ordinal));

    private static T Parse<T>(string key) where T : WebhookEvent =>
        (T)WebhookEventParser.Parse(new WebhookEventKey(key), Payloads.Utf8(Payloads.ByKey[key]));

    [Test]
    public void EveryEventKeyOfTheIssue_AndEveryRepoOrPullRequestKeyOfWebhookEventKey_IsTyped()
    {
        var keyStruct = typeof(WebhookEventKey.Names).GetFields().Select(f => (string)f.GetRawConstantValue()!)
            .Where(k => k.StartsWith("repo:", StringComparison.Ordinal) || k.StartsWith("pullrequest:", StringComparison.Ordinal) || k.StartsWith("project:", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(WebhookEventParser.KnownEventKeys, Is.EquivalentTo(Expected.Select(e => e.Key)));
            Assert.That(WebhookEventParser.KnownEventKeys, Is.SupersetOf(keyStruct));
            Assert.That(Payloads.ByKey.Keys, Is.EquivalentTo(Expected.Select(e => e.Key)), "a documented payload per key");
        });
    }

    [TestCaseSource(nameof(AllKeys))]
    public void EachKey_ParsesItsPayload_IntoItsType_WithTheActorAndTheKey(string key, Type type)
    {
        var parsed = WebhookEventParser.Parse(new WebhookEventKey(key), Payloads.Utf8(Payloads.ByKey[key]));
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.TypeOf(type));
            Assert.That(parsed.EventKey.Value, Is.EqualTo(key));
            Assert.That(parsed.Actor!.DisplayName, Is.EqualTo("Emma"));
            Assert.That(parsed.Actor.Uuid, Is.EqualTo("{a54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3}"));
            Assert.That(parsed.AdditionalProperties, Is.Null.Or.Empty, "every top-level member of the documented payload is modelled");
            if (parsed is RepositoryEvent repositoryEvent)
            {
                Assert.That(repositoryEvent.Repository!.FullName, Is.EqualTo("team_name/repo_name"));
                Assert.That(repositoryEvent.Repository.Workspace!.Slug, Is.EqualTo("team_name"));
                Assert.That(repositoryEvent.Repository.Scm, Is.EqualTo(Scm.Git));
            }
        });
    }

    [TestCaseSource(nameof(PullRequestKeys))]
    public void PullRequestKeys_CarryThePullRequest(string key, Type type)
    {
        var parsed = (PullRequestEvent)WebhookEventParser.Parse(new WebhookEventKey(key), Payloads.Utf8(Payloads.ByKey[key]));
        var pr = parsed.PullRequest!;
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.TypeOf(type));
            Assert.That(pr.Id, Is.EqualTo(1));
            Assert.That(pr.Title, Is.EqualTo("Title of pull request"));
            Assert.That(pr.Source!.Branch!.Name, Is.EqualTo("branch2"));
            Assert.That(pr.Destination!.Branch!.Name, Is.EqualTo("master"));
            Assert.That(pr.Author!.Nickname, Is.EqualTo("emmap1"));
            Assert.That(pr.Participants!.Single().Approved, Is.True);
            Assert.That(pr.Reviewers!.Single().DisplayName, Is.EqualTo("Ravi"));
            Assert.That(pr.CreatedOn, Is.EqualTo(DateTimeOffset.Parse("2015-04-06T15:23:38.179678+00:00", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(pr.Links!.Html!.Href, Is.EqualTo("https://bitbucket.org/team_name/repo_name/pull-requests/1"));
        });
    }

    [Test]
    public void RepoPush_CarriesTheChanges_OldAndNewRefs_CommitsAndFlags()
    {
        var push = Parse<RepoPushEvent>("repo:push");
        var change = push.Push!.Changes!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(change.New!.Type, Is.EqualTo("branch"));
            Assert.That(change.New.Name, Is.EqualTo("name-of-branch"));
            Assert.That(change.New.Target!.Hash, Is.EqualTo("709d658dc5b6d6afcd46049c2f332ee3f515a67d"));
            Assert.That(change.New.Target.Author!.User!.Nickname, Is.EqualTo("emmap1"));
            Assert.That(change.New.Target.Message, Is.EqualTo("new commit message\n"));
            Assert.That(change.Old!.Target!.Hash, Is.EqualTo("1e65c05c1d5171631d92438a13901ca7dae9618c"));
            Assert.That(change.Created, Is.False);
            Assert.That(change.Closed, Is.False);
            Assert.That(change.Forced, Is.False);
            Assert.That(change.Truncated, Is.False);
            Assert.That(change.Commits!.Select(c => c.Message), Is.EqualTo(new[] { "commit 0\n", "commit 1\n" }));
            Assert.That(change.Commits![0].Parents!.Single().Hash, Is.EqualTo("1e65c05c1d5171631d92438a13901ca7dae9618c"));
            Assert.That(change.Links!.Diff!.Href, Does.EndWith("/diff/709d658dc5b6..1e65c05c1d51"));
            Assert.That(change.Links.Html!.Href, Does.Contain("/branches/compare/"));
        });
    }

    [Test]
    public void RepoPush_OfANewBranch_HasNoOldRef()
    {
        var json = Payloads.Push().Replace("\"created\":false", "\"created\":true", StringComparison.Ordinal);
        var start = json.IndexOf("\"old\":", StringComparison.Ordinal);
        var end = json.IndexOf("\"links\":{\"html\":{\"href\":\"https://bitbucket.org/team_name/repo_name/branches/compare", StringComparison.Ordinal);
        json = json[..start] + "\"old\":null,\n" + json[end..];
        var change = ((RepoPushEvent)WebhookEventParser.Parse(WebhookEventKey.RepoPush, Payloads.Utf8(json))).Push!.Changes!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(change.Old, Is.Null);
            Assert.That(change.Created, Is.True);
            Assert.That(change.New!.Name, Is.EqualTo("name-of-branch"));
        });
    }

    [Test]
    public void RepoFork_CarriesTheOriginalAndTheFork()
    {
        var fork = Parse<RepoForkEvent>("repo:fork");
        Assert.Multiple(() =>
        {
            Assert.That(fork.Repository!.FullName, Is.EqualTo("team_name/repo_name"));
            Assert.That(fork.Fork!.FullName, Is.EqualTo("emmap1/repo_name"));
            Assert.That(fork.Fork.Parent!.Uuid, Is.EqualTo(fork.Repository.Uuid));
        });
    }

    [Test]
    public void RepoUpdated_CarriesOldAndNewValues_StringsAndObjects()
    {
        var changes = Parse<RepoUpdatedEvent>("repo:updated").Changes!;
        Assert.Multiple(() =>
        {
            Assert.That(changes["name"].Old!.Value.GetString(), Is.EqualTo("repository_name"));
            Assert.That(changes["name"].New!.Value.GetString(), Is.EqualTo("repository"));
            Assert.That(changes["full_name"].New!.Value.GetString(), Is.EqualTo("team_name/repository"));
            Assert.That(changes["links"].New!.Value.GetProperty("avatar").GetProperty("href").GetString(), Is.EqualTo("https://bitbucket.org/new.png"));
            Assert.That(changes.Keys, Is.EquivalentTo(new[] { "name", "website", "language", "links", "description", "full_name" }));
        });
    }

    [Test]
    public void RepoTransfer_CarriesThePreviousWorkspace()
    {
        Assert.That(Parse<RepoTransferEvent>("repo:transfer").PreviousWorkspace!.Slug, Is.EqualTo("old_team"));
    }

    [Test]
    public void CommitCommentCreated_CarriesTheCommentAndTheCommit()
    {
        var e = Parse<RepoCommitCommentCreatedEvent>("repo:commit_comment_created");
        Assert.Multiple(() =>
        {
            Assert.That(e.Comment!.Id, Is.EqualTo(42));
            Assert.That(e.Comment.Content!.Raw, Is.EqualTo("Nice fix"));
            Assert.That(e.Comment.Content.Markup, Is.EqualTo(MarkupLanguage.Markdown));
            Assert.That(e.Commit!.Hash, Is.EqualTo("d3022fc0ca3d65c7f6a61dc4a3d00c9a7b2b9b1c"));
        });
    }

    [Test]
    public void CommitStatusEvents_CarryTheBuildStatus()
    {
        var created = Parse<RepoCommitStatusCreatedEvent>("repo:commit_status_created").CommitStatus!;
        var updated = Parse<RepoCommitStatusUpdatedEvent>("repo:commit_status_updated").CommitStatus!;
        Assert.Multiple(() =>
        {
            Assert.That(created.State, Is.EqualTo(CommitStatusState.InProgress));
            Assert.That(created.Key, Is.EqualTo("mybuildtool"));
            Assert.That(created.Name, Is.EqualTo("Unit Tests (Python)"));
            Assert.That(created.RefName, Is.EqualTo("master"));
            Assert.That(created.Url, Is.EqualTo("https://my-build-tool.com/builds/MY-PROJECT/BUILD-777"));
            Assert.That(created.Links!.Commit!.Href, Does.EndWith("/commit/9fec847784abb10b2fa567ee63b85bd238955d0e"));
            Assert.That(updated.State, Is.EqualTo(CommitStatusState.Successful));
            Assert.That(updated.Description, Is.EqualTo("Build passed"));
        });
    }

    [Test]
    public void ProjectUpdated_CarriesTheProjectAndTheChange()
    {
        var e = Parse<ProjectUpdatedEvent>("project:updated");
        Assert.Multiple(() =>
        {
            Assert.That(e.Project!.Key, Is.EqualTo("PROJ"));
            Assert.That(e.Project.Name, Is.EqualTo("Renamed project"));
            Assert.That(e.Changes!["name"].Old!.Value.GetString(), Is.EqualTo("Project"));
        });
    }

    [Test]
    public void ReviewEvents_CarryWhoAndWhen()
    {
        var approved = Parse<PullRequestApprovedEvent>("pullrequest:approved");
        var unapproved = Parse<PullRequestUnapprovedEvent>("pullrequest:unapproved");
        var changes = Parse<PullRequestChangesRequestCreatedEvent>("pullrequest:changes_request_created");
        var removed = Parse<PullRequestChangesRequestRemovedEvent>("pullrequest:changes_request_removed");
        var when = DateTimeOffset.Parse("2015-04-06T16:34:59.195330+00:00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(approved.Approval!.User!.DisplayName, Is.EqualTo("Ravi"));
            Assert.That(approved.Approval.Date, Is.EqualTo(when));
            Assert.That(unapproved.Approval!.User!.Nickname, Is.EqualTo("ravi"));
            Assert.That(changes.ChangesRequest!.User!.DisplayName, Is.EqualTo("Ravi"));
            Assert.That(removed.ChangesRequest!.Date, Is.EqualTo(when));
        });
    }

    [Test]
    public void MergedAndDeclined_CarryTheirState()
    {
        var merged = Parse<PullRequestFulfilledEvent>("pullrequest:fulfilled").PullRequest!;
        var declined = Parse<PullRequestRejectedEvent>("pullrequest:rejected").PullRequest!;
        Assert.Multiple(() =>
        {
            Assert.That(merged.State, Is.EqualTo(PullRequestState.Merged));
            Assert.That(merged.MergeCommit!.Hash, Is.EqualTo("764413d85e29"));
            Assert.That(declined.State, Is.EqualTo(PullRequestState.Declined));
            Assert.That(declined.Reason, Is.EqualTo("Not needed"));
        });
    }

    [Test]
    public void CommentEvents_CarryTheComment_InlineAnchor_ResolutionAndDeletion()
    {
        var created = Parse<PullRequestCommentCreatedEvent>("pullrequest:comment_created").Comment!;
        var resolved = Parse<PullRequestCommentResolvedEvent>("pullrequest:comment_resolved").Comment!;
        var deleted = Parse<PullRequestCommentDeletedEvent>("pullrequest:comment_deleted").Comment!;
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo(17));
            Assert.That(created.Parent!.Id, Is.EqualTo(16));
            Assert.That(created.Content!.Raw, Is.EqualTo("Comment text"));
            Assert.That(created.Inline!.Path, Is.EqualTo("path/to/file"));
            Assert.That(created.Inline.To, Is.EqualTo(10));
            Assert.That(created.Inline.From, Is.Null);
            Assert.That(created.User!.DisplayName, Is.EqualTo("Emma"));
            Assert.That(resolved.Resolution!.CreatedOn, Is.Not.Null);
            Assert.That(deleted.Deleted, Is.True);
        });
    }

    [Test]
    public void UnknownFields_AreKept_OnTheEvent_AndInsideTheModels()
    {
        var json = Payloads.PullRequestEvent[..^1] + ""","brand_new_field":{"x":1}}""";
        json = json.Replace("\"id\":1,", "\"id\":1,\"future_field\":\"kept\",", StringComparison.Ordinal);
        var parsed = (PullRequestCreatedEvent)WebhookEventParser.Parse(WebhookEventKey.PullRequestCreated, Payloads.Utf8(json));
        Assert.Multiple(() =>
        {
            Assert.That(parsed.AdditionalProperties!["brand_new_field"].GetProperty("x").GetInt32(), Is.EqualTo(1));
            Assert.That(parsed.PullRequest!.AdditionalProperties!["future_field"].GetString(), Is.EqualTo("kept"));
        });
    }

    [TestCase("issue:created")]
    [TestCase("pipeline:span_created")]
    [TestCase("repo:something_new")]
    public void UnknownKeys_GiveTheRawJson_NeverAnException(string key)
    {
        var body = Payloads.Utf8(Payloads.Fill("""{"actor":§0§,"issue":{"id":7,"title":"Broken"}}""", Payloads.Actor));
        var parsed = WebhookEventParser.Parse(new WebhookEventKey(key), body);
        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.TypeOf<UnknownWebhookEvent>());
            Assert.That(parsed.EventKey.Value, Is.EqualTo(key));
            Assert.That(parsed.Actor!.DisplayName, Is.EqualTo("Emma"));
            Assert.That(((UnknownWebhookEvent)parsed).Payload.GetProperty("issue").GetProperty("title").GetString(), Is.EqualTo("Broken"));
        });
    }

    [Test]
    public void UnknownKey_WithAnOddActor_StillParses()
    {
        var parsed = WebhookEventParser.Parse(new WebhookEventKey("issue:created"), Payloads.Utf8("""{"actor":{"created_on":42}}"""));
        Assert.That(parsed.Actor, Is.Null);
    }

    [TestCase("repo:push", "")]
    [TestCase("repo:push", "   ")]
    [TestCase("repo:push", "null")]
    [TestCase("repo:push", "[]")]
    [TestCase("repo:push", "not json")]
    [TestCase("repo:push", "{\"actor\":")]
    [TestCase("pullrequest:created", "{\"pullrequest\":\"a string\",\"repository\":{}}")]
    [TestCase("pullrequest:created", "{\"pullrequest\":{\"id\":\"one\"},\"repository\":{}}")]
    [TestCase("repo:push", "{\"push\":{\"changes\":{}},\"repository\":{}}")]
    [TestCase("issue:created", "[1,2]")]
    [TestCase("issue:created", "{} {}")]
    [TestCase("issue:created", "{")]
    public void MalformedBodies_AreRejected_AsMalformed(string key, string body)
    {
        var ex = Assert.Throws<WebhookRejectedException>(() => WebhookEventParser.Parse(new WebhookEventKey(key), Payloads.Utf8(body)));
        Assert.That(ex!.Reason, Is.EqualTo(WebhookRejectionReason.MalformedBody));
    }

    [Test]
    public void DeeplyNestedBodies_AreRejected_ForKnownAndUnknownKeys()
    {
        var deep = "{\"actor\":{\"links\":{\"self\":" + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "}}}";
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<WebhookRejectedException>(() => WebhookEventParser.Parse(WebhookEventKey.RepoPush, Payloads.Utf8(deep)))!.Reason, Is.EqualTo(WebhookRejectionReason.MalformedBody));
            Assert.That(Assert.Throws<WebhookRejectedException>(() => WebhookEventParser.Parse(new WebhookEventKey("issue:created"), Payloads.Utf8(deep)))!.Reason, Is.EqualTo(WebhookRejectionReason.MalformedBody));
        });
    }

    [TestCase("pullrequest:created", "repo:push")]
    [TestCase("pullrequest:comment_created", "pullrequest:created")]
    [TestCase("repo:push", "repo:created")]
    [TestCase("repo:fork", "repo:created")]
    [TestCase("repo:commit_status_created", "pullrequest:created")]
    [TestCase("project:updated", "repo:created")]
    public void AnEventKeyThatDoesNotMatchTheBody_IsRejected(string headerKey, string bodyOf)
    {
        var ex = Assert.Throws<WebhookRejectedException>(() => WebhookEventParser.Parse(new WebhookEventKey(headerKey), Payloads.Utf8(Payloads.ByKey[bodyOf])));
        Assert.That(ex!.Reason, Is.EqualTo(WebhookRejectionReason.EventKeyMismatch));
    }

    [Test]
    public void RejectionMessages_QuoteNoBodyContent()
    {
        const string secretish = "hunter2-in-the-body";
        var ex = Assert.Throws<WebhookRejectedException>(() => WebhookEventParser.Parse(WebhookEventKey.PullRequestCreated, Payloads.Utf8("{\"pullrequest\":\"" + secretish + "\"}")));
        Assert.That(ex!.Message, Does.Not.Contain(secretish));
    }

    [TestCaseSource(nameof(AllKeys))]
    public void TestDelivery_RoundTripsEachEvent(string key, Type type)
    {
        var original = WebhookEventParser.Parse(new WebhookEventKey(key), Payloads.Utf8(Payloads.ByKey[key]));
        var delivery = WebhookTestDelivery.Create(original, "s3cret");
        var headers = delivery.ReadHeaders();
        var again = WebhookEventParser.Parse(headers, delivery.Body.Span);
        Assert.Multiple(() =>
        {
            Assert.That(headers.EventKey.Value, Is.EqualTo(key));
            Assert.That(new WebhookSignatureVerifier(["s3cret"]).Verify(delivery.Body.Span, headers.Signature), Is.EqualTo(WebhookSignatureResult.Valid));
            Assert.That(again, Is.TypeOf(type));
            Assert.That(JsonNormalized(delivery.Body.Span), Is.EqualTo(JsonNormalized(WebhookTestDelivery.Create(again, null).Body.Span)));
            Assert.That(again.Actor!.Uuid, Is.EqualTo(original.Actor!.Uuid));
            Assert.That(delivery.ToString(), Does.Not.Contain(headers.Signature![7..]));
        });
    }

    [Test]
    public void TestDelivery_OfAHandBuiltEvent_IsWhatBitbucketWouldSend()
    {
        var e = new PullRequestFulfilledEvent
        {
            Actor = new Account { DisplayName = "Ada", Uuid = "{ada}" },
            Repository = new Repository { FullName = "ws/repo" },
            PullRequest = new PullRequest { Id = 7, State = PullRequestState.Merged },
        };
        var delivery = WebhookTestDelivery.Create(e, "s3cret", requestUuid: "r-1", attemptNumber: 2);
        using var json = JsonDocument.Parse(delivery.Body);
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Headers["X-Event-Key"], Is.EqualTo("pullrequest:fulfilled"));
            Assert.That(delivery.Headers["X-Request-UUID"], Is.EqualTo("r-1"));
            Assert.That(delivery.Headers["X-Attempt-Number"], Is.EqualTo("2"));
            Assert.That(delivery.Headers["User-Agent"], Is.EqualTo("Bitbucket-Webhooks/2.0"));
            Assert.That(delivery.Headers["X-Hub-Signature"], Is.EqualTo(WebhookSignatureVerifier.Sign(delivery.Body.Span, "s3cret")));
            Assert.That(json.RootElement.GetProperty("pullrequest").GetProperty("state").GetString(), Is.EqualTo("MERGED"));
            Assert.That(json.RootElement.GetProperty("repository").GetProperty("full_name").GetString(), Is.EqualTo("ws/repo"));
            Assert.That(json.RootElement.GetProperty("actor").GetProperty("display_name").GetString(), Is.EqualTo("Ada"));
            Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "actor", "repository", "pullrequest" }));
            Assert.That(WebhookTestDelivery.Create(e, null).Headers.ContainsKey("X-Hub-Signature"), Is.False);
        });
    }

    private static string JsonNormalized(ReadOnlySpan<byte> json) => JsonSerializer.Serialize(JsonDocument.Parse(json.ToArray()).RootElement);
}
