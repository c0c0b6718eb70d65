using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bitbucket.Refit.Authentication.OAuth1;

/// <summary>
/// OAuth 1.0a request signing with HMAC-SHA1 as RFC 5849 §3.4–3.6 defines it: the signature base string over the
/// method, the normalised base URI, the query, the <c>application/x-www-form-urlencoded</c> body and the
/// <c>oauth_*</c> parameters, each encoded with the unreserved set only.
/// </summary>
public sealed class OAuth1Signer
{
    /// <summary>The signature method this signer implements.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    private readonly OAuth1Credentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string> _nonceFactory;
    private readonly byte[] _key;

    /// <summary>Initializes a new instance of the <see cref="OAuth1Signer"/> class.</summary>
    /// <param name="credentials">The consumer and optional token.</param>
    /// <param name="timeProvider">The clock for <c>oauth_timestamp</c>; the system clock when <see langword="null"/>.</param>
    public OAuth1Signer(OAuth1Credentials credentials, TimeProvider? timeProvider = null)
        : this(credentials, timeProvider, CreateNonce)
    {
    }

    internal OAuth1Signer(OAuth1Credentials credentials, TimeProvider? timeProvider, Func<string> nonceFactory)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _nonceFactory = nonceFactory;
        _key = Encoding.ASCII.GetBytes(PercentEncode(credentials.ConsumerSecret) + "&" + PercentEncode(credentials.TokenSecret ?? string.Empty));
    }

    /// <summary>Gets the credentials this signer uses.</summary>
    public OAuth1Credentials Credentials => _credentials;

    /// <summary>
    /// Signs a request and returns the value of its <c>Authorization</c> header (<c>OAuth oauth_consumer_key="…", …</c>).
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute request URI, query included.</param>
    /// <param name="formParameters">The decoded parameters of an <c>application/x-www-form-urlencoded</c> body, if any.</param>
    /// <param name="extraOAuthParameters">Further protocol parameters such as <c>oauth_callback</c> or <c>oauth_verifier</c>.</param>
    /// <returns>The header value, scheme included.</returns>
    public string CreateAuthorizationHeader(
        HttpMethod method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>>? formParameters = null,
        IEnumerable<KeyValuePair<string, string>>? extraOAuthParameters = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var oauth = new List<KeyValuePair<string, string>>(8)
        {
            new("oauth_consumer_key", _credentials.ConsumerKey),
            new("oauth_nonce", _nonceFactory()),
            new("oauth_signature_method", SignatureMethod),
            new("oauth_timestamp", timestamp),
        };
        if (_credentials.Token is { } token)
        {
            oauth.Add(new("oauth_token", token));
        }

        oauth.Add(new("oauth_version", "1.0"));
        if (extraOAuthParameters is not null)
        {
            foreach (var extra in extraOAuthParameters)
            {
                if (!extra.Key.StartsWith("oauth_", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Protocol parameter '{extra.Key}' must start with 'oauth_'.", nameof(extraOAuthParameters));
                }

                oauth.Add(extra);
            }
        }

        var all = formParameters is null ? oauth : oauth.Concat(formParameters);
        var baseString = BuildSignatureBaseString(method.Method, requestUri, all);
        var signature = ComputeSignature(baseString, _key);

        var header = new StringBuilder(256).Append("OAuth ");
        foreach (var pair in oauth)
        {
            AppendHeaderParameter(header, pair.Key, pair.Value);
        }

        AppendHeaderParameter(header, "oauth_signature", signature);
        header.Length -= 2;
        return header.ToString();
    }

    /// <summary>
    /// Builds the signature base string of RFC 5849 §3.4.1: the upper-case method, the encoded base string URI and the
    /// encoded, sorted parameters (the URI's query plus <paramref name="parameters"/>).
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute request URI; its query parameters are included.</param>
    /// <param name="parameters">The other parameters, decoded: <c>oauth_*</c> (without <c>oauth_signature</c>) and form body parameters.</param>
    /// <returns>The signature base string.</returns>
    public static string BuildSignatureBaseString(string method, Uri requestUri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("OAuth 1 signs absolute URIs only.", nameof(requestUri));
        }

        var encoded = new List<(string Key, string Value)>(16);
        AddQuery(encoded, requestUri.Query);
        foreach (var pair in parameters)
        {
            if (pair.Key is "oauth_signature" or "realm")
            {
                continue;
            }

            encoded.Add((PercentEncode(pair.Key), PercentEncode(pair.Value ?? string.Empty)));
        }

        encoded.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });

        var normalized = new StringBuilder(256);
        foreach (var (key, value) in encoded)
        {
            if (normalized.Length > 0)
            {
                normalized.Append('&');
            }

            normalized.Append(key).Append('=').Append(value);
        }

        return string.Concat(
            method.ToUpperInvariant(),
            "&",
            PercentEncode(BaseStringUri(requestUri)),
            "&",
            PercentEncode(normalized.ToString()));
    }

    /// <summary>Computes the base64 HMAC-SHA1 signature of a base string with the key <c>consumerSecret&amp;tokenSecret</c>.</summary>
    /// <param name="baseString">The signature base string.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="tokenSecret">The token secret, or <see langword="null"/> when signing 1-legged.</param>
    /// <returns>The signature, base64-encoded (not yet percent-encoded).</returns>
    public static string ComputeSignature(string baseString, string consumerSecret, string? tokenSecret)
    {
        ArgumentNullException.ThrowIfNull(baseString);
        ArgumentNullException.ThrowIfNull(consumerSecret);
        var key = Encoding.ASCII.GetBytes(PercentEncode(consumerSecret) + "&" + PercentEncode(tokenSecret ?? string.Empty));
        return ComputeSignature(baseString, key);
    }

    /// <summary>
    /// Percent-encodes a value as RFC 5849 §3.6 requires: UTF-8, every byte outside <c>ALPHA DIGIT - . _ ~</c> as
    /// <c>%XX</c> with upper-case hex.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The encoded value.</returns>
    public static string PercentEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var needsEncoding = false;
        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                needsEncoding = true;
                break;
            }
        }

        if (!needsEncoding)
        {
            return value;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        Span<byte> bytes = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var count = Encoding.UTF8.GetBytes(value, bytes);
            var length = 0;
            foreach (var b in bytes[..count])
            {
                length += b < 128 && IsUnreserved((char)b) ? 1 : 3;
            }

            var source = bytes[..count];
            return string.Create(length, source.ToArray(), static (span, data) =>
            {
                var i = 0;
                foreach (var b in data)
                {
                    if (b < 128 && IsUnreserved((char)b))
                    {
                        span[i++] = (char)b;
                    }
                    else
                    {
                        span[i++] = '%';
                        span[i++] = "0123456789ABCDEF"[b >> 4];
                        span[i++] = "0123456789ABCDEF"[b & 0xF];
                    }
                }
            });
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Parses an <c>application/x-www-form-urlencoded</c> string (a query or a form body) into decoded pairs.</summary>
    /// <param name="encoded">The encoded string, with or without a leading <c>?</c>.</param>
    /// <returns>The decoded name/value pairs in their original order, repeated names kept.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseFormEncoded(string? encoded)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(encoded))
        {
            return result;
        }

        var span = encoded.AsSpan();
        if (span[0] == '?')
        {
            span = span[1..];
        }

        foreach (var range in span.Split('&'))
        {
            var pair = span[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? ReadOnlySpan<char>.Empty : pair[(equals + 1)..];
            result.Add(new(FormDecode(key), FormDecode(value)));
        }

        return result;
    }

    internal static string CreateNonce()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string ComputeSignature(string baseString, byte[] key)
    {
        var maxBytes = Encoding.ASCII.GetMaxByteCount(baseString.Length);
        byte[]? rented = null;
        Span<byte> data = maxBytes <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            // The base string is fully percent-encoded, so it is ASCII.
            var count = Encoding.ASCII.GetBytes(baseString, data);
            Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
            HMACSHA1.HashData(key, data[..count], hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void AddQuery(List<(string Key, string Value)> target, string query)
    {
        foreach (var pair in ParseFormEncoded(query))
        {
            target.Add((PercentEncode(pair.Key), PercentEncode(pair.Value)));
        }
    }

    private static string BaseStringUri(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        var host = uri.Host.ToLowerInvariant();
        var defaultPort = (scheme == "http" && uri.Port == 80) || (scheme == "https" && uri.Port == 443) || uri.IsDefaultPort;
        var authority = defaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return scheme + "://" + authority + uri.AbsolutePath;
    }

    private static string FormDecode(ReadOnlySpan<char> value) =>
        Uri.UnescapeDataString(value.ToString().Replace('+', ' '));

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    private static void AppendHeaderParameter(StringBuilder header, string key, string value) =>
        header.Append(PercentEncode(key)).Append("=\"").Append(PercentEncode(value)).Append("\", ");
}
