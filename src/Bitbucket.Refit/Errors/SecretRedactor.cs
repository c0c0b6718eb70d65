using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Bitbucket;

/// <summary>
/// The one redaction pass every exception message, response excerpt, error field and log line of the library goes
/// through. It removes (1) every value the library itself sent as a credential on the request — the Basic header, a
/// Bearer token, an OAuth 1 signature, a client secret, a refresh token — in the forms a server may echo it (raw,
/// URL-encoded, JSON-escaped), (2) the values of secret-bearing query parameters and of URL fragments, and
/// (3) anything that looks like an <c>Authorization</c> header value.
/// </summary>
internal static partial class SecretRedactor
{
    /// <summary>What a removed value is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The request option under which authentication handlers record the credentials they put on a request.</summary>
    internal static readonly HttpRequestOptionsKey<SentSecrets> SentSecretsKey = new("Bitbucket.Refit.SentSecrets");

    /// <summary>Query names whose values are secrets: tokens, codes, signatures of pre-signed URLs, API keys.</summary>
    private static readonly SearchValues<string> SensitiveKeys = SearchValues.Create(
        [
            "access_token", "refresh_token", "id_token", "token", "client_secret", "client_assertion", "code", "jwt", "password",
            "secret", "api_key", "apikey", "key", "sig", "signature", "x-amz-signature", "x-amz-security-token", "x-amz-credential",
            "x-goog-signature", "x-goog-credential", "oauth_signature", "oauth_token", "oauth_verifier", "oauth_token_secret",
            "oauth_consumer_key", "oauth_nonce", "state", "assertion", "auth", "authorization", "session", "sessionid",
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns <paramref name="uri"/> without user information or fragment, with the value of every sensitive query
    /// parameter (including <c>name[]</c> forms and <c>;name=</c> path parameters) replaced by <see cref="Mask"/>.
    /// </summary>
    /// <param name="uri">The URL, absolute or relative.</param>
    /// <returns>The redacted URL, or <see langword="null"/> for a <see langword="null"/> input.</returns>
    public static Uri? RedactUrl(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            return new Uri(RedactUrlText(text), UriKind.RelativeOrAbsolute);
        }

        var query = uri.Query;
        var path = uri.AbsolutePath;
        if (uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && !MayHold(query) && !path.Contains(';', StringComparison.Ordinal))
        {
            return uri; // the common case: nothing to remove, nothing allocated
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Fragment = string.Empty };
        if (query.Length > 1)
        {
            builder.Query = RedactPairs(query.AsSpan(1), '&');
        }

        if (path.Contains(';', StringComparison.Ordinal))
        {
            builder.Path = string.Join('/', path.Split('/').Select(RedactMatrix));
        }

        return builder.Uri;
    }

    /// <summary>Redacts free text (a response excerpt, an error message from the server, a description).</summary>
    /// <param name="text">The text.</param>
    /// <param name="secrets">The credentials the library sent with the request that produced it, if known.</param>
    /// <returns>The text without any of them, or <see langword="null"/>.</returns>
    public static string? Redact(string? text, SentSecrets? secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (secrets is not null)
        {
            foreach (var secret in secrets.Values)
            {
                text = RemoveEverywhere(text, secret);
            }
        }

        text = AuthorizationValue().Replace(text, m => m.Groups["scheme"].Value + " " + Mask);
        text = SensitivePair().Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + Mask);
        return text;
    }

    /// <summary>Gets the credentials recorded on <paramref name="request"/> by the authentication handler.</summary>
    /// <param name="request">The request, or <see langword="null"/>.</param>
    /// <returns>The secrets, or <see langword="null"/>.</returns>
    public static SentSecrets? SecretsOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(SentSecretsKey, out var secrets) ? secrets : null;

    /// <summary>Records credentials the library puts on <paramref name="request"/>, so any echo of them is removed.</summary>
    /// <param name="request">The request.</param>
    /// <param name="secrets">The credentials.</param>
    public static void Record(HttpRequestMessage request, SentSecrets secrets) => request.Options.Set(SentSecretsKey, secrets);

