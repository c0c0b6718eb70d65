using Microsoft.Extensions.Options;

namespace Bitbucket.Webhooks.AspNetCore.Internal;

/// <summary>Checks the options at start-up; the messages name settings, never their values.</summary>
internal sealed class BitbucketWebhookOptionsValidator : IValidateOptions<BitbucketWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, BitbucketWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Secrets.Count == 0 && !options.AllowUnsignedDeliveries)
        {
            failures.Add("Bitbucket webhooks: configure at least one secret (Secrets), or set AllowUnsignedDeliveries to true to accept unsigned deliveries on purpose.");
        }

        if (options.Secrets.Any(string.IsNullOrEmpty))
        {
            failures.Add("Bitbucket webhooks: a secret in Secrets is empty.");
        }

        if (options.MaxBodySize <= 0)
        {
            failures.Add("Bitbucket webhooks: MaxBodySize must be positive.");
        }

        if (options.DeduplicationCapacity < 1)
        {
            failures.Add("Bitbucket webhooks: DeduplicationCapacity must be at least 1.");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add("Bitbucket webhooks: QueueCapacity must be at least 1.");
        }

        if (!Enum.IsDefined(options.HandlingMode))
        {
            failures.Add("Bitbucket webhooks: HandlingMode must be Inline or Queued.");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Bitbucket webhooks: DeduplicationWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
