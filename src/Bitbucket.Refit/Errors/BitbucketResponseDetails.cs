using System.Net;

namespace Bitbucket;

/// <summary>What a failed Bitbucket response said, with every credential removed.</summary>
public sealed record BitbucketResponseDetails
{
    /// <summary>The most characters of a body kept in <see cref="ResponseExcerpt"/>.</summary>
    public const int MaxExcerptLength = 1024;

    /// <summary>Gets the HTTP status code.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>Gets the reason phrase the server sent.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>Gets the HTTP method of the request.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>Gets the request URL with user information and sensitive query values removed.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>Gets the media type of the response body.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the parsed error envelope, or <see langword="null"/> when the body was not one.</summary>
    public BitbucketError? Error { get; init; }

    /// <summary>Gets the start of the body, at most <see cref="MaxExcerptLength"/> characters.</summary>
    public string? ResponseExcerpt { get; init; }

    /// <summary>Gets the delay the server asked for in <c>Retry-After</c>, when present.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the rate-limit headers, when present.</summary>
    public BitbucketRateLimit? RateLimit { get; init; }
}

/// <summary>
/// Bitbucket's rate-limit headers (<c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>,
/// <c>X-RateLimit-Resource</c>, <c>X-RateLimit-NearLimit</c>). Bitbucket sends them only for some credentials.
/// </summary>
public sealed record BitbucketRateLimit
{
    /// <summary>Gets the number of requests allowed in the rolling window.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the number of requests left in the window, when given.</summary>
    public int? Remaining { get; init; }

    /// <summary>Gets the name of the rate-limited resource.</summary>
    public string? Resource { get; init; }

    /// <summary>Gets whether less than a fifth of the limit is left, when given.</summary>
    public bool? NearLimit { get; init; }

    /// <summary>Reads the rate-limit headers of a response.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The headers' values, or <see langword="null"/> when the response has none.</returns>
    public static BitbucketRateLimit? FromResponse(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        var limit = ReadInt(headers, "X-RateLimit-Limit");
        var remaining = ReadInt(headers, "X-RateLimit-Remaining");
        var resource = headers.TryGetValues("X-RateLimit-Resource", out var r) ? r.FirstOrDefault() : null;
        bool? near = headers.TryGetValues("X-RateLimit-NearLimit", out var n) && bool.TryParse(n.FirstOrDefault(), out var nb) ? nb : null;
        return limit is null && remaining is null && resource is null && near is null
            ? null
            : new BitbucketRateLimit { Limit = limit, Remaining = remaining, Resource = resource, NearLimit = near };
    }

    private static int? ReadInt(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
