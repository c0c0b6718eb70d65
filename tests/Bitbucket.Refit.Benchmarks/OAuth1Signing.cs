using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bitbucket.Authentication;

namespace Bitbucket.Benchmarks;

/// <summary>Scenario 4: OAuth 1.0a HMAC-SHA1 signature of a GET with 10 query parameters.</summary>
[MemoryDiagnoser]
public class OAuth1Signing
{
    private const string ConsumerKey = "bench-consumer-key";
    private const string ConsumerSecret = "bench consumer secret/+";
    private const string Token = "bench-token-0123456789";
    private const string TokenSecret = "bench token secret=&";

    private static readonly Uri RequestUri = new(
        "https://api.bitbucket.org/2.0/repositories/atlassian-bench/bitbucket-refit/pullrequests"
        + "?state=OPEN&state=MERGED&q=title%20~%20%22paging%22&sort=-updated_on&pagelen=50&page=3"
        + "&fields=values.id%2Cvalues.title%2Cnext&role=REVIEWER&draft=false&since=2026-11-01T00%3A00%3A00Z");

    private readonly OAuth1Signer _signer = new(new OAuth1Credentials(ConsumerKey, ConsumerSecret, Token, TokenSecret));

    /// <summary>A straightforward implementation with string concatenation, <see cref="Uri.EscapeDataString(string)"/> and LINQ.</summary>
    /// <returns>The <c>Authorization</c> header value.</returns>
    [Benchmark(Baseline = true)]
    public string StringConcatenation() => NaiveOAuth1.Sign("GET", RequestUri, ConsumerKey, ConsumerSecret, Token, TokenSecret);

    /// <summary><see cref="OAuth1Signer.CreateAuthorizationHeader"/>.</summary>
    /// <returns>The <c>Authorization</c> header value.</returns>
    [Benchmark]
    public string Library() => _signer.CreateAuthorizationHeader(HttpMethod.Get, RequestUri);
}

/// <summary>The baseline signer, written the way the RFC 5849 text reads, without care for allocations.</summary>
public static class NaiveOAuth1
{
    /// <summary>Signs a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute URI.</param>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="token">The token.</param>
    /// <param name="tokenSecret">The token secret.</param>
    /// <returns>The header value.</returns>
    public static string Sign(string method, Uri uri, string consumerKey, string consumerSecret, string token, string tokenSecret)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = consumerKey,
            ["oauth_nonce"] = Guid.NewGuid().ToString("N"),
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["oauth_token"] = token,
            ["oauth_version"] = "1.0",
        };

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var name = Uri.UnescapeDataString((eq < 0 ? part : part[..eq]).Replace('+', ' '));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
            parameters.Add(new(Uri.EscapeDataString(name), Uri.EscapeDataString(value)));
        }

        foreach (var pair in oauth)
        {
            parameters.Add(new(Uri.EscapeDataString(pair.Key), Uri.EscapeDataString(pair.Value)));
        }

        var normalized = string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        var baseUri = uri.Scheme.ToLowerInvariant() + "://" + uri.Host.ToLowerInvariant()
            + (uri.IsDefaultPort ? string.Empty : ":" + uri.Port) + uri.AbsolutePath;
        var baseString = method.ToUpperInvariant() + "&" + Uri.EscapeDataString(baseUri) + "&" + Uri.EscapeDataString(normalized);
        var key = Uri.EscapeDataString(consumerSecret) + "&" + Uri.EscapeDataString(tokenSecret);
        using var hmac = new HMACSHA1(Encoding.ASCII.GetBytes(key));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(baseString)));

        var header = "OAuth ";
        foreach (var pair in oauth)
        {
            header += Uri.EscapeDataString(pair.Key) + "=\"" + Uri.EscapeDataString(pair.Value) + "\", ";
        }

        return header + "oauth_signature=\"" + Uri.EscapeDataString(signature) + "\"";
    }
}