    private static string RemoveEverywhere(string text, string secret)
    {
        foreach (var form in secret.Length >= 8 ? FormsOf(secret) : [secret])
        {
            if (form.Length == 0)
            {
                continue;
            }

            if (secret.Length >= 8)
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
            else
            {
                // A short value (a test token) is removed only where it stands alone, not inside every word.
                text = Regex.Replace(text, @"(?<![A-Za-z0-9._~+/=-])" + Regex.Escape(form) + @"(?![A-Za-z0-9._~+/=-])", Mask, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return text;
    }

    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        var escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
        {
            yield return escaped;
        }

        var form = WebUtility.UrlEncode(secret);
        if (form != secret && form != escaped)
        {
            yield return form;
        }

        var json = JavaScriptEncoder.Default.Encode(secret);
        if (json != secret)
        {
            yield return json;
        }

        var relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret);
        if (relaxed != secret && relaxed != json)
        {
            yield return relaxed;
        }
    }

    private static bool MayHold(string query)
    {
        if (query.Length <= 1)
        {
            return false;
        }

        foreach (var range in query.AsSpan(1).Split('&'))
        {
            var pair = query.AsSpan(1)[range];
            var equals = pair.IndexOf('=');
            if (IsSensitive(equals < 0 ? pair : pair[..equals]))
            {
                return true;
            }
        }

        return false;
    }

    private static string RedactUrlText(string text)
    {
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            text = text[..hash];
        }

        var question = text.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? text : text[..(question + 1)] + RedactPairs(text.AsSpan(question + 1), '&');
    }

    private static string RedactMatrix(string segment)
    {
        var semicolon = segment.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? segment : segment[..(semicolon + 1)] + RedactPairs(segment.AsSpan(semicolon + 1), ';');
    }

    private static string RedactPairs(ReadOnlySpan<char> pairs, char separator)
    {
        var result = new StringBuilder(pairs.Length);
        foreach (var range in pairs.Split(separator))
        {
            var pair = pairs[range];
            if (result.Length > 0)
            {
                result.Append(separator);
            }

            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (equals >= 0 && IsSensitive(key))
            {
                result.Append(key).Append('=').Append(Mask);
            }
            else
            {
                result.Append(pair);
            }
        }

        return result.ToString();
    }

    private static bool IsSensitive(ReadOnlySpan<char> rawKey)
    {
        var key = rawKey.Contains('%') ? Uri.UnescapeDataString(rawKey.ToString()).AsSpan() : rawKey;
        var bracket = key.IndexOf('[');
        if (bracket > 0)
        {
            key = key[..bracket]; // access_token[]=…, token[0]=…
        }

        return key.Length > 0 && SensitiveKeys.Contains(key.ToString());
    }

    /// <summary>
    /// An <c>Authorization</c>-style value in text: <c>Bearer …</c>, <c>Basic …</c>, <c>JWT …</c> followed by a
    /// credential-shaped value (16 token characters or more, or 8 with a digit: prose such as "Basic authentication" or
    /// "JWT signature." stays), and an OAuth 1 header (<c>OAuth name="…"</c>).
    /// </summary>
    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic|Digest|JWT))\s+(?!\*\*\*)(?:[A-Za-z0-9._~+/=-]{16,}|(?=[A-Za-z._~+/=-]*[0-9])[A-Za-z0-9._~+/=-]{8,})|(?<scheme>\bOAuth)\s+(?=\w+="")[^\r\n]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorizationValue();

    /// <summary>A sensitive name followed by a value in text: <c>access_token=…</c>, <c>"refresh_token": "…"</c>, <c>X-Amz-Signature=…</c>.</summary>
    [GeneratedRegex(@"(?<key>\b(?:access_token|refresh_token|id_token|client_secret|client_assertion|api_?key|x-amz-signature|x-amz-security-token|x-amz-credential|oauth_signature|oauth_token_secret|oauth_verifier|password|secret)(?:\[\])?)(?<sep>""?\s*[:=]\s*""?)(?!\*\*\*)[^\s""&;,}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SensitivePair();
}

/// <summary>The credentials the library sent with one request (or token request), for <see cref="SecretRedactor"/>.</summary>
/// <param name="Values">The values: header values, tokens, secrets.</param>
internal sealed record SentSecrets(IReadOnlyList<string> Values)
{
    /// <inheritdoc/>
    public override string ToString() => $"SentSecrets {{ Count = {Values.Count} }}";

    /// <summary>Creates the record from the non-empty values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The record.</returns>
    public static SentSecrets Of(params ReadOnlySpan<string?> values)
    {
        var list = new List<string>(values.Length);
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value) && !list.Contains(value))
            {
                list.Add(value);
            }
        }

        return new SentSecrets(list);
    }
}
