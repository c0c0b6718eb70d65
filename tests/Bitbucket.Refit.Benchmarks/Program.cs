using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Bitbucket.Benchmarks;

if (args.Contains("--memory"))
{
    return await MemoryMode.RunAsync();
}

if (args.Contains("--alloc"))
{
    return await AllocationMode.RunAsync();
}

// One server for the whole run, outside the measured processes: its allocations are nobody's.
await using var server = await BenchServer.StartAsync();
Environment.SetEnvironmentVariable(BenchServer.EnvironmentVariable, server.Origin);

// The machine is shared: building the generated boilerplate can take longer than BenchmarkDotNet's default 2 minutes.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(BenchServer).Assembly).Run(args, config);
return 0;
