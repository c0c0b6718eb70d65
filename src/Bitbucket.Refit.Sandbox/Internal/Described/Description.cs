using System.Text.Json;

namespace Bitbucket.Sandbox.Internal.Described;

/// <summary>What the vendored OpenAPI description says about one operation's success answer and its scope.</summary>
/// <param name="Status">The lowest 2xx/3xx status the description lists.</param>
/// <param name="Schema">The JSON schema of that answer, or <see langword="null"/> when it has no JSON body.</param>
/// <param name="Scope">The first OAuth 2 scope the operation requires, if any.</param>
internal sealed record DescribedOperation(int Status, JsonElement? Schema, string? Scope)
{
    /// <summary>Gets a value indicating whether the answer is a Bitbucket page (<c>values</c>, <c>next</c> …).</summary>
    public bool IsPage(Description description) =>
        Schema is { } schema && description.Resolve(schema) is { } resolved
        && resolved.TryGetProperty("properties", out var properties) && properties.TryGetProperty("values", out _);
}

/// <summary>
/// The vendored <c>spec/bitbucket-cloud.openapi.json</c>, embedded in the assembly and parsed on the first request
/// that needs it (not at start-up), for the operations the sandbox answers from the description.
/// </summary>
internal sealed class Description
{
    private static readonly Lazy<Description> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly JsonDocument _document;
    private readonly Dictionary<string, DescribedOperation> _operations = new(StringComparer.Ordinal);

    private Description(JsonDocument document)
    {
        _document = document;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "get" or "post" or "put" or "delete" or "patch")
                {
                    _operations[Key(operation.Name.ToUpperInvariant(), path.Name)] = Read(operation.Value);
                }
            }
        }
    }

    /// <summary>Gets the parsed description (shared by every sandbox in the process; it is read-only).</summary>
    public static Description Instance => Shared.Value;

    public JsonElement Schemas => _document.RootElement.GetProperty("components").GetProperty("schemas");

    public static string Key(string method, string template) => method + " " + template;

    public DescribedOperation? Find(string method, string template) => _operations.GetValueOrDefault(Key(method, template));

    /// <summary>Follows a <c>$ref</c> to <c>#/components/schemas/…</c>.</summary>
    public JsonElement Resolve(JsonElement schema) => Resolve(schema, out _);

    public JsonElement Resolve(JsonElement schema, out string? name)
    {
        name = null;
        var guard = 0;
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && guard++ < 16)
        {
            name = reference.GetString()!.Split('/')[^1];
            schema = Schemas.GetProperty(name);
        }

        return schema;
    }

    private static Description Load()
    {
        using var stream = typeof(Description).Assembly.GetManifestResourceStream("Bitbucket.Sandbox.openapi.json")
                           ?? throw new InvalidOperationException("The embedded OpenAPI description is missing from the sandbox assembly.");
        return new Description(JsonDocument.Parse(stream));
    }

    private static DescribedOperation Read(JsonElement operation)
    {
        string? scope = null;
        if (operation.TryGetProperty("security", out var security))
        {
            foreach (var requirement in security.EnumerateArray())
            {
                if (requirement.TryGetProperty("oauth2", out var scopes) && scopes.GetArrayLength() > 0)
                {
                    scope = scopes[0].GetString();
                    break;
                }
            }
        }

        var status = 200;
        JsonElement? schema = null;
        if (operation.TryGetProperty("responses", out var responses))
        {
            var success = responses.EnumerateObject()
                .Where(r => r.Name.Length == 3 && r.Name[0] is '2' or '3')
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (success.Value.ValueKind == JsonValueKind.Object)
            {
                status = int.Parse(success.Name, System.Globalization.CultureInfo.InvariantCulture);
                if (success.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var s))
                {
                    schema = s.Clone();
                }
            }
        }

        return new DescribedOperation(status, schema, scope);
    }
}
