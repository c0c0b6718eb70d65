namespace Bitbucket.Sandbox;

/// <summary>
/// The sandbox's clock: the system clock plus an offset that <see cref="Advance"/> moves forward, so token expiry and
/// pipeline progress can be fast-forwarded while the sandbox keeps running in real time otherwise.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    /// <summary>Initializes a new instance of the <see cref="SandboxClock"/> class.</summary>
    /// <param name="inner">The underlying clock; the system clock when <see langword="null"/>.</param>
    public SandboxClock(TimeProvider? inner = null)
    {
        _inner = inner ?? System;
    }

    /// <summary>Gets how far the clock has been moved ahead of the underlying clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward.</summary>
    /// <param name="delta">How far; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }
}
