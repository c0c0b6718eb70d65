using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bitbucket.Tests.Infrastructure;

/// <summary>
/// A one-request HTTP/1.1 server on 127.0.0.1 that answers 200 with a chunked body: <c>first</c> at once, <c>rest</c>
/// only after <see cref="ReleaseRest"/> (or 30 s). A client that buffers the body cannot finish before the release.
/// </summary>
public sealed class TrickleServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _contentType;
    private readonly byte[] _first;
    private readonly byte[] _rest;
    private readonly Task _serving;
    private volatile bool _restSent;

    /// <summary>Starts the server.</summary>
    /// <param name="contentType">The response's Content-Type.</param>
    /// <param name="first">The bytes sent at once.</param>
    /// <param name="rest">The bytes held back until <see cref="ReleaseRest"/>.</param>
    public TrickleServer(string contentType, byte[] first, byte[] rest)
    {
        _contentType = contentType;
        _first = first;
        _rest = rest;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/2.0/");

    public string? RequestLine { get; private set; }

    public bool RestSent => _restSent;

    public void ReleaseRest() => _release.TrySetResult();

    public void Dispose()
    {
        _release.TrySetResult();
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        await using var network = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await network.ReadAsync(buffer) == 1)
        {
            head.Append((char)buffer[0]);
        }

        RequestLine = head.ToString().Split("\r\n")[0];
        await WriteAsync(network, $"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nTransfer-Encoding: chunked\r\n\r\n");
        await WriteChunkAsync(network, _first);

        try
        {
            await _release.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }

        _restSent = true;
        try
        {
            await WriteChunkAsync(network, _rest);
            await WriteAsync(network, "0\r\n\r\n");
        }
        catch (IOException)
        {
            // The client gave up on the body and closed the connection.
        }
    }

    private static async Task WriteChunkAsync(NetworkStream network, byte[] data)
    {
        await WriteAsync(network, $"{data.Length:x}\r\n");
        await network.WriteAsync(data);
        await WriteAsync(network, "\r\n");
        await network.FlushAsync();
    }

    private static async Task WriteAsync(NetworkStream network, string text) => await network.WriteAsync(Encoding.ASCII.GetBytes(text));
}
