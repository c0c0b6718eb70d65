using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bitbucket.Models;
using Bitbucket.Webhooks;

namespace Bitbucket.Benchmarks;

/// <summary>
/// Receiving a webhook: read the headers, verify <c>X-Hub-Signature</c> and parse the typed event, against the least a
/// hand-written receiver does on the same bytes (<c>HMACSHA256.HashData</c> + <c>JsonSerializer.Deserialize&lt;JsonDocument&gt;</c>).
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks
{
    private const string Secret = "bench-webhook-secret";

    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    private readonly WebhookSignatureVerifier _verifier = new([Secret]);
    private SignedWebhookDelivery _delivery = null!;
    private byte[] _body = null!;

    /// <summary>Gets or sets the delivery: a ~50 KB <c>repo:push</c> or a ~10 KB <c>pullrequest:updated</c>.</summary>
    [Params("repo:push", "pullrequest:updated")]
    public string EventKey { get; set; } = "repo:push";

    /// <summary>Builds the signed delivery.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var json = EventKey == "repo:push" ? WebhookPayloads.Push(targetBytes: 50 * 1024) : WebhookPayloads.PullRequestUpdated(targetBytes: 10 * 1024);
        _body = Encoding.UTF8.GetBytes(json);
        _delivery = WebhookTestDelivery.Create(new WebhookEventKey(EventKey), _body, Secret);
        if (Library() is null || Baseline() is null)
        {
            throw new InvalidOperationException("The delivery does not verify.");
        }

        Console.WriteLine($"// {EventKey}: {_body.Length} bytes");
    }

    /// <summary>HMACSHA256.HashData and a JsonDocument over the same bytes, what a hand-written receiver does at least.</summary>
    /// <returns>The document's root kind.</returns>
    [Benchmark(Baseline = true)]
    public object? Baseline()
    {
        var expected = HMACSHA256.HashData(Key, _body);
        var received = Convert.FromHexString(_delivery.Headers["X-Hub-Signature"].AsSpan(7));
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            return null;
        }

        using var document = JsonSerializer.Deserialize<JsonDocument>(_body);
        return document!.RootElement.ValueKind;
    }

    /// <summary>Breakdown: the library's headers and signature check only, against the baseline's HMAC part.</summary>
    /// <returns>The signature result.</returns>
    [Benchmark]
    public WebhookSignatureResult LibraryVerifyOnly()
    {
        var headers = WebhookHeaders.Read(name => _delivery.Headers.TryGetValue(name, out var value) ? [value] : null);
        return _verifier.Verify(_body, headers.Signature);
    }

    /// <summary>The library: headers read and checked, signature verified, typed event parsed.</summary>
    /// <returns>The event.</returns>
    [Benchmark]
    public WebhookEvent? Library()
    {
        var headers = WebhookHeaders.Read(name => _delivery.Headers.TryGetValue(name, out var value) ? [value] : null);
        return _verifier.Verify(_body, headers.Signature) == WebhookSignatureResult.Valid ? WebhookEventParser.Parse(headers, _body) : null;
    }
}

/// <summary>Webhook bodies in the shape of Atlassian's documented payloads, padded to a size with more commits or participants.</summary>
internal static class WebhookPayloads
{
    private const string Actor = """{"type":"user","display_name":"Emma","uuid":"{a54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3}","account_id":"557058:c0b72ad0-1cb5-4018-9cdc-0cde8492c443","nickname":"emmap1","links":{"self":{"href":"https://api.bitbucket.org/2.0/users/%7Ba54f16da%7D"},"html":{"href":"https://bitbucket.org/%7Ba54f16da%7D/"},"avatar":{"href":"https://avatar-management.example/emma.png"}}}""";

    private const string Repository = """{"type":"repository","full_name":"team_name/repo_name","name":"repo_name","uuid":"{673a6070-3421-46c9-9d48-90745f7bfe8e}","is_private":true,"scm":"git","website":"https://mywebsite.com/","links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name"},"html":{"href":"https://bitbucket.org/team_name/repo_name"},"avatar":{"href":"https://bytebucket.org/ravatar/%7B673a6070%7D"}},"workspace":{"type":"workspace","slug":"team_name","name":"Team Name","uuid":"{0f4b2c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f}"},"project":{"type":"project","key":"PROJ","name":"Project","uuid":"{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}"}}""";

    public static string Push(int targetBytes)
    {
        var commits = new List<string>();
        string Body() => "{\"actor\":" + Actor + ",\"repository\":" + Repository + ",\"push\":{\"changes\":[{\"new\":{\"type\":\"branch\",\"name\":\"main\",\"target\":" + Commit(0) + "},\"old\":{\"type\":\"branch\",\"name\":\"main\",\"target\":" + Commit(999) + "},\"links\":{\"html\":{\"href\":\"https://bitbucket.org/team_name/repo_name/branches/compare/a..b\"},\"diff\":{\"href\":\"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/diff/a..b\"}},\"created\":false,\"forced\":false,\"closed\":false,\"truncated\":false,\"commits\":[" + string.Join(",", commits) + "]}]}}";
        while (Body().Length < targetBytes)
        {
            commits.Add(Commit(commits.Count + 1));
        }

        return Body();
    }

    public static string PullRequestUpdated(int targetBytes)
    {
        var participants = new List<string>();
        string Body() => "{\"actor\":" + Actor + ",\"repository\":" + Repository + ",\"pullrequest\":{\"type\":\"pullrequest\",\"id\":1,\"title\":\"Title of pull request\",\"description\":\"" + new string('d', 600) + "\",\"state\":\"OPEN\",\"author\":" + Actor + ",\"source\":{\"branch\":{\"name\":\"branch2\"},\"commit\":{\"hash\":\"d3022fc0ca3d\"},\"repository\":" + Repository + "},\"destination\":{\"branch\":{\"name\":\"master\"},\"commit\":{\"hash\":\"ce5965ddd289\"},\"repository\":" + Repository + "},\"participants\":[" + string.Join(",", participants) + "],\"reviewers\":[" + Actor + "],\"close_source_branch\":true,\"created_on\":\"2015-04-06T15:23:38.179678+00:00\",\"updated_on\":\"2015-04-06T15:23:38.205705+00:00\",\"links\":{\"self\":{\"href\":\"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/pullrequests/1\"},\"html\":{\"href\":\"https://bitbucket.org/team_name/repo_name/pull-requests/1\"}}}}";
        while (Body().Length < targetBytes)
        {
            participants.Add("{\"type\":\"participant\",\"user\":" + Actor + ",\"role\":\"REVIEWER\",\"approved\":true,\"state\":\"approved\",\"participated_on\":\"2015-04-06T16:00:00+00:00\"}");
        }

        return Body();
    }

    private static string Commit(int i)
    {
        var hash = i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
        return "{\"type\":\"commit\",\"hash\":\"" + hash + "\",\"message\":\"Commit number " + i + "\\n\",\"date\":\"2015-06-09T03:34:49+00:00\",\"author\":{\"type\":\"author\",\"raw\":\"Emma <emma@example.com>\",\"user\":" + Actor + "},\"parents\":[{\"type\":\"commit\",\"hash\":\"1e65c05c1d5171631d92438a13901ca7dae9618c\"}],\"links\":{\"self\":{\"href\":\"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/commit/" + hash + "\"},\"html\":{\"href\":\"https://bitbucket.org/team_name/repo_name/commits/" + hash + "\"}}}";
    }
}
