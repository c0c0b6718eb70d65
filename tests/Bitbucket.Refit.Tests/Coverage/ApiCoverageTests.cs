using System.Reflection;
using System.Xml.Linq;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Coverage;

/// <summary>
/// Checks the library against Atlassian's OpenAPI description: every live operation has a Refit method, every Refit
/// method has an operation, and deprecation in the spec matches <see cref="ObsoleteAttribute"/> on the methods.
/// The "Issue tracker" operations are left out: Atlassian sunset Bitbucket Issues on 2026-08-20.
/// </summary>
public sealed class ApiCoverageTests
{
    private const int LiveOperations = 298;

    [Test]
    public void EveryOperationHasAMethodAndEveryMethodAnOperation()
    {
        var operations = ApiSurface.ReadSpecOperations(RepositoryPaths.RequireSpec(), out var excluded);
        var routes = ApiSurface.ReadRefitRoutes();
        var routeKeys = routes.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var operationKeys = operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);

        var withoutMethod = operations.Where(o => !routeKeys.Contains(o.Key)).ToList();
        var withoutOperation = routes.Where(r => !operationKeys.Contains(r.Key)).ToList();
        var covered = operations.Count - withoutMethod.Count;

        TestContext.Out.WriteLine(ApiSurface.ExclusionReason + $" ({excluded} operations excluded.)");
        TestContext.Out.WriteLine($"Operations covered: {covered} / {operations.Count}");
        TestContext.Out.WriteLine($"Refit methods: {routes.Count} in {ApiSurface.ApiInterfaces().Count} interfaces; " +
            $"without an operation: {withoutOperation.Count}");

        Assert.Multiple(() =>
        {
            Assert.That(withoutMethod.Select(o => o.ToString()), Is.Empty,
                "Spec operations without a Refit method:\n  " + string.Join("\n  ", withoutMethod));
            Assert.That(withoutOperation.Select(r => r.ToString()), Is.Empty,
                "Refit methods whose route is not in the spec:\n  " + string.Join("\n  ", withoutOperation));
            Assert.That(operations, Has.Count.EqualTo(LiveOperations),
                "The spec's live operation count changed; update the README table and this figure.");
        });
    }

    [Test]
    public void DeprecationInTheSpecMatchesObsoleteOnTheMethods()
    {
        var operations = ApiSurface.ReadSpecOperations(RepositoryPaths.RequireSpec(), out _);
        var routes = ApiSurface.ReadRefitRoutes();
        var docs = LoadXmlDocs();
        var failures = new List<string>();
        var deprecatedCount = 0;

        foreach (var operation in operations)
        {
            foreach (var route in routes.Where(r => r.Key == operation.Key))
            {
                var obsolete = route.Method.GetCustomAttribute<ObsoleteAttribute>();
                if (operation.Deprecated)
                {
                    deprecatedCount++;
                    if (obsolete is null)
                    {
                        failures.Add($"{route.Name} ({operation}) is deprecated in the spec but has no [Obsolete].");
                    }
                    else if (string.IsNullOrWhiteSpace(obsolete.Message)
                             || !(obsolete.Message.Contains("use ", StringComparison.OrdinalIgnoreCase)
                                  || obsolete.Message.Contains("no replacement", StringComparison.OrdinalIgnoreCase)))
                    {
                        // The message names the replacement ("… use X instead."), or says plainly that Bitbucket names none.
                        failures.Add($"{route.Name} ({operation}) is [Obsolete] without a message naming a replacement (\"… use X instead.\" or \"… no replacement …\"): \"{obsolete.Message}\".");
                    }
                }
                else if (obsolete is not null && !DocExplainsObsolete(docs, route.Method))
                {
                    failures.Add($"{route.Name} ({operation}) is [Obsolete] although the spec does not deprecate it, " +
                        "and its XML doc does not say why (mention the deprecation or retirement in <summary> or <remarks>).");
                }
            }
        }

        TestContext.Out.WriteLine($"Deprecated operations in the spec: {operations.Count(o => o.Deprecated)}; " +
            $"methods checked for them: {deprecatedCount}; problems: {failures.Count}");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, "Deprecation mismatches:\n  " + string.Join("\n  ", failures));
            Assert.That(deprecatedCount, Is.GreaterThan(0), "No method of a deprecated operation was found.");
        });
    }

    private static XDocument? LoadXmlDocs()
    {
        var assembly = typeof(Bitbucket.IUsersApi).Assembly;
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        return File.Exists(xml) ? XDocument.Load(xml) : null;
    }

    private static bool DocExplainsObsolete(XDocument? docs, MethodInfo method)
    {
        Assert.That(docs, Is.Not.Null, "Bitbucket.Refit.xml (the XML documentation) is not beside the library; it is needed to check why a method is obsolete.");
        var prefix = $"M:{method.DeclaringType!.FullName}.{method.Name}";
        var text = string.Join(" ", docs!.Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith(prefix + "(", StringComparison.Ordinal) == true
                        || (string?)m.Attribute("name") == prefix)
            .SelectMany(m => m.Elements("summary").Concat(m.Elements("remarks")))
            .Select(e => e.Value));
        string[] words = ["deprecat", "obsolete", "retire", "sunset", "410", "gone", "removed"];
        return words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
