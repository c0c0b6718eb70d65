using Bitbucket.Webhooks.AspNetCore.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Bitbucket webhook endpoint.</summary>
public static class BitbucketWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint that receives Bitbucket's deliveries: 415 unless JSON, 413 above the body limit, 400 for
    /// missing or duplicated headers and malformed bodies, 401 for a bad signature, 200 once the handlers ran (or for a
    /// delivery already handled), 409 while another attempt of it is running, 500 when a handler throws; with
    /// <see cref="Bitbucket.Webhooks.AspNetCore.WebhookHandlingMode.Queued"/>, 202 once queued and 503 when the queue is full.
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, for example <c>"/bitbucket/events"</c>.</param>
    /// <returns>The endpoint's convention builder, to chain <c>RequireHost</c>, rate limiting and the like.</returns>
    /// <exception cref="InvalidOperationException"><c>services.AddBitbucketWebhooks(…)</c> was not called.</exception>
    public static IEndpointConventionBuilder MapBitbucketWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var endpoint = endpoints.ServiceProvider.GetService<WebhookEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddBitbucketWebhooks(...) before app.MapBitbucketWebhooks(...).");
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Bitbucket webhooks " + pattern);
    }
}
