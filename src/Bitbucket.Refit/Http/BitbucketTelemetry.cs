namespace Bitbucket;

/// <summary>
/// The names under which Bitbucket.Refit publishes its traces (<see cref="System.Diagnostics.ActivitySource"/>) and metrics
/// (<see cref="System.Diagnostics.Metrics.Meter"/>). Subscribe to them with OpenTelemetry
/// (<c>AddSource(BitbucketTelemetry.ActivitySourceName)</c>, <c>AddMeter(BitbucketTelemetry.MeterName)</c>, or
/// <c>AddBitbucketInstrumentation()</c> from the Bitbucket.Refit.OpenTelemetry package) or any other listener; nothing is
/// recorded while nobody listens.
/// </summary>
public static class BitbucketTelemetry
{
    /// <summary>The name of the activity source: one client span per Bitbucket operation, one internal span per list enumeration.</summary>
    public const string ActivitySourceName = "Bitbucket.Refit";

    /// <summary>The name of the meter: request duration, retries, 429 answers, OAuth 2 token requests, rate-limit figures.</summary>
    public const string MeterName = "Bitbucket.Refit";
}
