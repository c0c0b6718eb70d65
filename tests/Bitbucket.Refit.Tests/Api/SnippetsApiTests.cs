using System.Net;
using System.Text;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;
using Refit;

namespace Bitbucket.Tests.Api;

public sealed class SnippetsApiTests : ApiTestBase
{
    private const string SnippetJson = """
        {
          "type": "snippet",
          "id": "kypj",
          "title": "My snippet",
          "scm": "git",
          "created_on": "2014-12-29T22:22:04.790331+00:00",
          "updated_on": "2014-12-30T08:01:12.000000+00:00",
          "is_private": true,
          "owner": {"type": "user", "display_name": "Erik van Zijst", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}", "nickname": "evzijst"},
          "creator": {"type": "user", "display_name": "Erik van Zijst", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}", "nickname": "evzijst"},
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj"},
            "html": {"href": "https://bitbucket.org/snippets/evzijst/kypj"},
            "comments": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/comments"},
            "watchers": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/watchers"},
            "commits": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/commits"},
            "clone": [{"name": "https", "href": "https://bitbucket.org/snippets/evzijst/kypj.git"}]
          },
          "files": {
            "foo.txt": {"links": {
              "self": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/files/367ab19/foo.txt"},
              "html": {"href": "https://bitbucket.org/snippets/evzijst/kypj#file-foo.txt"}}},
            "image.png": {"links": {
              "self": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/files/367ab19/image.png"},
              "html": {"href": "https://bitbucket.org/snippets/evzijst/kypj#file-image.png"}}}
          }
        }
        """;

    private const string CommentJson = """
        {
          "type": "snippet_comment",
          "id": 42,
          "created_on": "2015-01-02T10:00:00.000000+00:00",
          "updated_on": "2015-01-02T10:05:00.000000+00:00",
          "content": {"type": "rendered", "raw": "Nice *snippet*", "markup": "markdown", "html": "<p>Nice <em>snippet</em></p>"},
          "user": {"type": "user", "display_name": "Ann Lee", "uuid": "{a1}", "nickname": "ann"},
          "deleted": false,
          "parent": {"id": 7},
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/comments/42"},
            "html": {"href": "https://bitbucket.org/snippets/evzijst/kypj#comment-42"}
          },
          "snippet": {"type": "snippet", "id": "kypj", "title": "My snippet"}
        }
        """;

    private const string CommitJson = """
        {
          "type": "snippet_commit",
          "hash": "367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa",
          "date": "2014-12-29T22:22:04+00:00",
          "message": "Initial commit\n",
          "author": {"type": "author", "raw": "Erik van Zijst <erik@example.com>", "user": {"type": "user", "nickname": "evzijst"}},
          "parents": [{"type": "snippet_commit", "hash": "0a1b2c3d4e5f"}],
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/commits/367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa"},
            "html": {"href": "https://bitbucket.org/snippets/evzijst/kypj/commits/367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa"},
            "diff": {"href": "https://api.bitbucket.org/2.0/snippets/evzijst/kypj/367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa/diff"}
          },
          "snippet": {"type": "snippet", "id": "kypj"}
        }
        """;

    private ISnippetsApi Snippets => Api<ISnippetsApi>();

    private static string Page(string item, int count = 1) =>
        $$"""{"pagelen":10,"page":1,"size":{{count}},"values":[{{string.Join(",", Enumerable.Repeat(item, count))}}]}""";

    private static MultipartItem[] Files() =>
    [
        new StreamPart(new MemoryStream(Encoding.UTF8.GetBytes("foo\n")), "foo.txt", "text/plain"),
        new ByteArrayPart([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], "image.png", "image/png"),
    ];

