using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bitbucket.Sandbox.Tests.Realism;

/// <summary>
/// The bodies look like Bitbucket's (issue 14's list): fields Bitbucket sends as <c>null</c> are sent as <c>null</c>,
/// lists carry the partial representation, links and <c>type</c> markers are there. Checked on the raw JSON, because
/// the library's models cannot tell a missing field from a <c>null</c> one.
/// </summary>
public sealed class BodyRealismTests
{
    private const string RepoPath = "repositories/analytical-engines/difference-engine/";
    private BitbucketSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task SetUp()
    {
        _sandbox = await BitbucketSandbox.StartAsync();
        _http = new HttpClient { BaseAddress = _sandbox.ApiBaseAddress };
        var user = _sandbox.Seed.User;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Email + ":" + user.ApiToken)));
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Test]
    public async Task PullRequest_HasDescriptionAndNullFields_ListItemsArePartial()
    {
        using var single = await GetAsync(RepoPath + "pullrequests/1");
        using var list = await GetAsync(RepoPath + "pullrequests");
        var pr = single.RootElement;
        var item = list.RootElement.GetProperty("values")[0];

        Assert.Multiple(() =>
        {
            Assert.That(pr.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(pr.GetProperty("closed_by").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(pr.GetProperty("merge_commit").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(pr.TryGetProperty("participants", out _), Is.True, "the single GET is the full representation");
            Assert.That(pr.TryGetProperty("reviewers", out _), Is.True);
            Assert.That(pr.GetProperty("rendered").GetProperty("title").GetProperty("type").GetString(), Is.EqualTo("rendered"));
            Assert.That(pr.GetProperty("summary").GetProperty("type").GetString(), Is.EqualTo("rendered"));

            Assert.That(item.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(item.GetProperty("closed_by").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(item.TryGetProperty("participants", out _), Is.False, "list items are the partial representation");
            Assert.That(item.TryGetProperty("reviewers", out _), Is.False);
            Assert.That(item.TryGetProperty("rendered", out _), Is.False);
        });
    }

    [Test]
    public async Task ReplyComment_ParentHasType()
    {
        using var first = await SendAsync(HttpMethod.Post, RepoPath + "pullrequests/1/comments", """{"content":{"raw":"first"}}""");
        var id = first.RootElement.GetProperty("id").GetInt32();
        using var reply = await SendAsync(HttpMethod.Post, RepoPath + "pullrequests/1/comments", "{\"content\":{\"raw\":\"reply\"},\"parent\":{\"id\":" + id + "}}");

        Assert.Multiple(() =>
        {
            Assert.That(reply.RootElement.GetProperty("parent").GetProperty("type").GetString(), Is.EqualTo("pullrequest_comment"));
            Assert.That(reply.RootElement.GetProperty("content").GetProperty("type").GetString(), Is.EqualTo("rendered"));
        });
    }

    [Test]
    public async Task CommitsAndBranchTargets_CarryBitbucketsLinks()
    {
        using var branch = await GetAsync(RepoPath + "refs/branches/main");
        var target = branch.RootElement.GetProperty("target");
        using var commit = await GetAsync(RepoPath + "commit/" + target.GetProperty("hash").GetString());

        foreach (var links in new[] { target.GetProperty("links"), commit.RootElement.GetProperty("links") })
        {
            Assert.That(links.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "self", "html", "diff", "approve", "comments", "patch", "statuses" }));
        }

        Assert.That(commit.RootElement.GetProperty("summary").GetProperty("type").GetString(), Is.EqualTo("rendered"));
    }

    [Test]
    public async Task CommitStatus_WithoutRefname_SendsNull()
    {
        using var branch = await GetAsync(RepoPath + "refs/branches/main");
        var hash = branch.RootElement.GetProperty("target").GetProperty("hash").GetString();
        using var status = await SendAsync(HttpMethod.Post, RepoPath + "commit/" + hash + "/statuses/build", """{"key":"lint","state":"SUCCESSFUL","url":"https://ci.example.com/1"}""");

        Assert.That(status.RootElement.GetProperty("refname").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Pipeline_HasRunNumberTriggerAndFlags_StoppedHasTerminator()
    {
        using var created = await SendAsync(HttpMethod.Post, RepoPath + "pipelines", """{"target":{"type":"pipeline_ref_target","ref_type":"branch","ref_name":"main"}}""");
        var uuid = created.RootElement.GetProperty("uuid").GetString()!;
        using (var stop = await _http.PostAsync(new Uri(RepoPath + "pipelines/" + Uri.EscapeDataString(uuid) + "/stopPipeline", UriKind.Relative), null))
        {
            Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var stopped = await GetAsync(RepoPath + "pipelines/" + Uri.EscapeDataString(uuid));
        var p = created.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(p.GetProperty("run_number").GetInt32(), Is.EqualTo(1));
            Assert.That(p.GetProperty("trigger").GetProperty("name").GetString(), Is.EqualTo("MANUAL"));
            Assert.That(p.GetProperty("expired").GetBoolean(), Is.False);
            Assert.That(p.GetProperty("has_variables").GetBoolean(), Is.False);
            Assert.That(p.GetProperty("first_successful").ValueKind, Is.EqualTo(JsonValueKind.False));
            var result = stopped.RootElement.GetProperty("state").GetProperty("result");
            Assert.That(result.GetProperty("name").GetString(), Is.EqualTo("STOPPED"));
            Assert.That(result.GetProperty("terminator").GetProperty("nickname").GetString(), Is.EqualTo("ada"));
        });
    }

    [Test]
    public async Task Webhook_HasBitbucketsExtraFields()
    {
        using var hook = await SendAsync(HttpMethod.Post, RepoPath + "hooks", """{"url":"http://127.0.0.1:1/hook","description":"ci","active":true,"events":["repo:push"]}""");
        var h = hook.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(h.GetProperty("skip_cert_verification").GetBoolean(), Is.False);
            Assert.That(h.GetProperty("read_only").GetBoolean(), Is.False);
            Assert.That(h.GetProperty("history_enabled").GetBoolean(), Is.False);
            Assert.That(h.GetProperty("source").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task CurrentUser_HasThePrivateFields()
    {
        using var user = await GetAsync("user");
        var u = user.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(u.GetProperty("username").GetString(), Is.EqualTo("ada"));
            Assert.That(u.GetProperty("has_2fa_enabled").ValueKind, Is.EqualTo(JsonValueKind.False));
            Assert.That(u.GetProperty("is_staff").GetBoolean(), Is.False);
            Assert.That(u.GetProperty("location").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task EmailItems_HaveType()
    {
        using var emails = await GetAsync("user/emails");
        Assert.That(emails.RootElement.GetProperty("values")[0].GetProperty("type").GetString(), Is.EqualTo("email"));
    }

    /// <summary>Atlassian's reference documents "200 The newly created repository" (so does the vendored description); the sandbox follows it.</summary>
    [Test]
    public async Task RepositoryCreate_Answers200()
    {
        using var response = await _http.PostAsync(
            new Uri("repositories/analytical-engines/new-engine", UriKind.Relative),
            new StringContent("""{"scm":"git","is_private":true}""", Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
