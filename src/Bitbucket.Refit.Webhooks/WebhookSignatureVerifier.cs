using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Bitbucket.Webhooks;

/// <summary>The outcome of a signature check.</summary>
public enum WebhookSignatureResult
{
    /// <summary>The signature matches one of the secrets.</summary>
    Valid,

    /// <summary>No <c>X-Hub-Signature</c> header was sent.</summary>
    Missing,

    /// <summary>The header is not <c>sha256=</c> followed by 64 hex digits.</summary>
    Malformed,

    /// <summary>The signature matches none of the secrets: another secret, or a body changed on the way.</summary>
    Mismatch,
}

/// <summary>
/// Checks <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c> against one or more secrets (several
/// during a rotation: the new one and the old one), in constant time. Run it over the exact bytes received, before parsing.
/// Neither the secrets nor the expected signature ever leave this object: not in exceptions, not in <see cref="ToString"/>.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    private const string Prefix = "sha256=";
    private const int HashSize = HMACSHA256.HashSizeInBytes;

    private readonly byte[][] _keys;

    /// <summary>Initializes a new instance of the <see cref="WebhookSignatureVerifier"/> class.</summary>
    /// <param name="secrets">The webhook secrets to accept, at least one, none empty.</param>
    /// <exception cref="ArgumentException">No secret, or an empty one, was given.</exception>
    public WebhookSignatureVerifier(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var keys = new List<byte[]>();
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                throw new ArgumentException("A webhook secret is empty.", nameof(secrets));
            }

            keys.Add(Encoding.UTF8.GetBytes(secret));
        }

        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one webhook secret is required.", nameof(secrets));
        }

        _keys = [.. keys];
    }

    /// <summary>Gets how many secrets are accepted.</summary>
    public int SecretCount => _keys.Length;

    /// <summary>Computes the <c>X-Hub-Signature</c> header value Bitbucket sends for a body and a secret.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="secret">The webhook secret.</param>
    /// <returns><c>sha256=</c> and the lower-case hex HMAC-SHA256.</returns>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> hash = stackalloc byte[HashSize];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks a signature header against the body.</summary>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-Hub-Signature</c> value, or null when absent.</param>
    /// <returns>Whether the signature is valid, and if not, why.</returns>
    public WebhookSignatureResult Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookSignatureResult.Missing;
        }

        var header = signatureHeader.AsSpan().Trim();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookSignatureResult.Malformed;
        }

        var hex = header[Prefix.Length..];
        Span<byte> received = stackalloc byte[HashSize];
        if (hex.Length != HashSize * 2
            || Convert.FromHexString(hex, received, out _, out var written) != OperationStatus.Done
            || written != HashSize)
        {
            return WebhookSignatureResult.Malformed;
        }

        Span<byte> expected = stackalloc byte[HashSize];
        var match = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, body, expected);
            match |= CryptographicOperations.FixedTimeEquals(expected, received);
        }

        CryptographicOperations.ZeroMemory(expected);
        return match ? WebhookSignatureResult.Valid : WebhookSignatureResult.Mismatch;
    }

    /// <summary>Describes the verifier without its secrets.</summary>
    /// <returns>The number of secrets.</returns>
    public override string ToString() => $"WebhookSignatureVerifier ({_keys.Length} secret(s))";
}
