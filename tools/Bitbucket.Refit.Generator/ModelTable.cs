using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Refit.Generator;

/// <summary>
/// spec/models.json: the reviewed table of hand decisions the description cannot carry: which C# type a schema becomes
/// and in which file, the names, types and documentation of its properties, the spec properties left out on purpose,
/// and the properties declared by hand (<c>"from": null</c>) because the description lacks them.
/// </summary>
public sealed class ModelTable
{
    /// <summary>Gets the generated files, each with the types it holds.</summary>
    public List<ModelFile> Files { get; init; } = [];

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Reads a table from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    public static ModelTable Load(string path) =>
        JsonSerializer.Deserialize<ModelTable>(File.ReadAllText(path), Options) ?? new ModelTable();
}

/// <summary>One generated file (path relative to src/Bitbucket.Refit/Models).</summary>
public sealed class ModelFile
{
    /// <summary>Gets the path of the file, relative to the models folder.</summary>
    public string Path { get; init; } = "";

    /// <summary>Gets why the file's types differ from the description, if they do.</summary>
    public string? Note { get; init; }

    /// <summary>Gets the types, in file order.</summary>
    public List<TypeEntry> Types { get; init; } = [];
}

/// <summary>A record (<see cref="Record"/>) or an enum-like struct (<see cref="Enum"/>).</summary>
public sealed class TypeEntry
{
    /// <summary>Gets the record's name.</summary>
    public string? Record { get; init; }

    /// <summary>Gets the enum-like struct's name.</summary>
    public string? Enum { get; init; }

    /// <summary>Gets the schema paths whose properties the record has (a component, then <c>.property</c> or <c>.property[]</c> steps).</summary>
    public List<string>? Schemas { get; init; }

    /// <summary>Gets a value indicating whether the record is sealed.</summary>
    public bool Sealed { get; init; } = true;

    /// <summary>Gets the base record.</summary>
    public string? Base { get; init; }

    /// <summary>Gets the documentation lines (and type attributes) above the declaration.</summary>
    public List<string> Doc { get; init; } = [];

    /// <summary>Gets the record's properties in order.</summary>
    public List<PropertyEntry> Properties { get; init; } = [];

    /// <summary>Gets a value indicating whether the record keeps unknown fields.</summary>
    public bool ExtensionData { get; init; } = true;

    /// <summary>Gets a value indicating whether the record prints its members itself (to mask secrets).</summary>
    public bool PrintMembers { get; init; }

    /// <summary>Gets a value indicating whether the record has no body (<c>record X : Base;</c>).</summary>
    public bool Empty { get; init; }

    /// <summary>Gets the JSON names of spec properties left out on purpose.</summary>
    public List<string>? Ignore { get; init; }

    /// <summary>Gets a value indicating whether the struct is <see cref="IFormattable"/> (a query value).</summary>
    public bool Formattable { get; init; }

    /// <summary>Gets a value indicating whether the struct is sent (documented as "expects") rather than received.</summary>
    public bool Expects { get; init; }

    /// <summary>Gets the struct's known values (member names and documentation for the spec's values).</summary>
    public List<EnumValue> Values { get; init; } = [];

    /// <summary>Gets the spec properties (<c>schema-path#property</c>) whose enumerations the struct's values are.</summary>
    public List<string>? From { get; init; }
}

/// <summary>A property of a record.</summary>
public sealed class PropertyEntry
{
    /// <summary>Gets the C# name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Gets the JSON name.</summary>
    public string Json { get; init; } = "";

    /// <summary>Gets the C# type.</summary>
    public string Type { get; init; } = "";

    /// <summary>Gets the schema path that declares the property, or <see langword="null"/> for a property declared by hand.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? From { get; init; }

    /// <summary>Gets the documentation lines and attributes above the property.</summary>
    public List<string> Doc { get; init; } = [];

    /// <summary>Gets the expression <c>PrintMembers</c> prints instead of the value (a mask).</summary>
    public string? Print { get; init; }

    /// <summary>Gets where the evidence for an overlay property comes from.</summary>
    public string? Evidence { get; init; }
}

/// <summary>A known value of an enum-like struct.</summary>
public sealed class EnumValue
{
    /// <summary>Gets the member name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Gets the wire value.</summary>
    public string Value { get; init; } = "";

    /// <summary>Gets the member's documentation lines, when not the default.</summary>
    public List<string>? Doc { get; init; }

    /// <summary>Gets the constant's documentation lines in <c>Names</c>, when not the default.</summary>
    public List<string>? NamesDoc { get; init; }
}
