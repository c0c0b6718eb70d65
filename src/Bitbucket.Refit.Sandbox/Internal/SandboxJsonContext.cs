using System.Text.Json.Serialization;

namespace Bitbucket.Refit.Sandbox.Internal;

/// <summary>The sandbox's own JSON types (the library's models go through <c>BitbucketJsonContext</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(ScopeDetail))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;

/// <summary>The <c>detail</c> of a 403 for missing scopes.</summary>
internal sealed record ScopeDetail(IReadOnlyList<string> Required, IReadOnlyList<string> Granted);
