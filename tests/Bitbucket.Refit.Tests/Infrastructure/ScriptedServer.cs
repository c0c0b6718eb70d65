using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bitbucket.Tests.Infrastructure;

/// <summary>One request as a <see cref="ScriptedServer"/> received it.</summary>
/// <param name="Connection">The 0-based index of the request among all the server received.</param>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Headers">The headers, names lower-cased.</param>
/// <param name="Body">The body.</param>
public sealed record ScriptedRequest(int Connection, string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// A raw HTTP/1.1 server on a loopback address (127.0.0.1, or 127.0.0.2 to stand for another origin) whose answer to
/// each request is written by a script, byte by byte if need be: slow trickles, resets mid-body, echoes, redirects.
/// One request per connection (<c>Connection: close</c>).
/// </summary>
public sealed class ScriptedServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ScriptedRequest, NetworkStream, Socket, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _count;

    public ScriptedServer(Func<ScriptedRequest, NetworkStream, Socket, Task> script, string address = "127.0.0.1")
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        Address = address;
        _accepting = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Origin => $"http://{Address}:{Port}";

    public Uri BaseAddress => new(Origin + "/2.0/");

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    /// <summary>Writes a whole response with a body.</summary>
    public static async Task WriteAsync(Stream stream, int status, string? contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {ReasonOf(status)}\r\nConnection: close\r\nContent-Length: {body.Length}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public static Task WriteAsync(Stream stream, int status, string? contentType, string body, params (string Name, string Value)[] headers) =>
        WriteAsync(stream, status, contentType, Encoding.UTF8.GetBytes(body), headers);

    /// <summary>Writes a status line and headers only (the body follows from the script).</summary>
    public static Task WriteHeadAsync(Stream stream, int status, string contentType, long? contentLength = null)
    {
        var length = contentLength is { } l ? $"Content-Length: {l}\r\n" : "Transfer-Encoding: chunked\r\n";
        return stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {ReasonOf(status)}\r\nConnection: close\r\nContent-Type: {contentType}\r\n{length}\r\n")).AsTask();
    }

    /// <summary>Closes the connection with a TCP reset instead of an orderly close.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var request = await ReadRequestAsync(stream, Interlocked.Increment(ref _count) - 1);
            if (request is null)
            {
                return;
            }

            Requests.Enqueue(request);
            await _script(request, stream, socket);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (a timeout test), or the script reset the connection.
        }
    }

    private async Task<ScriptedRequest?> ReadRequestAsync(NetworkStream stream, int index)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = string.Empty;
        if (headers.TryGetValue("content-length", out var length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var n)
        {
            var buffer = new byte[n];
            await stream.ReadExactlyAsync(buffer, _stop.Token);
            body = Encoding.UTF8.GetString(buffer);
        }

        return new ScriptedRequest(index, parts[0], parts[1], headers, body);
    }
}
