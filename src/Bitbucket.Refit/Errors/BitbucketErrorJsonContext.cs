using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket;

/// <summary>The source-generated context for the error envelope, kept apart so the envelope stays internal.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BitbucketErrorEnvelope))]
internal sealed partial class BitbucketErrorJsonContext : JsonSerializerContext;
