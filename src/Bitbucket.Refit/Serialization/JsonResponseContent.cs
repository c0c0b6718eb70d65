using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitbucket;

namespace Bitbucket.Serialization;

/// <summary>
/// The body of a JSON response from Bitbucket: read as a stream, bounded to a byte limit, and deserialized straight from
/// the socket by <see cref="BitbucketContentSerializer"/> instead of being copied into memory first.
/// </summary>
/// <remarks>
/// Refit 16 loads every response body into a buffer before it hands the content to the serializer; for a page of pull
/// requests that buffer is a few hundred kilobytes on the large-object heap per call. The library's exception factory
/// runs just before that step and, for a successful response, calls <see cref="SkipNextBuffering"/>: the buffering then
/// copies nothing, and the serializer reads <see cref="ReadStreamAsync"/> directly. Anyone else reading the content (an
/// error body, a caller's own <c>ReadAsStringAsync</c>) gets the whole body as usual.
/// </remarks>
internal sealed class JsonResponseContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _limit;
    private int _skipNextBuffering;
    private int _opened;

    /// <summary>Wraps <paramref name="inner"/>, copying its headers.</summary>
    /// <param name="inner">The content the transport produced.</param>
    /// <param name="limit">The most bytes the body may have; 0 or less for no limit.</param>
    public JsonResponseContent(HttpContent inner, long limit)
    {
        _inner = inner;
        _limit = limit;
        foreach (var (name, values) in inner.Headers.NonValidated)
        {
            // Copied as received: nothing is parsed, and a single value (the usual case) is not put into an array.
            if (values.Count == 1)
            {
                Headers.TryAddWithoutValidation(name, values.ToString());
            }
            else
            {
                Headers.TryAddWithoutValidation(name, values);
            }
        }
    }

    /// <summary>
    /// Replaces the content of a JSON response with a <see cref="JsonResponseContent"/> bounded to
    /// <paramref name="limit"/>; other responses (downloads, diffs, logs: streamed, not limited) are left as they are.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="limit">The most bytes a JSON body may have; 0 or less for no limit.</param>
    internal static void Wrap(HttpResponseMessage response, long limit)
    {
        if (response.Content is { } content && content is not JsonResponseContent
            && content.Headers.ContentType?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            response.Content = new JsonResponseContent(content, limit);
        }
    }

    /// <summary>Gets whether the body has not been opened yet, so <see cref="DeserializeAsync"/> can read it from the socket.</summary>
    internal bool CanStream => Volatile.Read(ref _opened) == 0;

    /// <summary>Makes the next buffering of this content copy nothing, because the serializer reads the stream itself.</summary>
    internal void SkipNextBuffering() => Volatile.Write(ref _skipNextBuffering, 1);

    /// <summary>Opens the body as a stream bounded to the limit; the body can be opened once.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stream.</returns>
    internal async Task<Stream> ReadStreamAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _opened, 1) == 1)
        {
            throw new InvalidOperationException("The response body was already read.");
        }

        if (_limit > 0 && Headers.ContentLength is { } length && length > _limit)
        {
            return new LimitedStream(Stream.Null, _limit, alreadyOver: true);
        }

        var stream = await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return _limit > 0 ? new LimitedStream(stream, _limit, alreadyOver: false) : stream;
    }

    /// <summary>Deserializes the body from the stream, transcoding a non-UTF-8 charset as <c>ReadFromJsonAsync</c> does.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="typeInfo">The source-generated metadata of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value.</returns>
    internal async Task<T?> DeserializeAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        (T?)await DeserializeAsync((JsonTypeInfo)typeInfo, cancellationToken).ConfigureAwait(false);

    /// <summary>Deserializes the body from the stream as <paramref name="typeInfo"/> describes.</summary>
    /// <param name="typeInfo">The source-generated metadata of the result.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value.</returns>
    internal async Task<object?> DeserializeAsync(JsonTypeInfo typeInfo, CancellationToken cancellationToken)
    {
        var stream = await ReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var encoding = GetNonUtf8Encoding(Headers.ContentType?.CharSet);
            if (encoding is null)
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }

            var transcoded = Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: true);
            await using (transcoded.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(transcoded, typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _skipNextBuffering, 0) == 1)
        {
            return;
        }

        var body = await ReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => ReadStreamAsync(cancellationToken);

    /// <inheritdoc/>
    protected override Task<Stream> CreateContentReadStreamAsync() => ReadStreamAsync(CancellationToken.None);

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        // The copied headers carry the transport's Content-Length when there was one.
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

    private static Encoding? GetNonUtf8Encoding(string? charset)
    {
        if (string.IsNullOrEmpty(charset))
        {
            return null;
        }

        var name = charset.Trim('"');
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"The response's charset '{name}' is not supported.", ex);
        }
    }

    /// <summary>A read-only stream that fails with <see cref="ResponseTooLargeException"/> past the limit.</summary>
    private sealed class LimitedStream(Stream inner, long limit, bool alreadyOver) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            ThrowIfOver();
            var read = inner.Read(buffer);
            Count(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            ThrowIfOver();
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Count(read);
            return read;
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

        private void ThrowIfOver()
        {
            if (alreadyOver)
            {
                throw new ResponseTooLargeException(limit);
            }
        }

        private void Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw new ResponseTooLargeException(limit);
            }
        }
    }
}
