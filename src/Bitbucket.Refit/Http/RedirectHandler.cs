using System.Net;

namespace Bitbucket.Http;

/// <summary>
/// Follows redirects above the authentication handler, so that a redirect within the Bitbucket origin (a pull-request
/// diff, a snippet file) is authenticated anew, and one to another origin (download storage) is sent without any
/// credential, because the authentication handler only signs requests for the configured origin.
/// <see cref="HttpClientHandler"/>'s own redirect handling, which drops <c>Authorization</c> everywhere, is turned off.
/// After <see cref="MaxRedirects"/> hops the last 3xx answer is returned, and surfaces as a <see cref="BitbucketApiException"/>.
/// Rules: a body is never moved to another origin (a 307/308 of a request with a body to another origin is returned
/// as it is, not followed); https is never downgraded to http; once a hop has left the request's origin, no later hop
/// carries the credential, even one that comes back to the Bitbucket origin (a foreign server must not steer an
/// authenticated request to a path of its choosing).
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    internal const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var origin = request.RequestUri;
        var leftOrigin = false;
        for (var hops = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hops++)
        {
            if (hops == MaxRedirects)
            {
                // Too many hops: hand back the last redirect, which the exception factory reports as a typed failure.
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? request.RequestUri!, location);
            var current = response.RequestMessage?.RequestUri ?? request.RequestUri!;
            if ((target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
                || (current.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp))
            {
                return response; // not http(s), or a downgrade from https: not followed
            }

            var keepMethod = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
                || (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
            var carriesBody = keepMethod && request.Content is not null && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head;
            var foreign = !SameOrigin(origin, target);
            if (carriesBody && foreign)
            {
                return response; // a 307/308 would move the body (a secured variable, a token) to another origin
            }

            leftOrigin |= foreign;
            var next = new HttpRequestMessage(keepMethod ? request.Method : HttpMethod.Get, target)
            {
                Version = request.Version,
                VersionPolicy = request.VersionPolicy,
            };
            foreach (var header in request.Headers)
            {
                if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    next.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
            }

            if (leftOrigin)
            {
                next.Options.Set(Authentication.CredentialScope.LeftOriginKey, true);
            }

            if (carriesBody)
            {
                next.Content = request.Content;
            }

            response.Dispose();
            request = next;
            response = await base.SendAsync(next, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static bool SameOrigin(Uri? a, Uri b) =>
        a is not null && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
