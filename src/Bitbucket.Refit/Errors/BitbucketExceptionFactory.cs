using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bitbucket.Serialization;

namespace Bitbucket;

/// <summary>
/// Turns a non-success response into a <see cref="BitbucketApiException"/> or one of its subtypes. Plugged into Refit's
/// exception factory; also usable on any <see cref="HttpResponseMessage"/>.
/// </summary>
internal static class BitbucketExceptionFactory
{
    /// <summary>The most bytes of an error body that are read; the rest is left unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Creates the exception for a response, or <see langword="null"/> when it succeeded.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The exception, or <see langword="null"/> for a 2xx response.</returns>
    public static async ValueTask<Exception?> CreateAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var details = await ReadDetailsAsync(response, CancellationToken.None).ConfigureAwait(false);
        return Create(details);
    }

    /// <summary>
    /// Creates the exception for a success response whose body could not be deserialized (plugged into Refit's
    /// deserialization exception factory).
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="exception">The deserializer's exception.</param>
    /// <returns>A <see cref="BitbucketResponseFormatException"/>.</returns>
    public static ValueTask<Exception?> CreateForDeserializationAsync(HttpResponseMessage response, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(exception);
        var request = response.RequestMessage;
        var details = new BitbucketResponseDetails
        {
            StatusCode = response.StatusCode,
            ReasonPhrase = response.ReasonPhrase,
            Method = request?.Method ?? HttpMethod.Get,
            RequestUri = SecretRedactor.RedactUrl(request?.RequestUri),
            ContentType = response.Content?.Headers.ContentType?.MediaType,
        };
        var cause = exception;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException or ResponseTooLargeException)
            {
                cause = e;
                break;
            }
        }

        var reason = cause switch
        {
            ResponseTooLargeException tooLarge => tooLarge.Message,
            JsonException json => "invalid JSON" + (json.Path is null ? string.Empty : $" at {json.Path}") + (json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : string.Empty),
            _ => cause.GetType().Name,
        };
        return ValueTask.FromResult<Exception?>(new BitbucketResponseFormatException(details, reason, cause));
    }

    /// <summary>Creates the exception subtype that matches the status of <paramref name="details"/>.</summary>
    /// <param name="details">What the response said.</param>
    /// <returns>The exception.</returns>
    public static BitbucketApiException Create(BitbucketResponseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new BitbucketUnauthorizedException(details),
            HttpStatusCode.Forbidden => new BitbucketForbiddenException(details),
            HttpStatusCode.NotFound => new BitbucketNotFoundException(details),
            HttpStatusCode.Conflict => new BitbucketConflictException(details),
            HttpStatusCode.Gone => new BitbucketGoneException(details),
            HttpStatusCode.TooManyRequests => new BitbucketRateLimitException(details),
            _ => new BitbucketApiException(details),
        };
    }

    /// <summary>Reads status, headers and at most <see cref="MaxBodyBytes"/> of the body of a failed response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The details, credentials removed.</returns>
    public static async Task<BitbucketResponseDetails> ReadDetailsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var request = response.RequestMessage;
        string? body = null;
        string? contentType = response.Content?.Headers.ContentType?.MediaType;
        if (response.Content is not null)
        {
            try
            {
                body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or DecoderFallbackException)
            {
                body = null;
            }

            // The one redaction pass: what the library sent as a credential, and anything shaped like one, never
            // reaches the excerpt, the parsed error or the message composed from them.
            body = SecretRedactor.Redact(body, SecretRedactor.SecretsOf(request));
        }

        return new BitbucketResponseDetails
        {
            StatusCode = response.StatusCode,
            ReasonPhrase = response.ReasonPhrase,
            Method = request?.Method ?? HttpMethod.Get,
            RequestUri = SecretRedactor.RedactUrl(request?.RequestUri),
            ContentType = contentType,
            Error = TryParseError(body),
            ResponseExcerpt = body is null ? null : body.Length <= BitbucketResponseDetails.MaxExcerptLength ? body : body[..BitbucketResponseDetails.MaxExcerptLength],
            RetryAfter = ReadRetryAfter(response.Headers, TimeProvider.System),
            RateLimit = BitbucketRateLimit.FromResponse(response),
        };
    }

    /// <summary>Reads <c>Retry-After</c> in either form (seconds or HTTP date).</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="timeProvider">The clock to measure an HTTP date against.</param>
    /// <returns>The delay, never negative, or <see langword="null"/> when absent.</returns>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        var encoding = Encoding.UTF8;
        return encoding.GetString(buffer, 0, total);
    }

    private static BitbucketError? TryParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != '{')
        {
            return null;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize(body, BitbucketErrorJsonContext.Default.BitbucketErrorEnvelope);
            return envelope?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
