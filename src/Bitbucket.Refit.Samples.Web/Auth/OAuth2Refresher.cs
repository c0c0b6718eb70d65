using System.Security.Cryptography;
using System.Text;
using Bitbucket.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// Exchanges refresh tokens through the library's <see cref="OAuth2Flow"/>. Bitbucket rotates the refresh token on every
/// use, so two requests of one user (two tabs) that refresh at once must not both spend the same refresh token: the
/// answer to a refresh token is shared for two minutes.
/// </summary>
internal sealed class OAuth2Refresher(Func<string, CancellationToken, Task<OAuth2TokenResponse>> refresh) : IDisposable
{
    /// <summary>The name of the HTTP client that talks to the token endpoint.</summary>
    public const string HttpClientName = "Bitbucket.Sample.OAuth2";

    private readonly MemoryCache _recent = new(new MemoryCacheOptions());
    private readonly Lock _gate = new();

    /// <summary>Creates the refresher of the configured OAuth 2 client.</summary>
    public static OAuth2Refresher Create(IServiceProvider services, BitbucketTarget target)
    {
        var factory = services.GetRequiredService<IHttpClientFactory>();
        return new OAuth2Refresher((refreshToken, cancellationToken) =>
        {
            var flow = new OAuth2Flow(factory.CreateClient(HttpClientName), target.OAuth2Client());
            return flow.RefreshAsync(refreshToken, cancellationToken);
        });
    }

    /// <summary>Gets new tokens for <paramref name="refreshToken"/>, once however many callers ask.</summary>
    public Task<OAuth2TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        Task<OAuth2TokenResponse> task;
        lock (_gate)
        {
            task = _recent.GetOrCreate(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2);
                return refresh(refreshToken, CancellationToken.None);
            })!;
        }

        if (task.IsFaulted || task.IsCanceled)
        {
            _recent.Remove(key);
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _recent.Dispose();
}
