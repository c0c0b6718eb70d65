using Bitbucket.Refit.Errors;

namespace Bitbucket.Refit.DependencyInjection;

/// <summary>
/// Bounds JSON response bodies to <see cref="BitbucketOptions.MaxResponseContentBytes"/> so a hostile or broken server
/// cannot make the client allocate without end. Binary bodies (downloads, diffs, logs) are streamed and not limited.
/// </summary>
internal sealed class ResponseSizeLimitHandler(long limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var content = response.Content;
        if (limit <= 0 || content is null || content.Headers.ContentType?.MediaType is not { } media
            || !media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        if (content.Headers.ContentLength is { } length)
        {
            if (length > limit)
            {
                response.Content = new StreamContent(new LimitedStream(Stream.Null, limit, alreadyOver: true));
                CopyHeaders(content, response.Content);
                content.Dispose();
            }

            return response;
        }

        var limited = new StreamContent(new LimitedStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), limit, alreadyOver: false));
        CopyHeaders(content, limited);
        response.Content = limited;
        return response;
    }

    private static void CopyHeaders(HttpContent from, HttpContent to)
    {
        foreach (var header in from.Headers)
        {
            to.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

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
