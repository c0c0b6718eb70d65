using System.Text;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Tests.Api;

public sealed class CommitsApiTests : ApiTestBase
{
    private const string Hash = "f7591a13eda445d9a9167f98eb870319f4b6c2d8";
    private const string Repo = "/2.0/repositories/bitbucket/geordi";

    private const string CommitJson = """
        {"rendered":{"message":{"raw":"Add a GEORDI_OUTPUT_DIR setting","markup":"markdown","html":"<p>Add a GEORDI_OUTPUT_DIR setting</p>","type":"rendered"}},
         "hash":"f7591a13eda445d9a9167f98eb870319f4b6c2d8",
         "repository":{"name":"geordi","type":"repository","full_name":"bitbucket/geordi","uuid":"{85d08b4e-571d-44e9-a507-fa476535aa98}",
           "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi"}}},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/commit/f7591a13eda445d9a9167f98eb870319f4b6c2d8"},
           "html":{"href":"https://bitbucket.org/bitbucket/geordi/commits/f7591a13eda445d9a9167f98eb870319f4b6c2d8"},
           "diff":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/diff/f7591a13eda445d9a9167f98eb870319f4b6c2d8"},
           "approve":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/commit/f7591a13eda445d9a9167f98eb870319f4b6c2d8/approve"}},
         "author":{"raw":"Brodie Rao <a@b.c>","type":"author","user":{"display_name":"Brodie Rao","uuid":"{9484702e-c663-4afd-aefb-c93a8cd31c28}","type":"user","nickname":"brodie","account_id":"557058:3aae1e05-702a-41e5-81c8-f36f29afb6ca"}},
         "summary":{"raw":"Add a GEORDI_OUTPUT_DIR setting","markup":"markdown","html":"<p>Add a GEORDI_OUTPUT_DIR setting</p>","type":"rendered"},
         "participants":[],
         "parents":[{"type":"commit","hash":"f06941fec4ef6bcb0c2456927a0cf258fa4f899b","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/commit/f06941fec4ef6bcb0c2456927a0cf258fa4f899b"}}}],
         "date":"2012-07-16T19:37:54+00:00","message":"Add a GEORDI_OUTPUT_DIR setting","type":"commit"}
        """;

    private const string CommentJson = """
        {"id":5728901,"type":"commit_comment","created_on":"2024-03-01T10:15:00.000000+00:00","updated_on":"2024-03-01T10:16:00.000000+00:00",
         "content":{"raw":"One more thing!","markup":"markdown","html":"<p>One more thing!</p>","type":"rendered"},
         "user":{"display_name":"Erik van Zijst","type":"user","nickname":"evzijst","uuid":"{a288a0ab-e13b-43f0-a689-c4ef0a249875}"},
         "deleted":false,"parent":{"id":5728900},"inline":{"to":12,"path":"setup.py"},
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/commit/f7591a13eda445d9a9167f98eb870319f4b6c2d8/comments/5728901"},
           "html":{"href":"https://bitbucket.org/bitbucket/geordi/commits/f7591a13eda445d9a9167f98eb870319f4b6c2d8#comment-5728901"}},
         "commit":{"type":"commit","hash":"f7591a13eda445d9a9167f98eb870319f4b6c2d8"}}
        """;

    private ICommitsApi Commits => Api<ICommitsApi>();

