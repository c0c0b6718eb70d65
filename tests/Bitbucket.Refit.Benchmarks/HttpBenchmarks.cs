using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Benchmarks;

/// <summary>Shared set-up of the HTTP scenarios: the library with and without retries, and the raw baseline.</summary>
public abstract class HttpBenchmarkBase
{
    private ServiceProvider? _library;
    private ServiceProvider? _libraryNoRetries;

    /// <summary>Gets the raw baseline client.</summary>
    protected HttpClient Raw { get; private set; } = null!;

    /// <summary>Gets the library's repositories API (retries on, the default).</summary>
    protected IRepositoriesApi Repositories { get; private set; } = null!;

    /// <summary>Gets the library's repositories API with <c>Resilience.Enabled = false</c>.</summary>
    protected IRepositoriesApi RepositoriesNoRetries { get; private set; } = null!;

    /// <summary>Gets the library's pull requests API (retries on, the default).</summary>
    protected IPullRequestsApi PullRequests { get; private set; } = null!;

    /// <summary>Gets the library's pull requests API with <c>Resilience.Enabled = false</c>.</summary>
    protected IPullRequestsApi PullRequestsNoRetries { get; private set; } = null!;

    /// <summary>The pull request list of 200 pages that the paging scenarios read.</summary>
    protected const string Slug = "prs-200";

    /// <summary>Gets the first page of <see cref="Slug"/>, relative to the base address, as the raw client asks for it.</summary>
    protected static readonly string PullRequestsPath =
        $"repositories/{Uri.EscapeDataString(Payloads.Workspace)}/{Slug}/pullrequests?pagelen={Payloads.PageLength}";

    /// <summary>Gets the list options the library sends for the same page.</summary>
    protected static readonly ListOptions PageOptions = new() { PageLength = Payloads.PageLength };

    private IPullRequestsApi? _bare;

    /// <summary>Gets the Refit client over the raw <see cref="HttpClient"/>, without the library's handlers; built on first use.</summary>
    protected IPullRequestsApi Bare => _bare ??= global::Refit.RestService.For<IPullRequestsApi>(Raw, Microsoft.Extensions.DependencyInjection.BitbucketServiceCollectionExtensions.CreateRefitSettings());

    /// <summary>Starts (or finds) the server and builds the clients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var origin = BenchServer.GetOriginAsync().GetAwaiter().GetResult();
        Raw = Clients.Raw(origin);
        _library = Clients.Library(origin);
        _libraryNoRetries = Clients.Library(origin, resilience: false);
        Repositories = _library.GetRequiredService<IRepositoriesApi>();
        RepositoriesNoRetries = _libraryNoRetries.GetRequiredService<IRepositoriesApi>();
        PullRequests = _library.GetRequiredService<IPullRequestsApi>();
        PullRequestsNoRetries = _libraryNoRetries.GetRequiredService<IPullRequestsApi>();
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Raw.Dispose();
        _library?.Dispose();
        _libraryNoRetries?.Dispose();
    }

    /// <summary>The hand-written GET: escape the route values, send, check the status, deserialize from the stream.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="http">The client.</param>
    /// <param name="uri">The relative or absolute URI.</param>
    /// <param name="typeInfo">The source-generated type info.</param>
    /// <returns>The model.</returns>
    protected static async Task<T> RawGetAsync<T>(HttpClient http, string uri, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(stream, typeInfo).ConfigureAwait(false))!;
    }
}

/// <summary>Scenario 1: GET one repository.</summary>
[MemoryDiagnoser]
public class GetRepository : HttpBenchmarkBase
{
    private static readonly string Path =
        $"repositories/{Uri.EscapeDataString(Payloads.Workspace)}/{Uri.EscapeDataString(Payloads.RepoSlug)}";

    /// <summary>Raw <see cref="HttpClient"/> and source-generated System.Text.Json.</summary>
    /// <returns>The repository.</returns>
    [Benchmark(Baseline = true)]
    public Task<Repository> RawHttpClient() => RawGetAsync(Raw, Path, BitbucketJsonContext.Default.Repository);

    /// <summary><c>IRepositoriesApi.GetAsync</c> with the default pipeline (retries on).</summary>
    /// <returns>The repository.</returns>
    [Benchmark]
    public Task<Repository> Library() => Repositories.GetAsync(Payloads.Workspace, Payloads.RepoSlug);

    /// <summary><c>IRepositoriesApi.GetAsync</c> with <c>Resilience.Enabled = false</c>.</summary>
    /// <returns>The repository.</returns>
    [Benchmark]
    public Task<Repository> LibraryNoRetries() => RepositoriesNoRetries.GetAsync(Payloads.Workspace, Payloads.RepoSlug);
}

/// <summary>Scenario 2: list the first page of 50 pull requests.</summary>
[MemoryDiagnoser]
public class ListPullRequestsPage : HttpBenchmarkBase
{

    /// <summary>Raw <see cref="HttpClient"/> and source-generated System.Text.Json.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> RawHttpClient() =>
        (await RawGetAsync(Raw, PullRequestsPath, BitbucketJsonContext.Default.PagePullRequest)).Values.Count;

    /// <summary><c>IPullRequestsApi.List(...).AsPages()</c>, first page, default pipeline.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public Task<int> Library() => FirstPageAsync(PullRequests);

    /// <summary>The same with <c>Resilience.Enabled = false</c>.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public Task<int> LibraryNoRetries() => FirstPageAsync(PullRequestsNoRetries);

    private static async Task<int> FirstPageAsync(IPullRequestsApi api)
    {
        await foreach (var page in api.List(Payloads.Workspace, Slug, options: PageOptions).AsPages())
        {
            return page.Values.Count;
        }

        return 0;
    }
}

/// <summary>Scenario 3: enumerate 10,000 pull requests over 200 pages of 50, following the absolute <c>next</c> links.</summary>
[MemoryDiagnoser]
public class EnumeratePullRequests : HttpBenchmarkBase
{

    /// <summary>Raw <see cref="HttpClient"/>: a loop over pages following <c>next</c>.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> RawHttpClient()
    {
        var count = 0;
        string? next = PullRequestsPath;
        while (next is not null)
        {
            var page = await RawGetAsync(Raw, next, BitbucketJsonContext.Default.PagePullRequest);
            foreach (var pr in page.Values)
            {
                count += pr.Id is null ? 0 : 1;
            }

            next = page.Next;
        }

        return count;
    }

    /// <summary><c>await foreach</c> over <c>IPullRequestsApi.List(...)</c>, default pipeline.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public Task<int> Library() => EnumerateAsync(PullRequests);

    /// <summary>The same with <c>Resilience.Enabled = false</c>.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public Task<int> LibraryNoRetries() => EnumerateAsync(PullRequestsNoRetries);

    private static async Task<int> EnumerateAsync(IPullRequestsApi api)
    {
        var count = 0;
        await foreach (var pr in api.List(Payloads.Workspace, Slug, options: PageOptions))
        {
            count += pr.Id is null ? 0 : 1;
        }

        return count;
    }
}
