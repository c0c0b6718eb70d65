using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bitbucket;
using Refit;

namespace Bitbucket.Tests.Coverage;

/// <summary>One operation of the OpenAPI description: method, path as written, first tag and whether it is deprecated.</summary>
internal sealed record SpecOperation(string Method, string Path, string Tag, bool Deprecated)
{
    public string Key => ApiSurface.Key(Method, Path);

    public override string ToString() => $"{Method} {Path} [{Tag}]";
}

/// <summary>One Refit method of the library: its interface, the method and its route.</summary>
internal sealed record RefitRoute(Type Interface, MethodInfo Method, string HttpMethod, string Path)
{
    public string Key => ApiSurface.Key(HttpMethod, Path);

    public string Name => $"{Interface.Name}.{Method.Name}";

    public override string ToString() => $"{Name} -> {HttpMethod} {Path}";
}

/// <summary>Reads the spec's operations and the library's Refit routes, and matches them on a normalised key.</summary>
internal static partial class ApiSurface
{
    /// <summary>
    /// Atlassian sunset Bitbucket Issues on 2026-08-20: the spec still describes the 33 operations of the
    /// "Issue tracker" tag, but they are gone from the service, so the library deliberately has no methods for them.
    /// </summary>
    public const string ExcludedTag = "Issue tracker";

    public const string ExclusionReason =
        "Operations tagged \"Issue tracker\" are left out: Atlassian sunset Bitbucket Issues on 2026-08-20.";

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static IReadOnlyList<SpecOperation> ReadSpecOperations(string specPath, out int excluded)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(specPath));
        var operations = new List<SpecOperation>();
        excluded = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var member in path.Value.EnumerateObject())
            {
                if (!HttpMethods.Contains(member.Name, StringComparer.Ordinal))
                {
                    continue; // "parameters", "summary", "servers" …
                }

                var tag = member.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0
                    ? tags[0].GetString() ?? ""
                    : "";
                if (tag == ExcludedTag)
                {
                    excluded++;
                    continue;
                }

                var deprecated = member.Value.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True;
                operations.Add(new SpecOperation(member.Name.ToUpperInvariant(), path.Name, tag, deprecated));
            }
        }

        return operations;
    }

    /// <summary>The public interfaces of namespace <c>Bitbucket</c>.</summary>
    public static IReadOnlyList<Type> ApiInterfaces() =>
        typeof(IUsersApi).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(IUsersApi).Namespace && t.Name.EndsWith("Api", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every method carrying a Refit HTTP method attribute, over all API interfaces: the public interface's own, and
    /// for its list methods those of the internal <c>I…ApiClient</c> interface that carries their routes.
    /// </summary>
    public static IReadOnlyList<RefitRoute> ReadRefitRoutes() =>
        ApiInterfaces()
            .SelectMany(i => RouteCarriers(i)
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Select(m => (Method: m, Attribute: m.GetCustomAttribute<HttpMethodAttribute>(inherit: true)))
                .Where(x => x.Attribute is not null)
                .Select(x => new RefitRoute(i, x.Method, x.Attribute!.Method.Method.ToUpperInvariant(), x.Attribute.Path)))
            .ToList();

    private static IEnumerable<Type> RouteCarriers(Type api)
    {
        yield return api;
        if (api.Assembly.GetType(api.FullName + "Client") is { IsInterface: true } client && client.IsAssignableTo(api))
        {
            yield return client;
        }
    }

    /// <summary>
    /// The comparison key: upper-case method, path without query string, every <c>{name}</c> (Refit's
    /// <c>{**path}</c> included) as <c>{}</c>, and no trailing slash (the pipelines run method deliberately posts to
    /// <c>…/pipelines/</c>).
    /// </summary>
    public static string Key(string method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        path = Parameter().Replace(path, "{}");
        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        return method.ToUpperInvariant() + " " + path;
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Parameter();
}
