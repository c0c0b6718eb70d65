using System.Net;
using Bitbucket.DependencyInjection;
using Bitbucket.Http;

namespace Bitbucket.Authentication;

/// <summary>
/// The rules for an endpoint that receives a secret (OAuth 2 token endpoint, OAuth 1 endpoints): https only (loopback
/// excepted), redirects never followed, the answer bounded like every other body the library reads.
/// </summary>
internal static class SecretEndpoint
{
    /// <summary>The most bytes an answer of a token endpoint may have. Real answers are a few hundred bytes.</summary>
    public const long MaxAnswerBytes = 1024 * 1024;

    /// <summary>Refuses an endpoint that would carry a secret in clear text.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="what">What it is, for the message.</param>
    /// <param name="paramName">The argument that holds it.</param>
    /// <exception cref="ArgumentException">The endpoint is not absolute, or is plain http to a host that is not loopback.</exception>
    public static void RequireHttps(Uri? endpoint, string what, string paramName)
    {
        if (endpoint is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException($"The {what} must be an absolute URI.", paramName);
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && BitbucketOptionsValidator.IsLoopback(endpoint)))
        {
            throw new ArgumentException($"The {what} {SecretRedactor.RedactUrl(endpoint)} must use https (plain http is accepted for loopback only): a secret travels to it.", paramName);
        }
    }

    /// <summary>
    /// Sends a request to a secret-receiving endpoint and reads its answer, bounded, refusing any redirect: the
    /// answer of another host is never used (a refresh token it returned would replace the only valid one).
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request.</param>
    /// <param name="what">The endpoint, for messages.</param>
    /// <param name="secrets">The secrets in the request, removed from any message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, reason and body.</returns>
    /// <exception cref="BitbucketAuthenticationException">Unreachable, redirected, or the answer is larger than the limit.</exception>
    public static async Task<(HttpStatusCode Status, string? Reason, string Body)> SendAsync(
        HttpClient client, HttpRequestMessage request, string what, SentSecrets secrets, CancellationToken cancellationToken)
    {
        var endpoint = request.RequestUri!;
        HttpResponseMessage response;
        try
        {
            response = await Instrumentation.SendTokenRequestAsync(client, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BitbucketAuthenticationException(
                $"The {what} {SecretRedactor.RedactUrl(endpoint)} could not be reached: {SecretRedactor.Redact(ex.Message, secrets)}", innerException: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var answeredBy = response.RequestMessage?.RequestUri;
            if (status is >= 300 and < 400 || (answeredBy is not null && answeredBy != endpoint))
            {
                // Redirects are not followed (the registration's client does not follow them; a client that did is caught here).
                throw new BitbucketAuthenticationException(
                    $"The {what} {SecretRedactor.RedactUrl(endpoint)} redirected the request (status {status}); a secret-receiving endpoint's redirects are never followed and its answer is not used.",
                    statusCode: response.StatusCode);
            }

            try
            {
                using var buffered = await BufferedContent.LoadAsync(response.Content, MaxAnswerBytes, truncate: false, cancellationToken).ConfigureAwait(false);
                return (response.StatusCode, response.ReasonPhrase, await buffered.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (ResponseTooLargeException ex)
            {
                throw new BitbucketAuthenticationException(
                    $"The {what} {SecretRedactor.RedactUrl(endpoint)} answered {status} with a body larger than {MaxAnswerBytes} bytes; it was not read.",
                    statusCode: response.StatusCode, innerException: ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw new BitbucketAuthenticationException(
                    $"The {what} {SecretRedactor.RedactUrl(endpoint)} answered {status} but the body could not be read: {ex.GetType().Name}.",
                    statusCode: response.StatusCode, innerException: ex);
            }
        }
    }

    /// <summary>Configures the primary handler of a token <see cref="HttpClient"/>: no automatic redirects.</summary>
    /// <returns>The handler.</returns>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
