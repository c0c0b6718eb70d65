using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// Reads <c>attributes</c> of a file as a list whether Bitbucket sends an array (what the API does) or a single string
/// (what the OpenAPI description declares); writes an array.
/// </summary>
internal sealed class CommitFileAttributesListConverter : JsonConverter<IReadOnlyList<CommitFileAttributes>>
{
    public override IReadOnlyList<CommitFileAttributes> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [CommitFileAttributes.FromValue(reader.GetString()!)];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array or a string of file attributes, found {reader.TokenType}.");
        }

        var list = new List<CommitFileAttributes>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a file attribute string, found {reader.TokenType}.");
            }

            list.Add(CommitFileAttributes.FromValue(reader.GetString()!));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<CommitFileAttributes> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var attribute in value)
        {
            writer.WriteStringValue(attribute.Value);
        }

        writer.WriteEndArray();
    }
}
