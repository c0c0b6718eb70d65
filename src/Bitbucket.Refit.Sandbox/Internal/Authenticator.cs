using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bitbucket.Authentication;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Who made an API request, and with which scopes (<see langword="null"/>: not limited by scopes, as with API tokens).</summary>
internal sealed record Caller(UserState User, IReadOnlySet<string>? Scopes, string Kind);

/// <summary>Authenticates API requests the way Bitbucket does: Basic (e-mail and API token), Bearer access tokens,
/// and OAuth 1.0a signatures verified on every request.</summary>
internal sealed class Authenticator(State state)
{
    /// <summary>How far an OAuth 1 timestamp may be from the sandbox clock.</summary>
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(5);

    /// <summary>Authenticates a request to the API; an anonymous request yields neither a caller nor an error.</summary>
    public async Task<(Caller? Caller, string? Error)> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return (null, null);
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var parameter = space < 0 ? null : header[(space + 1)..].Trim();
        switch (scheme.ToUpperInvariant())
        {
            case "BASIC":
                return Basic(parameter);
            case "BEARER":
                return Bearer(parameter);
            case "OAUTH":
                var parameters = ParseOAuthHeader(header);
                var (consumer, token, error) = await VerifyOAuth1Async(context, parameters, requireToken: false, static (s, t) => s.OAuth1AccessTokens.GetValueOrDefault(t)).ConfigureAwait(false);
                if (error is not null)
                {
                    return (null, error);
                }

                lock (state.Gate)
                {
                    var user = token?.User ?? state.Users.GetValueOrDefault(consumer!.Owner);
                    return user is null
                        ? (null, "The OAuth consumer's owner does not exist.")
                        : (new Caller(user, Scopes.Normalize(consumer!.Scopes), token is null ? "oauth1_1legged" : "oauth1"), null);
                }

            case "JWT":
                return (null, "JWT authentication is for Connect apps; exchange the JWT for an access token with the urn:bitbucket:oauth2:jwt grant.");
            default:
                return (null, $"Unsupported authentication scheme '{scheme}'.");
        }
    }

    /// <summary>Parses <c>Authorization: OAuth k="v", …</c> into decoded parameters (the <c>realm</c> left out).</summary>
    public static Dictionary<string, string> ParseOAuthHeader(string header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = header.Trim();
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        body = space < 0 ? string.Empty : body[(space + 1)..];
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = Uri.UnescapeDataString(part[..equals].Trim());
            var raw = part[(equals + 1)..].Trim();
            if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
            {
                raw = raw[1..^1];
            }

            if (key != "realm")
            {
                result[key] = Uri.UnescapeDataString(raw);
            }
        }

        return result;
    }

    /// <summary>
    /// Verifies an OAuth 1.0a HMAC-SHA1 signed request: consumer, token (found with <paramref name="findToken"/>),
    /// timestamp within five minutes of the sandbox clock, a nonce never seen before, and the signature over the method,
    /// the URI as sent, the query, the form body and the protocol parameters (computed with the library's
    /// <see cref="OAuth1Signer"/>).
    /// </summary>
    public async Task<(SandboxOAuthConsumer? Consumer, OAuth1TokenState? Token, string? Error)> VerifyOAuth1Async(
        HttpContext context,
        Dictionary<string, string> parameters,
        bool requireToken,
        Func<State, string, OAuth1TokenState?> findToken)
    {
        if (!parameters.TryGetValue("oauth_consumer_key", out var consumerKey)
            || !parameters.TryGetValue("oauth_signature", out var signature)
            || !parameters.TryGetValue("oauth_nonce", out var nonce)
            || !parameters.TryGetValue("oauth_timestamp", out var timestampText)
            || !parameters.TryGetValue("oauth_signature_method", out var method))
        {
            return (null, null, "OAuth parameters missing: oauth_consumer_key, oauth_signature_method, oauth_timestamp, oauth_nonce and oauth_signature are required.");
        }

        if (!string.Equals(method, OAuth1Signer.SignatureMethod, StringComparison.Ordinal))
        {
            return (null, null, $"Unsupported OAuth signature method '{method}'; use HMAC-SHA1.");
        }

        if (parameters.TryGetValue("oauth_version", out var version) && version != "1.0")
        {
            return (null, null, "Unsupported OAuth version; use 1.0.");
        }

        IReadOnlyList<KeyValuePair<string, string>> form = [];
        if (context.Request.HasFormContentType
            && string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            context.Request.Body.Position = 0;
            form = OAuth1Signer.ParseFormEncoded(body);
        }

        SandboxOAuthConsumer? consumer;
        OAuth1TokenState? token = null;
        lock (state.Gate)
        {
            consumer = state.Consumers.GetValueOrDefault(consumerKey);
            if (consumer is null)
            {
                return (null, null, "Unknown OAuth consumer key.");
            }

            if (parameters.TryGetValue("oauth_token", out var tokenValue) && tokenValue.Length > 0)
            {
                token = findToken(state, tokenValue);
                if (token is null || token.Revoked || !ReferenceEquals(token.Consumer, consumer) && token.Consumer.Key != consumer.Key)
                {
                    return (null, null, "Invalid or revoked OAuth token.");
                }
            }
            else if (requireToken)
            {
                return (null, null, "OAuth token missing.");
            }
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return (null, null, "Invalid OAuth timestamp.");
        }

        var now = state.Now;
        var sent = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if ((now - sent).Duration() > TimestampWindow)
        {
            return (null, null, "OAuth timestamp is stale: it is more than five minutes away from the server's clock.");
        }

        var signed = parameters.Where(p => p.Key != "oauth_signature").Concat(form);
        var baseString = OAuth1Signer.BuildSignatureBaseString(context.Request.Method, SandboxHttp.AbsoluteRequestUri(context), signed);
        var expected = OAuth1Signer.ComputeSignature(baseString, consumer.Secret, token?.Secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return (null, null, "Invalid OAuth signature.");
        }

        lock (state.Gate)
        {
            foreach (var stale in state.Nonces.Where(n => n.Value < now).Select(n => n.Key).ToList())
            {
                state.Nonces.Remove(stale);
            }

            var nonceKey = consumer.Key + "\n" + (token?.Token ?? string.Empty) + "\n" + timestampText + "\n" + nonce;
            if (!state.Nonces.TryAdd(nonceKey, sent + TimestampWindow + TimestampWindow))
            {
                return (null, null, "OAuth nonce already used: each signed request needs a fresh nonce.");
            }
        }

        return (consumer, token, null);
    }

    private (Caller?, string?) Basic(string? parameter)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
        }
        catch (FormatException)
        {
            return (null, "Malformed Basic credentials.");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (null, "Malformed Basic credentials.");
        }

        var username = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        lock (state.Gate)
        {
            if (state.UsersByEmail.TryGetValue(username, out var user) && FixedEquals(user.Seed.ApiToken, secret))
            {
                return (new Caller(user, null, "api_token"), null);
            }

            if (state.Users.TryGetValue(username, out var byName) && FixedEquals(byName.Seed.ApiToken, secret))
            {
                return (null, "API tokens authenticate with the Atlassian account e-mail as the username, not the Bitbucket username.");
            }
        }

        return (null, "Invalid credentials: use your Atlassian account e-mail and an API token.");
    }

    private (Caller?, string?) Bearer(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, "Empty bearer token.");
        }

        lock (state.Gate)
        {
            if (state.Tokens.TryGetValue(token, out var found))
            {
                if (found.Revoked)
                {
                    return (null, "Access token revoked.");
                }

                if (found.ExpiresAt is { } expires && state.Now >= expires)
                {
                    return (null, "Access token expired. Use your refresh token to obtain a new access token.");
                }

                return (new Caller(found.User, found.Scopes, found.Kind), null);
            }

            if (state.Users.Values.Any(u => FixedEquals(u.Seed.ApiToken, token)))
            {
                return (null, "API tokens cannot be used as Bearer tokens: send them with Basic authentication and your Atlassian account e-mail.");
            }
        }

        return (null, "Invalid access token.");
    }

    private static bool FixedEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
