using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Conformance;

/// <summary>
/// Stoplight Prism (npm @stoplight/prism-cli 5.16.0) serving the vendored spec/bitbucket-cloud.openapi.json as a validating mock on
/// 127.0.0.1. Installed into .tools/prism on first use (CI installs it beforehand), started once for the conformance
/// tests and stopped when they end.
/// </summary>
public sealed class PrismServer : IAsyncDisposable
{
    public const string Version = "5.16.0";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PrismServer? _shared;
    private readonly Process _process;
    private readonly ServiceProvider _services;

    private PrismServer(Process process, Uri baseAddress, ViolationRecorder recorder)
    {
        _process = process;
        BaseAddress = baseAddress;
        Recorder = recorder;
        var collection = new ServiceCollection();
        collection.AddSingleton(recorder);
        var builder = collection.AddBitbucket(o =>
        {
            o.BaseAddress = baseAddress;
            o.Resilience.Enabled = false;
            o.Timeout = TimeSpan.FromSeconds(60);
        }).WithBasicAuthentication("ann@example.com", "conformance-api-token");
        builder.HttpClientBuilder.AddHttpMessageHandler(sp => sp.GetRequiredService<ViolationRecorder>().CreateHandler());
        _services = collection.BuildServiceProvider();
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _services;

    internal ViolationRecorder Recorder { get; }

    /// <summary>Gets the shared server, starting it on first use.</summary>
    public static async Task<PrismServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the shared server, if it was started.</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } shared)
        {
            _shared = null;
            await shared.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs one operation through the real DI pipeline and fails the test on a Prism validation error (422 for
    /// parameters, 400 with <c>sl-violations</c> for bodies), naming the violations.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<IBitbucketClient, Task<T>> call)
    {
        Recorder.Clear();
        try
        {
            return await call(_services.GetRequiredService<IBitbucketClient>());
        }
        catch (BitbucketApiException ex)
        {
            Assert.Fail($"Prism refused the request: {(int)ex.StatusCode} {ex.Method} {ex.RequestUri}\nviolations: {Recorder.LastRequestViolations ?? "(none)"}\nbody: {ex.ResponseExcerpt}");
            throw;
        }
    }

    /// <inheritdoc cref="CallAsync{T}(Func{IBitbucketClient, Task{T}})"/>
    public async Task CallAsync(Func<IBitbucketClient, Task> call) =>
        await CallAsync(async client =>
        {
            await call(client);
            return true;
        });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<PrismServer> StartAsync()
    {
        var spec = RepositoryPaths.RequireSpec();
        var prism = await EnsureInstalledAsync();
        var port = MockBitbucket.FreePort();
        var info = new ProcessStartInfo(prism, ["mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), spec])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Prism did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "hook_events"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YTpi");
                using var response = await probe.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.NotFound || deadline.Elapsed > TimeSpan.FromSeconds(5))
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        return new PrismServer(process, baseAddress, new ViolationRecorder());
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PRISM_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var folder = Path.Combine(RepositoryPaths.Root, ".tools", "prism");
        var bin = Path.Combine(folder, "node_modules", ".bin", "prism");
        if (File.Exists(bin))
        {
            return bin;
        }

        Directory.CreateDirectory(folder);
        var install = Process.Start(new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--prefix", folder, $"@stoplight/prism-cli@{Version}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("npm did not start.");
        var errors = install.StandardError.ReadToEndAsync();
        _ = await install.StandardOutput.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0 || !File.Exists(bin))
        {
            throw new InvalidOperationException($"npm could not install @stoplight/prism-cli@{Version} (exit {install.ExitCode}): {await errors}");
        }

        return bin;
    }
}

/// <summary>Keeps the <c>sl-violations</c> header of the last response Prism refused.</summary>
internal sealed class ViolationRecorder
{
    public string? LastRequestViolations { get; private set; }

    public void Clear() => LastRequestViolations = null;

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ViolationRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode is 400 or 422 && response.Headers.TryGetValues("sl-violations", out var values))
            {
                recorder.LastRequestViolations = string.Join(" ", values);
            }

            return response;
        }
    }
}

/// <summary>Stops Prism after the conformance tests of this namespace.</summary>
[SetUpFixture]
public sealed class PrismLifetime
{
    [OneTimeTearDown]
    public Task StopAsync() => PrismServer.StopSharedAsync();
}
