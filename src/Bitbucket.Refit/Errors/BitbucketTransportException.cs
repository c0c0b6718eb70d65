using System.Net.Http;
using System.Net.Sockets;

namespace Bitbucket;

/// <summary>
/// A call to Bitbucket failed before a complete response arrived: the connection could not be made, was reset or
/// closed, or the body ended early. Idempotent calls (GET, HEAD, PUT, DELETE) were already retried when this is thrown.
/// Derives from <see cref="HttpRequestException"/>, so code that catches that keeps working.
/// </summary>
public sealed class BitbucketTransportException : HttpRequestException
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketTransportException"/> class.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's URL; credentials are removed before it is kept.</param>
    /// <param name="innerException">The transport's exception.</param>
    public BitbucketTransportException(HttpMethod method, Uri? requestUri, Exception? innerException)
        : this(method ?? throw new ArgumentNullException(nameof(method)), SecretRedactor.RedactUrl(requestUri), ErrorOf(innerException), innerException)
    {
    }

    private BitbucketTransportException(HttpMethod method, Uri? redacted, HttpRequestError error, Exception? innerException)
        : base(error, $"Bitbucket {method} {redacted?.ToString() ?? "(unknown URL)"} failed before a complete response arrived: {Describe(error, innerException)}.", innerException)
    {
        Method = method;
        RequestUri = redacted;
    }

    /// <summary>Gets the request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the request's URL, credentials removed.</summary>
    public Uri? RequestUri { get; }

    private static HttpRequestError ErrorOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http:
                    return http.HttpRequestError;
                case HttpIOException io:
                    return io.HttpRequestError;
                case SocketException:
                    return HttpRequestError.ConnectionError;
            }
        }

        return HttpRequestError.Unknown;
    }

    private static string Describe(HttpRequestError error, Exception? inner) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "the connection could not be made, or was reset",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ResponseEnded => "the connection closed before the response ended",
        HttpRequestError.InvalidResponse => "the response was not valid HTTP",
        HttpRequestError.ProxyTunnelError => "the proxy tunnel could not be opened",
        HttpRequestError.HttpProtocolError => "an HTTP protocol error occurred",
        HttpRequestError.ExtendedConnectNotSupported or HttpRequestError.VersionNegotiationError => "the HTTP version could not be negotiated",
        HttpRequestError.UserAuthenticationError => "the proxy refused the credentials",
        HttpRequestError.ConfigurationLimitExceeded => "a configured limit (such as the response header size) was exceeded",
        _ => inner is null ? "a transport failure" : inner.GetType().Name,
    };
}
