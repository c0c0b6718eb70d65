using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Benchmarks;

/// <summary>
/// Not a target: the client-side cost of scenarios 1 and 2 without the network. Both sides send to an in-memory transport that
/// answers every request with the repository payload, so the difference of the means is the CPU time and the bytes the
/// library adds to a hand-written GET (loopback timings carry tens of microseconds of scheduling noise).
/// </summary>
[MemoryDiagnoser]
public class OverheadBreakdown
{
    private static readonly string Path =
        $"repositories/{Uri.EscapeDataString(Payloads.Workspace)}/{Uri.EscapeDataString(Payloads.RepoSlug)}";

    private static readonly string PagePath =
        $"repositories/{Uri.EscapeDataString(Payloads.Workspace)}/{Uri.EscapeDataString(Payloads.RepoSlug)}/pullrequests?pagelen={Payloads.PageLength}";

    private static readonly byte[] Page = System.Text.Encoding.UTF8.GetBytes(
        $"{{\"pagelen\":{Payloads.PageLength},\"page\":1,\"values\":{System.Text.Encoding.UTF8.GetString(Payloads.PageValues)}}}");

    private static readonly ListOptions PageOptions = new() { PageLength = Payloads.PageLength };

    private HttpClient _raw = null!;
    private ServiceProvider _library = null!;
    private ServiceProvider _libraryNoRetries = null!;
    private IRepositoriesApi _repositories = null!;
    private IRepositoriesApi _repositoriesNoRetries = null!;
    private IPullRequestsApi _pullRequests = null!;

    /// <summary>Builds both sides over the in-memory transport.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const string origin = "https://api.bitbucket.test";
        _raw = new HttpClient(new InMemoryTransport()) { BaseAddress = new Uri(origin + "/2.0/") };
        _raw.DefaultRequestHeaders.UserAgent.ParseAdd("Bitbucket.Refit/1.0");
        _raw.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Clients.AccessToken);
        _library = Clients.Library(origin, authenticate: InMemory);
        _libraryNoRetries = Clients.Library(origin, resilience: false, authenticate: InMemory);
        _repositories = _library.GetRequiredService<IRepositoriesApi>();
        _repositoriesNoRetries = _libraryNoRetries.GetRequiredService<IRepositoriesApi>();
        _pullRequests = _library.GetRequiredService<IPullRequestsApi>();

        static void InMemory(IBitbucketBuilder builder)
        {
            builder.WithAccessToken(Clients.AccessToken);
            builder.HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new InMemoryTransport());
        }
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _library.Dispose();
        _libraryNoRetries.Dispose();
    }

    /// <summary>The hand-written GET of scenario 1.</summary>
    /// <returns>The repository.</returns>
    [Benchmark(Baseline = true)]
    public async Task<Repository> RawHttpClient()
    {
        using var response = await _raw.GetAsync(Path, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, BitbucketJsonContext.Default.Repository).ConfigureAwait(false))!;
    }

    /// <summary><c>IRepositoriesApi.GetAsync</c>, default pipeline.</summary>
    /// <returns>The repository.</returns>
    [Benchmark]
    public Task<Repository> Library() => _repositories.GetAsync(Payloads.Workspace, Payloads.RepoSlug);

    /// <summary>The same with <c>Resilience.Enabled = false</c>.</summary>
    /// <returns>The repository.</returns>
    [Benchmark]
    public Task<Repository> LibraryNoRetries() => _repositoriesNoRetries.GetAsync(Payloads.Workspace, Payloads.RepoSlug);

    /// <summary>The hand-written read of one page of 50 pull requests (scenario 2 without the network).</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> PageRawHttpClient()
    {
        using var response = await _raw.GetAsync(PagePath, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, BitbucketJsonContext.Default.PagePullRequest).ConfigureAwait(false))!.Values!.Count;
    }

    /// <summary><c>IPullRequestsApi.List(...).AsPages()</c>, first page, default pipeline.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> PageLibrary()
    {
        await foreach (var page in _pullRequests.List(Payloads.Workspace, Payloads.RepoSlug, options: PageOptions).AsPages())
        {
            return page.Values!.Count;
        }

        return 0;
    }

    /// <summary>Answers every request with the repository, as a server's content would arrive: a stream with a length.</summary>
    private sealed class InMemoryTransport : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri!.AbsolutePath.EndsWith("/pullrequests", StringComparison.Ordinal) ? Page : Payloads.Repository;
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            content.Headers.ContentLength = body.Length;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
