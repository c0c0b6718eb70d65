using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;
using WireMock.RequestBuilders;

// Every code search is deprecated in the spec (since 1 November 2026); they must still work and conform.
#pragma warning disable CS0618

namespace Bitbucket.Tests.Api;

public sealed class SearchApiTests : ApiTestBase
{
    private const string ResultJson = """
        {"type":"code_search_result","content_match_count":2,
         "content_matches":[{"lines":[{"line":2,"segments":[]},{"line":3,"segments":[{"text":"def "},{"text":"foo","match":true},{"text":"():"}]},
           {"line":4,"segments":[{"text":"    print(\"snek\")"}]},{"line":5,"segments":[]}]}],
         "path_matches":[{"text":"src/"},{"text":"foo","match":true},{"text":".py"}],
         "file":{"path":"src/foo.py","type":"commit_file","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/my-workspace/demo/src/ad6964b5fe2880dbd9ddcad1c89000f1dbcbc24b/src/foo.py"}}}}
        """;

    private ISearchApi Search => Api<ISearchApi>();

    [Test]
    public async Task SearchWorkspace_EncodesTheQuery_FollowsNext_AndReadsMatches()
    {
        const string path = "/2.0/workspaces/my-workspace/search/code";
        AnswerTwoPages(
            path,
            $$"""{"size":2,"page":1,"pagelen":1,"query_substituted":true,"values":[{{ResultJson}}],"next":"{{Mock.Url}}{{path}}?search_query=foo%20repo%3Ademo&page=2&pagelen=1"}""",
            $$"""{"size":2,"page":2,"pagelen":1,"query_substituted":false,"values":[{{ResultJson.Replace("src/foo.py", "src/bar.py", StringComparison.Ordinal)}}]}""");

        var pages = new List<Page<SearchCodeSearchResult>>();
        await foreach (var page in Search.SearchWorkspace("my-workspace", "foo repo:demo", new ListOptions { Fields = "+values.file.commit.repository", PageLength = 1 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Mock.Requests.Select(r => r.RequestMessage!.Method), Is.All.EqualTo("GET"));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[]
            {
                $"{path}?search_query=foo%20repo%3Ademo&fields=%2Bvalues.file.commit.repository&pagelen=1",
                $"{path}?search_query=foo%20repo%3Ademo&page=2&pagelen=1",
            }));
            Assert.That(pages.Select(p => p.Values!.Single().File!.Path), Is.EqualTo(new[] { "src/foo.py", "src/bar.py" }));
            Assert.That(pages[0].AdditionalProperties!["query_substituted"].GetBoolean(), Is.True);
            Assert.That(pages[0].Size, Is.EqualTo(2));
            var result = pages[0].Values!.Single();
            Assert.That(result.Type, Is.EqualTo("code_search_result"));
            Assert.That(result.ContentMatchCount, Is.EqualTo(2));
            var line = result.ContentMatches!.Single().Lines![1];
            Assert.That(line.Line, Is.EqualTo(3));
            Assert.That(line.Segments!.Where(s => s.Match == true).Select(s => s.Text), Is.EqualTo(new[] { "foo" }));
            Assert.That(result.PathMatches!.Select(s => s.Text), Is.EqualTo(new[] { "src/", "foo", ".py" }));
            Assert.That(result.File!.Type, Is.EqualTo("commit_file"));
        });
    }

    [TestCase("team", "/2.0/teams/my%20team/search/code?search_query=class%20Foo")]
    [TestCase("user", "/2.0/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D/search/code?search_query=class%20Foo")]
    public async Task DeprecatedSearches_SendGet_AndReadMatches(string scope, string rawTarget)
    {
        Mock.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Json($$"""{"size":1,"page":1,"pagelen":10,"query_substituted":false,"values":[{{ResultJson}}]}"""));

        var results = scope == "team"
            ? Search.SearchTeam("my team", "class Foo")
            : Search.SearchUser("{d301aafa-d676-4ee0-88be-962be7417567}", "class Foo");

        var files = new List<string?>();
        await foreach (var result in results)
        {
            files.Add(result.File!.Path);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Mock.Requests.Single().RequestMessage!.Method, Is.EqualTo("GET"));
            Assert.That(Mock.RawTargets.Single(), Is.EqualTo(rawTarget));
            Assert.That(files, Is.EqualTo(new[] { "src/foo.py" }));
        });
    }

    [Test]
    public void DeprecatedSearches_AreObsolete_SayingThereIsNoReplacement()
    {
        foreach (var name in new[] { nameof(ISearchApi.SearchTeam), nameof(ISearchApi.SearchUser) })
        {
            var obsolete = typeof(ISearchApi).GetMethod(name)!.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().SingleOrDefault();
            Assert.That(obsolete?.Message, Does.Contain("SearchWorkspace"), name);
        }

        var workspace = typeof(ISearchApi).GetMethod(nameof(ISearchApi.SearchWorkspace))!.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().Single();
        Assert.That(workspace.Message, Does.Contain("no replacement"));
    }
}
