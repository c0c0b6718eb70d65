using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// Reads a boolean Bitbucket sends as the string <c>"true"</c>/<c>"false"</c> (or as a JSON boolean) and writes it back
/// as a string, e.g. <c>default_branch_deletion</c> of the branching model settings.
/// </summary>
internal sealed class StringBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
            _ => throw new JsonException($"Expected \"true\" or \"false\", found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteStringValue(flag ? "true" : "false");
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
