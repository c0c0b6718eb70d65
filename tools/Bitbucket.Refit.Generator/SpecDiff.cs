using System.Text.Json.Nodes;

namespace Bitbucket.Refit.Generator;

/// <summary>Lists what a new description changes against the vendored one: operations, parameters, schemas and properties.</summary>
public static class SpecDiff
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Compares two descriptions.</summary>
    /// <param name="old">The vendored description.</param>
    /// <param name="new">The new description.</param>
    /// <returns>One line per change, operations first, then parameters, schemas and properties, each sorted.</returns>
    public static List<string> Compare(Spec old, Spec @new)
    {
        var lines = new List<string>();
        var oldOps = Operations(old);
        var newOps = Operations(@new);
        Keys(lines, "operation", oldOps.Keys, newOps.Keys);
        var parameters = new List<string>();
        foreach (var (op, oldOp) in oldOps)
        {
            if (!newOps.TryGetValue(op, out var newOp))
            {
                continue;
            }

            var before = Parameters(old, oldOp.Operation, oldOp.PathItem);
            var after = Parameters(@new, newOp.Operation, newOp.PathItem);
            foreach (var key in before.Keys.Except(after.Keys))
            {
                parameters.Add($"parameter removed: {op} {key}");
            }

            foreach (var key in after.Keys.Except(before.Keys))
            {
                parameters.Add($"parameter added: {op} {key}");
            }

            foreach (var key in before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]))
            {
                parameters.Add($"parameter changed: {op} {key}: {before[key]} -> {after[key]}");
            }
        }

        parameters.Sort(StringComparer.Ordinal);
        lines.AddRange(parameters);
        var oldSchemas = old.Schemas.Select(s => s.Key).ToList();
        var newSchemas = @new.Schemas.Select(s => s.Key).ToList();
        Keys(lines, "schema", oldSchemas, newSchemas);
        var properties = new List<string>();
        foreach (var name in oldSchemas.Intersect(newSchemas))
        {
            var before = Shapes(old, old.Schemas[name]!.AsObject());
            var after = Shapes(@new, @new.Schemas[name]!.AsObject());
            properties.AddRange(before.Keys.Except(after.Keys).Select(p => $"property removed: {name}.{p}"));
            properties.AddRange(after.Keys.Except(before.Keys).Select(p => $"property added: {name}.{p}"));
            properties.AddRange(before.Keys.Intersect(after.Keys).Where(p => before[p] != after[p])
                .Select(p => $"property changed: {name}.{p}: {before[p]} -> {after[p]}"));
        }

        properties.Sort(StringComparer.Ordinal);
        lines.AddRange(properties);
        return lines;
    }

    private static void Keys(List<string> lines, string kind, IEnumerable<string> before, IEnumerable<string> after)
    {
        var b = before.ToHashSet(StringComparer.Ordinal);
        var a = after.ToHashSet(StringComparer.Ordinal);
        lines.AddRange(b.Except(a).Order(StringComparer.Ordinal).Select(k => $"{kind} removed: {k}"));
        lines.AddRange(a.Except(b).Order(StringComparer.Ordinal).Select(k => $"{kind} added: {k}"));
    }

    private static Dictionary<string, (JsonObject Operation, JsonObject PathItem)> Operations(Spec spec)
    {
        var result = new Dictionary<string, (JsonObject, JsonObject)>(StringComparer.Ordinal);
        foreach (var (path, item) in spec.Root["paths"]?.AsObject() ?? [])
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                {
                    result[$"{method.ToUpperInvariant()} {path}"] = (operation, pathItem);
                }
            }
        }

        return result;
    }

    private static Dictionary<string, string> Parameters(Spec spec, JsonObject operation, JsonObject pathItem)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in new[] { pathItem["parameters"], operation["parameters"] })
        {
            foreach (var node in list as JsonArray ?? [])
            {
                var parameter = node as JsonObject;
                if (parameter?["$ref"] is JsonValue reference)
                {
                    parameter = spec.Root["components"]?["parameters"]?[Spec.RefName(reference.GetValue<string>())] as JsonObject;
                }

                if (parameter?["name"] is not JsonValue name)
                {
                    continue;
                }

                var required = parameter["required"]?.GetValue<bool>() == true ? "required " : "";
                result[$"{parameter["in"]} {name}"] = required + Shape(spec, parameter["schema"] as JsonObject);
            }
        }

        if (operation["requestBody"] is JsonObject body)
        {
            result["body"] = string.Join(",", (body["content"]?.AsObject() ?? []).Select(c => c.Key + ":" + Shape(spec, c.Value?["schema"] as JsonObject)));
        }

        return result;
    }

    private static Dictionary<string, string> Shapes(Spec spec, JsonObject schema) =>
        spec.Properties(schema).ToDictionary(p => p.Key, p => Shape(spec, p.Value), StringComparer.Ordinal);

    private static string Shape(Spec spec, JsonObject? schema)
    {
        if (schema is null)
        {
            return "any";
        }

        if (schema["$ref"] is JsonValue reference)
        {
            return Spec.RefName(reference.GetValue<string>());
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["allOf"] is not null ? "allOf" : "any");
        if (schema["format"] is JsonValue format)
        {
            type += "(" + format + ")";
        }

        if (schema["enum"] is JsonArray values)
        {
            type += "{" + string.Join("|", values.Select(v => v?.ToString() ?? "null")) + "}";
        }

        if (type == "array")
        {
            type = "array<" + Shape(spec, schema["items"] as JsonObject) + ">";
        }

        return type;
    }
}
