using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Serialization;

/// <summary>
/// Reads a model whose subtype its <c>"type"</c> field names (Bitbucket's discriminator, which may come anywhere in the
/// object) as that subtype, and an unknown or missing <c>"type"</c> as the base record itself, its <c>Type</c> and every
/// other field kept (nothing is lost, nothing throws). Writes any instance with the metadata of its runtime type.
/// AOT-clean: every read and write goes through the source-generated context's metadata.
/// </summary>
/// <remarks>
/// System.Text.Json's own <c>[JsonPolymorphic]</c> cannot do this here: it refuses a model that also has a <c>Type</c>
/// property (the discriminator is metadata to it) and drops an unrecognized discriminator. The generator
/// (tools/Bitbucket.Refit.Generator, spec/overlay.json) writes one subclass per hierarchy with its discriminator table.
/// </remarks>
/// <typeparam name="TBase">The base record of the hierarchy.</typeparam>
internal abstract class BitbucketPolymorphicConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    /// <summary>Returns the type to read for a discriminator value; the fallback type when it is unknown or missing.</summary>
    /// <param name="discriminator">The value of <c>"type"</c>, or <see langword="null"/>.</param>
    /// <returns>A subtype, or the fallback type.</returns>
    protected abstract Type TypeOf(string? discriminator);

    /// <summary>Copies an instance of exactly <typeparamref name="TBase"/> into the fallback type, which has no converter.</summary>
    /// <param name="value">The instance.</param>
    /// <returns>The copy.</returns>
    protected abstract TBase ToFallback(TBase value);

    /// <inheritdoc />
    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeof(TBase).Name}, got {reader.TokenType}.");
        }

        var target = TypeOf(Discriminator(reader));
        return (TBase?)JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(target));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        var instance = value.GetType() == typeof(TBase) ? ToFallback(value) : value;
        JsonSerializer.Serialize(writer, instance, options.GetTypeInfo(instance.GetType()));
    }

    private static string? Discriminator(Utf8JsonReader reader)
    {
        // The reader is a copy: scanning it leaves the caller's position where it was.
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }
}
