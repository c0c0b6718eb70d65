namespace Bitbucket.Sandbox.Internal;

/// <summary>Bitbucket's OAuth scopes and the ones each implies (a write scope implies its read scope, and so on).</summary>
internal static class Scopes
{
    private static readonly Dictionary<string, string[]> Implied = new(StringComparer.Ordinal)
    {
        ["account:write"] = ["account"],
        ["email"] = [],
        ["team:write"] = ["team"],
        ["project:admin"] = ["project:write", "project"],
        ["project:write"] = ["project"],
        ["repository:write"] = ["repository"],
        ["repository:admin"] = [],
        ["repository:delete"] = [],
        ["pullrequest"] = ["repository"],
        ["pullrequest:write"] = ["pullrequest", "repository:write", "repository"],
        ["pipeline:write"] = ["pipeline"],
        ["pipeline:variable"] = ["pipeline", "pipeline:write"],
        ["runner:write"] = ["runner"],
        ["snippet:write"] = ["snippet"],
        ["issue:write"] = ["issue"],
    };

    /// <summary>Every scope Bitbucket knows; anything else is refused with <c>invalid_scope</c>.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "account", "account:write", "email", "team", "team:write", "project", "project:write", "project:admin",
        "repository", "repository:write", "repository:admin", "repository:delete", "pullrequest", "pullrequest:write",
        "pipeline", "pipeline:write", "pipeline:variable", "runner", "runner:write", "snippet", "snippet:write",
        "issue", "issue:write", "wiki", "webhook",
    };

    public static IReadOnlySet<string> Normalize(IEnumerable<string> scopes) =>
        new SortedSet<string>(scopes.SelectMany(s => s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);

    public static IReadOnlySet<string> Parse(string? scopes) => Normalize(scopes is null ? [] : [scopes]);

    public static bool Grants(IReadOnlySet<string> granted, string required)
    {
        if (granted.Contains(required))
        {
            return true;
        }

        foreach (var scope in granted)
        {
            if (Implied.TryGetValue(scope, out var implied) && implied.Contains(required, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scopes of <paramref name="requested"/> that <paramref name="allowed"/> covers (the consumer's ceiling).</summary>
    public static IReadOnlySet<string> Restrict(IReadOnlySet<string> requested, IReadOnlySet<string> allowed) =>
        new SortedSet<string>(requested.Where(s => Grants(allowed, s)), StringComparer.Ordinal);

    public static string Format(IEnumerable<string> scopes) => string.Join(' ', scopes);
}
