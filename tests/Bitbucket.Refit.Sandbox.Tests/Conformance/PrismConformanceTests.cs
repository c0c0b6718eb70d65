using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Sandbox.Internal.Described;

namespace Bitbucket.Sandbox.Tests.Conformance;

/// <summary>
/// Drives every live operation of the description through Prism's proxy in front of the sandbox and fails on any
/// response violation that is not one of the description's own artefacts listed in <see cref="Artefacts"/>.
/// </summary>
[NonParallelizable]
public sealed class PrismConformanceTests
{
    private const string Ws = "analytical-engines";
    private const string Repo = "difference-engine";

    /// <summary>
    /// Violations that are the description's, not the sandbox's: each entry is (JSON path fragment or "*", message
    /// fragment, reason). Bitbucket itself answers this way, so the sandbox does too.
    /// </summary>
    private static readonly (string Where, string Message, string Reason)[] Artefacts =
    [
        (".", "must have required property 'type'", "The description's base `object` requires `type` on every object, nested ones included (`links`, `links.self`, a pipeline's `target`), where Bitbucket sends none; a top-level object without `type` is still a violation."),
        ("*", "must be string", "OpenAPI 3.0 has no `null` without `nullable`: Bitbucket sends `null` for unset strings (`refname`, `location`, `source`)."),
        ("*", "must be object", "OpenAPI 3.0 has no `null` without `nullable`: Bitbucket sends `null` for `closed_by`, `merge_commit`."),
        ("*", "must be boolean", "OpenAPI 3.0 has no `null` without `nullable`: Bitbucket sends `null` booleans."),
        ("commit", "found 'type'", "`pullrequest.source/destination/merge_commit.commit` are declared `{hash}` with `additionalProperties: false`; Bitbucket sends a commit summary with `type` and `links`."),
        ("commit", "found 'links'", "As above: Bitbucket's pull-request commit summaries carry `links`."),
        ("summary", "found 'type'", "Bitbucket's rendered objects (`summary`, `rendered.*`, `content`) carry `\"type\": \"rendered\"`; the description closes them with `additionalProperties: false`."),
        ("rendered", "found 'type'", "As above (`rendered.title`, `rendered.description`, `rendered.reason`)."),
        ("content", "found 'type'", "As above (comment `content`)."),
        ("links", "found 'branches'", "Bitbucket's repository `links` include `branches` and `tags`; the description closes `links` with `additionalProperties: false`."),
        ("links", "found 'tags'", "As above."),
        ("links", "found 'statuses'", "Bitbucket's pull-request `links` include `statuses`; the description closes `links`."),
        ("links.clone", "must match format \"uri\"", "Bitbucket's SSH clone link is `git@bitbucket.org:ws/repo.git`, which is not a URI; the description types every `href` as `uri`."),
        ("error", "found 'fields'", "Bitbucket's 400 error carries `error.fields` (per-field messages); the description's `error` object omits it and closes the object."),
        ("GET /user/emails", "must have required property 'type'", "The description documents no success answer for `GET /user/emails`, only `default: error`, so Prism validates the page of e-mail addresses against the error schema."),
        ("", "defined in the document: 302", "Prism's proxy forwards with node-fetch, which follows redirects: a documented 302 reaches validation as the target's 200."),
    ];

    /// <summary>Undocumented 4xx error statuses are allowed: the description lists few of the errors Bitbucket answers
    /// (400 for a refused state change, 404 for an unknown item, 409, and 410 for the cross-workspace lists since CHANGE-2770).</summary>
    private static bool IsUndocumentedError(int status, string message) =>
        status is >= 400 and < 500 && message.StartsWith("Unable to match the returned status code", StringComparison.Ordinal);

