using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitbucket.Sandbox.Internal.Described;

/// <summary>
/// Builds a JSON value that satisfies a schema of the description: every required property, the top level's optional
/// ones, <c>type</c> set to the schema's name (Bitbucket's convention), enum values, formats and bounds respected.
/// </summary>
internal sealed class SchemaSample(Description description, DateTimeOffset now, string host)
{
    private const int MaxDepth = 6;

    public JsonNode? Build(JsonElement schema) => Build(schema, null, 0, []);

    private JsonNode? Build(JsonElement schema, string? typeName, int depth, HashSet<string> stack)
    {
        schema = description.Resolve(schema, out var name);
        typeName = name ?? typeName;
        if (name is not null && !stack.Add(name))
        {
            return new JsonObject { ["type"] = name };
        }

        try
        {
            if (schema.TryGetProperty("allOf", out var allOf))
            {
                var merged = new JsonObject();
                foreach (var part in allOf.EnumerateArray())
                {
                    if (Build(part, typeName, depth, stack) is JsonObject partObject)
                    {
                        foreach (var (key, value) in partObject.ToList())
                        {
                            partObject.Remove(key);
                            merged[key] = value;
                        }
                    }
                }

                if (merged.ContainsKey("type") && typeName is not null && merged["type"]?.GetValueKind() == JsonValueKind.String && merged["type"]!.GetValue<string>() == "object")
                {
                    merged["type"] = typeName;
                }

                return merged;
            }

            if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            {
                return Build(oneOf[0], typeName, depth, stack);
            }

            if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            {
                return JsonNode.Parse(values[0].GetRawText());
            }

            var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is null && schema.TryGetProperty("properties", out _))
            {
                type = "object";
            }

            return type switch
            {
                "object" => Object(schema, typeName, depth, stack),
                "array" => Array(schema, typeName, depth, stack),
                "string" => String(schema, typeName),
                "integer" => Number(schema, integer: true),
                "number" => Number(schema, integer: false),
                "boolean" => JsonValue.Create(false),
                _ => new JsonObject(),
            };
        }
        finally
        {
            if (name is not null)
            {
                stack.Remove(name);
            }
        }
    }

    private JsonObject Object(JsonElement schema, string? typeName, int depth, HashSet<string> stack)
    {
        var result = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return result;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var property in properties.EnumerateObject())
        {
            var isRequired = required.Contains(property.Name);
            if (!isRequired && depth >= MaxDepth)
            {
                continue;
            }

            var resolved = description.Resolve(property.Value, out var refName);
            var composite = refName is not null || resolved.TryGetProperty("allOf", out _) || resolved.TryGetProperty("properties", out _)
                            || (resolved.TryGetProperty("type", out var pt) && pt.GetString() is "object" or "array");
            if (!isRequired && depth > 0 && composite && property.Name != "links")
            {
                continue;
            }

            if (property.Name == "type" && !resolved.TryGetProperty("enum", out _) && resolved.TryGetProperty("type", out var tt) && tt.GetString() == "string")
            {
                result["type"] = typeName ?? "object";
                continue;
            }

            result[property.Name] = Build(property.Value, null, depth + 1, stack);
        }

        return result;
    }

    private JsonArray Array(JsonElement schema, string? typeName, int depth, HashSet<string> stack)
    {
        var result = new JsonArray();
        var min = schema.TryGetProperty("minItems", out var m) ? m.GetInt32() : 0;
        if (schema.TryGetProperty("items", out var items))
        {
            for (var i = 0; i < min; i++)
            {
                result.Add(Build(items, typeName, depth + 1, stack));
            }
        }

        return result;
    }

    private JsonValue String(JsonElement schema, string? typeName)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var pattern = schema.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        string value = format switch
        {
            "date-time" => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture),
            "date" => now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "uri" or "url" => "http://" + host + "/",
            "email" => "ada@example.com",
            "uuid" => Guid.Empty.ToString(),
            _ when pattern is not null && pattern.Contains("0-9a-f", StringComparison.Ordinal) => new string('a', 40),
            _ => typeName ?? "sandbox",
        };
        if (schema.TryGetProperty("maxLength", out var max) && value.Length > max.GetInt32())
        {
            value = value[..max.GetInt32()];
        }

        return JsonValue.Create(value);
    }

    private static JsonValue Number(JsonElement schema, bool integer)
    {
        var value = 1.0;
        if (schema.TryGetProperty("minimum", out var min) && value < min.GetDouble())
        {
            value = min.GetDouble();
        }

        if (schema.TryGetProperty("maximum", out var max) && value > max.GetDouble())
        {
            value = max.GetDouble();
        }

        return integer ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }
}
