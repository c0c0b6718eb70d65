using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// A file in a repository's Downloads section. The OpenAPI description leaves this object undescribed; the properties
/// are those Bitbucket sends.
/// </summary>
public sealed record DownloadArtifact
{
    /// <summary>Gets the object type, <c>download</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the file name, which identifies the artifact in the repository.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the size of the file in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Gets how many times the file was downloaded.</summary>
    public int? Downloads { get; init; }

    /// <summary>Gets when the file was uploaded.</summary>
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Gets the account that uploaded the file.</summary>
    public Account? User { get; init; }

    /// <summary>Gets the links of the artifact; <c>self</c> redirects to the content.</summary>
    public DownloadArtifactLinks? Links { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Links of a <see cref="DownloadArtifact"/>.</summary>
public sealed record DownloadArtifactLinks
{
    /// <summary>Gets the API link that redirects to the file's content.</summary>
    public Link? Self { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
