namespace Bitbucket;

/// <summary>
/// Bitbucket (or something in between, such as a proxy) answered with a success status but a body that is not the
/// JSON the operation returns: HTML, truncated or malformed JSON, a wrong type, or a body over the size limit.
/// </summary>
public sealed class BitbucketResponseFormatException : BitbucketApiException
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketResponseFormatException"/> class.</summary>
    /// <param name="details">What the response said.</param>
    /// <param name="reason">Why the body could not be read.</param>
    /// <param name="innerException">The parser's exception.</param>
    public BitbucketResponseFormatException(BitbucketResponseDetails details, string reason, Exception? innerException)
        : base(details, $"Bitbucket answered {details.Method} {details.RequestUri?.ToString() ?? "(unknown URL)"} with {(int)details.StatusCode} but the body could not be read ({details.ContentType ?? "no content type"}): {reason}", innerException)
    {
    }
}
