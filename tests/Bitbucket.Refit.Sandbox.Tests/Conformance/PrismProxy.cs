using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bitbucket.Sandbox.Tests.Conformance;

/// <summary>
/// Stoplight Prism (npm @stoplight/prism-cli 5.16.0) in proxy mode on 127.0.0.1: it forwards each request to the
/// sandbox and validates the answer against the vendored description, reporting violations in <c>sl-violations</c>.
/// Found through <c>PRISM_BIN</c> or the repository's <c>.tools/prism</c>, installed there with npm when missing.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    private const string Version = "5.16.0";
    private readonly Process _process;

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PrismProxy> StartAsync(Uri upstream)
    {
        var prism = await EnsureInstalledAsync();
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo(prism, ["proxy", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--validate-request", "false", SpecOperations.SpecPath, upstream.AbsoluteUri.TrimEnd('/')])
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

        var address = new Uri($"http://127.0.0.1:{port}/");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new PrismProxy(process, address);
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("Prism did not listen within 120 s.");
    }

    public async ValueTask DisposeAsync()
    {
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

    private static async Task<string> EnsureInstalledAsync()
    {
        if (Environment.GetEnvironmentVariable("PRISM_BIN") is { Length: > 0 } fromEnvironment && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var folder = Path.Combine(SpecOperations.Root, ".tools", "prism");
        var bin = Path.Combine(folder, "node_modules", ".bin", "prism");
        if (File.Exists(bin))
        {
            return bin;
        }

        Directory.CreateDirectory(folder);
        using var install = Process.Start(new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--prefix", folder, $"@stoplight/prism-cli@{Version}"])
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
