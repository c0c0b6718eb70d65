using System.Globalization;
using System.Text;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Coverage;

/// <summary>
/// Keeps the README's table of API groups in step with the code: the table is computed from the spec (first tag of
/// each live operation) and by reflection (the interface holding its methods, the <see cref="IBitbucketClient"/>
/// property of that interface). Set <c>UPDATE_README=1</c> to rewrite README.md, then run again.
/// </summary>
public sealed class ReadmeTableTests
{
    private const string StartMarker = "<!-- api-table:start -->";
    private const string EndMarker = "<!-- api-table:end -->";

    [Test]
    public void ReadmeContainsTheGeneratedApiTable()
    {
        var expected = BuildTable(RepositoryPaths.RequireSpec());
        var readmePath = Path.Combine(RepositoryPaths.Root, "README.md");
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(readmePath, WithTable(readme, expected));
            TestContext.Out.WriteLine($"UPDATE_README=1: rewrote {readmePath}; run again without it to check.");
        }

        var start = readme.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True,
            $"README.md has no {StartMarker} … {EndMarker} section. Add this under \"## API groups\" " +
            $"(or run with UPDATE_README=1):\n\n{StartMarker}\n{expected}{EndMarker}\n");

        var actual = readme[(start + StartMarker.Length)..end].Trim('\n') + "\n";
        Assert.That(actual, Is.EqualTo(expected),
            $"The API table in README.md is out of date. Paste this between the markers (or run with UPDATE_README=1):\n\n{expected}");
    }

    /// <summary>The Markdown table: one row per (first tag, interface), most operations first, and the total.</summary>
    internal static string BuildTable(string specPath)
    {
        var operations = ApiSurface.ReadSpecOperations(specPath, out _);
        var routes = ApiSurface.ReadRefitRoutes();
        var properties = typeof(IBitbucketClient).GetProperties()
            .GroupBy(p => p.PropertyType)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p.Name).Order(StringComparer.Ordinal)));

        var rows = operations
            .SelectMany(o =>
            {
                var interfaces = routes.Where(r => r.Key == o.Key).Select(r => r.Interface).Distinct().ToList();
                return interfaces.Count == 0
                    ? [(o.Tag, Interface: (Type?)null, o.Key)]
                    : interfaces.Select(i => (o.Tag, Interface: (Type?)i, o.Key));
            })
            .GroupBy(x => (x.Tag, x.Interface))
            .Select(g => (g.Key.Tag, g.Key.Interface, Count: g.Select(x => x.Key).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Tag, StringComparer.Ordinal)
            .ThenBy(r => r.Interface?.Name, StringComparer.Ordinal)
            .ToList();

        var table = new StringBuilder();
        table.Append("| Group (spec tag) | Interface | `IBitbucketClient` property | Operations |\n");
        table.Append("|---|---|---|---:|\n");
        foreach (var (tag, type, count) in rows)
        {
            var name = type is null ? "(none)" : $"`{type.Name}`";
            var property = type is not null && properties.TryGetValue(type, out var p) ? $"`{p}`" : "(none)";
            table.Append(CultureInfo.InvariantCulture, $"| {tag} | {name} | {property} | {count} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"| **Total** | | | **{operations.Count}** |\n");
        return table.ToString();
    }

    private static string WithTable(string readme, string table)
    {
        var block = $"{StartMarker}\n{table}{EndMarker}";
        var start = readme.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            return readme[..start] + block + readme[(end + EndMarker.Length)..];
        }

        return readme.TrimEnd('\n') + "\n\n## API groups\n\n" +
            "Every live operation of Atlassian's OpenAPI description (the Issue tracker excepted: Atlassian sunset " +
            "Bitbucket Issues on 2026-08-20), by the spec's first tag, with the interface that holds its methods and " +
            "the `IBitbucketClient` property that returns it. `ReadmeTableTests` generates and checks this table " +
            "(`UPDATE_README=1 dotnet test --filter ReadmeTableTests` rewrites it).\n\n" + block + "\n";
    }
}
