using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Benchmarks;

/// <summary>Builds the clients both sides of each benchmark use.</summary>
public static class Clients
{
    /// <summary>The fixed access token.</summary>
    public const string AccessToken = "bench-fixed-access-token";

    /// <summary>Builds a container with the library registered against the bench server.</summary>
    /// <param name="origin">The server origin.</param>
    /// <param name="resilience">Whether retries are on (the library's default).</param>
    /// <param name="authenticate">Chooses the authentication; a fixed access token when <see langword="null"/>.</param>
    /// <returns>The container.</returns>
    public static ServiceProvider Library(string origin, bool resilience = true, Action<IBitbucketBuilder>? authenticate = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddBitbucket(o =>
        {
            o.BaseAddress = new Uri(origin + "/2.0/");
            o.Resilience.Enabled = resilience;
            o.OAuth2.TokenEndpoint = new Uri(origin + "/site/oauth2/access_token");
        });
        (authenticate ?? (b => b.WithAccessToken(AccessToken)))(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds the hand-written baseline: one <see cref="HttpClient"/> with the same transport settings.</summary>
    /// <param name="origin">The server origin.</param>
    /// <returns>The client.</returns>
    public static HttpClient Raw(string origin)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = new Uri(origin + "/2.0/"),
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Bitbucket.Refit/1.0");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return http;
    }
}
