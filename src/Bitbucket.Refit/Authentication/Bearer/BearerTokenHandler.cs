using System.Net.Http.Headers;

namespace Bitbucket.Authentication;

/// <summary>Adds a fixed <c>Authorization: Bearer</c> token (repository, project or workspace access token) to Bitbucket requests.</summary>
internal sealed class BearerTokenHandler(string token, CredentialScope scope) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = scope.Allows(request.RequestUri) ? _header : null;
        return base.SendAsync(request, cancellationToken);
    }
}
