using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Serialization;

/// <summary>
/// The System.Text.Json source-generated context for every type that Bitbucket.Refit reads or writes:
/// snake_case names, nulls left out of request bodies, unknown fields kept in each model's extension data.
/// Its <c>[JsonSerializable]</c> list lives in BitbucketJsonContext.Models.cs: the source generator fails when several
/// partial declarations carry them (dotnet/runtime#99669).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowOutOfOrderMetadataProperties = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
public sealed partial class BitbucketJsonContext : JsonSerializerContext;
