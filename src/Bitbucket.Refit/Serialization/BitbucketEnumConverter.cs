using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Serialization;

/// <summary>Reads and writes an <see cref="IBitbucketEnum{TSelf}"/> as its JSON string, accepting any value.</summary>
/// <typeparam name="T">The enumeration type.</typeparam>
internal sealed class BitbucketEnumConverter<T> : JsonConverter<T>
    where T : struct, IBitbucketEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => T.FromValue(reader.GetString()!),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                T.FromValue(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
            _ => throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromValue(reader.GetString()!);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}
