namespace Bitbucket;

/// <summary>A JSON response body exceeded <c>BitbucketOptions.MaxResponseContentBytes</c>; reading stopped there.</summary>
public sealed class ResponseTooLargeException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    /// <param name="limit">The limit in bytes.</param>
    public ResponseTooLargeException(long limit)
        : base($"the JSON body is larger than the limit of {limit} bytes (BitbucketOptions.MaxResponseContentBytes)")
    {
        Limit = limit;
    }

    /// <summary>Gets the limit in bytes.</summary>
    public long Limit { get; }
}
