using Bitbucket.Sandbox;

namespace Bitbucket.Samples.Web;

/// <summary>
/// The hosted service that owns the embedded sandbox: <see cref="SampleApp.BuildAsync"/> starts it before the app is
/// built (the sign-in handlers and the Bitbucket client are configured with its addresses), and this service stops it
/// with the app, or when the app is disposed without having run.
/// </summary>
internal sealed class SandboxLifetime(BitbucketSandbox sandbox, ILogger<SandboxLifetime> logger) : IHostedService, IAsyncDisposable
{
    private int _disposed;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Bitbucket sandbox running at {Address} (API {ApiBaseAddress}).", sandbox.Address, sandbox.ApiBaseAddress);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await sandbox.DisposeAsync();
        }
    }
}
