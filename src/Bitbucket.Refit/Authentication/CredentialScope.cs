namespace Bitbucket.Authentication;

/// <summary>Decides whether a request may carry the registration's credentials: only to the configured Bitbucket origins.</summary>
internal sealed class CredentialScope
{
    private readonly Uri[] _origins;

    public CredentialScope(IEnumerable<Uri> origins)
    {
        _origins = [.. origins.Where(o => o.IsAbsoluteUri)];
    }

    /// <summary>The request option a redirect sets on every hop after one that left the configured origins.</summary>
    internal static readonly HttpRequestOptionsKey<bool> LeftOriginKey = new("Bitbucket.Refit.RedirectLeftOrigin");

    /// <summary>Gets whether <paramref name="request"/> may carry the credentials: it goes to a configured origin, and
    /// is not a redirect hop that came back there through another origin (which could steer it to any path).</summary>
    public bool Allows(HttpRequestMessage request) =>
        Allows(request.RequestUri) && !(request.Options.TryGetValue(LeftOriginKey, out var left) && left);

    public bool Allows(Uri? requestUri)
    {
        if (requestUri is null || !requestUri.IsAbsoluteUri || requestUri.UserInfo.Length > 0)
        {
            return false;
        }

        foreach (var origin in _origins)
        {
            if (string.Equals(origin.Scheme, requestUri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(origin.IdnHost, requestUri.IdnHost, StringComparison.OrdinalIgnoreCase)
                && origin.Port == requestUri.Port)
            {
                return true;
            }
        }

        return false;
    }
}
