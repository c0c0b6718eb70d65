using System.Text.RegularExpressions;

namespace Bitbucket.Docs.Tests;

/// <summary>
/// The README's guarantees name the tests that prove them (`Some_Test_Name`): every such name must be a test method
/// in the repository's test projects, so a renamed or deleted test cannot leave a claim without its proof.
/// </summary>
public sealed partial class ReadmeTestNamesTests
{
    [Test]
    public void EveryTestTheReadmeNames_Exists()
    {
        var root = ReadmeSnippetsTests.FindRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var named = TestName().Matches(readme).Select(m => m.Groups[1].Value).Distinct().ToList();
        var sources = string.Join('\n', Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        Assert.Multiple(() =>
        {
            Assert.That(named, Has.Count.GreaterThanOrEqualTo(10), "the README names the tests behind its security and reliability claims");
            foreach (var name in named)
            {
                Assert.That(Regex.IsMatch(sources, $@"\b(?:void|Task|class)\s+{Regex.Escape(name)}\b"), Is.True, $"README names `{name}`, which is no test method or class");
            }
        });
    }

    /// <summary>A back-quoted identifier with at least two underscores (test names), or a *Tests class name.</summary>
    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){2,}|[A-Z][A-Za-z0-9]*Tests)`")]
    private static partial Regex TestName();
}
