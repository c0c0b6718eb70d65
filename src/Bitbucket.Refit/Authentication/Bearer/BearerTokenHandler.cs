using System.Net.Http.Headers;

namespace Bitbucket.Authentication;

/// <summary>Adds a fixed <c>Authorization: Bearer</c> token (repository, project or workspace access token) to Bitbucket requests.</summary>
internal sealed class BearerTokenHandler(string token, CredentialScope scope) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);
    private readonly SentSecrets _sent = SentSecrets.Of(token);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (scope.Allows(request))
        {
            request.Headers.Authorization = _header;
            SecretRedactor.Record(request, _sent);
        }
        else
        {
            request.Headers.Authorization = null;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
