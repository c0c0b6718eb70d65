using System.Diagnostics;
using System.Globalization;
using Bitbucket;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Benchmarks;

/// <summary>
/// Scenario 3, memory: enumerates 1,000, 10,000 and 100,000 pull requests through the library in one warmed process and
/// prints the managed heap after each run (after a full collection) and the highest heap seen between pages.
/// Run with <c>-- --memory</c>.
/// </summary>
public static class MemoryMode
{
    /// <summary>Runs the measurement and prints a Markdown table.</summary>
    /// <returns>0 when the heap after the run grew by less than 10 % from 1,000 to 100,000 items, else 1.</returns>
    public static async Task<int> RunAsync()
    {
        await using var server = await BenchServer.StartAsync();
        await using var provider = Clients.Library(server.Origin);
        var api = provider.GetRequiredService<IPullRequestsApi>();

        await EnumerateAsync(api, 1_000); // warm-up: JIT, connection, handler chain
        var rows = new List<(int Items, long After, long Peak, TimeSpan Elapsed)>();
        foreach (var items in new[] { 1_000, 10_000, 100_000 })
        {
            Collect();
            var started = Stopwatch.GetTimestamp();
            var peak = await EnumerateAsync(api, items);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var after = Collect();
            rows.Add((items, after, peak, elapsed));
        }

        Console.WriteLine("| Items | Pages | Managed heap after run (full GC) | Highest heap between pages (no GC) | Elapsed |");
        Console.WriteLine("|------:|------:|---------------------------------:|-----------------------------------:|--------:|");
        foreach (var (items, after, peak, elapsed) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {items:N0} | {items / Payloads.PageLength:N0} | {after / 1024.0:N0} KB | {peak / 1024.0:N0} KB | {elapsed.TotalSeconds:N2} s |"));
        }

        var growth = (rows[^1].After - rows[0].After) / (double)rows[0].After;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Heap after run, 100,000 vs 1,000 items: {growth:+0.0%;-0.0%}"));
        return growth < 0.10 ? 0 : 1;
    }

    private static long Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<long> EnumerateAsync(IPullRequestsApi api, int items)
    {
        var slug = "prs-" + (items / Payloads.PageLength).ToString(CultureInfo.InvariantCulture);
        long peak = 0;
        var count = 0;
        await foreach (var pr in api.List(Payloads.Workspace, slug, options: new ListOptions { PageLength = Payloads.PageLength }))
        {
            if (++count % Payloads.PageLength == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        if (count != items)
        {
            throw new InvalidOperationException($"Enumerated {count} pull requests, expected {items}.");
        }

        return peak;
    }
}