    private static void AssertFileParts(List<FormPart> parts)
    {
        var files = parts.Where(p => p.Name == "file").ToList();
        Assert.That(files, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(files[0].FileName, Is.EqualTo("foo.txt"));
            Assert.That(files[0].ContentType, Is.EqualTo("text/plain"));
            Assert.That(files[0].Text, Is.EqualTo("foo\n"));
            Assert.That(files[1].FileName, Is.EqualTo("image.png"));
            Assert.That(files[1].ContentType, Is.EqualTo("image/png"));
            Assert.That(files[1].Content, Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF }));
        });
    }

    private static void AssertSnippet(Snippet snippet)
    {
        Assert.Multiple(() =>
        {
            Assert.That(snippet.Type, Is.EqualTo("snippet"));
            Assert.That(snippet.Id, Is.EqualTo("kypj"));
            Assert.That(snippet.Title, Is.EqualTo("My snippet"));
            Assert.That(snippet.Scm, Is.EqualTo(Scm.Git));
            Assert.That(snippet.IsPrivate, Is.True);
            Assert.That(snippet.CreatedOn, Is.EqualTo(new DateTimeOffset(2014, 12, 29, 22, 22, 4, 790, TimeSpan.Zero).AddTicks(3310)));
            Assert.That(snippet.Owner!.DisplayName, Is.EqualTo("Erik van Zijst"));
            Assert.That(snippet.Creator!.Uuid, Is.EqualTo("{d301aafa-d676-4ee0-88be-962be7417567}"));
            Assert.That(snippet.Links!.Comments!.Href, Is.EqualTo("https://api.bitbucket.org/2.0/snippets/evzijst/kypj/comments"));
            Assert.That(snippet.Links.CloneLinks!.Single().Name, Is.EqualTo("https"));
            Assert.That(snippet.Files!.Keys, Is.EquivalentTo(new[] { "foo.txt", "image.png" }));
            Assert.That(snippet.Files["foo.txt"].Links!.Self!.Href, Does.EndWith("/files/367ab19/foo.txt"));
        });
    }

    // --- Snippets -----------------------------------------------------------------------------------------------

    [Test]
    public async Task ListAll_SendsRoleAndOptions_AndReadsSnippets()
    {
        Answer(200, Page(SnippetJson));

#pragma warning disable CS0618
        var snippets = await FirstPageAsync(Snippets.ListAll(SnippetRole.Contributor, new ListOptions { PageLength = 5 }));
#pragma warning restore CS0618

        AssertSent("GET", "/2.0/snippets?role=contributor&pagelen=5");
        AssertSnippet(snippets.Single());
    }

    [Test]
    public void ListAll_Gone_RaisesTheApiException()
    {
        Answer(410, """{"type":"error","error":{"message":"This API is no longer supported."}}""");

#pragma warning disable CS0618
        var ex = Assert.ThrowsAsync<BitbucketGoneException>(async () => await FirstPageAsync(Snippets.ListAll()));
#pragma warning restore CS0618

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(SentTarget, Is.EqualTo("/2.0/snippets"));
        });
    }

    [Test]
    public async Task CreateForCurrentUser_PostsFormData_WithFieldsAndFileParts()
    {
        Answer(201, SnippetJson);

        var snippet = await Snippets.CreateForCurrentUserAsync(Files(), title: "My snippet", isPrivate: true);

        AssertSent("POST", "/2.0/snippets");
        var parts = await SentFormPartsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "file", "file", "title", "is_private" }));
            Assert.That(parts.Single(p => p.Name == "title").Text, Is.EqualTo("My snippet"));
            Assert.That(parts.Single(p => p.Name == "is_private").Text, Is.EqualTo("true"));
            Assert.That(parts.Single(p => p.Name == "title").FileName, Is.Null);
        });
        AssertFileParts(parts);
        AssertSnippet(snippet);
    }

    [Test]
    public async Task List_SendsWorkspaceRoleAndOptions()
    {
        Answer(200, Page(SnippetJson, 2));

        var snippets = await FirstPageAsync(Snippets.List("evzijst", SnippetRole.Member, new ListOptions { Query = "title ~ \"My\"", Sort = "-updated_on" }));

        AssertSent("GET", "/2.0/snippets/evzijst?role=member&q=title%20~%20%22My%22&sort=-updated_on");
        Assert.That(snippets, Has.Count.EqualTo(2));
        AssertSnippet(snippets[0]);
    }

    [Test]
    public async Task List_WithoutFilters_SendsNoQuery()
    {
        Answer(200, Page(SnippetJson));

        await FirstPageAsync(Snippets.List("evzijst"));

        AssertSent("GET", "/2.0/snippets/evzijst");
    }

    [Test]
    public async Task Create_PostsFormData_ToTheWorkspace_LeavingOutUnsetFields()
    {
        Answer(201, SnippetJson);

        var snippet = await Snippets.CreateAsync("evzijst", Files());

        AssertSent("POST", "/2.0/snippets/evzijst");
        var parts = await SentFormPartsAsync();
        Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "file", "file" }));
        AssertFileParts(parts);
        AssertSnippet(snippet);
    }

    [Test]
    public async Task Get_ReadsTheDocumentedSnippet()
    {
        Answer(200, SnippetJson);

        var snippet = await Snippets.GetAsync("evzijst", "kypj");

        AssertSent("GET", "/2.0/snippets/evzijst/kypj");
        AssertSnippet(snippet);
    }

    [Test]
    public async Task Get_ReadsANumericId_AsText()
    {
        Answer(200, """{"type":"snippet","id":2154,"title":"t"}""");

        var snippet = await Snippets.GetAsync("evzijst", "2154");

        Assert.That(snippet.Id, Is.EqualTo("2154"));
    }

    [Test]
    public async Task Get_EscapesSlashesAndSpaces_AsOneSegment()
    {
        Answer(200, SnippetJson);

        await Snippets.GetAsync("team/a b", "ky/pj");

        AssertSent("GET", "/2.0/snippets/team%2Fa%20b/ky%2Fpj");
    }

    [Test]
    public async Task Update_PutsFormData_WithNewFilesTitleAndRemovedFiles()
    {
        Answer(200, SnippetJson);

        var snippet = await Snippets.UpdateAsync("evzijst", "kypj", Files(), title: "Renamed", isPrivate: false, removedFiles: ["old.txt", "older.txt"]);

        AssertSent("PUT", "/2.0/snippets/evzijst/kypj");
        var parts = await SentFormPartsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "file", "file", "title", "is_private", "files", "files" }));
            Assert.That(parts.Single(p => p.Name == "title").Text, Is.EqualTo("Renamed"));
            Assert.That(parts.Single(p => p.Name == "is_private").Text, Is.EqualTo("false"));
            Assert.That(parts.Where(p => p.Name == "files").Select(p => p.Text), Is.EqualTo(new[] { "old.txt", "older.txt" }));
            Assert.That(parts.Where(p => p.Name == "files").Select(p => p.FileName), Is.All.Null);
        });
        AssertFileParts(parts);
        AssertSnippet(snippet);
    }

    [Test]
    public async Task Update_TitleOnly_SendsOneField()
    {
        Answer(200, SnippetJson);

        await Snippets.UpdateAsync("evzijst", "kypj", title: "Only the title");

        AssertSent("PUT", "/2.0/snippets/evzijst/kypj");
        var parts = await SentFormPartsAsync();
        Assert.That(parts.Select(p => (p.Name, p.Text)), Is.EqualTo(new[] { ("title", "Only the title") }));
    }

    private static IEnumerable<TestCaseData> BodilessCalls()
    {
        yield return new TestCaseData((Func<ISnippetsApi, Task>)(s => s.DeleteAsync("evzijst", "kypj")), "DELETE", "/2.0/snippets/evzijst/kypj").SetName("Delete");
        yield return new TestCaseData((Func<ISnippetsApi, Task>)(s => s.DeleteCommentAsync("evzijst", "kypj", 42)), "DELETE", "/2.0/snippets/evzijst/kypj/comments/42").SetName("DeleteComment");
        yield return new TestCaseData((Func<ISnippetsApi, Task>)(s => s.UnwatchAsync("evzijst", "kypj")), "DELETE", "/2.0/snippets/evzijst/kypj/watch").SetName("Unwatch");
        yield return new TestCaseData((Func<ISnippetsApi, Task>)(s => s.WatchAsync("evzijst", "kypj")), "PUT", "/2.0/snippets/evzijst/kypj/watch").SetName("Watch");
        yield return new TestCaseData((Func<ISnippetsApi, Task>)(s => s.DeleteRevisionAsync("evzijst", "kypj", "367ab19")), "DELETE", "/2.0/snippets/evzijst/kypj/367ab19").SetName("DeleteRevision");
    }

    [TestCaseSource(nameof(BodilessCalls))]
    public async Task BodilessCall_SendsMethodAndPath_AndAcceptsNoContent(Func<ISnippetsApi, Task> call, string method, string rawTarget)
    {
        Answer(204);

        await call(Snippets);

        AssertSent(method, rawTarget);
        Assert.That(Sent.BodyAsBytes ?? [], Is.Empty);
    }

    [Test]
    public void DeleteRevision_OfAnOlderRevision_RaisesTheApiException()
    {
        Answer(405, """{"type":"error","error":{"message":"Only the tip can be deleted"}}""");

        var ex = Assert.CatchAsync<BitbucketApiException>(() => Snippets.DeleteRevisionAsync("evzijst", "kypj", "0a1b2c3"));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    // --- Comments -----------------------------------------------------------------------------------------------

    private static void AssertComment(SnippetComment comment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(comment.Type, Is.EqualTo("snippet_comment"));
            Assert.That(comment.Id, Is.EqualTo(42));
            Assert.That(comment.Content!.Raw, Is.EqualTo("Nice *snippet*"));
            Assert.That(comment.Content.Markup, Is.EqualTo(MarkupLanguage.Markdown));
            Assert.That(comment.User!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(comment.Deleted, Is.False);
            Assert.That(comment.Parent!.Id, Is.EqualTo(7));
            Assert.That(comment.CreatedOn, Is.EqualTo(new DateTimeOffset(2015, 1, 2, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(comment.Links!.Html!.Href, Is.EqualTo("https://bitbucket.org/snippets/evzijst/kypj#comment-42"));
            Assert.That(comment.Snippet!.Id, Is.EqualTo("kypj"));
        });
    }

    [Test]
    public async Task ListComments_SendsOptions_AndReadsComments()
    {
        Answer(200, Page(CommentJson));

        var comments = await FirstPageAsync(Snippets.ListComments("evzijst", "kypj", new ListOptions { Sort = "-created_on", PageLength = 50 }));

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/comments?sort=-created_on&pagelen=50");
        AssertComment(comments.Single());
    }

    [Test]
    public async Task CreateComment_PostsContentAndParent()
    {
        Answer(201, CommentJson);

        var comment = await Snippets.CreateCommentAsync("evzijst", "kypj", new SnippetComment
        {
            Type = "snippet_comment",
            Content = new RenderedContent { Raw = "Nice *snippet*" },
            Parent = new SnippetComment { Id = 7 },
        });

        AssertSent("POST", "/2.0/snippets/evzijst/kypj/comments");
        var body = SentJson(declaredJson: true);
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("snippet_comment"));
            Assert.That(body["content"]!["raw"]!.GetValue<string>(), Is.EqualTo("Nice *snippet*"));
            Assert.That(body["parent"]!["id"]!.GetValue<long>(), Is.EqualTo(7));
            Assert.That(body.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "type", "content", "parent" }));
        });
        AssertComment(comment);
    }

    [Test]
    public async Task GetComment_ReadsTheComment()
    {
        Answer(200, CommentJson);

        var comment = await Snippets.GetCommentAsync("evzijst", "kypj", 42);

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/comments/42");
        AssertComment(comment);
    }

    [Test]
    public async Task UpdateComment_PutsTheNewContent()
    {
        Answer(200, CommentJson);

        var comment = await Snippets.UpdateCommentAsync("evzijst", "kypj", 42, new SnippetComment
        {
            Type = "snippet_comment",
            Content = new RenderedContent { Raw = "Edited" },
        });

        AssertSent("PUT", "/2.0/snippets/evzijst/kypj/comments/42");
        var body = SentJson(declaredJson: true);
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("snippet_comment"));
            Assert.That(body["content"]!["raw"]!.GetValue<string>(), Is.EqualTo("Edited"));
            Assert.That(body["parent"], Is.Null);
        });
        AssertComment(comment);
    }

    // --- Commits and revisions ----------------------------------------------------------------------------------

    private static void AssertCommit(SnippetCommit commit)
    {
        Assert.Multiple(() =>
        {
            Assert.That(commit.Type, Is.EqualTo("snippet_commit"));
            Assert.That(commit.Hash, Is.EqualTo("367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa"));
            Assert.That(commit.Message, Is.EqualTo("Initial commit\n"));
            Assert.That(commit.Author!.Raw, Is.EqualTo("Erik van Zijst <erik@example.com>"));
            Assert.That(commit.Parents!.Single().Hash, Is.EqualTo("0a1b2c3d4e5f"));
            Assert.That(commit.Links!.Diff!.Href, Does.EndWith("/diff"));
            Assert.That(commit.Snippet!.Id, Is.EqualTo("kypj"));
        });
    }

    [Test]
    public async Task ListCommits_ReadsCommits()
    {
        Answer(200, Page(CommitJson));

        var commits = await FirstPageAsync(Snippets.ListCommits("evzijst", "kypj", new ListOptions { Fields = "values.hash" }));

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/commits?fields=values.hash");
        AssertCommit(commits.Single());
    }

    [Test]
    public async Task GetCommit_ReadsTheCommit()
    {
        Answer(200, CommitJson);

        var commit = await Snippets.GetCommitAsync("evzijst", "kypj", "367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa");

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/commits/367ab19a0d3f2d6f55bf6c6c5bc2f0e4c1b5e0aa");
        AssertCommit(commit);
    }

    [Test]
    public async Task GetRevision_ReadsTheSnippetAtThatRevision()
    {
        Answer(200, SnippetJson);

        var snippet = await Snippets.GetRevisionAsync("evzijst", "kypj", "367ab19");

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/367ab19");
        AssertSnippet(snippet);
    }

    [Test]
    public async Task UpdateRevision_PutsFormData_ToTheVersionedUrl()
    {
        Answer(200, SnippetJson);

        var snippet = await Snippets.UpdateRevisionAsync("evzijst", "kypj", "367ab19", Files(), title: "CAS", removedFiles: ["gone.txt"]);

        AssertSent("PUT", "/2.0/snippets/evzijst/kypj/367ab19");
        var parts = await SentFormPartsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "file", "file", "title", "files" }));
            Assert.That(parts.Single(p => p.Name == "title").Text, Is.EqualTo("CAS"));
            Assert.That(parts.Single(p => p.Name == "files").Text, Is.EqualTo("gone.txt"));
        });
        AssertFileParts(parts);
        AssertSnippet(snippet);
    }

    // --- Raw content --------------------------------------------------------------------------------------------

    private static IEnumerable<TestCaseData> StreamCalls()
    {
        yield return new TestCaseData((Func<ISnippetsApi, Task<Stream>>)(s => s.GetFileAsync("evzijst", "kypj", "src/foo bar.txt")), "/2.0/snippets/evzijst/kypj/files/src/foo%20bar.txt").SetName("GetFile");
        yield return new TestCaseData((Func<ISnippetsApi, Task<Stream>>)(s => s.GetRevisionFileAsync("evzijst", "kypj", "367ab19", "src/foo.txt")), "/2.0/snippets/evzijst/kypj/367ab19/files/src/foo.txt").SetName("GetRevisionFile");
        yield return new TestCaseData((Func<ISnippetsApi, Task<Stream>>)(s => s.GetDiffAsync("evzijst", "kypj", "367ab19", null, default)), "/2.0/snippets/evzijst/kypj/367ab19/diff").SetName("GetDiff");
        yield return new TestCaseData((Func<ISnippetsApi, Task<Stream>>)(s => s.GetDiffAsync("evzijst", "kypj", "367ab19", "foo.txt", default)), "/2.0/snippets/evzijst/kypj/367ab19/diff?path=foo.txt").SetName("GetDiff_ForOneFile");
        yield return new TestCaseData((Func<ISnippetsApi, Task<Stream>>)(s => s.GetPatchAsync("evzijst", "kypj", "367ab19")), "/2.0/snippets/evzijst/kypj/367ab19/patch").SetName("GetPatch");
    }

    [TestCaseSource(nameof(StreamCalls))]
    public async Task RawContent_IsStreamedUnchanged(Func<ISnippetsApi, Task<Stream>> call, string rawTarget)
    {
        const string text = "diff --git a/foo.txt b/foo.txt\n--- a/foo.txt\n+++ b/foo.txt\n@@ -1 +1 @@\n-foo\n+bar\n";
        Answer(200, text, "text/plain");

        await using var stream = await call(Snippets);
        using var reader = new StreamReader(stream);

        AssertSent("GET", rawTarget);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(text));
    }

    // --- Watching -----------------------------------------------------------------------------------------------

    [TestCase(204, true)]
    [TestCase(404, false)]
    public async Task IsWatching_ReportsTheStatus_WithoutThrowing(int status, bool watching)
    {
        Answer(status, status == 404 ? """{"type":"error","error":{"message":"Not watching"}}""" : null);

        using var response = await Snippets.IsWatchingAsync("evzijst", "kypj");

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/watch");
        Assert.That(response.IsSuccessStatusCode, Is.EqualTo(watching));
    }

    [Test]
    public async Task ListWatchers_ReadsAccounts()
    {
        Answer(200, Page("""{"type":"user","display_name":"Ann Lee","uuid":"{a1}","nickname":"ann","account_id":"5b10a2844c20165700ede21g"}"""));

#pragma warning disable CS0618
        var watchers = await FirstPageAsync(Snippets.ListWatchers("evzijst", "kypj"));
#pragma warning restore CS0618

        AssertSent("GET", "/2.0/snippets/evzijst/kypj/watchers");
        Assert.Multiple(() =>
        {
            Assert.That(watchers.Single().DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(watchers.Single().AccountId, Is.EqualTo("5b10a2844c20165700ede21g"));
        });
    }
}
