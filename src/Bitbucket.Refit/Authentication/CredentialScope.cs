namespace Bitbucket.Authentication;

/// <summary>Decides whether a request may carry the registration's credentials: only to the configured Bitbucket origins.</summary>
internal sealed class CredentialScope
{
    private readonly Uri[] _origins;

    public CredentialScope(IEnumerable<Uri> origins)
    {
        _origins = [.. origins.Where(o => o.IsAbsoluteUri)];
    }

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
