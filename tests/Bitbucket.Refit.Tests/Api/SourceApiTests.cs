using System.Text;
using Bitbucket;
using Bitbucket.Models;
using Refit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Api;

public sealed class SourceApiTests : RepositoryAreaApiFixture
{
    private const string Hash = "eefd5ef5d3df01aed629f650959d6706d54cd335";

    private const string DirectoryEntryJson = """
        {
          "path": "tests/test_project",
          "type": "commit_directory",
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/repositories/atlassian/bbql/src/eefd5ef5d3df01aed629f650959d6706d54cd335/tests/test_project/"},
            "meta": {"href": "https://api.bitbucket.org/2.0/repositories/atlassian/bbql/src/eefd5ef5d3df01aed629f650959d6706d54cd335/tests/test_project/?format=meta"}
          },
          "commit": {"type": "commit", "hash": "eefd5ef5d3df01aed629f650959d6706d54cd335"}
        }
        """;

    private const string FileEntryJson = """
        {
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/repositories/atlassian/bbql/src/eefd5ef5d3df01aed629f650959d6706d54cd335/tests/__init__.py"},
            "meta": {"href": "https://api.bitbucket.org/2.0/repositories/atlassian/bbql/src/eefd5ef5d3df01aed629f650959d6706d54cd335/tests/__init__.py?format=meta"},
            "history": {"href": "https://api.bitbucket.org/2.0/repositories/atlassian/bbql/filehistory/eefd5ef5d3df01aed629f650959d6706d54cd335/tests/__init__.py"}
          },
          "path": "tests/__init__.py",
          "escaped_path": "tests/__init__.py",
          "commit": {"type": "commit", "hash": "eefd5ef5d3df01aed629f650959d6706d54cd335"},
          "attributes": ["executable"],
          "type": "commit_file",
          "size": 42,
          "mimetype": "text/x-python"
        }
        """;

    private static readonly string ListingJson = $$"""{"pagelen": 10, "values": [{{DirectoryEntryJson}}, {{FileEntryJson}}], "page": 1, "size": 2}""";

    private ISourceApi Source => Api<ISourceApi>();

