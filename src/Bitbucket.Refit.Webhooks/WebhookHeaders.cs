using Bitbucket.Models;

namespace Bitbucket.Webhooks;

/// <summary>The Bitbucket headers of one webhook delivery.</summary>
public sealed record WebhookHeaders
{
    /// <summary>The header naming the event: <c>X-Event-Key</c>.</summary>
    public const string EventKeyHeader = "X-Event-Key";

    /// <summary>The header naming the webhook: <c>X-Hook-UUID</c>.</summary>
    public const string HookUuidHeader = "X-Hook-UUID";

    /// <summary>The header naming the delivery, the same on every attempt: <c>X-Request-UUID</c>.</summary>
    public const string RequestUuidHeader = "X-Request-UUID";

    /// <summary>The header counting the attempts (1 to 3): <c>X-Attempt-Number</c>.</summary>
    public const string AttemptNumberHeader = "X-Attempt-Number";

    /// <summary>The signature header, <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, sent when the webhook has a secret.</summary>
    public const string SignatureHeader = "X-Hub-Signature";

    private const int MaxValueLength = 128;

    /// <summary>Gets the event key (<c>X-Event-Key</c>).</summary>
    public required WebhookEventKey EventKey { get; init; }

    /// <summary>Gets the UUID of the delivery (<c>X-Request-UUID</c>), which Bitbucket repeats on each retry.</summary>
    public required string RequestUuid { get; init; }

    /// <summary>Gets the UUID of the webhook (<c>X-Hook-UUID</c>).</summary>
    public required string HookUuid { get; init; }

    /// <summary>Gets the attempt number (<c>X-Attempt-Number</c>), when sent.</summary>
    public int? AttemptNumber { get; init; }

    /// <summary>Gets the signature header value (<c>X-Hub-Signature</c>), when sent; check it with <see cref="WebhookSignatureVerifier"/>.</summary>
    public string? Signature { get; init; }

    /// <summary>
    /// Reads and checks the Bitbucket headers of a request, whatever the host: ASP.NET Core
    /// (<c>name =&gt; request.Headers[name]</c>), <c>HttpRequestMessage</c>, Azure Functions …
    /// </summary>
    /// <param name="getValues">Returns every value of the header with the given name (case-insensitive), or null when absent.</param>
    /// <returns>The headers.</returns>
    /// <exception cref="WebhookRejectedException">A required header is missing, or one is duplicated or malformed.</exception>
    public static WebhookHeaders Read(Func<string, IEnumerable<string?>?> getValues)
    {
        ArgumentNullException.ThrowIfNull(getValues);
        var eventKey = Single(getValues, EventKeyHeader, required: true)!;
        var requestUuid = Single(getValues, RequestUuidHeader, required: true)!;
        var hookUuid = Single(getValues, HookUuidHeader, required: true)!;
        var attempt = Single(getValues, AttemptNumberHeader, required: false);
        var signature = Single(getValues, SignatureHeader, required: false);

        if (!IsToken(eventKey) || !IsToken(requestUuid) || !IsToken(hookUuid))
        {
            throw new WebhookRejectedException(WebhookRejectionReason.InvalidHeader, "A Bitbucket header has characters Bitbucket never sends.");
        }

        int? attemptNumber = null;
        if (attempt is not null)
        {
            if (!int.TryParse(attempt, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new WebhookRejectedException(WebhookRejectionReason.InvalidHeader, AttemptNumberHeader + " is not a positive number.");
            }

            attemptNumber = n;
        }

        return new WebhookHeaders
        {
            EventKey = new WebhookEventKey(eventKey),
            RequestUuid = requestUuid,
            HookUuid = hookUuid,
            AttemptNumber = attemptNumber,
            Signature = signature,
        };
    }

    /// <summary>Describes the delivery without the signature.</summary>
    /// <returns>The event key, request UUID, hook UUID and attempt number.</returns>
    public override string ToString() =>
        $"{EventKey} (request {RequestUuid}, hook {HookUuid}, attempt {AttemptNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";

    private static string? Single(Func<string, IEnumerable<string?>?> getValues, string name, bool required)
    {
        string? found = null;
        var count = 0;
        foreach (var value in getValues(name) ?? [])
        {
            count++;
            found = value;
        }

        if (count > 1)
        {
            throw new WebhookRejectedException(WebhookRejectionReason.DuplicateHeader, name + " was sent more than once.");
        }

        if (string.IsNullOrWhiteSpace(found))
        {
            return required
                ? throw new WebhookRejectedException(WebhookRejectionReason.MissingHeader, name + " is missing.")
                : null;
        }

        // No Bitbucket header holds a comma: one there is two values folded into one line.
        if (found.Length > MaxValueLength || found.Contains(',', StringComparison.Ordinal))
        {
            throw new WebhookRejectedException(WebhookRejectionReason.InvalidHeader, name + " is not a single value Bitbucket would send.");
        }

        return found;
    }

    private static bool IsToken(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '{' or '}'))
            {
                return false;
            }
        }

        return true;
    }
}
