using BenchmarkDotNet.Running;
using Bitbucket.Refit.Benchmarks;

if (args.Contains("--memory"))
{
    return await MemoryMode.RunAsync();
}

// One server for the whole run, outside the measured processes: its allocations are nobody's.
await using var server = await BenchServer.StartAsync();
Environment.SetEnvironmentVariable(BenchServer.EnvironmentVariable, server.Origin);
BenchmarkSwitcher.FromAssembly(typeof(BenchServer).Assembly).Run(args);
return 0;
