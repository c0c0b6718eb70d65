using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bitbucket.Authentication;

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
    private IncrementalHash? _hmac;

    /// <summary>RFC 5849's unreserved characters, the only ones written as themselves.</summary>
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    [ThreadStatic]
    private static byte[]? t_nonceBytes;

    [ThreadStatic]
    private static int t_nonceNext;

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

        Span<char> signature = stackalloc char[28];
        Sign(method.Method, requestUri, oauth, formParameters, this, signature);

        var length = 6 + 15 + 3 * 28 + 2; // "OAuth " + oauth_signature="…" (encoded at most 3 chars each)
        foreach (var pair in oauth)
        {
            length += EncodedLength(pair.Key) + EncodedLength(pair.Value) + 5;
        }

        // Pooled rather than stackalloc'd: a stack buffer is zeroed on every call, which cost more than the signing.
        var rented = ArrayPool<char>.Shared.Rent(length);
        var buffer = rented.AsSpan();
        try
        {
            var at = 0;
            "OAuth ".CopyTo(buffer);
            at += 6;
            foreach (var pair in oauth)
            {
                at += WriteEncoded(pair.Key, buffer[at..]);
                "=\"".CopyTo(buffer[at..]);
                at += 2;
                at += WriteEncoded(pair.Value, buffer[at..]);
                "\", ".CopyTo(buffer[at..]);
                at += 3;
            }

            "oauth_signature=\"".CopyTo(buffer[at..]);
            at += 17;
            at += WriteEncoded(signature, buffer[at..]);
            buffer[at++] = '"';
            return new string(buffer[..at]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>An encoded parameter: slices of the query when it is already in canonical form, else new strings.</summary>
    private readonly record struct EncodedParameter(Segment Key, Segment Value);

    /// <summary>
    /// Sorts in RFC 5849 §3.4.1.3.2's order: by encoded name, then by encoded value, byte by byte (the encoded forms are
    /// ASCII, so comparing chars is comparing bytes). An insertion sort: a request has a dozen or two parameters.
    /// </summary>
    private static void SortParameters(Span<EncodedParameter> parameters)
    {
        for (var i = 1; i < parameters.Length; i++)
        {
            var current = parameters[i];
            var j = i - 1;
            while (j >= 0 && Compare(parameters[j], current) > 0)
            {
                parameters[j + 1] = parameters[j];
                j--;
            }

            parameters[j + 1] = current;
        }

        static int Compare(in EncodedParameter x, in EncodedParameter y)
        {
            var byKey = CompareOrdinal(x.Key.Span, y.Key.Span);
            return byKey != 0 ? byKey : CompareOrdinal(x.Value.Span, y.Value.Span);
        }

        static int CompareOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            var n = Math.Min(a.Length, b.Length);
            for (var k = 0; k < n; k++)
            {
                if (a[k] != b[k])
                {
                    return a[k] - b[k];
                }
            }

            return a.Length - b.Length;
        }
    }

    /// <summary>A slice of a string, cheaper to turn into a span than a <see cref="ReadOnlyMemory{T}"/> in the sort.</summary>
    private readonly record struct Segment(string Source, int Start, int Length)
    {
        public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

        public static Segment Of(string value) => new(value, 0, value.Length);
    }

    /// <summary>
    /// Builds the signature base string straight into UTF-8 bytes and signs it, without intermediate strings for
    /// parameters that are already canonical in the query.
    /// </summary>
    private static void Sign(string method, Uri requestUri, List<KeyValuePair<string, string>> oauth, IEnumerable<KeyValuePair<string, string>>? form, OAuth1Signer signer, Span<char> signature)
    {
        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("OAuth 1 signs absolute URIs only.", nameof(requestUri));
        }

        var parameters = ArrayPool<EncodedParameter>.Shared.Rent(32);
        var count = 0;
        try
        {
            var query = requestUri.Query;
            var span = query.AsSpan();
            var offset = span.Length > 0 && span[0] == '?' ? 1 : 0;
            foreach (var range in span[offset..].Split('&'))
            {
                var (start, length) = range.GetOffsetAndLength(span.Length - offset);
                if (length == 0)
                {
                    continue;
                }

                start += offset;
                var equals = span.Slice(start, length).IndexOf('=');
                var keyPart = equals < 0 ? new Segment(query, start, length) : new Segment(query, start, equals);
                var valuePart = equals < 0 ? Segment.Of(string.Empty) : new Segment(query, start + equals + 1, length - equals - 1);
                Add(ref parameters, ref count, new(Canonical(keyPart), Canonical(valuePart)));
            }

            foreach (var pair in oauth)
            {
                Add(ref parameters, ref count, new(Segment.Of(PercentEncode(pair.Key)), Segment.Of(PercentEncode(pair.Value))));
            }

            if (form is not null)
            {
                foreach (var pair in form)
                {
                    if (pair.Key is "oauth_signature" or "realm")
                    {
                        continue;
                    }

                    Add(ref parameters, ref count, new(Segment.Of(PercentEncode(pair.Key)), Segment.Of(PercentEncode(pair.Value ?? string.Empty))));
                }
            }

            var sorted = parameters.AsSpan(0, count);
            SortParameters(sorted);

            var baseUri = BaseStringUri(requestUri);
            var total = method.Length + 2 + EncodedLength(baseUri);
            foreach (var p in sorted)
            {
                total += DoubleEncodedLength(p.Key.Span) + 3 + DoubleEncodedLength(p.Value.Span) + 3;
            }

            var rented = ArrayPool<byte>.Shared.Rent(total);
            var bytes = rented.AsSpan();
            try
            {
                var at = 0;
                foreach (var c in method)
                {
                    bytes[at++] = (byte)(c is >= 'a' and <= 'z' ? c - 32 : c);
                }

                bytes[at++] = (byte)'&';
                at += WriteEncodedUtf8(baseUri, bytes[at..]);
                bytes[at++] = (byte)'&';
                for (var i = 0; i < sorted.Length; i++)
                {
                    if (i > 0)
                    {
                        "%26"u8.CopyTo(bytes[at..]);
                        at += 3;
                    }

                    at += WriteDoubleEncoded(sorted[i].Key.Span, bytes[at..]);
                    "%3D"u8.CopyTo(bytes[at..]);
                    at += 3;
                    at += WriteDoubleEncoded(sorted[i].Value.Span, bytes[at..]);
                }

                Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
                signer.ComputeHmac(bytes[..at], hash);
                Convert.TryToBase64Chars(hash, signature, out _);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        finally
        {
            parameters.AsSpan(0, count).Clear();
            ArrayPool<EncodedParameter>.Shared.Return(parameters);
        }
    }

    /// <summary>
    /// HMAC-SHA1 with this signer's key. The keyed HMAC is kept between signatures (a one-shot HMAC sets up the key each
    /// time, about as much work again as the hash); a concurrent signature that finds it taken uses a new one.
    /// </summary>
    private void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        var hmac = Interlocked.Exchange(ref _hmac, null) ?? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, _key);
        hmac.AppendData(data);
        hmac.GetHashAndReset(hash);
        if (Interlocked.CompareExchange(ref _hmac, hmac, null) is not null)
        {
            hmac.Dispose();
        }
    }

    private static void Add(ref EncodedParameter[] parameters, ref int count, EncodedParameter parameter)
    {
        if (count == parameters.Length)
        {
            var larger = ArrayPool<EncodedParameter>.Shared.Rent(count * 2);
            parameters.AsSpan(0, count).CopyTo(larger);
            parameters.AsSpan(0, count).Clear();
            ArrayPool<EncodedParameter>.Shared.Return(parameters);
            parameters = larger;
        }

        parameters[count++] = parameter;
    }

    /// <summary>
    /// The RFC 5849 encoding of a form-encoded query part: the part itself when it holds only unreserved characters and
    /// upper-case escapes of reserved ASCII bytes (decoding and encoding again would give it back), else decoded and encoded.
    /// </summary>
    private static Segment Canonical(Segment part)
    {
        var span = part.Span;
        var first = span.IndexOfAnyExcept(Unreserved);
        if (first < 0)
        {
            return part;
        }

        for (var i = first; i < span.Length; i++)
        {
            var c = span[i];
            if (IsUnreserved(c))
            {
                continue;
            }

            if (c == '%' && i + 2 < span.Length + 0 && IsUpperHex(span[i + 1]) && IsUpperHex(span[i + 2]))
            {
                var b = (HexValue(span[i + 1]) << 4) | HexValue(span[i + 2]);
                if (b < 128 && !IsUnreserved((char)b))
                {
                    i += 2;
                    continue;
                }
            }

            return Segment.Of(PercentEncode(FormDecode(span)));
        }

        return part;
    }

    private static bool IsUpperHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : c - 'A' + 10;

    private static int EncodedLength(ReadOnlySpan<char> value)
    {
        var first = value.IndexOfAnyExcept(Unreserved);
        if (first < 0)
        {
            return value.Length;
        }

        var length = first;
        foreach (var c in value[first..])
        {
            length += IsUnreserved(c) ? 1 : c < 128 ? 3 : 12;
        }

        return length;
    }

    private static int DoubleEncodedLength(ReadOnlySpan<char> encoded) => encoded.Length + (2 * encoded.Count('%'));

    /// <summary>Writes an already encoded (so ASCII) value encoded once more: each <c>%</c> becomes <c>%25</c>.</summary>
    private static int WriteDoubleEncoded(ReadOnlySpan<char> encoded, Span<byte> target)
    {
        var at = 0;
        while (true)
        {
            var percent = encoded.IndexOf('%');
            var run = percent < 0 ? encoded : encoded[..percent];
            System.Text.Ascii.FromUtf16(run, target[at..], out var written);
            at += written;
            if (percent < 0)
            {
                return at;
            }

            "%25"u8.CopyTo(target[at..]);
            at += 3;
            encoded = encoded[(percent + 1)..];
        }
    }

    /// <summary>Writes <paramref name="value"/> percent-encoded (so ASCII) as bytes.</summary>
    private static int WriteEncodedUtf8(string value, Span<byte> target)
    {
        var chars = ArrayPool<char>.Shared.Rent(EncodedLength(value));
        try
        {
            var length = WriteEncoded(value, chars);
            System.Text.Ascii.FromUtf16(chars.AsSpan(0, length), target, out var written);
            return written;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int WriteEncoded(ReadOnlySpan<char> value, Span<char> target)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var at = 0;
        while (value.Length > 0)
        {
            var run = value.IndexOfAnyExcept(Unreserved);
            if (run != 0)
            {
                var plain = run < 0 ? value : value[..run];
                plain.CopyTo(target[at..]);
                at += plain.Length;
                if (run < 0)
                {
                    break;
                }

                value = value[run..];
            }

            System.Text.Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            value = value[consumed..];
            var n = rune.EncodeToUtf8(utf8);
            for (var k = 0; k < n; k++)
            {
                var b = utf8[k];
                target[at++] = '%';
                target[at++] = "0123456789ABCDEF"[b >> 4];
                target[at++] = "0123456789ABCDEF"[b & 0xF];
            }
        }

        return at;
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
        if (value.AsSpan().IndexOfAnyExcept(Unreserved) < 0)
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

    /// <summary>
    /// 128 random bits as 32 hex digits. The bytes come from the system's cryptographic generator, drawn 64 nonces at a
    /// time per thread: one call to it costs about as much as the rest of a signature.
    /// </summary>
    internal static string CreateNonce()
    {
        const int NonceBytes = 16;
        var pool = t_nonceBytes ??= new byte[NonceBytes * 64];
        if (t_nonceNext == 0)
        {
            RandomNumberGenerator.Fill(pool);
        }

        var bytes = pool.AsSpan(t_nonceNext, NonceBytes);
        var nonce = Convert.ToHexStringLower(bytes);
        bytes.Clear();
        t_nonceNext = (t_nonceNext + NonceBytes) % pool.Length;
        return nonce;
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
}
