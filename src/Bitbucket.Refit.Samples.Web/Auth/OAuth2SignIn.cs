using System.Globalization;
using System.Security.Claims;
using Bitbucket;
using Bitbucket.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// "Login with Bitbucket" through OAuth 2 with the library's <see cref="OAuth2Flow"/>: a fresh
/// <see cref="OAuth2Flow.CreateState"/> kept in an encrypted, short-lived cookie scoped to the callback, the browser
/// sent to Bitbucket's authorize page with <c>redirect_uri</c> on the configured <see cref="SampleOrigin"/>, and on
/// the callback the code exchanged by
/// <see cref="OAuth2Flow.ExchangeCodeAsync(string, string, string, CancellationToken)"/>, which compares the states in
/// constant time first and sends nothing on a mismatch.
/// </summary>
internal sealed class OAuth2SignIn(
    BitbucketTarget target,
    SampleOrigin origin,
    IHttpClientFactory httpClientFactory,
    IDataProtectionProvider dataProtection,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<OAuth2SignIn> logger)
{
    private const string StateCookie = ".bitbucket-sample.oauth2";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("Bitbucket.Samples.Web.OAuth2.State").ToTimeLimitedDataProtector();

    /// <summary>Adds the auth cookie (server-side sessions, <c>Secure</c> outside Development) and the OAuth 2 sign-in.</summary>
    /// <param name="services">The services.</param>
    /// <param name="environment">The host's environment: Development alone allows the cookie over plain http.</param>
    /// <returns>The authentication builder.</returns>
    public static AuthenticationBuilder AddBitbucketSignIn(IServiceCollection services, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MemoryTicketStore>();
        services.AddSingleton<OAuth2SignIn>();
        services.AddOptions<CookieAuthenticationOptions>(SampleAuth.CookieScheme)
            .Configure<MemoryTicketStore>((o, store) => o.SessionStore = store);
        return services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = SampleAuth.CookieScheme;
                o.DefaultChallengeScheme = SampleAuth.CookieScheme;
            })
            .AddCookie(SampleAuth.CookieScheme, o =>
            {
                o.Cookie.Name = SampleAuth.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;

                // Secure by default. Development alone (the browser tests, `dotnet run` on loopback) allows plain http.
                o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/";
                o.ReturnUrlParameter = "returnUrl";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
    }

    /// <summary>Creates a state, keeps it in a cookie for the callback and sends the browser to the authorize page.</summary>
    public IResult Start(HttpContext context)
    {
        var state = OAuth2Flow.CreateState();
        context.Response.Cookies.Append(StateCookie, _protector.Protect(state, StateLifetime), StateCookieOptions(context, StateLifetime));
        return Results.Redirect(CreateFlow().GetAuthorizationUri(state).AbsoluteUri);
    }

    /// <summary>Handles Bitbucket's redirect back: checks the state, exchanges the code and signs the user in.</summary>
    public async Task<IResult> CompleteAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var saved = context.Request.Cookies[StateCookie];
        context.Response.Cookies.Delete(StateCookie, StateCookieOptions(context, maxAge: null));
        if (query["error"] == "access_denied")
        {
            return Fail("Bitbucket did not authorize the sign-in (OAuth 2).");
        }

        string? expectedState = null;
        try
        {
            expectedState = saved is null ? null : _protector.Unprotect(saved);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }

        if (expectedState is null)
        {
            logger.LogWarning("An OAuth 2 callback came without a valid state cookie (expired, or from another browser).");
            return Fail("The OAuth 2 sign-in expired or was started elsewhere; try again.");
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return Fail("The OAuth 2 sign-in failed: the callback carries no code.");
        }

        OAuth2TokenResponse tokens;
        try
        {
            tokens = await CreateFlow().ExchangeCodeAsync(code, expectedState, query["state"].ToString(), context.RequestAborted);
        }
        catch (BitbucketOAuthStateException ex)
        {
            logger.LogWarning("Refused an OAuth 2 callback: {Reason}", ex.Message);
            return Fail("The OAuth 2 sign-in was started elsewhere; try again.");
        }
        catch (BitbucketAuthenticationException ex)
        {
            // The message names the OAuth error (invalid_grant …), never the code or a secret.
            return Fail("The OAuth 2 sign-in failed: " + ex.Message);
        }

        // Read the user with the new access token (the cookie does not exist yet: hand the token over for this request).
        var items = context.Items;
        items[SignedInUserTokenSource.PendingAccessTokenKey] = tokens.AccessToken;
        Models.Account user;
        try
        {
            user = await context.RequestServices.GetRequiredService<IUsersApi>().GetCurrentAsync(context.RequestAborted);
        }
        finally
        {
            items.Remove(SignedInUserTokenSource.PendingAccessTokenKey);
        }

        var expiresAt = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(tokens.ExpiresIn is > 0 and { } seconds ? seconds : 3600);
        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = tokens.AccessToken! },
            new AuthenticationToken { Name = "refresh_token", Value = tokens.RefreshToken ?? string.Empty },
            new AuthenticationToken { Name = "expires_at", Value = expiresAt.ToString("o", CultureInfo.InvariantCulture) },
        ]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(UserClaims.From(user, SampleAuth.OAuth2), SampleAuth.CookieScheme));
        await context.SignInAsync(SampleAuth.CookieScheme, principal, properties);
        return Results.Redirect("/profile");
    }

    private static IResult Fail(string message) => Results.Redirect("/?error=" + Uri.EscapeDataString(message));

    private CookieOptions StateCookieOptions(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = SampleAuth.SecureCookies(environment, context.Request),
        SameSite = SameSiteMode.Lax,
        Path = SampleAuth.OAuth2CallbackPath,
        MaxAge = maxAge,
        IsEssential = true,
    };

    private OAuth2Flow CreateFlow() =>
        new(httpClientFactory.CreateClient(OAuth2Refresher.HttpClientName), target.OAuth2Client(), origin.OAuth2Callback);
}
