using System.Diagnostics;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Bitbucket;
using Bitbucket.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bitbucket.Benchmarks;

/// <summary>
/// The cost of the library's traces and metrics on the default GET, over an in-memory transport (no loopback noise).
/// Baseline: the same pipeline with the telemetry handler removed. <c>NoListener</c>: the shipped pipeline, nobody
/// listening (the target: time and allocation ratios at most 1.02). <c>OpenTelemetryListening</c>: the shipped pipeline
/// with an OpenTelemetry tracer and meter provider subscribed (<c>AddBitbucketInstrumentation()</c>, always sampled,
/// spans dropped by a no-op exporter), reported, not a target.
/// </summary>
[MemoryDiagnoser]
public class InstrumentationOverhead
{
    private const string Origin = "https://api.bitbucket.test";
    private ServiceProvider _withoutTelemetry = null!;
    private ServiceProvider _shipped = null!;
    private IRepositoriesApi _bare = null!;
    private IRepositoriesApi _instrumented = null!;
    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    /// <summary>Builds both pipelines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _withoutTelemetry = Clients.Library(Origin, authenticate: b =>
        {
            InMemory(b);
            b.HttpClientBuilder.ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                for (var i = handlers.Count - 1; i >= 0; i--)
                {
                    if (handlers[i] is TelemetryHandler)
                    {
                        handlers.RemoveAt(i);
                    }
                }
            });
        });
        _shipped = Clients.Library(Origin, authenticate: InMemory);
        _bare = _withoutTelemetry.GetRequiredService<IRepositoriesApi>();
        _instrumented = _shipped.GetRequiredService<IRepositoriesApi>();
    }

    /// <summary>Subscribes OpenTelemetry for the listening case only (each benchmark runs in its own process).</summary>
    [GlobalSetup(Target = nameof(OpenTelemetryListening))]
    public void SetupListening()
    {
        Setup();
        _tracing = Sdk.CreateTracerProviderBuilder().AddBitbucketInstrumentation().SetSampler(new AlwaysOnSampler()).Build();
        _metrics = Sdk.CreateMeterProviderBuilder().AddBitbucketInstrumentation().Build();
    }

    /// <summary>Disposes the clients and providers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
        _withoutTelemetry.Dispose();
        _shipped.Dispose();
    }

    /// <summary>The pipeline without the telemetry handler.</summary>
    /// <returns>The repository's name.</returns>
    [Benchmark(Baseline = true)]
    public async Task<string?> WithoutInstrumentation() => (await _bare.GetAsync(Payloads.Workspace, Payloads.RepoSlug).ConfigureAwait(false)).FullName;

    /// <summary>The shipped pipeline, nobody listening.</summary>
    /// <returns>The repository's name.</returns>
    [Benchmark]
    public async Task<string?> NoListener() => (await _instrumented.GetAsync(Payloads.Workspace, Payloads.RepoSlug).ConfigureAwait(false)).FullName;

    /// <summary>The shipped pipeline with OpenTelemetry subscribed to the library's source and meter.</summary>
    /// <returns>The repository's name.</returns>
    [Benchmark]
    public async Task<string?> OpenTelemetryListening() => (await _instrumented.GetAsync(Payloads.Workspace, Payloads.RepoSlug).ConfigureAwait(false)).FullName;

    private static void InMemory(IBitbucketBuilder builder)
    {
        builder.WithAccessToken(Clients.AccessToken);
        builder.HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new RepositoryTransport());
    }

    private sealed class RepositoryTransport : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(Payloads.Repository, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            content.Headers.ContentLength = Payloads.Repository.Length;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
