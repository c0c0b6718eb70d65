using Bitbucket;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OpenTelemetry.Trace
{
    /// <summary>Subscribes an OpenTelemetry tracer provider to Bitbucket.Refit's spans.</summary>
    public static class BitbucketTracerProviderBuilderExtensions
    {
        /// <summary>
        /// Records Bitbucket.Refit's spans: one client span per Bitbucket operation (named after the API method, with the
        /// route template, status, registration and workspace), one span per list enumeration over its page requests,
        /// and one per OAuth 2 token request.
        /// </summary>
        /// <param name="builder">The tracer provider builder.</param>
        /// <returns><paramref name="builder"/>.</returns>
        public static TracerProviderBuilder AddBitbucketInstrumentation(this TracerProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddSource(BitbucketTelemetry.ActivitySourceName);
        }
    }
}

namespace OpenTelemetry.Metrics
{
    /// <summary>Subscribes an OpenTelemetry meter provider to Bitbucket.Refit's metrics.</summary>
    public static class BitbucketMeterProviderBuilderExtensions
    {
        /// <summary>
        /// Records Bitbucket.Refit's metrics: <c>bitbucket.client.request.duration</c>, retries, 429 answers, OAuth 2 token
        /// requests and failures, and the rate-limit figures Bitbucket last reported per registration.
        /// </summary>
        /// <param name="builder">The meter provider builder.</param>
        /// <returns><paramref name="builder"/>.</returns>
        public static MeterProviderBuilder AddBitbucketInstrumentation(this MeterProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddMeter(BitbucketTelemetry.MeterName);
        }
    }
}
