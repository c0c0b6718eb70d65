namespace Bitbucket.Webhooks;

/// <summary>Why a delivery was refused before any handler saw it.</summary>
public enum WebhookRejectionReason
{
    /// <summary>A required header (<c>X-Event-Key</c>, <c>X-Request-UUID</c>, <c>X-Hook-UUID</c>) is absent or empty.</summary>
    MissingHeader,

    /// <summary>A Bitbucket header was sent more than once.</summary>
    DuplicateHeader,

    /// <summary>A Bitbucket header has a value Bitbucket never sends (bad characters, too long, a non-numeric attempt number).</summary>
    InvalidHeader,

    /// <summary>The body is not a JSON object of the expected shape (truncated, not JSON, too deeply nested, wrong types).</summary>
    MalformedBody,

    /// <summary>The body lacks what its <c>X-Event-Key</c> promises (for example a <c>pullrequest:*</c> body without <c>pullrequest</c>).</summary>
    EventKeyMismatch,
}

/// <summary>
/// A delivery that cannot be a Bitbucket event: headers missing or duplicated, or a body that does not match its event key.
/// The message names the header or member at fault, never a header value or body content.
/// </summary>
public sealed class WebhookRejectedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WebhookRejectedException"/> class.</summary>
    /// <param name="reason">Why the delivery was refused.</param>
    /// <param name="message">What is wrong, without any value from the request.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public WebhookRejectedException(WebhookRejectionReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Gets why the delivery was refused.</summary>
    public WebhookRejectionReason Reason { get; }
}
