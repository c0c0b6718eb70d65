using System.Text.Json.Serialization;
using Bitbucket;

namespace Bitbucket.Sandbox.Internal;

/// <summary>The sandbox's own JSON types (the library's models go through <c>BitbucketJsonContext</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(ScopeDetail))]
[JsonSerializable(typeof(SandboxErrorEnvelope))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;

/// <summary>The <c>detail</c> of a 403 for missing scopes.</summary>
internal sealed record ScopeDetail(IReadOnlyList<string> Required, IReadOnlyList<string> Granted);

/// <summary>Bitbucket's error body: <c>{"type":"error","error":{...}}</c>.</summary>
internal sealed record SandboxErrorEnvelope(string Type, BitbucketError Error);
