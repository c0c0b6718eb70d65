namespace Bitbucket;

/// <summary>A list's paging links are broken: a page links back to itself or to an earlier page.</summary>
public sealed class BitbucketPagingException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketPagingException"/> class.</summary>
    /// <param name="message">What was wrong.</param>
    public BitbucketPagingException(string message)
        : base(message)
    {
    }
}
