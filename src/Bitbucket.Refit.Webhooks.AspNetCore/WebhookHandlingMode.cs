namespace Bitbucket.Webhooks.AspNetCore;

/// <summary>When the handlers run, relative to the answer Bitbucket waits for.</summary>
public enum WebhookHandlingMode
{
    /// <summary>
    /// The default: handlers run before the answer; 200 when they succeed, 500 when one throws, and Bitbucket retries
    /// (3 attempts in all). Nothing is lost on a crash. Keep handlers well under Bitbucket's ~10 s timeout.
    /// </summary>
    Inline,

    /// <summary>
    /// The delivery is verified, parsed and put on a bounded in-process queue, answered 202 at once, and handled in the
    /// background (one at a time, in order, each in its own DI scope). 503 when the queue is full, so Bitbucket retries.
    /// A handler failure is only logged (Bitbucket already has its 202), and queued deliveries are lost if the process
    /// stops: use it for slow handlers whose work can be redone, or put a durable queue behind an inline handler.
    /// </summary>
    Queued,
}
