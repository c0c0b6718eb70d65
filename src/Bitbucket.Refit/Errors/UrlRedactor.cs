using System.Text;

namespace Bitbucket;

/// <summary>Removes credentials from URLs before they reach a message or a log.</summary>
internal static class UrlRedactor
{
    private static readonly string[] SensitiveKeys =
    [
        "access_token", "refresh_token", "token", "client_secret", "code", "jwt", "password", "secret",
        "oauth_signature", "oauth_token", "oauth_verifier", "oauth_token_secret", "oauth_consumer_key", "oauth_nonce",
    ];

    /// <summary>
    /// Returns <paramref name="uri"/> without user information and with the value of every sensitive query
    /// parameter (tokens, secrets, codes, OAuth 1 parameters) replaced by <c>REDACTED</c>.
    /// </summary>
    /// <param name="uri">The URL, absolute or relative.</param>
    /// <returns>The redacted URL, or <see langword="null"/> for a <see langword="null"/> input.</returns>
    public static Uri? Redact(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (!uri.IsAbsoluteUri)
        {
            return uri;
        }

        var query = uri.Query;
        if (uri.UserInfo.Length == 0 && !HasSensitiveKey(query))
        {
            return uri;
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        if (query.Length > 1)
        {
            builder.Query = RedactQuery(query.AsSpan(1));
        }

        return builder.Uri;
    }

    private static bool HasSensitiveKey(string query)
    {
        if (query.Length <= 1)
        {
            return false;
        }

        foreach (var key in SensitiveKeys)
        {
            if (query.Contains(key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string RedactQuery(ReadOnlySpan<char> query)
    {
        var result = new StringBuilder(query.Length);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (result.Length > 0)
            {
                result.Append('&');
            }

            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (IsSensitive(Uri.UnescapeDataString(key.ToString())))
            {
                result.Append(key).Append("=REDACTED");
            }
            else
            {
                result.Append(pair);
            }
        }

        return result.ToString();
    }

    private static bool IsSensitive(string key)
    {
        foreach (var candidate in SensitiveKeys)
        {
            if (string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
