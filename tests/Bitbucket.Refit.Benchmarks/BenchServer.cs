using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitbucket.Benchmarks;

/// <summary>
/// A Kestrel server on 127.0.0.1 answering with the fixed <see cref="Payloads"/>. The benchmark host starts it once and
/// hands its address to every benchmark process through <see cref="EnvironmentVariable"/>, so the server's own
/// allocations are not counted against either side.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    /// <summary>The environment variable carrying the origin of a running server.</summary>
    public const string EnvironmentVariable = "BITBUCKET_REFIT_BENCH_SERVER";

    private static readonly Lazy<Task<string>> Shared = new(StartOrReuseAsync);
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>Gets the origin of the server, <c>http://127.0.0.1:port</c>.</summary>
    public string Origin { get; }

    /// <summary>Gets the origin of the server given by the host, or of one started in this process.</summary>
    /// <returns>The origin.</returns>
    public static Task<string> GetOriginAsync() => Shared.Value;

    /// <summary>Starts a server in this process.</summary>
    /// <returns>The running server.</returns>
    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        string? origin = null;

        app.MapGet("/2.0/repositories/{workspace}/{slug}", (HttpContext context) => WriteAsync(context, Payloads.Repository));
        app.MapGet("/2.0/repositories/{workspace}/{slug}/pullrequests", async (HttpContext context, string slug) =>
        {
            var pages = slug.StartsWith("prs-", StringComparison.Ordinal) ? int.Parse(slug.AsSpan(4), CultureInfo.InvariantCulture) : 1;
            var page = context.Request.Query.TryGetValue("page", out var p) ? int.Parse(p.ToString(), CultureInfo.InvariantCulture) : 1;
            var next = page < pages
                ? $"\"next\":\"{origin}/2.0/repositories/{Payloads.Workspace}/{slug}/pullrequests?pagelen={Payloads.PageLength}&page={page + 1}\","
                : string.Empty;
            var head = System.Text.Encoding.UTF8.GetBytes(
                $"{{\"size\":{pages * Payloads.PageLength},\"page\":{page},\"pagelen\":{Payloads.PageLength},{next}\"values\":");
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = head.Length + Payloads.PageValues.Length + 1;
            await context.Response.Body.WriteAsync(head);
            await context.Response.Body.WriteAsync(Payloads.PageValues);
            await context.Response.Body.WriteAsync("}"u8.ToArray());
        });
        app.MapPost("/site/oauth2/access_token", (HttpContext context) => WriteAsync(context, Payloads.Token));

        await app.StartAsync();
        origin = app.Urls.First().TrimEnd('/');
        return new BenchServer(app, origin);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static async Task<string> StartOrReuseAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } origin)
        {
            return origin;
        }

        var server = await StartAsync();
        return server.Origin; // lives as long as the process
    }
}
