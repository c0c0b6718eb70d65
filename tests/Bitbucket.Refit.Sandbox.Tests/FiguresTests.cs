using System.Diagnostics;
using System.Globalization;
using Bitbucket.Sandbox.Tests.Infrastructure;

namespace Bitbucket.Sandbox.Tests;

/// <summary>Start-up time and memory of the sandbox, printed for the record (no timing is asserted).</summary>
public sealed class FiguresTests
{
    [Test]
    public async Task StartupTimeMemoryAndOperations_ArePrinted()
    {
        var process = Process.GetCurrentProcess();
        var (heapBefore, workingSetBefore) = Measure(process);

        var stopwatch = Stopwatch.StartNew();
        await using var first = await BitbucketSandbox.StartAsync();
        var coldStart = stopwatch.Elapsed;
        var (heapStarted, workingSetStarted) = Measure(process);

        TimeSpan rawFirst;
        using (var raw = new HttpClient())
        {
            var user = first.Seed.User;
            raw.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user.Email + ":" + user.ApiToken)));
            stopwatch.Restart();
            using var response = await raw.GetAsync(new Uri(first.ApiBaseAddress, "user"));
            rawFirst = stopwatch.Elapsed;
            Assert.That(response.IsSuccessStatusCode, Is.True);
        }

        TimeSpan firstRequest;
        TimeSpan secondRequest;
        using (var services = SandboxClients.Create(first, b => b.AsUser(first.Seed.User)))
        {
            stopwatch.Restart();
            await services.Client().Users.GetCurrentAsync();
            firstRequest = stopwatch.Elapsed;
            stopwatch.Restart();
            await services.Client().Users.GetCurrentAsync();
            secondRequest = stopwatch.Elapsed;
        }

        var (heapServed, workingSetServed) = Measure(process);
        var warm = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            stopwatch.Restart();
            await using var again = await BitbucketSandbox.StartAsync();
            warm.Add(stopwatch.Elapsed);
        }

        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
        static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
        TestContext.Out.WriteLine($"cold start (first sandbox in the process, JIT included): {Ms(coldStart)} (StartupTime {Ms(first.StartupTime)})");
        TestContext.Out.WriteLine($"warm starts (later sandboxes): {string.Join(", ", warm.Select(Ms))}");
        TestContext.Out.WriteLine($"first request with a bare HttpClient (server warm-up): {Ms(rawFirst)}");
        TestContext.Out.WriteLine($"first request through AddBitbucket (client and server JIT): {Ms(firstRequest)}, second: {Ms(secondRequest)}");
        TestContext.Out.WriteLine($"GC heap: {MiB(heapBefore)} before, {MiB(heapStarted)} after start (+{MiB(heapStarted - heapBefore)}), {MiB(heapServed)} after requests");
        TestContext.Out.WriteLine($"working set: {MiB(workingSetBefore)} before, {MiB(workingSetStarted)} after start (+{MiB(workingSetStarted - workingSetBefore)}), {MiB(workingSetServed)} after requests");
        TestContext.Out.WriteLine($"API operations served: {first.Operations.Count} (plus 9 OAuth 1/OAuth 2 endpoints)");
        foreach (var operation in first.Operations)
        {
            TestContext.Out.WriteLine("  " + operation);
        }

        Assert.That(first.Operations, Has.Count.GreaterThan(50));
    }

    private static (long Heap, long WorkingSet) Measure(Process process)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        process.Refresh();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