    [Test]
    public async Task Get_SendsGet_AndReadsTheDocumentedCommit()
    {
        Answer(200, CommitJson);

        var commit = await Commits.GetAsync("{85d08b4e-571d-44e9-a507-fa476535aa98}", "geordi", Hash);

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"/2.0/repositories/%7B85d08b4e-571d-44e9-a507-fa476535aa98%7D/geordi/commit/{Hash}");
            Assert.That(commit.Type, Is.EqualTo("commit"));
            Assert.That(commit.Hash, Is.EqualTo(Hash));
            Assert.That(commit.Message, Is.EqualTo("Add a GEORDI_OUTPUT_DIR setting"));
            Assert.That(commit.Date, Is.EqualTo(new DateTimeOffset(2012, 7, 16, 19, 37, 54, TimeSpan.Zero)));
            Assert.That(commit.Author!.Raw, Is.EqualTo("Brodie Rao <a@b.c>"));
            Assert.That(commit.Author.User!.Nickname, Is.EqualTo("brodie"));
            Assert.That(commit.Summary!.Html, Is.EqualTo("<p>Add a GEORDI_OUTPUT_DIR setting</p>"));
            Assert.That(commit.Parents!.Single().Hash, Is.EqualTo("f06941fec4ef6bcb0c2456927a0cf258fa4f899b"));
            Assert.That(commit.Repository!.FullName, Is.EqualTo("bitbucket/geordi"));
            Assert.That(commit.Participants, Is.Empty);
            Assert.That(commit.Links!.Diff!.Href, Does.EndWith($"/diff/{Hash}"));
            Assert.That(commit.Links.Approve!.Href, Does.EndWith($"/commit/{Hash}/approve"));
            Assert.That(commit.Rendered!.Message!.Raw, Is.EqualTo("Add a GEORDI_OUTPUT_DIR setting"));
        });
    }

    [Test]
    public async Task Approve_Posts_AndReadsTheParticipant()
    {
        Answer(200, """
            {"type":"participant","user":{"display_name":"Ann","type":"user","nickname":"ann","uuid":"{d301aafa-d676-4ee0-88be-962be7417567}"},
             "role":"PARTICIPANT","approved":true,"state":"approved","participated_on":"2024-05-02T08:00:00.000000+00:00"}
            """);

        var participant = await Commits.ApproveAsync("bitbucket", "geordi", Hash);

        Assert.Multiple(() =>
        {
            AssertSent("POST", $"{Repo}/commit/{Hash}/approve");
            Assert.That(participant.Approved, Is.True);
            Assert.That(participant.Role, Is.EqualTo(ParticipantRole.Participant));
            Assert.That(participant.State, Is.EqualTo(ParticipantState.Approved));
            Assert.That(participant.User!.Nickname, Is.EqualTo("ann"));
            Assert.That(participant.ParticipatedOn, Is.EqualTo(new DateTimeOffset(2024, 5, 2, 8, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task Unapprove_SendsDelete()
    {
        Answer(204);

        await Commits.UnapproveAsync("bitbucket", "geordi", Hash);

        AssertSent("DELETE", $"{Repo}/commit/{Hash}/approve");
    }

    [Test]
    public async Task ListComments_FollowsNext_WithFilterAndSort()
    {
        AnswerTwoPages(
            $"{Repo}/commit/{Hash}/comments",
            $$"""{"pagelen":1,"page":1,"size":2,"values":[{{CommentJson}}],"next":"{{Mock.Url}}{{Repo}}/commit/{{Hash}}/comments?page=2&pagelen=1"}""",
            $$"""{"pagelen":1,"page":2,"values":[{{CommentJson.Replace("5728901", "5728902", StringComparison.Ordinal)}}]}""");

        var comments = new List<CommitComment>();
        await foreach (var comment in Commits.ListComments("bitbucket", "geordi", Hash, new ListOptions { Query = "deleted=false", Sort = "-created_on", PageLength = 1 }))
        {
            comments.Add(comment);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Mock.RawTargets, Is.EqualTo(new[]
            {
                $"{Repo}/commit/{Hash}/comments?q=deleted%3Dfalse&sort=-created_on&pagelen=1",
                $"{Repo}/commit/{Hash}/comments?page=2&pagelen=1",
            }));
            Assert.That(comments.Select(c => c.Id), Is.EqualTo(new long?[] { 5728901, 5728902 }));
            AssertComment(comments[0]);
        });
    }

    [Test]
    public async Task CreateComment_PostsTheComment_AndReadsTheCreatedOne()
    {
        Answer(201, CommentJson);

        var created = await Commits.CreateCommentAsync("bitbucket", "geordi", Hash, new CommitComment
        {
            Type = "commit_comment",
            Content = new RenderedContent { Raw = "One more thing!" },
            Parent = new Comment { Id = 5728900 },
            Inline = new CommentInline { To = 12, Path = "setup.py" },
        });

        var body = BodyOf(Mock.Requests.Single());
        Assert.Multiple(() =>
        {
            AssertSent("POST", $"{Repo}/commit/{Hash}/comments");
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("commit_comment"));
            Assert.That(body["content"]!["raw"]!.GetValue<string>(), Is.EqualTo("One more thing!"));
            Assert.That(body["parent"]!["id"]!.GetValue<long>(), Is.EqualTo(5728900));
            Assert.That(body["inline"]!["to"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(body["inline"]!["path"]!.GetValue<string>(), Is.EqualTo("setup.py"));
            Assert.That(body.AsObject().ContainsKey("deleted"), Is.False, "unset fields are left out");
            AssertComment(created);
        });
    }

    [Test]
    public async Task CreateComment_AnEmptyCreatedAnswer_ComesBackAsNull()
    {
        // The spec documents the 201 without a body (Prism answers so); Refit then yields null rather than throwing.
        Answer(201);

        var created = await Commits.CreateCommentAsync("bitbucket", "geordi", Hash, new CommitComment { Type = "commit_comment", Content = new RenderedContent { Raw = "Hi" } });

        Assert.That(created, Is.Null);
    }

    [Test]
    public async Task GetComment_SendsGet_WithTheId()
    {
        Answer(200, CommentJson);

        var comment = await Commits.GetCommentAsync("bitbucket", "geordi", Hash, 5728901);

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/commit/{Hash}/comments/5728901");
            AssertComment(comment);
        });
    }

    [Test]
    public async Task UpdateComment_PutsTheNewContent()
    {
        Answer(201, CommentJson);

        var updated = await Commits.UpdateCommentAsync("bitbucket", "geordi", Hash, 5728901, new CommitComment
        {
            Type = "commit_comment",
            Content = new RenderedContent { Raw = "One more thing!" },
        });

        var body = BodyOf(Mock.Requests.Single());
        Assert.Multiple(() =>
        {
            AssertSent("PUT", $"{Repo}/commit/{Hash}/comments/5728901");
            Assert.That(body.ToJsonString(), Is.EqualTo("""{"type":"commit_comment","content":{"raw":"One more thing!"}}"""));
            AssertComment(updated);
        });
    }

    [Test]
    public async Task DeleteComment_SendsDelete()
    {
        Answer(204);

        await Commits.DeleteCommentAsync("bitbucket", "geordi", Hash, 5728901);

        AssertSent("DELETE", $"{Repo}/commit/{Hash}/comments/5728901");
    }

    [Test]
    public async Task List_SendsIncludeExcludeAndPath_AsRepeatedQueryValues()
    {
        Answer(200, $$"""{"pagelen":2,"values":[{{CommitJson}}]}""");

        var commits = await ToListAsync(Commits.List("bitbucket", "geordi", include: ["main", "feature/x"], exclude: ["release"], path: "src/",
            options: new ListOptions { PageLength = 2, Fields = "values.hash,next" }));

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/commits?include=main&include=feature%2Fx&exclude=release&path=src%2F&fields=values.hash%2Cnext&pagelen=2");
            Assert.That(commits.Single().Hash, Is.EqualTo(Hash));
            Assert.That(commits.Single().Parents!.Single().Hash, Is.EqualTo("f06941fec4ef6bcb0c2456927a0cf258fa4f899b"));
        });
    }

    [Test]
    public async Task List_WithoutFilters_SendsNoQuery()
    {
        Answer(200, """{"values":[]}""");

        var commits = await ToListAsync(Commits.List("bitbucket", "geordi"));

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/commits");
            Assert.That(commits, Is.Empty);
        });
    }

    [Test]
    public async Task ListByRefs_PostsAForm_AndPostsItAgainToTheNextLink()
    {
        AnswerTwoPages(
            $"{Repo}/commits",
            $$"""{"pagelen":1,"values":[{{CommitJson}}],"next":"{{Mock.Url}}{{Repo}}/commits?page=2"}""",
            $$"""{"pagelen":1,"values":[{{CommitJson.Replace(Hash, "1111111111111111111111111111111111111111", StringComparison.Ordinal)}}]}""",
            "POST");

        var commits = await ToListAsync(Commits.ListByRefs("bitbucket", "geordi",
            new CommitRefFilter { Include = ["main", "feature/x"], Exclude = ["release", "hotfix/1"] }, path: "README.md"));

        var requests = Mock.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { $"{Repo}/commits?path=README.md", $"{Repo}/commits?page=2" }));
            Assert.That(requests.Select(r => r.RequestMessage!.Method), Is.EqualTo(new[] { "POST", "POST" }));
            foreach (var request in requests)
            {
                Assert.That(ContentType(request), Does.StartWith("application/x-www-form-urlencoded"));
                Assert.That(RawBody(request), Is.EqualTo("include=main&include=feature%2Fx&exclude=release&exclude=hotfix%2F1"));
            }

            Assert.That(commits.Select(c => c.Hash), Is.EqualTo(new[] { Hash, "1111111111111111111111111111111111111111" }));
        });
    }

    [Test]
    public async Task ListForRevision_KeepsABranchWithASlashAsOneEscapedSegment()
    {
        Answer(200, $$"""{"pagelen":10,"values":[{{CommitJson}}]}""");

        var commits = await ToListAsync(Commits.ListForRevision("bitbucket", "geordi", "feature/new login", exclude: ["main"], path: "docs/readme.md"));

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/commits/feature%2Fnew%20login?exclude=main&path=docs%2Freadme.md");
            Assert.That(commits.Single().Message, Is.EqualTo("Add a GEORDI_OUTPUT_DIR setting"));
        });
    }

    [Test]
    public async Task ListForRevisionByRefs_PostsAFormToTheRevision()
    {
        Answer(200, $$"""{"pagelen":10,"values":[{{CommitJson}}]}""");

        var commits = await ToListAsync(Commits.ListForRevisionByRefs("bitbucket", "geordi", "release/2.0", new CommitRefFilter { Exclude = ["main"] },
            options: new ListOptions { PageLength = 30 }));

        var request = Mock.Requests.Single();
        Assert.Multiple(() =>
        {
            AssertSent("POST", $"{Repo}/commits/release%2F2.0?pagelen=30");
            Assert.That(ContentType(request), Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(RawBody(request), Is.EqualTo("exclude=main"));
            Assert.That(commits.Single().Hash, Is.EqualTo(Hash));
        });
    }

    [TestCase("3a8b42..9ff173", "3a8b42..9ff173")]
    [TestCase("main..feature", "main..feature")]
    [TestCase("feature/login..main", "feature%2Flogin..main")]
    [TestCase("a1b2c3^!", "a1b2c3%5E!")]
    [TestCase("release 1..main", "release%201..main")]
    public async Task GetDiff_SendsTheSpecAsOneEscapedSegment(string spec, string sent)
    {
        Answer(200, "diff --git a/setup.py b/setup.py\n", "text/plain");

        await using var diff = await Commits.GetDiffAsync("bitbucket", "geordi", spec);
        using var reader = new StreamReader(diff);
        var text = await reader.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("diff --git a/setup.py b/setup.py\n"));
            AssertSent("GET", $"{Repo}/diff/{sent}");
        });
    }

    [Test]
    public async Task GetDiff_SendsEveryOption_WithLowercaseBooleans()
    {
        Answer(200, "diff --git a/setup.py b/setup.py\n", "text/plain");

        await using var diff = await Commits.GetDiffAsync("bitbucket", "geordi", "3a8b42..9ff173", context: 5, path: ["setup.py", "src/app.py"],
            ignoreWhitespace: true, binary: false, renames: true, merge: false, topic: true);

        AssertSent("GET", $"{Repo}/diff/3a8b42..9ff173?context=5&path=setup.py&path=src%2Fapp.py&ignore_whitespace=true&binary=false&renames=true&merge=false&topic=true");
    }

    [Test]
    public async Task GetPatch_StreamsTheRawPatch()
    {
        const string patch = "From f7591a13eda445d9a9167f98eb870319f4b6c2d8 Mon Sep 17 00:00:00 2001\nFrom: Brodie Rao <a@b.c>\nSubject: [PATCH] Add a GEORDI_OUTPUT_DIR setting\n\n---\n";
        Answer(200, patch, "text/plain");

        await using var stream = await Commits.GetPatchAsync("bitbucket", "geordi", "feature/x..main");
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(patch));
            AssertSent("GET", $"{Repo}/patch/feature%2Fx..main");
        });
    }

    private const string DiffFirstChunk = "diff --git a/setup.py b/setup.py\n";
    private const int DiffRestLength = 1024 * 1024;

    private static TrickleServer NewDiffServer()
    {
        var rest = new byte[DiffRestLength];
        Array.Fill(rest, (byte)'+');
        return new TrickleServer("text/plain", Encoding.ASCII.GetBytes(DiffFirstChunk), rest);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task GetDiff_HandsBackTheNetworkStream_BeforeTheBodyHasArrived(bool resilience)
    {
        // A server that sends the headers and a first chunk, then holds the rest back until the test has read that
        // chunk. A client that buffered the body could never return the stream, and the test would time out.
        using var server = NewDiffServer();
        using var services = Mock.CreateServices(b => b.WithAccessToken("t"), o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/2.0/");
            o.Resilience.Enabled = resilience;
        });
        var commits = services.GetRequiredService<ICommitsApi>();

        using var requestCancellation = new CancellationTokenSource();
        var call = commits.GetDiffAsync("bitbucket", "geordi", "main..feature", cancellationToken: requestCancellation.Token);
        await using var stream = await call.WaitAsync(TimeSpan.FromSeconds(10));
        var first = new byte[DiffFirstChunk.Length];
        await stream.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var restSentBeforeFirstRead = server.RestSent;

        // The call's token covers the request up to the headers; the stream's reads are governed by their own tokens.
        await requestCancellation.CancelAsync();
        server.ReleaseRest();
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(first), Is.EqualTo(DiffFirstChunk));
            Assert.That(restSentBeforeFirstRead, Is.False, "the first bytes were read before the server sent the rest");
            Assert.That(rest.Length, Is.EqualTo(DiffRestLength));
            Assert.That(server.RequestLine, Is.EqualTo("GET /2.0/repositories/bitbucket/geordi/diff/main..feature HTTP/1.1"));
        });
    }

    [Test]
    public async Task TrickleServer_DetectsABufferingClient()
    {
        // The control for the test above: a string result is read to the end by Refit before the call completes, so
        // against the same server it cannot complete until the rest of the body was released.
        using var server = NewDiffServer();
        using var services = Mock.CreateServices(b => b.WithAccessToken("t"), o => o.BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/2.0/"));
        var addon = services.GetRequiredService<IAddonApi>();

        var call = addon.GetClientKeyAsync("my-app");
        var completedEarly = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(1))) == call;
        server.ReleaseRest();
        var body = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(completedEarly, Is.False, "a buffered result waits for the whole body");
            Assert.That(body, Has.Length.EqualTo(DiffFirstChunk.Length + DiffRestLength));
        });
    }

    [Test]
    public async Task ListDiffStats_SendsOptions_AndReadsTheDocumentedPage()
    {
        Answer(200, """
            {"pagelen":500,"page":1,"size":1,"values":[{"type":"diffstat","status":"modified","lines_removed":1,"lines_added":2,
              "old":{"path":"setup.py","escaped_path":"setup.py","type":"commit_file","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/src/e1749643d655d7c7014001a6c0f58abaf42ad850/setup.py"}}},
              "new":{"path":"setup.py","escaped_path":"setup.py","type":"commit_file","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/bitbucket/geordi/src/d222fa235229c55dad20b190b0b571adf737d5a6/setup.py"}}}}]}
            """);

        var stats = await ToListAsync(Commits.ListDiffStats("bitbucket", "geordi", "feature/x..main", ignoreWhitespace: true, path: ["setup.py"], renames: false, topic: true));

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/diffstat/feature%2Fx..main?ignore_whitespace=true&path=setup.py&renames=false&topic=true");
            var stat = stats.Single();
            Assert.That(stat.Type, Is.EqualTo("diffstat"));
            Assert.That(stat.Status, Is.EqualTo(DiffStatStatus.Modified));
            Assert.That(stat.LinesAdded, Is.EqualTo(2));
            Assert.That(stat.LinesRemoved, Is.EqualTo(1));
            Assert.That(stat.Old!.Path, Is.EqualTo("setup.py"));
            Assert.That(stat.New!.EscapedPath, Is.EqualTo("setup.py"));
            Assert.That(stat.New.Type, Is.EqualTo("commit_file"));
        });
    }

    [Test]
    public async Task ListFileConflicts_ReadsTheDocumentedPage()
    {
        Answer(200, """
            {"pagelen":500,"page":1,"size":2,"values":[{"path":"src/main/App.java","scenario":"content","message":"File modified in both source and destination"},
              {"path":"README.md","scenario":"content","message":"File modified in both source and destination"}]}
            """);

        var conflicts = await ToListAsync(Commits.ListFileConflicts("bitbucket", "geordi", "feature/x..main"));

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/file-conflicts/feature%2Fx..main");
            Assert.That(conflicts.Select(c => c.Path), Is.EqualTo(new[] { "src/main/App.java", "README.md" }));
            Assert.That(conflicts[0].Scenario, Is.EqualTo(FileConflictScenario.Content));
            Assert.That(conflicts[0].Message, Is.EqualTo("File modified in both source and destination"));
        });
    }

    [Test]
    public async Task GetMergeBase_SendsTheRevspec_AndReadsTheCommit()
    {
        Answer(200, CommitJson);

        var mergeBase = await Commits.GetMergeBaseAsync("bitbucket", "geordi", "3a8b42..9ff173");

        Assert.Multiple(() =>
        {
            AssertSent("GET", $"{Repo}/merge-base/3a8b42..9ff173");
            Assert.That(mergeBase.Hash, Is.EqualTo(Hash));
            Assert.That(mergeBase.Type, Is.EqualTo("commit"));
        });
    }

    private static void AssertComment(CommitComment comment)
    {
        Assert.That(comment.Id, Is.EqualTo(5728901));
        Assert.That(comment.Type, Is.EqualTo("commit_comment"));
        Assert.That(comment.Content!.Raw, Is.EqualTo("One more thing!"));
        Assert.That(comment.Content.Markup, Is.EqualTo(MarkupLanguage.Markdown));
        Assert.That(comment.User!.Nickname, Is.EqualTo("evzijst"));
        Assert.That(comment.Deleted, Is.False);
        Assert.That(comment.Parent!.Id, Is.EqualTo(5728900));
        Assert.That(comment.Inline!.To, Is.EqualTo(12));
        Assert.That(comment.Inline.Path, Is.EqualTo("setup.py"));
        Assert.That(comment.Commit!.Hash, Is.EqualTo(Hash));
        Assert.That(comment.CreatedOn, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero)));
        Assert.That(comment.Links!.Html!.Href, Does.EndWith("#comment-5728901"));
    }
}
