using System.Net;

namespace Bitbucket;

/// <summary>
/// A credential could not be obtained: the OAuth token endpoint refused the request or could not be reached. Carries
/// the OAuth <c>error</c> and <c>error_description</c>; never a secret.
/// </summary>
public sealed class BitbucketAuthenticationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketAuthenticationException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The OAuth error code.</param>
    /// <param name="errorDescription">The OAuth error description.</param>
    /// <param name="statusCode">The status of the token endpoint's answer, when there was one.</param>
    /// <param name="innerException">The transport failure, when there was one.</param>
    public BitbucketAuthenticationException(string message, string? error = null, string? errorDescription = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
    }

    /// <summary>Gets the OAuth error code, such as <c>invalid_client</c> or <c>invalid_grant</c>.</summary>
    public string? Error { get; }

    /// <summary>Gets the OAuth error description.</summary>
    public string? ErrorDescription { get; }

    /// <summary>Gets the HTTP status of the token endpoint's answer, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }
}
