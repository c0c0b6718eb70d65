using System.Text.Json;

namespace Bitbucket.Refit.Generator;

/// <summary>
/// spec/overlay.json: what the real API sends that the description leaves out (properties, each with its evidence),
/// and the polymorphic hierarchies the description composes with <c>allOf</c> and a <c>type</c> discriminator.
/// </summary>
public sealed class Overlay
{
    /// <summary>Gets the properties to add, by record name (appended after the record's own).</summary>
    public Dictionary<string, List<PropertyEntry>> Properties { get; init; } = [];

    /// <summary>Gets records the description lacks entirely, each with the generated file it goes into.</summary>
    public List<OverlayModel> Models { get; init; } = [];

    /// <summary>Gets the polymorphic hierarchies.</summary>
    public List<PolymorphicEntry> Polymorphic { get; init; } = [];

    /// <summary>Reads an overlay from a file; a missing file is an empty overlay.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The overlay.</returns>
    public static Overlay Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Overlay>(File.ReadAllText(path), ModelTable.Options) ?? new Overlay()
            : new Overlay();
}

/// <summary>A polymorphic base record and its derived records by discriminator value.</summary>
public sealed class PolymorphicEntry
{
    /// <summary>Gets the base record.</summary>
    public string Base { get; init; } = "";

    /// <summary>Gets the discriminator's JSON name.</summary>
    public string Discriminator { get; init; } = "type";

    /// <summary>Gets a value indicating whether each generated derived record presets its <c>Type</c> in its constructor.</summary>
    public bool PresetType { get; init; }

    /// <summary>Gets the derived records by discriminator value, in order.</summary>
    public Dictionary<string, string> Derived { get; init; } = [];
}

/// <summary>A record the description lacks, and the generated file it is written into.</summary>
public sealed class OverlayModel
{
    /// <summary>Gets the generated file (relative to the models folder); an existing one gets the record appended.</summary>
    public string File { get; init; } = "";

    /// <summary>Gets the record.</summary>
    public TypeEntry Model { get; init; } = new();
}
