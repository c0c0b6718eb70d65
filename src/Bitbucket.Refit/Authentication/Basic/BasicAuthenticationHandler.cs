using System.Net.Http.Headers;
using System.Text;

namespace Bitbucket.Authentication;

/// <summary>
/// Adds <c>Authorization: Basic base64(user:secret)</c> (UTF-8) to requests for the configured Bitbucket origins.
/// Today that is the Atlassian account e-mail with an API token; a username with an app password is the legacy case.
/// </summary>
internal sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;
    private readonly CredentialScope _scope;

    public BasicAuthenticationHandler(string username, string secret, CredentialScope scope)
    {
        _header = new AuthenticationHeaderValue("Basic", Encode(username, secret));
        _scope = scope;
    }

    internal static string Encode(string username, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + secret));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _scope.Allows(request.RequestUri) ? _header : null;
        return base.SendAsync(request, cancellationToken);
    }
}
