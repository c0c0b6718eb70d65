using System.Diagnostics;
using Bitbucket.Refit.Sandbox.Tests.Infrastructure;

namespace Bitbucket.Refit.Sandbox.Tests;

/// <summary>Start-up time and memory of the sandbox, printed for the record (no timing is asserted).</summary>
public sealed class FiguresTests
{
    [Test]
    public async Task StartupTimeMemoryAndOperations_ArePrinted()
    {
        var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var stopwatch = Stopwatch.StartNew();
        await using var first = await BitbucketSandbox.StartAsync();
        var firstWall = stopwatch.Elapsed;
        using (var services = SandboxClients.Create(first, b => b.AsUser(first.Seed.User)))
        {
            stopwatch.Restart();
            await services.Client().Users.GetCurrentAsync();
            var firstRequest = stopwatch.Elapsed;
            stopwatch.Restart();
            await services.Client().Users.GetCurrentAsync();
            var secondRequest = stopwatch.Elapsed;
            TestContext.Out.WriteLine($"first request {firstRequest.TotalMilliseconds:F1} ms, second {secondRequest.TotalMilliseconds:F1} ms (client and server warm-up included)");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        process.Refresh();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = process.WorkingSet64;

        var warm = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            stopwatch.Restart();
            await using var again = await BitbucketSandbox.StartAsync();
            warm.Add(stopwatch.Elapsed);
        }

        TestContext.Out.WriteLine($"cold start (first sandbox in the process): {firstWall.TotalMilliseconds:F0} ms (StartupTime {first.StartupTime.TotalMilliseconds:F0} ms)");
        TestContext.Out.WriteLine($"warm starts: {string.Join(", ", warm.Select(w => w.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        TestContext.Out.WriteLine($"managed heap after start and one request: +{(heapAfter - heapBefore) / 1024.0 / 1024.0:F1} MiB (total {heapAfter / 1024.0 / 1024.0:F1} MiB)");
        TestContext.Out.WriteLine($"working set: {workingSetBefore / 1024.0 / 1024.0:F0} MiB before, {workingSetAfter / 1024.0 / 1024.0:F0} MiB after (+{(workingSetAfter - workingSetBefore) / 1024.0 / 1024.0:F0} MiB)");
        TestContext.Out.WriteLine($"stateful API operations served: {first.Operations.Count}, plus 9 OAuth endpoints");
        foreach (var operation in first.Operations)
        {
            TestContext.Out.WriteLine("  " + operation);
        }

        Assert.That(first.Operations, Has.Count.GreaterThan(50));
    }
}
