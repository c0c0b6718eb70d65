using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Bitbucket.Webhooks.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitbucket.Webhooks.Tests.Infrastructure;

/// <summary>A real ASP.NET Core app on Kestrel, 127.0.0.1, random port, with the webhook endpoint and recording handlers.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public const string Path = "/bitbucket/events";

    private readonly WebApplication _app;

    private WebhookHost(WebApplication app, Uri endpoint, Recorder recorder, LogSink logs)
    {
        _app = app;
        Endpoint = endpoint;
        Recorder = recorder;
        Logs = logs;
    }

    public Uri Endpoint { get; }

    public Recorder Recorder { get; }

    public LogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebhookHost> StartAsync(
        Action<BitbucketWebhookOptions>? configure = null,
        Dictionary<string, string?>? configuration = null,
        Action<IEndpointConventionBuilder>? endpoint = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new LogSink();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var recorder = new Recorder();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddScoped<ScopeMarker>();

        BitbucketWebhooksBuilder webhooks;
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            webhooks = builder.Services.AddBitbucketWebhooks(builder.Configuration.GetSection("Bitbucket:Webhooks"));
        }
        else
        {
            webhooks = builder.Services.AddBitbucketWebhooks(configure ?? (o => o.Secrets.Add(Secret)));
        }

        webhooks.AddHandler<PullRequestEvent, PullRequestHandler>()
                .AddHandler<WebhookEvent, CatchAllHandler>();

        var app = builder.Build();
        var convention = app.MapBitbucketWebhooks(Path);
        endpoint?.Invoke(convention);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookHost(app, new Uri(new Uri(address), Path), recorder, logs);
    }

    public const string Secret = "whsec-Zq81-do-not-log-me";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Sends raw HTTP/1.1 bytes (duplicate header lines, which HttpClient folds into one) and returns the status code.</summary>
    public async Task<int> SendRawAsync(string head, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Endpoint.Host, Endpoint.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? string.Empty;
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What the handlers saw.</summary>
internal sealed class Recorder
{
    public ConcurrentQueue<Received> Events { get; } = new();

    /// <summary>How many more calls of <see cref="PullRequestHandler"/> throw.</summary>
    public int FailuresToThrow { get; set; }

    /// <summary>When set, <see cref="PullRequestHandler"/> signals <see cref="Entered"/> and waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until <paramref name="count"/> events are recorded (queued mode handles them in the background).</summary>
    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Events.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    public sealed record Received(string Handler, WebhookEvent Event, WebhookHeaders Headers, Guid Scope, bool TokenCanBeCanceled);
}

/// <summary>One instance per DI scope: tells whether two handlers ran in the same request scope.</summary>
internal sealed class ScopeMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}

internal sealed class PullRequestHandler(Recorder recorder, ScopeMarker scope) : IWebhookHandler<PullRequestEvent>
{
    public async Task HandleAsync(PullRequestEvent @event, WebhookHeaders headers, CancellationToken cancellationToken)
    {
        if (recorder.Gate is { } gate)
        {
            recorder.Entered.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (recorder.FailuresToThrow > 0)
        {
            recorder.FailuresToThrow--;
            throw new InvalidOperationException("The review bot is down.");
        }

        recorder.Events.Enqueue(new("pullrequest", @event, headers, scope.Id, cancellationToken.CanBeCanceled));
    }
}

internal sealed class CatchAllHandler(Recorder recorder, ScopeMarker scope) : IWebhookHandler<WebhookEvent>
{
    public Task HandleAsync(WebhookEvent @event, WebhookHeaders headers, CancellationToken cancellationToken)
    {
        recorder.Events.Enqueue(new("all", @event, headers, scope.Id, cancellationToken.CanBeCanceled));
        return Task.CompletedTask;
    }
}

/// <summary>Keeps every log line (message and exception) to check that no secret is ever written.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;
            sink.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{structured}] {exception}");
        }
    }
}
