using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitbucket.Http;
using Refit;

namespace Bitbucket.Serialization;

/// <summary>
/// Refit's System.Text.Json serializer over <see cref="BitbucketJsonContext"/>, except that a JSON response from the
/// library's own pipeline is deserialized from the network stream rather than from a copy of the whole body.
/// </summary>
/// <remarks>Request bodies, strings and streams are handled by the wrapped <see cref="SystemTextJsonContentSerializer"/>.</remarks>
internal sealed class BitbucketContentSerializer(SystemTextJsonContentSerializer inner, JsonSerializerOptions options)
    : IHttpContentSerializer, IJsonTypeInfoContentSerializer, ISynchronousContentSerializer, ISynchronousContentDeserializer, IStreamingContentSerializer
{
    /// <summary>Gets the serializer used for everything but streamed responses.</summary>
    public SystemTextJsonContentSerializer Inner => inner;

    /// <inheritdoc/>
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        content is DeserializedContent read && read.Type == typeof(T)
            ? Task.FromResult((T?)read.Value)
            : content is JsonResponseContent { CanStream: true } json && options.TryGetTypeInfo(typeof(T), out var typeInfo)
            ? json.DeserializeAsync((JsonTypeInfo<T>)typeInfo, cancellationToken)
            : inner.FromHttpContentAsync<T>(content, cancellationToken);

    /// <inheritdoc/>
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        content is DeserializedContent read && read.Type == typeof(T)
            ? Task.FromResult((T?)read.Value)
            : content is JsonResponseContent { CanStream: true } json
            ? json.DeserializeAsync(typeInfo, cancellationToken)
            : inner.FromHttpContentAsync(content, typeInfo, cancellationToken);

    /// <inheritdoc/>
    public HttpContent ToHttpContent<T>(T item) => inner.ToHttpContent(item);

    /// <inheritdoc/>
    public HttpContent ToHttpContent<T>(T item, JsonTypeInfo<T> typeInfo) => inner.ToHttpContent(item, typeInfo);

    /// <inheritdoc/>
    public HttpContent ToHttpContentSynchronous<T>(T item) => inner.ToHttpContentSynchronous(item);

    /// <inheritdoc/>
    public HttpContent ToHttpContentSynchronous<T>(T item, JsonTypeInfo<T> typeInfo) => inner.ToHttpContentSynchronous(item, typeInfo);

    /// <inheritdoc/>
    public HttpContent ToStreamingHttpContent<T>(T item) => inner.ToStreamingHttpContent(item);

    /// <inheritdoc/>
    public HttpContent ToStreamingHttpContent<T>(T item, JsonTypeInfo<T> typeInfo) => inner.ToStreamingHttpContent(item, typeInfo);

    /// <inheritdoc/>
    public T? DeserializeFromString<T>(string content) => inner.DeserializeFromString<T>(content);

    /// <inheritdoc/>
    public T? DeserializeFromString<T>(string content, JsonTypeInfo<T> typeInfo) => inner.DeserializeFromString(content, typeInfo);

    /// <inheritdoc/>
    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, CancellationToken cancellationToken = default) =>
        inner.DeserializeStreamAsync<T>(stream, format, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        inner.DeserializeStreamAsync(stream, format, typeInfo, cancellationToken);

    /// <inheritdoc/>
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => inner.GetFieldNameForProperty(propertyInfo);
}
