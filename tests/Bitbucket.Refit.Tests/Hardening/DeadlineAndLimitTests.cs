using System.Diagnostics;
using System.Text;
using Bitbucket;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Tests.Hardening;

/// <summary>
/// Issue 18, findings 1, 3, 13 and 14: the deadline covers the body, one size limit bounds every body whatever its
/// content type, transport failures are typed, and a GET interrupted mid-body is retried. Raw servers on loopback.
/// </summary>
[Category("Reliability")]
[Category("Security")]
public sealed class DeadlineAndLimitTests
{
    private const string UserJson = """{"type":"user","display_name":"Ann","uuid":"{u}"}""";

    private static ServiceProvider Services(ScriptedServer server, Action<BitbucketOptions> configure, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        services?.Invoke(collection);
        collection.AddBitbucket(o =>
        {
            o.BaseAddress = server.BaseAddress;
            configure(o);
        }).WithAccessToken("token-for-deadline-tests");
        return collection.BuildServiceProvider();
    }

    /// <summary>Sends the headers at once, then one byte of <paramref name="body"/> every <paramref name="interval"/>.</summary>
    private static Func<ScriptedRequest, System.Net.Sockets.NetworkStream, System.Net.Sockets.Socket, Task> Trickle(string contentType, string body, TimeSpan interval) =>
        async (_, stream, _) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            await ScriptedServer.WriteHeadAsync(stream, 200, contentType, bytes.Length);
            foreach (var b in bytes)
            {
                await stream.WriteAsync(new[] { b });
                await stream.FlushAsync();
                await Task.Delay(interval);
            }
        };

    [Test]
    public async Task Timeout_CoversTheBody_OfATypedCall_NotOnlyTheHeaders()
    {
        // Before: headers at once then a byte a second held a call with Timeout = 2 s for as long as the body lasted.
        using var server = new ScriptedServer(Trickle("application/json", UserJson + new string(' ', 60), TimeSpan.FromSeconds(1)));
        await using var services = Services(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.Resilience.Enabled = false;
        });

        var watch = Stopwatch.StartNew();
        var failure = Assert.ThrowsAsync<TimeoutException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "the 2 s deadline ended the call mid-body");
            Assert.That(failure!.Message, Does.Contain("2 s"));
        });
    }

    [Test]
    public async Task TotalTimeout_CoversBodiesOfEveryAttempt_WithRetriesOn()
    {
        // Before: with Timeout = 2 s and TotalTimeout = 4 s the call was still reading after 30 s.
        using var server = new ScriptedServer(Trickle("application/json", UserJson + new string(' ', 60), TimeSpan.FromSeconds(1)));
        await using var services = Services(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.Resilience.Enabled = true;
            o.Resilience.MaxRetries = 5;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(4);
        });

        var watch = Stopwatch.StartNew();
        Assert.ThrowsAsync<TimeoutException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(8)), "TotalTimeout (4 s) bounded all attempts, bodies included");
            Assert.That(server.Requests, Has.Count.GreaterThanOrEqualTo(2), "a slow body is a failed attempt, retried for a GET");
        });
    }

    [Test]
    public async Task ReturnedStream_ThatStalls_FailsTheRead_AfterTimeout()
    {
        // A step log is returned open; a server that stops sending ends the caller's read after Timeout, not never.
        using var server = new ScriptedServer(async (_, stream, _) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, 200, "text/plain", 1000);
            await stream.WriteAsync("+ step started\n"u8.ToArray());
            await stream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20));
        });
        await using var services = Services(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.Resilience.Enabled = false;
        });

        await using var log = await services.GetRequiredService<IPipelinesApi>().GetStepLogAsync("w", "r", "{p}", "{s}");
        var buffer = new byte[100];
        var first = await log.ReadAtLeastAsync(buffer, 15);
        var watch = Stopwatch.StartNew();
        var failure = Assert.ThrowsAsync<TimeoutException>(async () => await log.ReadAtLeastAsync(buffer, 1));
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(buffer, 0, first), Is.EqualTo("+ step started\n"));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(failure!.Message, Does.Contain("BitbucketOptions.Timeout"));
        });
    }

    [TestCase("text/plain")]
    [TestCase("application/octet-stream")]
    public async Task SizeLimit_AppliesToNonJsonBodies_TheLibraryReads(string contentType)
    {
        // Before: with a 1 MiB limit, a 256 MiB text/plain answer was read whole (769 MiB allocated).
        const int Size = 64 * 1024 * 1024;
        var sent = 0L;
        using var server = new ScriptedServer(async (_, stream, _) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, 200, contentType); // chunked: no length to refuse up front
            var chunk = Encoding.ASCII.GetBytes("1000\r\n" + new string('k', 0x1000) + "\r\n");
            for (var i = 0; i < Size / 0x1000; i++)
            {
                await stream.WriteAsync(chunk);
                Interlocked.Add(ref sent, 0x1000);
            }
        });
        await using var services = Services(server, o =>
        {
            o.MaxResponseContentBytes = 1024 * 1024;
            o.Resilience.Enabled = false;
        });

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var failure = Assert.ThrowsAsync<BitbucketResponseFormatException>(() => services.GetRequiredService<IWorkspacesApi>().GetGpgPublicKeyAsync("w"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("larger than the limit of 1048576 bytes"));
            Assert.That(allocated, Is.LessThan(24L * 1024 * 1024), "reading stopped at the limit");
            Assert.That(Interlocked.Read(ref sent), Is.LessThan(Size), "the rest of the body was never read");
        });
    }

    [Test]
    public async Task SizeLimit_AppliesToAJsonOperation_AnsweredWithAnotherContentType()
    {
        using var server = new ScriptedServer((_, stream, _) =>
            ScriptedServer.WriteAsync(stream, 200, "application/octet-stream", new byte[3 * 1024 * 1024]));
        await using var services = Services(server, o =>
        {
            o.MaxResponseContentBytes = 1024 * 1024;
            o.Resilience.Enabled = false;
        });

        var failure = Assert.ThrowsAsync<BitbucketResponseFormatException>(() => services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.That(failure!.Message, Does.Contain("larger than the limit"));
    }

    [Test]
    public async Task ConnectionReset_BeforeTheResponse_IsTheLibrarysTypedException()
    {
        // Before: Refit's ApiRequestException (287 times in the soak).
        using var server = new ScriptedServer((_, _, socket) =>
        {
            ScriptedServer.Reset(socket);
            return Task.CompletedTask;
        });
        await using var services = Services(server, o => o.Resilience.Enabled = false);

        var failure = Assert.ThrowsAsync<BitbucketTransportException>(() =>
            services.GetRequiredService<IPipelinesApi>().CreateVariableAsync("w", "r", new Bitbucket.Models.PipelineVariable { Key = "K", Value = "v" }));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(failure.RequestUri!.AbsolutePath, Is.EqualTo("/2.0/repositories/w/r/pipelines_config/variables"));
            Assert.That(failure.Message, Does.StartWith("Bitbucket POST http://127.0.0.1:"));
            Assert.That(failure, Is.InstanceOf<HttpRequestException>());
            Assert.That(server.Requests, Has.Count.EqualTo(1), "a POST is not sent twice");
        });
    }

    [Test]
    public async Task ResetInTheMiddleOfAGetBody_IsRetried_LikeAnyTransientFailure()
    {
        // Before: surfaced as BitbucketResponseFormatException and ended a whole enumeration (252 times in the soak).
        var body = Encoding.UTF8.GetBytes(UserJson);
        using var server = new ScriptedServer(async (request, stream, socket) =>
        {
            if (request.Connection == 0)
            {
                await ScriptedServer.WriteHeadAsync(stream, 200, "application/json", body.Length);
                await stream.WriteAsync(body.AsMemory(0, 10));
                await stream.FlushAsync();
                await Task.Delay(100);
                ScriptedServer.Reset(socket);
                return;
            }

            await ScriptedServer.WriteAsync(stream, 200, "application/json", body);
        });
        await using var services = Services(server, o =>
        {
            o.Resilience.Enabled = true;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var user = await services.GetRequiredService<IUsersApi>().GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(user.DisplayName, Is.EqualTo("Ann"));
            Assert.That(server.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task TruncatedBody_OfAPost_IsATypedTransportFailure_NotRetried()
    {
        using var server = new ScriptedServer(async (_, stream, _) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, 201, "application/json", 500);
            await stream.WriteAsync("""{"key":"K","#"""u8.ToArray());
        });
        await using var services = Services(server, o => o.Resilience.Enabled = true);

        Assert.ThrowsAsync<BitbucketTransportException>(() =>
            services.GetRequiredService<IPipelinesApi>().CreateVariableAsync("w", "r", new Bitbucket.Models.PipelineVariable { Key = "K", Value = "v" }));

        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }
}
