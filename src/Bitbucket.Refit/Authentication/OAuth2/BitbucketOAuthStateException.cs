namespace Bitbucket;

/// <summary>
/// An OAuth 2 callback's <c>state</c> is missing, too short or not the one the sign-in started with (see
/// <see cref="Authentication.OAuth2Flow.ExchangeCodeAsync(string, string, string, System.Threading.CancellationToken)"/>).
/// The authorization code was not sent to the token endpoint. The message never contains either state.
/// </summary>
public sealed class BitbucketOAuthStateException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketOAuthStateException"/> class.</summary>
    /// <param name="message">The message (without the state values).</param>
    public BitbucketOAuthStateException(string message)
        : base(message)
    {
    }
}
