using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bitbucket.Sandbox.Tests.Conformance;

/// <summary>One live operation of the vendored description.</summary>
internal sealed record SpecOperation(string Method, string Template, JsonElement Operation)
{
    /// <summary>Method and template with parameter names dropped, so <c>{**name}</c> and <c>{name}</c> compare equal.</summary>
    public string Key => SpecOperations.Normalize(Method + " " + Template);

    public override string ToString() => Method + " " + Template;
}

/// <summary>Reads spec/bitbucket-cloud.openapi.json; the Issue tracker is left out (Bitbucket Issues were sunset on 2026-08-20).</summary>
internal static partial class SpecOperations
{
    public static string Root { get; } = FindRoot();

    public static string SpecPath => Path.Combine(Root, "spec", "bitbucket-cloud.openapi.json");

    public static JsonDocument Load() => JsonDocument.Parse(File.ReadAllBytes(SpecPath));

    public static List<SpecOperation> Live(JsonDocument spec)
    {
        var result = new List<SpecOperation>();
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is not ("get" or "post" or "put" or "delete" or "patch"))
                {
                    continue;
                }

                var tags = operation.Value.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()).ToList() : [];
                if (!tags.Contains("Issue tracker"))
                {
                    result.Add(new SpecOperation(operation.Name.ToUpperInvariant(), path.Name, operation.Value));
                }
            }
        }

        return result;
    }

    public static string Normalize(string operation) => Parameter().Replace(operation, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bitbucket.Refit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bitbucket.Refit.sln not found above " + AppContext.BaseDirectory);
    }
}
