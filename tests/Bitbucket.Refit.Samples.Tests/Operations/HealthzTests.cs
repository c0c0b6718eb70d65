using System.Net;
using Bitbucket.Samples.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Bitbucket.Samples.Tests.Operations;

/// <summary>The sample's <c>/healthz</c> reports the sandbox through the library's health check, and the console telemetry switch.</summary>
[TestFixture]
[NonParallelizable]
public sealed class HealthzTests
{
    private static async Task<WebApplication> StartAsync(params string[] more)
    {
        var app = await SampleApp.BuildAsync(["--urls=http://127.0.0.1:0", "--Bitbucket:UseSandbox=true", "--environment=Development", .. more]);
        await app.StartAsync();
        return app;
    }

    [Test]
    public async Task Healthz_reports_the_sandbox_healthy()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = SampleApp.GetAddress(app) };

        using var first = await http.GetAsync("/healthz");
        var text = await first.Content.ReadAsStringAsync();
        using var second = await http.GetAsync("/healthz");

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.StartWith("Healthy\n"));
            Assert.That(text, Does.Contain("bitbucket:sample-service: Healthy (").And.Contain("answered GET /user with 200"));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        await app.StopAsync();
    }

    [Test]
    public async Task Healthz_is_unhealthy_once_the_sandbox_is_gone()
    {
        await using var app = await StartAsync();
        await app.Services.GetRequiredService<Bitbucket.Sandbox.BitbucketSandbox>().DisposeAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = SampleApp.GetAddress(app) };

        using var response = await http.GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(text, Does.StartWith("Unhealthy\n"));
        });
        await app.StopAsync();
    }

    [Test]
    public async Task Console_telemetry_is_off_unless_asked_for()
    {
        await using (var quiet = await StartAsync())
        {
            Assert.That(quiet.Services.GetService<TracerProvider>(), Is.Null);
            await quiet.StopAsync();
        }

        await using var verbose = await StartAsync("--Sample:ConsoleTelemetry=true");
        Assert.That(verbose.Services.GetService<TracerProvider>(), Is.Not.Null);
        await verbose.StopAsync();
    }
}