    [Test]
    public async Task EveryOperation_AnswersThroughPrism_WithoutViolationsBeyondTheArtefacts()
    {
        using var spec = SpecOperations.Load();
        var operations = SpecOperations.Live(spec);
        await using var sandbox = await BitbucketSandbox.StartAsync();
        await using var prism = await PrismProxy.StartAsync(sandbox.ApiBaseAddress);
        using var http = new HttpClient { BaseAddress = prism.Address, Timeout = TimeSpan.FromSeconds(60) };
        var user = sandbox.Seed.User;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Email + ":" + user.ApiToken)));

        var head = await HeadOfMainAsync(http);
        var sample = new SchemaSample(Description.Instance, DateTimeOffset.UtcNow, "127.0.0.1");
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var unanswered = new List<string>();
        var violations = new List<string>();
        var allowed = new List<string>();
        var successes = 0;

        // Creations and reads first, deletions last (longest paths first), so the fixtures outlive the run.
        var ordered = operations.Where(o => o.Method != "DELETE").OrderBy(o => o.Template.Length).ThenBy(o => Rank(o.Method))
            .Concat(operations.Where(o => o.Method == "DELETE").OrderByDescending(o => o.Template.Length));
        foreach (var operation in ordered)
        {
            var path = Concrete(operation, head, created);
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path.TrimStart('/'), UriKind.Relative));
            if (operation.Method is "POST" or "PUT")
            {
                var body = Body(operation, sample, head);
                request.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 400)
            {
                successes++;
                Remember(operation, path, text, created);
            }

            if (status == 501 || status >= 500 || (status == 404 && text.Contains("Resource not found", StringComparison.Ordinal)))
            {
                unanswered.Add($"{operation} -> {status} {Excerpt(text)}");
            }

            if (response.Headers.TryGetValues("sl-violations", out var values))
            {
                foreach (var violation in JsonNode.Parse(string.Join("", values))!.AsArray())
                {
                    var message = violation!["message"]?.ToString() ?? string.Empty;
                    var where = message.StartsWith("Response body property ", StringComparison.Ordinal) ? message["Response body property ".Length..].Split(' ')[0] : string.Empty;
                    var line = $"{operation} -> {status}: {where}: {message}";
                    if (IsUndocumentedError(status, message) || Artefacts.Any(a => Matches(a.Where, operation, where) && message.Contains(a.Message, StringComparison.Ordinal)))
                    {
                        allowed.Add(line);
                    }
                    else
                    {
                        violations.Add(line);
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"operations driven: {operations.Count}, answered 2xx/3xx: {successes}, unanswered: {unanswered.Count}");
        TestContext.Out.WriteLine($"violations: {violations.Count} (plus {allowed.Count} description artefacts on the allow-list)");
        foreach (var line in violations)
        {
            TestContext.Out.WriteLine("  " + line);
        }

        foreach (var group in allowed.GroupBy(a => a[(a.IndexOf(": ", StringComparison.Ordinal) + 2)..]).OrderByDescending(g => g.Count()))
        {
            TestContext.Out.WriteLine($"  allowed x{group.Count()}: {group.Key}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(unanswered, Is.Empty, "operations that did not answer:\n  " + string.Join("\n  ", unanswered));
            Assert.That(violations, Is.Empty, "response violations:\n  " + string.Join("\n  ", violations));
        });
    }

    private static readonly HashSet<string> Fixtures = ["workspace", "repo_slug", "commit", "revision", "node", "node_id", "spec", "selected_user", "username", "target_username", "project_key", "name", "path", "email", "subject_type"];

    private static bool Matches(string pattern, SpecOperation operation, string where) => pattern switch
    {
        "*" => true,
        "." => where.Length > 0,
        _ when pattern.Contains(' ', StringComparison.Ordinal) => operation.ToString() == pattern,
        _ => where.Contains(pattern, StringComparison.Ordinal),
    };

    private static int Rank(string method) => method switch { "POST" => 0, "PUT" => 1, "GET" => 2, _ => 3 };

    private static async Task<string> HeadOfMainAsync(HttpClient http)
    {
        var branch = JsonNode.Parse(await http.GetStringAsync(new Uri($"repositories/{Ws}/{Repo}/refs/branches/main", UriKind.Relative)))!;
        return branch["target"]!["hash"]!.GetValue<string>();
    }

    private static string Concrete(SpecOperation operation, string head, Dictionary<string, string> created)
    {
        var segments = operation.Template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var name = segments[i].Trim('{', '}');
            var collection = string.Join('/', segments[..i]);
            segments[i] = i == segments.Length - 1 && !Fixtures.Contains(name) && created.TryGetValue(Fill(collection, head), out var id)
                ? Uri.EscapeDataString(id)
                : Value(name, head);
        }

        var path = string.Join('/', segments);
        var query = new List<string>();
        if (operation.Operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.GetProperty("in").GetString() == "query" && parameter.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    query.Add(parameter.GetProperty("name").GetString() + "=x");
                }
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static string Fill(string template, string head) =>
        string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? Value(s.Trim('{', '}'), head) : s));

    private static string Value(string name, string head) => name switch
    {
        "workspace" => Ws,
        "repo_slug" => Repo,
        "pull_request_id" => "1",
        "commit" or "revision" or "node" or "node_id" or "spec" => head,
        "selected_user" or "username" or "target_username" => "ada",
        "project_key" => "ENG",
        "name" => "main",
        "path" => "README.md",
        "email" => "ada%40example.com",
        "subject_type" => "repository",
        _ when name.Contains("uuid", StringComparison.OrdinalIgnoreCase) => Uri.EscapeDataString("{00000000-0000-0000-0000-000000000001}"),
        _ when name.EndsWith("id", StringComparison.OrdinalIgnoreCase) => "1",
        _ => "sandbox",
    };

    private static JsonNode? Body(SpecOperation operation, SchemaSample sample, string head)
    {
        var known = operation.ToString() switch
        {
            "POST /repositories/{workspace}/{repo_slug}/pullrequests" => """{"title":"Conformance","source":{"branch":{"name":"develop"}}}""",
            "POST /repositories/{workspace}/{repo_slug}/refs/branches" => """{"name":"conformance","target":{"hash":"main"}}""",
            "POST /repositories/{workspace}/{repo_slug}/refs/tags" => """{"name":"v-conformance","target":{"hash":"main"}}""",
            "POST /repositories/{workspace}/{repo_slug}/pipelines" => """{"target":{"type":"pipeline_ref_target","ref_type":"branch","ref_name":"main"}}""",
            "POST /repositories/{workspace}/{repo_slug}/hooks" or "POST /workspaces/{workspace}/hooks" => """{"url":"http://127.0.0.1:9/hook","active":false,"events":["repo:push"]}""",
            "POST /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments" => """{"content":{"raw":"conformance"}}""",
            "POST /repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build" => """{"key":"conformance","state":"SUCCESSFUL","url":"https://ci.example.com/1"}""",
            "POST /workspaces/{workspace}/projects" => """{"key":"CONF","name":"Conformance"}""",
            _ => null,
        };
        if (known is not null)
        {
            return JsonNode.Parse(known);
        }

        if (operation.Operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema))
        {
            return sample.Build(schema);
        }

        return null;
    }

    private static void Remember(SpecOperation operation, string path, string text, Dictionary<string, string> created)
    {
        if (operation.Method != "POST" || text.Length == 0 || text[0] != '{')
        {
            return;
        }

        var node = JsonNode.Parse(text);
        var id = node?["uuid"]?.ToString() ?? node?["id"]?.ToString() ?? node?["key"]?.ToString();
        if (id is not null)
        {
            created[Uri.UnescapeDataString(path.Split('?')[0])] = id;
        }
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] : text;
}
