using Bitbucket;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Memory;

namespace Bitbucket.Samples.Web.Integration;

/// <summary>
/// Bitbucket clients that sign with OAuth 1.0a as one user each: a registration made with <c>WithOAuth1(consumer key,
/// consumer secret, the user's token, the user's token secret)</c> in a small container of its own, kept while the
/// user is active (sliding 20 minutes) and disposed afterwards. A registration carries one identity, so per-user
/// OAuth 1 credentials mean one registration per user.
/// </summary>
internal sealed class OAuth1Clients(BitbucketTarget target, ILoggerFactory loggerFactory) : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(20);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly Lock _gate = new();

    /// <summary>Gets the session of the user holding <paramref name="token"/>.</summary>
    /// <param name="token">The user's OAuth 1 access token.</param>
    /// <param name="tokenSecret">Its secret.</param>
    public BitbucketSession For(string token, string tokenSecret)
    {
        var consumer = target.OAuth1 ?? throw new InvalidOperationException("OAuth 1 is not configured (Bitbucket:OAuth1:ConsumerKey and ConsumerSecret).");
        ServiceProvider provider;
        lock (_gate)
        {
            provider = _cache.GetOrCreate(token, entry =>
            {
                entry.SlidingExpiration = Idle;
                entry.RegisterPostEvictionCallback(static (_, value, _, _) => ((ServiceProvider)value!).Dispose());
                var services = new ServiceCollection();
                services.AddSingleton(loggerFactory);
                services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                services.AddBitbucket(target.Apply)
                    .WithOAuth1(consumer.Key, consumer.Secret, token, tokenSecret);
                return services.BuildServiceProvider();
            })!;
        }

        return BitbucketSession.From(provider.GetRequiredService<IBitbucketClient>());
    }

    /// <summary>Drops the client of a user who signed out.</summary>
    /// <param name="token">The user's OAuth 1 access token.</param>
    public void Forget(string token) => _cache.Remove(token);

    /// <inheritdoc />
    public void Dispose()
    {
        _cache.Clear(); // runs the eviction callbacks, which dispose the per-user containers
        _cache.Dispose();
    }
}
