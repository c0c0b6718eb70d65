using Bitbucket.Http;
using System.Globalization;
using Bitbucket;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Bitbucket.Benchmarks;

/// <summary>
/// Not a target: where the bytes of scenario 1 go. Allocated bytes per <c>GET repository</c> for a ladder of pipelines,
/// from the raw client through Refit alone and each of the library's handlers to the full registration, measured with
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/> over many sequential calls in one process. The bench server runs in the
/// same process, so the figures include its share; the differences between rows are what each layer adds.
/// Run with <c>-- --alloc</c>.
/// </summary>
public static class AllocationMode
{
    private const int Calls = 4_000;

    /// <summary>Runs the measurement and prints a Markdown table.</summary>
    /// <returns>0.</returns>
    public static async Task<int> RunAsync()
    {
        await using var server = await BenchServer.StartAsync();
        var origin = server.Origin;
        var baseAddress = new Uri(origin + "/2.0/");
        var path = $"repositories/{Uri.EscapeDataString(Payloads.Workspace)}/{Uri.EscapeDataString(Payloads.RepoSlug)}";
        var rows = new List<(string Name, double Bytes)>();

        using (var raw = Clients.Raw(origin))
        {
            rows.Add(("raw HttpClient + STJ (baseline)", await MeasureAsync(() => RawAsync(raw, path))));
        }

        rows.Add(("Refit over the raw client (Refit buffers the body)", await MeasureRefitAsync(origin, baseAddress, [])));
        rows.Add(("Refit + Bearer", await MeasureRefitAsync(origin, baseAddress, [() => new BearerTokenHandler(Clients.AccessToken, new CredentialScope([baseAddress]))])));
        rows.Add(("Refit + Bearer + Redirect", await MeasureRefitAsync(origin, baseAddress, [() => new RedirectHandler(), () => new BearerTokenHandler(Clients.AccessToken, new CredentialScope([baseAddress]))])));
        rows.Add(("Refit + Bearer + Redirect + Diagnostics (JSON read from the stream)", await MeasureRefitAsync(origin, baseAddress, [() => Diagnostics(32 << 20), () => new RedirectHandler(), () => new BearerTokenHandler(Clients.AccessToken, new CredentialScope([baseAddress]))])));
        rows.Add(("… + PathValidation", await MeasureRefitAsync(origin, baseAddress, [() => new PathValidationHandler(baseAddress), () => Diagnostics(32 << 20), () => new RedirectHandler(), () => new BearerTokenHandler(Clients.AccessToken, new CredentialScope([baseAddress]))])));
        rows.Add(("… + retries (RetryHandler: Polly retry + attempt timeout)", await MeasureRefitAsync(origin, baseAddress, [Retries, () => new PathValidationHandler(baseAddress), () => Diagnostics(32 << 20), () => new RedirectHandler(), () => new BearerTokenHandler(Clients.AccessToken, new CredentialScope([baseAddress]))])));
        rows.Add(("AddBitbucket, Resilience.Enabled = false", await MeasureLibraryAsync(origin, resilience: false)));
        rows.Add(("AddBitbucket (default)", await MeasureLibraryAsync(origin, resilience: true)));

        Console.WriteLine($"| Pipeline (GET repository, {Calls:N0} calls) | Bytes per call | Over the baseline |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, bytes) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:N0} | {bytes - rows[0].Bytes:+#,0;-#,0;0} |"));
        }

        return 0;

        static DelegatingHandler Retries() =>
            new BitbucketResilience.RetryHandler(BitbucketResilience.BuildPipeline(new BitbucketOptions(), TimeProvider.System));

        static DelegatingHandler Diagnostics(long maxJsonBytes) =>
            new DiagnosticsHandler(NullLogger.Instance, new BitbucketRateLimitTracker(TimeProvider.System), maxJsonBytes, TimeSpan.FromSeconds(100));
    }

    private static async Task<double> MeasureRefitAsync(string origin, Uri baseAddress, Func<DelegatingHandler>[] handlers, Action<RefitSettings>? tweak = null)
    {
        HttpMessageHandler pipeline = Transport();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            var handler = handlers[i]();
            handler.InnerHandler = pipeline;
            pipeline = handler;
        }

        using var http = new HttpClient(pipeline) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Bitbucket.Refit/1.0");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        if (handlers.Length == 0)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Clients.AccessToken);
        }

        _ = origin;
        var settings = BitbucketServiceCollectionExtensions.CreateRefitSettings();
        tweak?.Invoke(settings);
        var api = RestService.For<IRepositoriesApi>(http, settings);
        return await MeasureAsync(() => api.GetAsync(Payloads.Workspace, Payloads.RepoSlug));
    }

    private static async Task<double> MeasureLibraryAsync(string origin, bool resilience)
    {
        await using var provider = Clients.Library(origin, resilience);
        var api = provider.GetRequiredService<IRepositoriesApi>();
        return await MeasureAsync(() => api.GetAsync(Payloads.Workspace, Payloads.RepoSlug));
    }

    private static SocketsHttpHandler Transport() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static async Task<object> RawAsync(HttpClient raw, string path)
    {
        using var response = await raw.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, BitbucketJsonContext.Default.Repository).ConfigureAwait(false))!;
    }

    private static async Task<double> MeasureAsync<T>(Func<Task<T>> call)
    {
        for (var i = 0; i < 500; i++)
        {
            await call();
        }

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
    }
}
