using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitbucket.Serialization;

namespace Bitbucket.Http;

/// <summary>
/// Reads a response body inside the attempt that received it, so that the call's deadline (<c>Timeout</c> per attempt,
/// <c>Resilience:TotalTimeout</c> in all) covers the body as well as the headers, an interrupted body is a transport
/// failure the retry pipeline sees (and repeats for a GET), and one size limit applies whatever the content type.
/// </summary>
/// <remarks>
/// A typed JSON result is deserialized from the socket as it arrives (no copy of the body); the value is handed to
/// Refit's serializer in a <see cref="DeserializedContent"/>. Strings, raw responses and error bodies are buffered
/// (errors to <see cref="BitbucketExceptionFactory.MaxBodyBytes"/>, the rest cut off there). Streams handed to the
/// caller are left open, each read bounded by <c>Timeout</c>.
/// </remarks>
internal static class ResponseReader
{
    /// <summary>Reads or wraps the body of <paramref name="response"/> as its operation needs.</summary>
    /// <param name="request">The request, whose options name the operation.</param>
    /// <param name="response">The response; its content may be replaced.</param>
    /// <param name="limit">The most bytes a body may have; 0 or less for no limit.</param>
    /// <param name="readTimeout">The bound on each read of a stream handed to the caller.</param>
    /// <param name="cancellationToken">The attempt's token: cancelled by the deadline.</param>
    /// <returns>A task that completes when the body is read.</returns>
    /// <exception cref="BitbucketResponseFormatException">A success body is not the expected JSON, or is over the limit.</exception>
    public static async ValueTask ReadAsync(HttpRequestMessage request, HttpResponseMessage response, long limit, TimeSpan readTimeout, CancellationToken cancellationToken)
    {
        if (response.Content is not { } content || request.Method == HttpMethod.Head || content.Headers.ContentLength == 0)
        {
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            // Error bodies are read here, within the deadline, to the excerpt's bound; the rest is never read.
            var bound = limit > 0 ? Math.Min(limit, BitbucketExceptionFactory.MaxBodyBytes) : BitbucketExceptionFactory.MaxBodyBytes;
            response.Content = await BufferedContent.LoadAsync(content, bound, truncate: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var operation = OperationShapes.Get(request);
        switch (operation.Shape)
        {
            case ResponseShape.Json when response.StatusCode != HttpStatusCode.NoContent:
                response.Content = await DeserializeAsync(response, content, operation.TypeInfo!, limit, cancellationToken).ConfigureAwait(false);
                break;
            case ResponseShape.Buffered:
                try
                {
                    response.Content = await BufferedContent.LoadAsync(content, limit, truncate: false, cancellationToken).ConfigureAwait(false);
                }
                catch (ResponseTooLargeException ex)
                {
                    throw await FormatFailureAsync(response, ex).ConfigureAwait(false);
                }

                break;
            case ResponseShape.Stream when readTimeout > TimeSpan.Zero && readTimeout != Timeout.InfiniteTimeSpan:
                response.Content = new ReadTimeoutContent(content, readTimeout);
                break;
            case ResponseShape.Unknown:
                JsonResponseContent.Wrap(response, limit);
                break;
        }
    }

    private static async Task<HttpContent> DeserializeAsync(HttpResponseMessage response, HttpContent content, JsonTypeInfo typeInfo, long limit, CancellationToken cancellationToken)
    {
        var bounded = new JsonResponseContent(content, limit);
        object? value;
        try
        {
            value = await bounded.DeserializeAsync(typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or ResponseTooLargeException or DecoderFallbackException or InvalidOperationException)
        {
            // Not a transport failure: sending the request again would get the same body. The connection is dropped unread.
            throw await FormatFailureAsync(response, ex).ConfigureAwait(false);
        }

        return new DeserializedContent(content, value, typeInfo);
    }

    private static async Task<Exception> FormatFailureAsync(HttpResponseMessage response, Exception cause)
    {
        var failure = await BitbucketExceptionFactory.CreateForDeserializationAsync(response, cause).ConfigureAwait(false);
        response.Dispose();
        return failure!;
    }
}

/// <summary>A success body already deserialized inside the attempt; <see cref="BitbucketContentSerializer"/> returns its value.</summary>
internal sealed class DeserializedContent : HttpContent
{
    private readonly JsonTypeInfo _typeInfo;
    private int _skipNextBuffering;

    /// <summary>Initializes a new instance of the <see cref="DeserializedContent"/> class.</summary>
    /// <param name="read">The content the value was read from; its headers are copied and it is disposed.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The value's metadata.</param>
    public DeserializedContent(HttpContent read, object? value, JsonTypeInfo typeInfo)
    {
        foreach (var (name, values) in read.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(name, values);
        }

        read.Dispose();
        Value = value;
        _typeInfo = typeInfo;
    }

    /// <summary>Gets the deserialized value.</summary>
    public object? Value { get; }

    /// <summary>Gets the type the body was read as.</summary>
    public Type Type => _typeInfo.Type;

    /// <summary>Makes the next buffering of this content copy nothing: the serializer takes <see cref="Value"/>.</summary>
    internal void SkipNextBuffering() => Volatile.Write(ref _skipNextBuffering, 1);

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _skipNextBuffering, 0) == 1
            ? Task.CompletedTask
            : JsonSerializer.SerializeAsync(stream, Value, _typeInfo, cancellationToken); // anyone else reading it gets the JSON back

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>A body read whole (or to a bound) inside the attempt.</summary>
internal sealed class BufferedContent : ByteArrayContent
{
    private BufferedContent(byte[] content, int length, bool truncated)
        : base(content, 0, length)
    {
        Truncated = truncated;
    }

    /// <summary>Gets whether the body went on past the bound and was cut off there.</summary>
    public bool Truncated { get; }

    /// <summary>Reads <paramref name="content"/> to at most <paramref name="limit"/> bytes and disposes it.</summary>
    /// <param name="content">The transport's content.</param>
    /// <param name="limit">The bound; 0 or less for none.</param>
    /// <param name="truncate">Whether a longer body is cut off (error excerpts) rather than refused.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    /// <returns>The buffered content, with the original headers.</returns>
    /// <exception cref="ResponseTooLargeException">The body is longer than the limit and <paramref name="truncate"/> is false.</exception>
    public static async Task<BufferedContent> LoadAsync(HttpContent content, long limit, bool truncate, CancellationToken cancellationToken)
    {
        using (content)
        {
            var max = limit > 0 ? limit : long.MaxValue;
            if (!truncate && content.Headers.ContentLength is { } declared && declared > max)
            {
                throw new ResponseTooLargeException(limit);
            }

            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var initial = (int)Math.Clamp(content.Headers.ContentLength ?? 16 * 1024, 1, Math.Min(max, 1024 * 1024) + 1);
                var buffer = ArrayPool<byte>.Shared.Rent(initial);
                try
                {
                    var total = 0;
                    var truncated = false;
                    while (true)
                    {
                        if (total == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Math.Min(max + 1, Array.MaxLength)));
                            buffer.AsSpan(0, total).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }

                        var room = (int)Math.Min(buffer.Length - total, max + 1 - total);
                        var read = await stream.ReadAsync(buffer.AsMemory(total, room), cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        total += read;
                        if (total > max)
                        {
                            if (!truncate)
                            {
                                throw new ResponseTooLargeException(limit);
                            }

                            total = (int)max;
                            truncated = true;
                            break;
                        }
                    }

                    var result = new BufferedContent(buffer.AsSpan(0, total).ToArray(), total, truncated);
                    foreach (var (name, values) in content.Headers.NonValidated)
                    {
                        if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
                        {
                            result.Headers.TryAddWithoutValidation(name, values);
                        }
                    }

                    return result;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }
}

/// <summary>
/// A stream handed to the caller (a download, a diff, a log): not buffered and not size-limited, but a read that gets
/// no byte within <c>BitbucketOptions.Timeout</c> fails with <see cref="TimeoutException"/>, so a stalled server cannot
/// hold the reader for ever.
/// </summary>
internal sealed class ReadTimeoutContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TimeSpan _readTimeout;

    /// <summary>Initializes a new instance of the <see cref="ReadTimeoutContent"/> class.</summary>
    /// <param name="inner">The transport's content.</param>
    /// <param name="readTimeout">The bound on each read.</param>
    public ReadTimeoutContent(HttpContent inner, TimeSpan readTimeout)
    {
        _inner = inner;
        _readTimeout = readTimeout;
        foreach (var (name, values) in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    /// <inheritdoc/>
    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ReadTimeoutStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _readTimeout);

    /// <inheritdoc/>
    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class ReadTimeoutStream(Stream inner, TimeSpan readTimeout) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int ReadTimeout { get => (int)readTimeout.TotalMilliseconds; set => throw new NotSupportedException(); }

        public override bool CanTimeout => true;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                var read = ReadAsync(rented.AsMemory(0, buffer.Length)).AsTask().GetAwaiter().GetResult();
                rented.AsSpan(0, read).CopyTo(buffer);
                return read;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(readTimeout);
            try
            {
                return await inner.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Bitbucket sent no data for {readTimeout.TotalSeconds:0.###} s while the response stream was read (BitbucketOptions.Timeout bounds each read of a returned stream).", ex);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            GC.SuppressFinalize(this);
            return inner.DisposeAsync();
        }
    }
}
