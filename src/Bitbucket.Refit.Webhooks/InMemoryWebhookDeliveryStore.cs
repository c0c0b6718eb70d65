namespace Bitbucket.Webhooks;

/// <summary>
/// The default <see cref="IWebhookDeliveryStore"/>: one process, bounded in size (the oldest entries go first) and in
/// time (a handled delivery is remembered for <c>retention</c>, an unfinished claim for <c>lease</c>). Several replicas
/// behind a load balancer need a shared store instead.
/// </summary>
public sealed class InMemoryWebhookDeliveryStore : IWebhookDeliveryStore
{
    /// <summary>The default number of deliveries remembered.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>Gets the default time a handled delivery is remembered: a day, far beyond Bitbucket's retries.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    /// <summary>Gets the default time a claim lasts without being completed or released (a crashed handler).</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly int _capacity;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="InMemoryWebhookDeliveryStore"/> class.</summary>
    /// <param name="capacity">How many deliveries to remember at most.</param>
    /// <param name="retention">How long a handled delivery is remembered; <see cref="DefaultRetention"/> when null.</param>
    /// <param name="lease">How long an unfinished claim blocks retries; <see cref="DefaultLease"/> when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public InMemoryWebhookDeliveryStore(int capacity = DefaultCapacity, TimeSpan? retention = null, TimeSpan? lease = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _retention = retention ?? DefaultRetention;
        _lease = lease ?? DefaultLease;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_retention, TimeSpan.Zero, nameof(retention));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_lease, TimeSpan.Zero, nameof(lease));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets how many deliveries are remembered now (expired ones included until they are swept).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<WebhookDeliveryClaim> TryClaimAsync(string requestUuid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestUuid);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(requestUuid, out var node))
            {
                if (node.Value.ExpiresAt > now)
                {
                    return ValueTask.FromResult(node.Value.Completed ? WebhookDeliveryClaim.Completed : WebhookDeliveryClaim.InProgress);
                }

                Remove(node);
            }

            Sweep(now);
            while (_entries.Count >= _capacity)
            {
                Remove(_order.First!);
            }

            _entries[requestUuid] = _order.AddLast(new Entry(requestUuid, now + _lease, Completed: false));
            return ValueTask.FromResult(WebhookDeliveryClaim.Claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string requestUuid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestUuid);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(requestUuid, out var node))
            {
                Remove(node);
            }

            while (_entries.Count >= _capacity)
            {
                Remove(_order.First!);
            }

            _entries[requestUuid] = _order.AddLast(new Entry(requestUuid, now + _retention, Completed: true));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string requestUuid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestUuid);
        lock (_gate)
        {
            if (_entries.TryGetValue(requestUuid, out var node) && !node.Value.Completed)
            {
                Remove(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        // Entries are kept in the order they were last written; a few leading ones at most are expired per call.
        for (var i = 0; i < 16 && _order.First is { } first && first.Value.ExpiresAt <= now; i++)
        {
            Remove(first);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.RequestUuid);
    }

    private readonly record struct Entry(string RequestUuid, DateTimeOffset ExpiresAt, bool Completed);
}
