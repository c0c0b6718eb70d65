using System.Net;

namespace Bitbucket;

/// <summary>
/// Bitbucket answered a request with a status outside 2xx. Carries the status, the method, the request URL without
/// credentials, the parsed error envelope when the body was one, and otherwise a bounded excerpt of the body.
/// Specific statuses raise the subtypes <see cref="BitbucketUnauthorizedException"/> (401),
/// <see cref="BitbucketForbiddenException"/> (403), <see cref="BitbucketNotFoundException"/> (404),
/// <see cref="BitbucketConflictException"/> (409), <see cref="BitbucketGoneException"/> (410) and
/// <see cref="BitbucketRateLimitException"/> (429).
/// </summary>
public class BitbucketApiException : Exception
{
    /// <summary>
    /// Reads a failed response (status outside 2xx) into the exception the typed methods throw for it: the subtype for
    /// its status, the parsed error envelope, the request URL without credentials. For methods that return the raw
    /// <see cref="HttpResponseMessage"/>.
    /// </summary>
    /// <param name="response">The failed response; its body is read (at most 64 KiB).</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception, to throw.</returns>
    /// <exception cref="ArgumentException">The response succeeded.</exception>
    public static async Task<BitbucketApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            throw new ArgumentException($"The response succeeded ({(int)response.StatusCode}); only a failed response has an exception.", nameof(response));
        }

        var details = await BitbucketExceptionFactory.ReadDetailsAsync(response, cancellationToken).ConfigureAwait(false);
        return BitbucketExceptionFactory.Create(details);
    }

    /// <summary>Initializes a new instance of the <see cref="BitbucketApiException"/> class.</summary>
    /// <param name="details">What the response said.</param>
    public BitbucketApiException(BitbucketResponseDetails details)
        : this(details, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BitbucketApiException"/> class with a specific message.</summary>
    /// <param name="details">What the response said.</param>
    /// <param name="message">The message; when <see langword="null"/> one is composed from <paramref name="details"/>.</param>
    public BitbucketApiException(BitbucketResponseDetails details, string? message)
        : this(details, message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BitbucketApiException"/> class with a message and a cause.</summary>
    /// <param name="details">What the response said.</param>
    /// <param name="message">The message; when <see langword="null"/> one is composed from <paramref name="details"/>.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public BitbucketApiException(BitbucketResponseDetails details, string? message, Exception? innerException)
        : base(message ?? ComposeMessage(details ?? throw new ArgumentNullException(nameof(details))), innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Gets everything known about the failed response.</summary>
    public BitbucketResponseDetails Details { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>Gets the HTTP method of the request.</summary>
    public HttpMethod Method => Details.Method;

    /// <summary>Gets the request URL with credentials and sensitive query values removed.</summary>
    public Uri? RequestUri => Details.RequestUri;

    /// <summary>Gets the parsed error envelope, or <see langword="null"/> when the body was not one.</summary>
    public BitbucketError? Error => Details.Error;

    /// <summary>Gets the start of the response body (at most <see cref="BitbucketResponseDetails.MaxExcerptLength"/> characters).</summary>
    public string? ResponseExcerpt => Details.ResponseExcerpt;

    private static string ComposeMessage(BitbucketResponseDetails details)
    {
        var text = $"Bitbucket answered {details.Method} {details.RequestUri?.ToString() ?? "(unknown URL)"} with {(int)details.StatusCode} {details.ReasonPhrase}".TrimEnd();
        if (details.Error?.Message is { Length: > 0 } message)
        {
            text += $": {message}";
            if (details.Error.DetailText is { Length: > 0 } detail)
            {
                text += $" ({Truncate(detail, 300)})";
            }
        }
        else if (!string.IsNullOrWhiteSpace(details.ResponseExcerpt))
        {
            text += $". The body was not a Bitbucket error envelope ({details.ContentType ?? "no content type"}): {Truncate(details.ResponseExcerpt, 200)}";
        }
        else
        {
            text += ". The body was empty.";
        }

        return text;
    }

    private static string Truncate(string value, int length) =>
        value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");
}

/// <summary>Bitbucket answered 401 Unauthorized: the credential is missing, wrong, expired or revoked.</summary>
/// <param name="details">What the response said.</param>
public sealed class BitbucketUnauthorizedException(BitbucketResponseDetails details) : BitbucketApiException(details);

/// <summary>
/// Bitbucket answered 403 Forbidden: the credential is valid but lacks a permission or scope.
/// <see cref="BitbucketError.RequiredScopes"/> and <see cref="BitbucketError.GrantedScopes"/> tell which, when given.
/// </summary>
/// <param name="details">What the response said.</param>
public sealed class BitbucketForbiddenException(BitbucketResponseDetails details) : BitbucketApiException(details);

/// <summary>Bitbucket answered 404 Not Found: the resource does not exist or the credential may not see it.</summary>
/// <param name="details">What the response said.</param>
public sealed class BitbucketNotFoundException(BitbucketResponseDetails details) : BitbucketApiException(details);

/// <summary>Bitbucket answered 409 Conflict: the resource changed or already exists.</summary>
/// <param name="details">What the response said.</param>
public sealed class BitbucketConflictException(BitbucketResponseDetails details) : BitbucketApiException(details);

/// <summary>
/// Bitbucket answered 410 Gone: Bitbucket removed this endpoint (for example the cross-workspace lists removed by
/// CHANGE-2770; use <c>GET /user/workspaces</c> instead).
/// </summary>
/// <param name="details">What the response said.</param>
public sealed class BitbucketGoneException(BitbucketResponseDetails details)
    : BitbucketApiException(details, ComposeGoneMessage(details))
{
    private static string ComposeGoneMessage(BitbucketResponseDetails details) =>
        $"Bitbucket has removed the endpoint {details.Method} {details.RequestUri?.ToString() ?? "(unknown URL)"} (410 Gone)"
        + (details.Error?.Message is { Length: > 0 } m ? $": {m}" : ".");
}

/// <summary>Bitbucket answered 429 Too Many Requests: the rate limit of the resource is used up.</summary>
/// <param name="details">What the response said.</param>
public sealed class BitbucketRateLimitException(BitbucketResponseDetails details) : BitbucketApiException(details)
{
    /// <summary>Gets how long the server asked to wait, when it sent <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;

    /// <summary>Gets the rate-limit headers of the response, when Bitbucket sent them.</summary>
    public BitbucketRateLimit? RateLimit => Details.RateLimit;
}
