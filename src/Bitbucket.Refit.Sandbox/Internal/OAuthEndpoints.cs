using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bitbucket.Authentication;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitbucket.Sandbox.Internal;

/// <summary>
/// Bitbucket's OAuth endpoints: OAuth 2 under <c>/site/oauth2/</c> (authorize page, token endpoint with the
/// authorization-code, refresh-token, client-credentials and JWT grants) and OAuth 1.0a under <c>/api/1.0/oauth/</c>
/// (request token, authorize page, access token).
/// </summary>
internal sealed class OAuthEndpoints(State state, Authenticator authenticator)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> ScopeDescriptions = new(StringComparer.Ordinal)
    {
        ["account"] = "Read your account information",
        ["account:write"] = "Read and modify your account information",
        ["email"] = "Read your primary email address",
        ["team"] = "Read your workspace membership information",
        ["team:write"] = "Read and modify your workspace membership information",
        ["project"] = "Read your workspace's project settings and read repositories contained within your workspace's projects",
        ["project:write"] = "Read and modify your workspace's projects",
        ["project:admin"] = "Read and modify settings for projects in your workspace",
        ["repository"] = "Read your repositories",
        ["repository:write"] = "Read and modify your repositories",
        ["repository:admin"] = "Administer your repositories",
        ["repository:delete"] = "Delete your repositories",
        ["pullrequest"] = "Read your repositories and their pull requests",
        ["pullrequest:write"] = "Read and modify your repositories and their pull requests",
        ["pipeline"] = "Read your pipelines",
        ["pipeline:write"] = "Read and modify your pipelines",
        ["pipeline:variable"] = "Read and modify your pipeline variables",
        ["webhook"] = "Read and modify your repositories' webhooks",
        ["snippet"] = "Read your snippets",
        ["snippet:write"] = "Read and modify your snippets",
    };

    public void Map(WebApplication app)
    {
        app.MapGet("/site/oauth2/authorize", OAuth2AuthorizePageAsync);
        app.MapPost("/site/oauth2/authorize", OAuth2AuthorizeDecisionAsync);
        app.MapPost("/site/oauth2/access_token", TokenAsync);
        app.MapPost("/api/1.0/oauth/request_token", OAuth1RequestTokenAsync);
        app.MapGet("/api/1.0/oauth/authorize", OAuth1AuthorizePageAsync);
        app.MapGet("/api/1.0/oauth/authenticate", OAuth1AuthorizePageAsync);
        app.MapPost("/api/1.0/oauth/authorize", OAuth1AuthorizeDecisionAsync);
        app.MapPost("/api/1.0/oauth/authenticate", OAuth1AuthorizeDecisionAsync);
        app.MapPost("/api/1.0/oauth/access_token", OAuth1AccessTokenAsync);
    }

    /// <summary>
    /// Whether a callback may receive codes and verifiers, by Bitbucket's rule: it must be the consumer's registered
    /// callback URL or a path below it. Scheme, host and port must match exactly (no loopback wildcard, no other port),
    /// and the path must equal the registered one or continue it after a <c>/</c> (so <c>/cb</c> admits <c>/cb/x</c>,
    /// never <c>/cbx</c>). A consumer without a registered callback URL admits none.
    /// </summary>
    public static bool IsAllowedCallback(SandboxOAuthConsumer consumer, string callback)
    {
        if (!Uri.TryCreate(callback, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || uri.Fragment.Length > 0
            || consumer.CallbackUrl is not { } registered)
        {
            return false;
        }

        if (!string.Equals(uri.Scheme, registered.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.IdnHost, registered.IdnHost, StringComparison.OrdinalIgnoreCase)
            || uri.Port != registered.Port)
        {
            return false;
        }

        var path = uri.AbsolutePath;
        var root = registered.AbsolutePath;
        if (path.Contains("/../", StringComparison.Ordinal) || path.Contains("/./", StringComparison.Ordinal) || path.Contains("%2f", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(path, root, StringComparison.Ordinal)
               || (root.EndsWith('/') ? path.StartsWith(root, StringComparison.Ordinal) : path.StartsWith(root + "/", StringComparison.Ordinal));
    }

    private static string AppendQuery(string uri, IEnumerable<KeyValuePair<string, string?>> values) =>
        QueryHelpers.AddQueryString(uri, values);

    private Task OAuth2AuthorizePageAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var clientId = q["client_id"].ToString();
        var responseType = q["response_type"].ToString();
        var redirectUri = q["redirect_uri"].ToString();
        var scope = q["scope"].ToString();
        var requestState = q["state"].ToString();
        SandboxOAuthConsumer? consumer;
        UserState user;
        lock (state.Gate)
        {
            consumer = state.Consumers.GetValueOrDefault(clientId);
            user = state.SignedIn;
        }

        if (consumer is null)
        {
            return ErrorPage(context, "Invalid client_id", "No OAuth consumer has this key.");
        }

        var callback = redirectUri.Length > 0 ? redirectUri : consumer.CallbackUrl?.AbsoluteUri;
        if (callback is null || !IsAllowedCallback(consumer, callback))
        {
            return ErrorPage(context, "Invalid redirect_uri", "The redirect_uri must be the consumer's registered callback URL or a path below it (same scheme, host and port).");
        }

        if (responseType != "code")
        {
            context.Response.Redirect(AppendQuery(callback, [new("error", "unsupported_response_type"), new("state", requestState)]));
            return Task.CompletedTask;
        }

        var scopes = GrantedScopes(consumer, scope);
        var body = new StringBuilder()
            .Append("<h1>Authorize <span id=\"app-name\">").Append(SandboxHttp.HtmlEncode(consumer.Name)).Append("</span></h1>")
            .Append("<p id=\"app-description\">").Append(SandboxHttp.HtmlEncode(consumer.Description)).Append("</p>")
            .Append("<p>Signed in as <strong id=\"user\">").Append(SandboxHttp.HtmlEncode(user.Seed.DisplayName)).Append("</strong> (sandbox).</p>")
            .Append("<p>This application is requesting access to:</p><ul id=\"scopes\">");
        foreach (var s in scopes)
        {
            body.Append("<li data-scope=\"").Append(SandboxHttp.HtmlEncode(s)).Append("\">").Append(SandboxHttp.HtmlEncode(ScopeDescriptions.GetValueOrDefault(s, s))).Append("</li>");
        }

        body.Append("</ul><form id=\"authorize-form\" method=\"post\" action=\"/site/oauth2/authorize\">")
            .Append(Hidden("client_id", clientId)).Append(Hidden("response_type", responseType))
            .Append(Hidden("redirect_uri", redirectUri)).Append(Hidden("scope", scope)).Append(Hidden("state", requestState))
            .Append("<button id=\"approve\" type=\"submit\" name=\"decision\" value=\"approve\">Grant access</button> ")
            .Append("<button id=\"deny\" type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button></form>");
        return Page(context, "Authorize " + consumer.Name, body.ToString());
    }

    private async Task OAuth2AuthorizeDecisionAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var clientId = form["client_id"].ToString();
        var redirectUri = form["redirect_uri"].ToString();
        var requestState = form["state"].ToString();
        string? code = null;
        string? callback;
        lock (state.Gate)
        {
            var consumer = state.Consumers.GetValueOrDefault(clientId);
            callback = consumer is null ? null : redirectUri.Length > 0 ? redirectUri : consumer.CallbackUrl?.AbsoluteUri;
            if (consumer is null || callback is null || !IsAllowedCallback(consumer, callback))
            {
                callback = null;
            }
            else if (form["decision"] == "approve")
            {
                code = State.NewSecret(18);
                var user = state.SignedIn;
                state.Codes[code] = new AuthorizationCodeState(code, consumer, user, GrantedScopes(consumer, form["scope"].ToString()), redirectUri.Length > 0 ? redirectUri : null, state.Now + CodeLifetime);
            }
        }

        if (callback is null)
        {
            await ErrorPage(context, "Invalid request", "Unknown client or redirect_uri.").ConfigureAwait(false);
            return;
        }

        var values = new List<KeyValuePair<string, string?>>();
        if (code is null)
        {
            values.Add(new("error", "access_denied"));
            values.Add(new("error_description", "The user denied access."));
        }
        else
        {
            values.Add(new("code", code));
        }

        if (requestState.Length > 0)
        {
            values.Add(new("state", requestState));
        }

        context.Response.Redirect(AppendQuery(callback, values));
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await TokenError(context, 400, "invalid_request", "The token request must be application/x-www-form-urlencoded.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();

        if (grantType == "urn:bitbucket:oauth2:jwt")
        {
            await JwtGrantAsync(context, authorization).ConfigureAwait(false);
            return;
        }

        var consumer = AuthenticateClient(authorization, form);
        if (consumer is null)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Bitbucket.org HTTP\"";
            await TokenError(context, 401, "invalid_client", "Client credentials missing or invalid: send the consumer key and secret with Basic authentication.").ConfigureAwait(false);
            return;
        }

        OAuth2TokenResponse? response = null;
        string? error = null;
        string? description = null;
        lock (state.Gate)
        {
            switch (grantType)
            {
                case "authorization_code":
                    var code = form["code"].ToString();
                    if (!state.Codes.TryGetValue(code, out var grant) || grant.Used || grant.Consumer.Key != consumer.Key || state.Now >= grant.ExpiresAt)
                    {
                        (error, description) = ("invalid_grant", "The authorization code is invalid, expired or already used.");
                    }
                    else if (grant.RedirectUri is not null && !string.Equals(grant.RedirectUri, form["redirect_uri"].ToString(), StringComparison.Ordinal))
                    {
                        // RFC 6749 §4.1.3: a code issued for a redirect_uri is exchanged with that same redirect_uri, and
                        // only then. The code is spent either way, so a stolen code cannot be retried.
                        grant.Used = true;
                        (error, description) = ("invalid_grant", "The redirect_uri does not match the one of the authorization request.");
                    }
                    else
                    {
                        grant.Used = true;
                        response = Issue(consumer, grant.User, grant.Scopes, State.NewSecret(9), grantType);
                    }

                    break;
                case "refresh_token":
                    var refresh = form["refresh_token"].ToString();
                    if (!state.RefreshTokens.TryGetValue(refresh, out var old) || old.ConsumerKey != consumer.Key || old.Revoked)
                    {
                        (error, description) = ("invalid_grant", "Invalid refresh_token.");
                    }
                    else if (old.Used)
                    {
                        (error, description) = ("invalid_grant", "The refresh_token was already used: refresh tokens rotate, use the one the last refresh returned.");
                    }
                    else
                    {
                        old.Used = true;
                        response = Issue(consumer, old.User, old.Scopes, old.Grant, grantType);
                    }

                    break;
                case "client_credentials":
                    var owner = state.Users.GetValueOrDefault(consumer.Owner);
                    if (owner is null)
                    {
                        (error, description) = ("unauthorized_client", "The consumer has no owner.");
                    }
                    else
                    {
                        response = Issue(consumer, owner, GrantedScopes(consumer, form["scope"].ToString()), grant: null, grantType);
                    }

                    break;
                case "password":
                    (error, description) = ("unsupported_grant_type", "The resource owner password credentials grant is no longer supported.");
                    break;
                default:
                    (error, description) = ("unsupported_grant_type", $"Unsupported grant_type '{grantType}'.");
                    break;
            }
        }

        if (response is null)
        {
            await TokenError(context, 400, error!, description!).ConfigureAwait(false);
            return;
        }

        await SandboxHttp.Json(context, response, BitbucketJsonContext.Default.OAuth2TokenResponse).ConfigureAwait(false);
    }

    private async Task JwtGrantAsync(HttpContext context, string authorization)
    {
        if (!authorization.StartsWith("JWT ", StringComparison.OrdinalIgnoreCase))
        {
            await TokenError(context, 401, "invalid_client", "The JWT grant needs the JWT in an 'Authorization: JWT <token>' header.").ConfigureAwait(false);
            return;
        }

        var jwt = authorization[4..].Trim();
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            await TokenError(context, 401, "invalid_client", "Malformed JWT.").ConfigureAwait(false);
            return;
        }

        JsonElement header;
        JsonElement payload;
        try
        {
            header = JsonDocument.Parse(Base64UrlDecode(parts[0])).RootElement;
            payload = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            await TokenError(context, 401, "invalid_client", "Malformed JWT.").ConfigureAwait(false);
            return;
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.GetString() != "HS256")
        {
            await TokenError(context, 401, "invalid_client", "Unsupported JWT algorithm; sign with HS256 and the consumer secret.").ConfigureAwait(false);
            return;
        }

        var issuer = payload.TryGetProperty("iss", out var iss) && iss.ValueKind == JsonValueKind.String ? iss.GetString()! : string.Empty;
        OAuth2TokenResponse? response = null;
        string? problem = null;
        lock (state.Gate)
        {
            var consumer = state.Consumers.GetValueOrDefault(issuer);
            if (consumer is null)
            {
                problem = "Unknown JWT issuer: 'iss' must be the consumer key.";
            }
            else
            {
                var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumer.Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
                byte[] actual;
                try
                {
                    actual = Base64UrlDecode(parts[2]);
                }
                catch (FormatException)
                {
                    actual = [];
                }

                var now = state.Now.ToUnixTimeSeconds();
                if (!CryptographicOperations.FixedTimeEquals(expected, actual))
                {
                    problem = "Invalid JWT signature.";
                }
                else if (!payload.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expiry) || expiry <= now)
                {
                    problem = "The JWT is expired or has no 'exp' claim.";
                }
                else if (payload.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var issued) && issued > now + 60)
                {
                    problem = "The JWT was issued in the future ('iat').";
                }
                else
                {
                    var subject = payload.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
                    var user = subject is null ? state.Users.GetValueOrDefault(consumer.Owner) : state.FindUser(subject);
                    if (user is null)
                    {
                        problem = "Unknown JWT subject ('sub').";
                    }
                    else
                    {
                        response = Issue(consumer, user, Scopes.Normalize(consumer.Scopes), grant: null, "urn:bitbucket:oauth2:jwt");
                    }
                }
            }
        }

        if (response is null)
        {
            await TokenError(context, 401, "invalid_grant", problem!).ConfigureAwait(false);
            return;
        }

        await SandboxHttp.Json(context, response, BitbucketJsonContext.Default.OAuth2TokenResponse).ConfigureAwait(false);
    }

    private async Task OAuth1RequestTokenAsync(HttpContext context)
    {
        var parameters = Authenticator.ParseOAuthHeader(context.Request.Headers.Authorization.ToString());
        var (consumer, _, error) = await authenticator.VerifyOAuth1Async(context, parameters, requireToken: false, static (_, _) => null).ConfigureAwait(false);
        if (error is not null)
        {
            await SandboxHttp.Text(context, error, "text/plain; charset=utf-8", 401).ConfigureAwait(false);
            return;
        }

        var callback = parameters.GetValueOrDefault("oauth_callback") ?? consumer!.CallbackUrl?.AbsoluteUri ?? "oob";
        if (callback != "oob" && !IsAllowedCallback(consumer!, callback))
        {
            await SandboxHttp.Text(context, "The oauth_callback must be 'oob', the consumer's registered callback URL or a path below it (same scheme, host and port).", "text/plain; charset=utf-8", 400).ConfigureAwait(false);
            return;
        }

        var token = new OAuth1TokenState(State.NewSecret(15), State.NewSecret(24), consumer!, callback, state.Now + CodeLifetime);
        lock (state.Gate)
        {
            state.OAuth1RequestTokens[token.Token] = token;
        }

        await SandboxHttp.Text(context, FormEncode([new("oauth_token", token.Token), new("oauth_token_secret", token.Secret), new("oauth_callback_confirmed", "true")]), "application/x-www-form-urlencoded").ConfigureAwait(false);
    }

    private Task OAuth1AuthorizePageAsync(HttpContext context)
    {
        var tokenValue = context.Request.Query["oauth_token"].ToString();
        OAuth1TokenState? token;
        UserState user;
        lock (state.Gate)
        {
            token = state.OAuth1RequestTokens.GetValueOrDefault(tokenValue);
            user = state.SignedIn;
        }

        if (token is null || token.Used || state.Now >= token.ExpiresAt)
        {
            return ErrorPage(context, "Invalid request token", "The oauth_token is unknown, expired or already used.");
        }

        var body = new StringBuilder()
            .Append("<h1>Authorize <span id=\"app-name\">").Append(SandboxHttp.HtmlEncode(token.Consumer.Name)).Append("</span></h1>")
            .Append("<p id=\"app-description\">").Append(SandboxHttp.HtmlEncode(token.Consumer.Description)).Append("</p>")
            .Append("<p class=\"warning\">This application uses OAuth 1.0a, which Bitbucket calls long deprecated; OAuth 2 or API tokens are recommended.</p>")
            .Append("<p>Signed in as <strong id=\"user\">").Append(SandboxHttp.HtmlEncode(user.Seed.DisplayName)).Append("</strong> (sandbox).</p>")
            .Append("<p>This application is requesting access to:</p><ul id=\"scopes\">");
        foreach (var s in token.Consumer.Scopes)
        {
            body.Append("<li data-scope=\"").Append(SandboxHttp.HtmlEncode(s)).Append("\">").Append(SandboxHttp.HtmlEncode(ScopeDescriptions.GetValueOrDefault(s, s))).Append("</li>");
        }

        body.Append("</ul><form id=\"authorize-form\" method=\"post\" action=\"").Append(SandboxHttp.HtmlEncode(context.Request.Path)).Append("\">")
            .Append(Hidden("oauth_token", tokenValue))
            .Append("<button id=\"approve\" type=\"submit\" name=\"decision\" value=\"approve\">Grant access</button> ")
            .Append("<button id=\"deny\" type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button></form>");
        return Page(context, "Authorize " + token.Consumer.Name, body.ToString());
    }

    private async Task OAuth1AuthorizeDecisionAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var tokenValue = form["oauth_token"].ToString();
        OAuth1TokenState? token;
        lock (state.Gate)
        {
            token = state.OAuth1RequestTokens.GetValueOrDefault(tokenValue);
            if (token is not null && !token.Used && state.Now < token.ExpiresAt && form["decision"] == "approve")
            {
                token.Verifier = State.NewSecret(12);
                token.User = state.SignedIn;
            }
        }

        if (token is null || token.Used)
        {
            await ErrorPage(context, "Invalid request token", "The oauth_token is unknown, expired or already used.").ConfigureAwait(false);
            return;
        }

        if (token.Verifier is null)
        {
            lock (state.Gate)
            {
                token.Revoked = true;
            }

            if (token.Callback is null or "oob")
            {
                await Page(context, "Access denied", "<p id=\"denied\">You denied access.</p>").ConfigureAwait(false);
                return;
            }

            context.Response.Redirect(AppendQuery(token.Callback, [new("oauth_token", token.Token), new("error", "access_denied")]));
            return;
        }

        if (token.Callback is null or "oob")
        {
            await Page(context, "Access granted", "<p>Enter this verifier in the application: <code id=\"verifier\">" + SandboxHttp.HtmlEncode(token.Verifier) + "</code></p>").ConfigureAwait(false);
            return;
        }

        context.Response.Redirect(AppendQuery(token.Callback, [new("oauth_token", token.Token), new("oauth_verifier", token.Verifier)]));
    }

    private async Task OAuth1AccessTokenAsync(HttpContext context)
    {
        var parameters = Authenticator.ParseOAuthHeader(context.Request.Headers.Authorization.ToString());
        var (consumer, requestToken, error) = await authenticator.VerifyOAuth1Async(context, parameters, requireToken: true, static (s, t) => s.OAuth1RequestTokens.GetValueOrDefault(t)).ConfigureAwait(false);
        if (error is not null)
        {
            await SandboxHttp.Text(context, error, "text/plain; charset=utf-8", 401).ConfigureAwait(false);
            return;
        }

        OAuth1TokenState? access = null;
        lock (state.Gate)
        {
            if (!requestToken!.Used && requestToken.Verifier is not null && requestToken.User is not null
                && state.Now < requestToken.ExpiresAt
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(requestToken.Verifier), Encoding.UTF8.GetBytes(parameters.GetValueOrDefault("oauth_verifier") ?? string.Empty)))
            {
                requestToken.Used = true;
                access = new OAuth1TokenState(State.NewSecret(15), State.NewSecret(24), consumer!, null, DateTimeOffset.MaxValue) { User = requestToken.User };
                state.OAuth1AccessTokens[access.Token] = access;
            }
        }

        if (access is null)
        {
            await SandboxHttp.Text(context, "Invalid, unauthorized or already used request token, or wrong oauth_verifier.", "text/plain; charset=utf-8", 401).ConfigureAwait(false);
            return;
        }

        await SandboxHttp.Text(context, FormEncode([new("oauth_token", access.Token), new("oauth_token_secret", access.Secret)]), "application/x-www-form-urlencoded").ConfigureAwait(false);
    }

    private SandboxOAuthConsumer? AuthenticateClient(string authorization, IFormCollection form)
    {
        string? id = null;
        string? secret = null;
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    id = decoded[..colon];
                    secret = decoded[(colon + 1)..];
                }
            }
            catch (FormatException)
            {
                return null;
            }
        }
        else if (form["client_id"].ToString() is { Length: > 0 } formId)
        {
            id = formId;
            secret = form["client_secret"].ToString();
        }

        if (id is null || secret is null)
        {
            return null;
        }

        lock (state.Gate)
        {
            var consumer = state.Consumers.GetValueOrDefault(id);
            return consumer is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(consumer.Secret), Encoding.UTF8.GetBytes(secret))
                ? consumer
                : null;
        }
    }

    /// <summary>Issues an access token (one hour) and, for a user's <paramref name="grant"/>, a refresh token. Callers hold the gate.</summary>
    private OAuth2TokenResponse Issue(SandboxOAuthConsumer consumer, UserState user, IReadOnlySet<string> scopes, string? grant, string grantType)
    {
        var accessToken = State.NewSecret(48);
        string? refreshToken = null;
        if (grant is not null)
        {
            refreshToken = State.NewSecret(24);
            state.RefreshTokens[refreshToken] = new RefreshTokenState(refreshToken, user, scopes, consumer.Key, grant);
        }

        state.Tokens[accessToken] = new TokenState(accessToken, user, scopes, state.Now + AccessTokenLifetime, "oauth2", consumer.Key) { Grant = grant };
        var scopeText = Scopes.Format(scopes);
        return new OAuth2TokenResponse
        {
            AccessToken = accessToken,
            TokenType = "bearer",
            ExpiresIn = (int)AccessTokenLifetime.TotalSeconds,
            RefreshToken = refreshToken,
            Scope = scopeText,
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["scopes"] = Mapper.S(scopeText),
                ["state"] = Mapper.S(grantType),
            },
        };
    }

    private static IReadOnlySet<string> GrantedScopes(SandboxOAuthConsumer consumer, string? requested)
    {
        var allowed = Scopes.Normalize(consumer.Scopes);
        var asked = Scopes.Parse(requested);
        return asked.Count == 0 ? allowed : Scopes.Restrict(asked, allowed);
    }

    private static Task TokenError(HttpContext context, int status, string error, string description) =>
        SandboxHttp.Json(
            context,
            new OAuth2TokenResponse { Error = error, ErrorDescription = description },
            BitbucketJsonContext.Default.OAuth2TokenResponse,
            status);

    private static string FormEncode(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join('&', values.Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));

    private static string Hidden(string name, string value) =>
        "<input type=\"hidden\" name=\"" + name + "\" value=\"" + SandboxHttp.HtmlEncode(value) + "\">";

    private static byte[] Base64UrlDecode(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }

    private static Task ErrorPage(HttpContext context, string title, string message) =>
        Page(context, title, "<h1>" + SandboxHttp.HtmlEncode(title) + "</h1><p id=\"error\">" + SandboxHttp.HtmlEncode(message) + "</p>", 400);

    internal static Task Page(HttpContext context, string title, string body, int status = 200)
    {
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{SandboxHttp.HtmlEncode(title)}} – Bitbucket sandbox</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;color:#172b4d}h1{font-size:1.5em}
            button{font-size:1em;padding:.5em 1em;margin-right:.5em}#approve{background:#0052cc;color:#fff;border:0;border-radius:3px}
            .warning{background:#fffae6;padding:.5em}</style></head>
            <body><p><em>Bitbucket.Refit sandbox</em></p>{{body}}</body></html>
            """;
        return SandboxHttp.Text(context, html, "text/html; charset=utf-8", status);
    }
}
