using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Benchmarks;

/// <summary>Scenario 5: OAuth 2 client credentials with a cached token against a fixed Bearer token.</summary>
[MemoryDiagnoser]
public class OAuth2ClientCredentials
{
    private ServiceProvider _bearer = null!;
    private ServiceProvider _clientCredentials = null!;
    private IRepositoriesApi _bearerApi = null!;
    private IRepositoriesApi _clientCredentialsApi = null!;

    /// <summary>Builds both registrations and fetches the client-credentials token once, so it is cached.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var origin = BenchServer.GetOriginAsync().GetAwaiter().GetResult();
        _bearer = Clients.Library(origin);
        _clientCredentials = Clients.Library(origin, authenticate: b => b.WithOAuth2ClientCredentials("bench-client", "bench-secret"));
        _bearerApi = _bearer.GetRequiredService<IRepositoriesApi>();
        _clientCredentialsApi = _clientCredentials.GetRequiredService<IRepositoriesApi>();
        _clientCredentialsApi.GetAsync(Payloads.Workspace, Payloads.RepoSlug).GetAwaiter().GetResult();
    }

    /// <summary>Disposes the containers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _bearer.Dispose();
        _clientCredentials.Dispose();
    }

    /// <summary><c>WithAccessToken</c>: a fixed Bearer token.</summary>
    /// <returns>The repository.</returns>
    [Benchmark(Baseline = true)]
    public Task<Repository> FixedBearer() => _bearerApi.GetAsync(Payloads.Workspace, Payloads.RepoSlug);

    /// <summary><c>WithOAuth2ClientCredentials</c> with the token already cached.</summary>
    /// <returns>The repository.</returns>
    [Benchmark]
    public Task<Repository> ClientCredentialsCached() => _clientCredentialsApi.GetAsync(Payloads.Workspace, Payloads.RepoSlug);
}

/// <summary>Scenario 6: from building the container to the first completed call (new connection included on both sides).</summary>
[MemoryDiagnoser]
public class StartUp
{
    private string _origin = null!;

    /// <summary>Finds the server.</summary>
    [GlobalSetup]
    public void Setup() => _origin = BenchServer.GetOriginAsync().GetAwaiter().GetResult();

    /// <summary>New <see cref="HttpClient"/>, one GET, dispose.</summary>
    /// <returns>The repository.</returns>
    [Benchmark(Baseline = true)]
    public async Task<Repository> RawHttpClient()
    {
        using var http = Clients.Raw(_origin);
        using var response = await http.GetAsync($"repositories/{Payloads.Workspace}/{Payloads.RepoSlug}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, BitbucketJsonContext.Default.Repository))!;
    }

    /// <summary><c>AddBitbucket(...).WithAccessToken</c>, <c>BuildServiceProvider()</c>, resolve, one GET, dispose.</summary>
    /// <returns>The repository.</returns>
    [Benchmark]
    public async Task<Repository> Library()
    {
        await using var provider = Clients.Library(_origin);
        return await provider.GetRequiredService<IRepositoriesApi>().GetAsync(Payloads.Workspace, Payloads.RepoSlug);
    }
}
