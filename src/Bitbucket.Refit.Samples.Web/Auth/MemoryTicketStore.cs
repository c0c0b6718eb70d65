using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// The server side of the auth cookie: the cookie carries only a random session key, the ticket (claims and Bitbucket
/// tokens) stays here. Signing out removes the entry, so a copy of the cookie taken before logout opens nothing after
/// it. In memory, for one process; a real deployment with several replicas stores tickets in a shared cache.
/// </summary>
internal sealed class MemoryTicketStore(TimeProvider timeProvider) : ITicketStore
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    /// <summary>Gets the number of live sessions (for tests and diagnostics).</summary>
    public int Count => _tickets.Count;

    /// <inheritdoc />
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        Sweep();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    /// <inheritdoc />
    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // Only a live session is renewed: a removed key stays removed.
        if (_tickets.TryGetValue(key, out var current))
        {
            _tickets.TryUpdate(key, ticket, current);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (_tickets.TryGetValue(key, out var ticket) && !Expired(ticket))
        {
            return Task.FromResult<AuthenticationTicket?>(ticket);
        }

        _tickets.TryRemove(key, out _);
        return Task.FromResult<AuthenticationTicket?>(null);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key)
    {
        _tickets.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Expired(AuthenticationTicket ticket) =>
        timeProvider.GetUtcNow() >= (ticket.Properties.ExpiresUtc ?? ticket.Properties.IssuedUtc + DefaultLifetime ?? DateTimeOffset.MaxValue);

    private void Sweep()
    {
        foreach (var (key, ticket) in _tickets)
        {
            if (Expired(ticket))
            {
                _tickets.TryRemove(key, out _);
            }
        }
    }
}
