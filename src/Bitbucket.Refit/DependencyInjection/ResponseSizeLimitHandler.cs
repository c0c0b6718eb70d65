using Bitbucket.Refit.Serialization;

namespace Bitbucket.Refit.DependencyInjection;

/// <summary>
/// Wraps JSON response bodies in <see cref="JsonResponseContent"/>: bounded to
/// <see cref="BitbucketOptions.MaxResponseContentBytes"/> so a hostile or broken server cannot make the client allocate
/// without end, and deserialized from the stream. Binary bodies (downloads, diffs, logs) are streamed and not limited.
/// </summary>
internal sealed class ResponseSizeLimitHandler(long limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is { } content && content is not JsonResponseContent
            && content.Headers.ContentType?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            response.Content = new JsonResponseContent(content, limit);
        }

        return response;
    }
}
