using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// The body that updates an environment: <c>{"change": {"name": "…"}}</c>. The spec leaves it undescribed; only the
/// fields set in <see cref="Change"/> are changed.
/// </summary>
public sealed record DeploymentEnvironmentUpdate
{
    /// <summary>Gets the environment fields to change, e.g. <c>Name</c>.</summary>
    public DeploymentEnvironment? Change { get; init; }

    /// <summary>Gets any further field to send.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
