using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bitbucket.Serialization;

namespace Bitbucket.Sandbox.Internal;

/// <summary>
/// Delivers webhook events: a JSON POST per subscribed, active webhook with Bitbucket's headers
/// (<c>X-Event-Key</c>, <c>X-Hook-UUID</c>, <c>X-Request-UUID</c>, <c>X-Attempt-Number</c>) and, when the webhook has a
/// secret, <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>. Only loopback URLs are called; any
/// other URL is recorded as not delivered, so the sandbox never sends traffic off the machine.
/// </summary>
internal sealed class WebhookDispatcher(State state, Mapper map) : IAsyncDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly ConcurrentQueue<SandboxWebhookDelivery> _deliveries = new();

    public IReadOnlyList<SandboxWebhookDelivery> Deliveries => [.. _deliveries];

    /// <summary>Queues an event for the webhooks of <paramref name="repository"/> and of <paramref name="workspace"/>. Callers hold the state lock.</summary>
    public void Raise(WorkspaceState workspace, RepositoryState? repository, string eventKey, UserState actor, JsonObject payload)
    {
        var hooks = (repository?.Hooks ?? []).Concat(workspace.Hooks).Where(h => h.Active && h.Events.Contains(eventKey)).ToList();
        if (hooks.Count == 0)
        {
            return;
        }

        var body = new JsonObject { ["actor"] = System.Text.Json.JsonSerializer.SerializeToNode(map.UserSummary(actor), BitbucketJsonContext.Default.Account) };
        foreach (var (key, value) in payload.ToList())
        {
            payload.Remove(key);
            body[key] = value;
        }

        var raw = Encoding.UTF8.GetBytes(body.ToJsonString(Relaxed));
        foreach (var hook in hooks)
        {
            var task = Task.Run(() => DeliverAsync(hook.Uuid, hook.Url, hook.Secret, eventKey, raw));
            _pending[task] = 0;
            _ = task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    /// <summary>Waits until every delivery queued so far has finished.</summary>
    public Task DrainAsync() => Task.WhenAll(_pending.Keys);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DrainAsync().ConfigureAwait(false);
        }
        finally
        {
            _http.Dispose();
        }
    }

    private async Task DeliverAsync(string hookUuid, string url, string? secret, string eventKey, byte[] body)
    {
        var requestUuid = Guid.NewGuid().ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            _deliveries.Enqueue(new SandboxWebhookDelivery(hookUuid, url, eventKey, requestUuid, null, "Not delivered: the sandbox only calls loopback URLs.", state.Now, body));
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("Bitbucket-Webhooks/2.0");
        request.Headers.Add("X-Event-Key", eventKey);
        request.Headers.Add("X-Hook-UUID", hookUuid);
        request.Headers.Add("X-Request-UUID", requestUuid);
        request.Headers.Add("X-Attempt-Number", "1");
        if (secret is not null)
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
            request.Headers.Add("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        }

        try
        {
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            _deliveries.Enqueue(new SandboxWebhookDelivery(hookUuid, url, eventKey, requestUuid, (int)response.StatusCode, null, state.Now, body));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _deliveries.Enqueue(new SandboxWebhookDelivery(hookUuid, url, eventKey, requestUuid, null, ex.Message, state.Now, body));
        }
    }
}
