using System.Text.RegularExpressions;
using Bitbucket.Samples.Web.Auth;

namespace Bitbucket.Samples.Web;

/// <summary>
/// Where browsers reach the sample: the scheme, host and port every OAuth callback is built on. It comes from
/// configuration (<c>Sample:PublicOrigin</c>, e.g. <c>https://bitbucket-demo.example</c> behind a reverse proxy) or,
/// failing that, from the address the server listens on, decided before the server starts. Never from a request's
/// <c>Host</c> header: a forged one would otherwise send Bitbucket's codes and verifiers to its author.
/// </summary>
internal sealed partial record SampleOrigin
{
    /// <summary>The configuration key of the public origin.</summary>
    public const string ConfigurationKey = "Sample:PublicOrigin";

    private SampleOrigin(Uri origin) => Origin = origin;

    /// <summary>Gets the origin, e.g. <c>http://127.0.0.1:5080/</c> (always with a trailing slash, never a path).</summary>
    public Uri Origin { get; }

    /// <summary>Gets the OAuth 2 <c>redirect_uri</c>: register this as the consumer's callback URL.</summary>
    public Uri OAuth2Callback => new(Origin, SampleAuth.OAuth2CallbackPath);

    /// <summary>Gets the OAuth 1.0a <c>oauth_callback</c>, a path below <see cref="OAuth2Callback"/> (Bitbucket admits those).</summary>
    public Uri OAuth1Callback => new(Origin, SampleAuth.OAuth1CallbackPath);

    /// <summary>Reads <c>Sample:PublicOrigin</c>: an absolute http(s) URL with no path, query, fragment or user info.</summary>
    /// <param name="value">The configured value.</param>
    /// <returns>The origin.</returns>
    /// <exception cref="InvalidOperationException">The value is not an origin.</exception>
    public static SampleOrigin FromConfiguration(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be an origin such as https://bitbucket-demo.example (scheme, host and optional port; no path).");
        }

        return new SampleOrigin(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>The origin of a Kestrel listen address such as <c>http://127.0.0.1:5080</c>; a wildcard host becomes loopback.</summary>
    /// <param name="listenAddress">The address, with a concrete port.</param>
    /// <returns>The origin.</returns>
    public static SampleOrigin FromListenAddress(string listenAddress)
    {
        var match = ListenAddress().Match(listenAddress);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Cannot tell the sample's origin from the listen address '{listenAddress}'; set {ConfigurationKey}.");
        }

        var host = match.Groups["host"].Value switch
        {
            "*" or "+" or "0.0.0.0" => "127.0.0.1",
            "[::]" => "localhost",
            var h => h,
        };
        var port = match.Groups["port"].Success ? ":" + match.Groups["port"].Value : string.Empty;
        return new SampleOrigin(new Uri($"{match.Groups["scheme"].Value.ToLowerInvariant()}://{host}{port}/"));
    }

    /// <summary>Whether a listen address asks for a port chosen by the system (<c>:0</c>).</summary>
    public static bool HasDynamicPort(string listenAddress) =>
        ListenAddress().Match(listenAddress) is { Success: true } m && m.Groups["port"].Value == "0";

    /// <summary>The listen address with its port replaced.</summary>
    public static string WithPort(string listenAddress, int port)
    {
        var m = ListenAddress().Match(listenAddress);
        return $"{m.Groups["scheme"].Value}://{m.Groups["host"].Value}:{port}";
    }

    /// <inheritdoc />
    public override string ToString() => Origin.AbsoluteUri;

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^:/\[\]]+)(?::(?<port>\d+))?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListenAddress();
}
