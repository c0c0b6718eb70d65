using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// The body of an app installation update: empty to re-read the descriptor from its current URL, a new
/// <see cref="Descriptor"/> served at the same URL, or only a new <see cref="DescriptorUrl"/>.
/// </summary>
public sealed record AddonUpdate
{
    /// <summary>Gets the new Connect app descriptor, a JSON document.</summary>
    public JsonElement? Descriptor { get; init; }

    /// <summary>
    /// Gets the new URL of the descriptor; it must match the app's Marketplace registration and be sent without
    /// <see cref="Descriptor"/>.
    /// </summary>
    public string? DescriptorUrl { get; init; }

    /// <summary>Gets any other field to send or that the server sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
