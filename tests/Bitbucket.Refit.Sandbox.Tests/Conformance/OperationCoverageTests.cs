namespace Bitbucket.Sandbox.Tests.Conformance;

/// <summary><see cref="BitbucketSandbox.Operations"/> routes every live operation of the description, and nothing else.</summary>
public sealed class OperationCoverageTests
{
    private const int LiveOperations = 298;

    [Test]
    public async Task EveryLiveOperationIsRouted()
    {
        using var spec = SpecOperations.Load();
        var operations = SpecOperations.Live(spec);
        await using var sandbox = await BitbucketSandbox.StartAsync();
        var routed = sandbox.Operations.Select(SpecOperations.Normalize).ToHashSet(StringComparer.Ordinal);
        var described = operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);

        var unrouted = operations.Where(o => !routed.Contains(o.Key)).Select(o => o.ToString()).ToList();
        var unknown = sandbox.Operations.Where(o => !described.Contains(SpecOperations.Normalize(o))).ToList();
        TestContext.Out.WriteLine($"operations routed: {operations.Count - unrouted.Count} of {operations.Count}");

        Assert.Multiple(() =>
        {
            Assert.That(operations, Has.Count.EqualTo(LiveOperations), "the description's live operation count changed");
            Assert.That(unrouted, Is.Empty, "operations of the description the sandbox does not route:\n  " + string.Join("\n  ", unrouted));
            Assert.That(unknown, Is.Empty, "routes that are not operations of the description:\n  " + string.Join("\n  ", unknown));
            Assert.That(sandbox.Operations, Is.Unique);
        });
    }
}
