using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bitbucket;
using Bitbucket.Serialization;

namespace Bitbucket.Benchmarks;

/// <summary>
/// Not a target: where the time and bytes of scenario 2 go. Reading variants of the raw baseline, and the Refit client
/// over the raw <see cref="HttpClient"/> without any of the library's handlers.
/// </summary>
[MemoryDiagnoser]
public class PageBreakdown : HttpBenchmarkBase
{

    /// <summary>Streamed read (the baseline of scenario 2).</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> RawStreamed() =>
        (await RawGetAsync(Raw, PullRequestsPath, BitbucketJsonContext.Default.PagePullRequest)).Values.Count;

    /// <summary>Body buffered by <see cref="HttpCompletionOption.ResponseContentRead"/>, then deserialized.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> RawBuffered()
    {
        using var response = await Raw.GetAsync(PullRequestsPath);
        return (await response.Content.ReadFromJsonAsync(BitbucketJsonContext.Default.PagePullRequest))!.Values.Count;
    }

    /// <summary>Body read into a string, then deserialized.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> RawString() =>
        JsonSerializer.Deserialize(await Raw.GetStringAsync(PullRequestsPath), BitbucketJsonContext.Default.PagePullRequest)!.Values.Count;

    /// <summary>The generated Refit client with the library's settings over the raw client: no library handler.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> RefitWithoutHandlers()
    {
        await foreach (var page in Bare.List(Payloads.Workspace, Slug, options: PageOptions).AsPages())
        {
            return page.Values.Count;
        }

        return 0;
    }
}

/// <summary>
/// Not a target: where the time and bytes of scenario 3 go. The raw loop reading each page buffered (as Refit does), and
/// the Refit client over the raw <see cref="HttpClient"/> without any of the library's handlers.
/// </summary>
[MemoryDiagnoser]
public class EnumerateBreakdown : HttpBenchmarkBase
{

    /// <summary>Streamed read of each page (the baseline of scenario 3).</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> RawStreamed()
    {
        var count = 0;
        string? next = PullRequestsPath;
        while (next is not null)
        {
            var page = await RawGetAsync(Raw, next, BitbucketJsonContext.Default.PagePullRequest);
            count += page.Values.Count;
            next = page.Next;
        }

        return count;
    }

    /// <summary>Each page buffered by <see cref="HttpCompletionOption.ResponseContentRead"/>, then deserialized.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> RawBuffered()
    {
        var count = 0;
        string? next = PullRequestsPath;
        while (next is not null)
        {
            using var response = await Raw.GetAsync(next);
            var page = (await response.Content.ReadFromJsonAsync(BitbucketJsonContext.Default.PagePullRequest))!;
            count += page.Values.Count;
            next = page.Next;
        }

        return count;
    }

    /// <summary>The generated Refit client with the library's settings over the raw client: no library handler.</summary>
    /// <returns>The number of pull requests.</returns>
    [Benchmark]
    public async Task<int> RefitWithoutHandlers()
    {
        var count = 0;
        await foreach (var pr in Bare.List(Payloads.Workspace, Slug, options: PageOptions))
        {
            count += pr.Id is null ? 0 : 1;
        }

        return count;
    }
}
