using System.Text.Json.Nodes;

namespace Bitbucket.Refit.Generator;

/// <summary>The parts of an OpenAPI 3.0 description the generator reads: component schemas, their <c>allOf</c> chains and inline properties.</summary>
public sealed class Spec
{
    private readonly JsonObject _schemas;

    /// <summary>Initializes a new instance of the <see cref="Spec"/> class from the description's JSON.</summary>
    /// <param name="root">The parsed description.</param>
    public Spec(JsonObject root)
    {
        Root = root;
        _schemas = root["components"]?["schemas"]?.AsObject() ?? new JsonObject();
    }

    /// <summary>Gets the whole description.</summary>
    public JsonObject Root { get; }

    /// <summary>Gets the component schemas by name.</summary>
    public JsonObject Schemas => _schemas;

    /// <summary>Reads a description from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The description.</returns>
    public static Spec Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>
    /// Resolves a schema path: a component name, then property names separated by dots; a property ending in
    /// <c>[]</c> steps into its array items (<c>pullrequest.links</c>, <c>branching_model.branch_types[]</c>).
    /// </summary>
    /// <param name="path">The schema path.</param>
    /// <returns>The schema, or <see langword="null"/> when the description no longer has it.</returns>
    public JsonObject? Resolve(string path)
    {
        var parts = path.Split('.');
        var schema = Deref(_schemas[parts[0]] as JsonObject);
        foreach (var part in parts.Skip(1))
        {
            if (schema is null)
            {
                return null;
            }

            var array = part.EndsWith("[]", StringComparison.Ordinal);
            var name = array ? part[..^2] : part;
            schema = Deref(Properties(schema).GetValueOrDefault(name));
            if (array)
            {
                schema = Deref(schema?["items"] as JsonObject);
            }
        }

        return schema;
    }

    /// <summary>Follows a <c>$ref</c> to its component schema.</summary>
    /// <param name="schema">A schema, possibly a reference.</param>
    /// <returns>The referenced schema, or the schema itself.</returns>
    public JsonObject? Deref(JsonObject? schema)
    {
        var seen = 0;
        while (schema?["$ref"] is JsonValue reference && seen++ < 16)
        {
            schema = _schemas[RefName(reference.GetValue<string>())] as JsonObject;
        }

        return schema;
    }

    /// <summary>Returns the component name a <c>$ref</c> points at.</summary>
    /// <param name="reference">The reference, e.g. <c>#/components/schemas/account</c>.</param>
    /// <returns>The name.</returns>
    public static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    /// <summary>Returns every property of a schema, those it inherits through <c>allOf</c> included, in declaration order.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The properties by JSON name.</returns>
    public Dictionary<string, JsonObject> Properties(JsonObject schema)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Collect(schema, result, 0);
        return result;
    }

    private void Collect(JsonObject schema, Dictionary<string, JsonObject> into, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (var part in parts.OfType<JsonObject>())
            {
                if (part["$ref"] is JsonValue reference)
                {
                    if (_schemas[RefName(reference.GetValue<string>())] is JsonObject parent)
                    {
                        Collect(parent, into, depth + 1);
                    }
                }
                else
                {
                    Collect(part, into, depth + 1);
                }
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties)
            {
                if (value is JsonObject property)
                {
                    into[name] = property;
                }
            }
        }
    }

    /// <summary>Returns the string values of an enumeration schema (or of its array items), nulls left out.</summary>
    /// <param name="property">The property schema.</param>
    /// <returns>The values in declaration order, or <see langword="null"/> when it is not an enumeration.</returns>
    public IReadOnlyList<string>? EnumValues(JsonObject property)
    {
        var schema = Deref(property);
        if (schema?["type"]?.GetValue<string>() == "array")
        {
            schema = Deref(schema["items"] as JsonObject);
        }

        return schema?["enum"] is JsonArray values
            ? values.Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList()
            : null;
    }
}