    private static void AssertIsListing(IReadOnlyList<TreeEntry> entries)
    {
        Assert.That(entries, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(entries[0].Type, Is.EqualTo(TreeEntry.DirectoryType));
            Assert.That(entries[0].Path, Is.EqualTo("tests/test_project"));
            Assert.That(entries[0].Size, Is.Null);
            Assert.That(entries[0].Links!.Meta!.Href, Does.EndWith("?format=meta"));
            Assert.That(entries[1].Type, Is.EqualTo(TreeEntry.FileType));
            Assert.That(entries[1].Size, Is.EqualTo(42));
            Assert.That(entries[1].Mimetype, Is.EqualTo("text/x-python"));
            Assert.That(entries[1].Attributes, Is.EqualTo(new[] { CommitFileAttributes.Executable }));
            Assert.That(entries[1].Commit!.Hash, Is.EqualTo(Hash));
            Assert.That(entries[1].Links!.History!.Href, Does.Contain("/filehistory/"));
        });
    }

    [Test]
    public async Task ListRoot_SendsGet_AndReadsTheListing()
    {
        Answer(200, ListingJson);

        var entries = await ToListAsync(Source.ListRoot("atlassian", "bbql", new ListOptions { Sort = "-size" }));

        AssertSent("GET", "/2.0/repositories/atlassian/bbql/src?sort=-size");
        AssertIsListing(entries);
    }

    [Test]
    public async Task ListRoot_FollowsBitbucketsRedirect_AuthenticatingTheSameOriginHop()
    {
        // Bitbucket answers GET …/src with a redirect to …/src/{main-branch-hash}/. HttpClient's own redirect handling
        // would drop Authorization (a private repository then answers 404); the client follows same-origin hops itself.
        Mock.Server.Given(Request.Create().WithPath("/2.0/repositories/atlassian/bbql/src").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"{Mock.Url}/2.0/repositories/atlassian/bbql/src/{Hash}/"));
        Mock.Server.Given(Request.Create().WithPath($"/2.0/repositories/atlassian/bbql/src/{Hash}/").UsingGet())
            .RespondWith(Json(ListingJson));

        var entries = await ToListAsync(Source.ListRoot("atlassian", "bbql"));

        AssertIsListing(entries);
        var requests = Mock.Requests.Select(r => r.RequestMessage!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { "/2.0/repositories/atlassian/bbql/src", $"/2.0/repositories/atlassian/bbql/src/{Hash}/" }));
            Assert.That(requests[0].Headers!["Authorization"].Single(), Is.EqualTo("Bearer t"));
            Assert.That(requests[1].Headers!["Authorization"].Single(), Is.EqualTo("Bearer t"), "the same-origin hop is authenticated anew");
        });
    }

    [Test]
    public async Task GetFileAsync_KeepsPathSlashes_EscapesTheRest_AndStreamsTheBytes()
    {
        var content = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x10 };
        Mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithHeader("Content-Disposition", "attachment").WithBody(content));

        await using var stream = await Source.GetFileAsync("atlassian", "bbql", "feature/a b", "docs/images/my logo#1.png");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        AssertSent("GET", "/2.0/repositories/atlassian/bbql/src/feature%2Fa%20b/docs/images/my%20logo%231.png");
        Assert.That(copy.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public async Task ListDirectory_SendsMaxDepthAndOptions_AndReadsTheListing()
    {
        Answer(200, ListingJson);

        var entries = await ToListAsync(Source.ListDirectory("atlassian", "bbql", Hash, "tests", maxDepth: 2, new ListOptions { Query = "size > 1024", PageLength = 100 }));

        AssertSent("GET", $"/2.0/repositories/atlassian/bbql/src/{Hash}/tests?max_depth=2&q=size%20%3E%201024&pagelen=100");
        AssertIsListing(entries);
    }

    [Test]
    public async Task ListDirectory_OfTheRoot_EndsWithTheSlashBitbucketRequires()
    {
        Answer(200, ListingJson);

        var entries = await ToListAsync(Source.ListDirectory("atlassian", "bbql", Hash, string.Empty));

        AssertSent("GET", $"/2.0/repositories/atlassian/bbql/src/{Hash}/");
        Assert.That(entries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetMetadataAsync_SendsFormatMeta_AndReadsTheFile()
    {
        Answer(200, FileEntryJson.Replace("[\"executable\"]", "[]", StringComparison.Ordinal));

        var entry = await Source.GetMetadataAsync("atlassian", "bbql", "eefd5ef", "tests/__init__.py");

        AssertSent("GET", "/2.0/repositories/atlassian/bbql/src/eefd5ef/tests/__init__.py?format=meta");
        Assert.Multiple(() =>
        {
            Assert.That(entry.Type, Is.EqualTo("commit_file"));
            Assert.That(entry.Path, Is.EqualTo("tests/__init__.py"));
            Assert.That(entry.Attributes, Is.Empty);
            Assert.That(entry.Size, Is.EqualTo(42));
            Assert.That(entry.Commit!.Hash, Is.EqualTo(Hash));
        });
    }

    [Test]
    public async Task GetRootMetadataAsync_SendsFormatMetaOnSrc_AndReadsTheRootDirectory()
    {
        Answer(200, """{"path": "", "type": "commit_directory", "commit": {"type": "commit", "hash": "HASH"}, "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/atlassian/bbql/src/HASH/"}}}""".Replace("HASH", Hash, StringComparison.Ordinal));

        var root = await Source.GetRootMetadataAsync("atlassian", "bbql");

        AssertSent("GET", "/2.0/repositories/atlassian/bbql/src?format=meta");
        Assert.Multiple(() =>
        {
            Assert.That(root.Type, Is.EqualTo("commit_directory"));
            Assert.That(root.Path, Is.Empty);
            Assert.That(root.Commit!.Hash, Is.EqualTo(Hash));
        });
    }

    [Test]
    public async Task GetRenderedAsync_SendsFormatRendered_AndReadsTheMarkup()
    {
        Answer(200, """{"raw": "# Title\n", "markup": "markdown", "html": "<h1 id=\"markdown-header-title\">Title</h1>", "type": "rendered"}""");

        var rendered = await Source.GetRenderedAsync("atlassian", "bbql", "main", "README.md");

        AssertSent("GET", "/2.0/repositories/atlassian/bbql/src/main/README.md?format=rendered");
        Assert.Multiple(() =>
        {
            Assert.That(rendered.Raw, Is.EqualTo("# Title\n"));
            Assert.That(rendered.Markup, Is.EqualTo(MarkupLanguage.Markdown));
            Assert.That(rendered.Html, Does.StartWith("<h1"));
        });
    }

    [Test]
    public async Task CreateCommitAsync_SendsFilesAsNamedFileParts_AndMetadataAsPlainFields()
    {
        Answer(201);
        using var readme = new MemoryStream(Encoding.UTF8.GetBytes("# Widgets\n"));
        using var script = new MemoryStream(Encoding.UTF8.GetBytes("#!/bin/sh\necho hi\n"));

        await Source.CreateCommitAsync(
            "acme",
            "widgets",
            [new StreamPart(readme, "README.md", "text/markdown", "docs/README.md"), new StreamPart(script, "run.sh", "text/x-sh", "/bin/run.sh")],
            message: "Add docs",
            author: "Ann Smith <ann@example.com>",
            branch: "feature/docs",
            parent: "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4",
            filesToDelete: ["old/a.txt", "old/b.txt"]);

        AssertSent("POST", "/2.0/repositories/acme/widgets/src");
        var parts = await SentFormPartsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Name), Is.EquivalentTo(new[] { "docs/README.md", "/bin/run.sh", "message", "author", "branch", "parents", "files", "files" }));
            var readmePart = parts.Single(p => p.Name == "docs/README.md");
            Assert.That(readmePart.FileName, Is.EqualTo("README.md"));
            Assert.That(readmePart.ContentType, Is.EqualTo("text/markdown"));
            Assert.That(readmePart.Text, Is.EqualTo("# Widgets\n"));
            Assert.That(parts.Single(p => p.Name == "/bin/run.sh").Text, Is.EqualTo("#!/bin/sh\necho hi\n"));
            var fields = parts.Where(p => p.FileName is null).ToList();
            Assert.That(fields.Select(p => (p.Name, p.Text)), Is.EquivalentTo(new[]
            {
                ("message", "Add docs"),
                ("author", "Ann Smith <ann@example.com>"),
                ("branch", "feature/docs"),
                ("parents", "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4"),
                ("files", "old/a.txt"),
                ("files", "old/b.txt"),
            }), "metadata fields carry no file name, so Bitbucket does not take them for files");
        });
    }

    [Test]
    public async Task CreateCommitAsync_LeavesOutWhatIsNotGiven()
    {
        Answer(201);

        await Source.CreateCommitAsync("acme", "widgets", filesToDelete: ["obsolete.txt"], message: "Remove obsolete.txt");

        var parts = await SentFormPartsAsync();
        Assert.That(parts.Select(p => (p.Name, p.FileName, p.Text)), Is.EquivalentTo(new (string?, string?, string)[]
        {
            ("message", null, "Remove obsolete.txt"),
            ("files", null, "obsolete.txt"),
        }));
    }

    [Test]
    public async Task ListFileHistory_SendsRenamesAndOptions_AndReadsFiles()
    {
        Answer(200, """
            {"pagelen": 50, "values": [
              {"type": "commit_file", "path": "README.rst", "attributes": [], "size": 1024,
               "commit": {"type": "commit", "hash": "b2a4f1b9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2", "date": "2011-05-16T21:13:39+00:00"},
               "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/evzijst/dogslow/src/b2a4f1b9/README.rst"}}},
              {"type": "commit_file", "path": "README.txt", "attributes": ["binary", "lfs"],
               "commit": {"type": "commit", "hash": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", "date": "2011-05-01T10:00:00+00:00"}}
            ]}
            """);

        var history = await ToListAsync(Source.ListFileHistory("evzijst", "dogslow", "master", "docs/READ ME.rst", renames: false, new ListOptions { Query = "commit.date<=2011-05-18", Fields = "values.path,values.commit.date" }));

        AssertSent("GET", "/2.0/repositories/evzijst/dogslow/filehistory/master/docs/READ%20ME.rst?renames=false&q=commit.date%3C%3D2011-05-18&fields=values.path%2Cvalues.commit.date");
        Assert.Multiple(() =>
        {
            Assert.That(history.Select(f => f.Path), Is.EqualTo(new[] { "README.rst", "README.txt" }));
            Assert.That(history[0].Attributes, Is.Empty);
            Assert.That(history[0].Size, Is.EqualTo(1024));
            Assert.That(history[1].Attributes, Is.EqualTo(new[] { CommitFileAttributes.Binary, CommitFileAttributes.Lfs }));
            Assert.That(history[1].Commit!.Date, Is.EqualTo(new DateTimeOffset(2011, 5, 1, 10, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task ListFileHistory_ReadsASingleAttributeString_AsTheSpecDeclaresIt()
    {
        Answer(200, """{"values": [{"type": "commit_file", "path": "bin/run.sh", "attributes": "executable"}]}""");

        var history = await ToListAsync(Source.ListFileHistory("acme", "widgets", "main", "bin/run.sh"));

        AssertSent("GET", "/2.0/repositories/acme/widgets/filehistory/main/bin/run.sh");
        Assert.That(history.Single().Attributes, Is.EqualTo(new[] { CommitFileAttributes.Executable }));
    }
}
