using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Bitbucket.Webhooks.Serialization;

namespace Bitbucket.Webhooks;

/// <summary>
/// Turns a delivery (its <c>X-Event-Key</c> and raw body) into the typed event. Verify the signature first, over the same
/// bytes (<see cref="WebhookSignatureVerifier"/>).
/// </summary>
public static class WebhookEventParser
{
    /// <summary>The deepest JSON nesting accepted; Bitbucket's payloads stay far below it.</summary>
    public const int MaxDepth = 64;

    private static readonly Dictionary<string, JsonTypeInfo> Types = new(StringComparer.Ordinal)
    {
        [WebhookEventKey.Names.RepoPush] = WebhooksJsonContext.Default.RepoPushEvent,
        [WebhookEventKey.Names.RepoFork] = WebhooksJsonContext.Default.RepoForkEvent,
        [WebhookEventKey.Names.RepoUpdated] = WebhooksJsonContext.Default.RepoUpdatedEvent,
        [WebhookEventKey.Names.RepoTransfer] = WebhooksJsonContext.Default.RepoTransferEvent,
        [WebhookEventKey.Names.RepoCommitCommentCreated] = WebhooksJsonContext.Default.RepoCommitCommentCreatedEvent,
        [WebhookEventKey.Names.RepoCommitStatusCreated] = WebhooksJsonContext.Default.RepoCommitStatusCreatedEvent,
        [WebhookEventKey.Names.RepoCommitStatusUpdated] = WebhooksJsonContext.Default.RepoCommitStatusUpdatedEvent,
        [WebhookEventKey.Names.RepoCreated] = WebhooksJsonContext.Default.RepoCreatedEvent,
        [WebhookEventKey.Names.RepoDeleted] = WebhooksJsonContext.Default.RepoDeletedEvent,
        [WebhookEventKey.Names.RepoImported] = WebhooksJsonContext.Default.RepoImportedEvent,
        [WebhookEventKey.Names.ProjectUpdated] = WebhooksJsonContext.Default.ProjectUpdatedEvent,
        [WebhookEventKey.Names.PullRequestCreated] = WebhooksJsonContext.Default.PullRequestCreatedEvent,
        [WebhookEventKey.Names.PullRequestUpdated] = WebhooksJsonContext.Default.PullRequestUpdatedEvent,
        [WebhookEventKey.Names.PullRequestApproved] = WebhooksJsonContext.Default.PullRequestApprovedEvent,
        [WebhookEventKey.Names.PullRequestUnapproved] = WebhooksJsonContext.Default.PullRequestUnapprovedEvent,
        [WebhookEventKey.Names.PullRequestFulfilled] = WebhooksJsonContext.Default.PullRequestFulfilledEvent,
        [WebhookEventKey.Names.PullRequestRejected] = WebhooksJsonContext.Default.PullRequestRejectedEvent,
        [WebhookEventKey.Names.PullRequestChangesRequestCreated] = WebhooksJsonContext.Default.PullRequestChangesRequestCreatedEvent,
        [WebhookEventKey.Names.PullRequestChangesRequestRemoved] = WebhooksJsonContext.Default.PullRequestChangesRequestRemovedEvent,
        [WebhookEventKey.Names.PullRequestPush] = WebhooksJsonContext.Default.PullRequestPushEvent,
        [WebhookEventKey.Names.PullRequestCommentCreated] = WebhooksJsonContext.Default.PullRequestCommentCreatedEvent,
        [WebhookEventKey.Names.PullRequestCommentUpdated] = WebhooksJsonContext.Default.PullRequestCommentUpdatedEvent,
        [WebhookEventKey.Names.PullRequestCommentDeleted] = WebhooksJsonContext.Default.PullRequestCommentDeletedEvent,
        [WebhookEventKey.Names.PullRequestCommentResolved] = WebhooksJsonContext.Default.PullRequestCommentResolvedEvent,
        [WebhookEventKey.Names.PullRequestCommentReopened] = WebhooksJsonContext.Default.PullRequestCommentReopenedEvent,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Gets the event keys that parse into a typed event; any other key gives an <see cref="UnknownWebhookEvent"/>.</summary>
    public static IReadOnlyCollection<string> KnownEventKeys => Types.Keys;

    /// <summary>Parses a delivery into its typed event.</summary>
    /// <param name="headers">The delivery's headers (see <see cref="WebhookHeaders.Read"/>).</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <returns>The typed event, or an <see cref="UnknownWebhookEvent"/> for a key this library does not model.</returns>
    /// <exception cref="WebhookRejectedException">The body is not a JSON object of the shape its event key promises.</exception>
    public static WebhookEvent Parse(WebhookHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Parse(headers.EventKey, body);
    }

    /// <summary>Parses a body into the typed event of <paramref name="eventKey"/>.</summary>
    /// <param name="eventKey">The event key from <c>X-Event-Key</c>.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <returns>The typed event, or an <see cref="UnknownWebhookEvent"/> for a key this library does not model.</returns>
    /// <exception cref="WebhookRejectedException">The body is not a JSON object of the shape its event key promises.</exception>
    public static WebhookEvent Parse(WebhookEventKey eventKey, ReadOnlySpan<byte> body)
    {
        if (eventKey.Value is null || !Types.TryGetValue(eventKey.Value, out var typeInfo))
        {
            return ParseUnknown(eventKey, body);
        }

        if (body.IsEmpty || body[SkipWhitespace(body)] != (byte)'{')
        {
            throw new WebhookRejectedException(WebhookRejectionReason.MalformedBody, "The body is not a JSON object.");
        }

        WebhookEvent? parsed;
        try
        {
            parsed = (WebhookEvent?)JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            // JsonException messages quote only paths and positions, never values; keep it as the inner exception.
            throw new WebhookRejectedException(WebhookRejectionReason.MalformedBody, "The body is not valid JSON of the shape of " + eventKey.Value + ".", ex);
        }

        if (parsed is null)
        {
            throw new WebhookRejectedException(WebhookRejectionReason.MalformedBody, "The body is not a JSON object.");
        }

        if (parsed.FindMissingMember() is { } missing)
        {
            throw new WebhookRejectedException(WebhookRejectionReason.EventKeyMismatch, "The body of a " + eventKey.Value + " event has no '" + missing + "'.");
        }

        return parsed;
    }

    /// <summary>Serializes an event back to the JSON Bitbucket would send (used by <see cref="WebhookTestDelivery"/>).</summary>
    /// <param name="event">The event.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    internal static byte[] Serialize(WebhookEvent @event)
    {
        if (@event is UnknownWebhookEvent unknown)
        {
            return JsonSerializer.SerializeToUtf8Bytes(unknown.Payload, WebhooksJsonContext.Default.JsonElement);
        }

        var typeInfo = Types.TryGetValue(@event.EventKey.Value, out var info) && info.Type == @event.GetType()
            ? info
            : throw new ArgumentException("The event type has no JSON metadata.", nameof(@event));
        return JsonSerializer.SerializeToUtf8Bytes(@event, typeInfo);
    }

    private static UnknownWebhookEvent ParseUnknown(WebhookEventKey eventKey, ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Trailing data after the JSON value.");
            }

            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new WebhookRejectedException(WebhookRejectionReason.MalformedBody, "The body is not valid JSON.", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookRejectedException(WebhookRejectionReason.MalformedBody, "The body is not a JSON object.");
        }

        Account? actor = null;
        if (root.TryGetProperty("actor", out var actorJson) && actorJson.ValueKind == JsonValueKind.Object)
        {
            try
            {
                actor = actorJson.Deserialize(BitbucketJsonContext.Default.Account);
            }
            catch (JsonException)
            {
                // An unknown event is never refused for its shape: the raw payload is all the caller gets then.
            }
        }

        return new UnknownWebhookEvent(eventKey, root) { Actor = actor };
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> body)
    {
        var i = 0;
        while (i < body.Length - 1 && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
