using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Bitbucket.Tests.Infrastructure;

/// <summary>A WireMock.Net server on 127.0.0.1 standing in for api.bitbucket.org, and a container wired to it.</summary>
public sealed class MockBitbucket : IDisposable
{
    private MockBitbucket(WireMockServer server)
    {
        Server = server;
    }

    public WireMockServer Server { get; }

    public string Url => $"http://127.0.0.1:{Server.Port}";

    public Uri BaseAddress => new(Url + "/2.0/");

    public static MockBitbucket Start() =>
        new(WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreePort()}"],
            StartAdminInterface = false,
        }));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Builds a container with one default registration pointed at this server.</summary>
    public ServiceProvider CreateServices(Action<IBitbucketBuilder>? authenticate = null, Action<BitbucketOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        services?.Invoke(collection);
        var builder = collection.AddBitbucket(o =>
        {
            o.BaseAddress = BaseAddress;
            o.Resilience.Enabled = false;
            configure?.Invoke(o);
        });
        authenticate?.Invoke(builder);
        builder.HttpClientBuilder.AddHttpMessageHandler(() => new WireRecorder(_sent));
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();

    /// <summary>
    /// The request targets (escaped path and query) exactly as the client put them on the wire, recorded below the
    /// authentication handler. Unlike WireMock's log, which decodes <c>%20</c>, <c>%25</c> and dot segments, these are raw.
    /// </summary>
    public IReadOnlyList<string> SentTargets => [.. _sent];

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries];

    /// <summary>The path and query of each request as WireMock logged them (it decodes <c>%20</c>, <c>%25</c> and dot segments; see <see cref="SentTargets"/>).</summary>
    public IReadOnlyList<string> RawTargets => [.. Server.LogEntries.Select(e => new Uri(e.RequestMessage!.AbsoluteUrl).PathAndQuery)];

    public void Dispose() => Server.Dispose();

    private sealed class WireRecorder(System.Collections.Concurrent.ConcurrentQueue<string> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
