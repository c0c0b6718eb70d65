using Microsoft.Extensions.DependencyInjection;
using Bitbucket;
using Bitbucket.Models;
using Refit;

namespace Bitbucket.Tests.Conformance;

/// <summary>
/// Every <see cref="Api.IPipelinesApi"/> operation except the variables (see
/// <see cref="PipelinesVariablesConformanceTests"/>), sent through the real pipeline to Prism validating against the spec.
/// </summary>
[Category("Conformance")]
public sealed class PipelinesConformanceTests
{
    internal const string Ws = "acme";
    internal const string Repo = "widgets";
    private const string Pipeline = "{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}";
    private const string Step = "{5f6e7d8c-1111-4b2a-9c3d-4e5f6a7b8c9d}";

    /// <summary>
    /// Why a few operations read nothing: the spec declares no response body for them (test reports, OIDC), so Prism
    /// answers 200 with an empty body, which reads as null. The WireMock tests cover the shapes Bitbucket sends.
    /// </summary>
    private const string EmptyBody = "the spec declares no response schema here, so Prism answers with an empty body";

    private PrismServer _prism = null!;

    [OneTimeSetUp]
    public async Task StartPrism() => _prism = await PrismServer.GetAsync();

    internal static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> list)
    {
        await foreach (var page in list.AsPages())
        {
            return page;
        }

        throw new AssertionException("The list returned no page.");
    }

    [Test]
    public async Task List()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.List(
            Ws,
            Repo,
            creatorUuid: "d301aafa-d676-4ee0-88be-962be7417567",
            targetRefType: PipelineFilterRefType.Branch,
            targetRefName: "main",
            targetBranch: "main",
            targetCommitHash: "ce5b7431602f",
            targetSelectorPattern: "deploy",
            targetSelectorType: PipelineFilterSelectorType.Custom,
            createdOn: new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
            triggerType: PipelineTriggerType.Manual,
            status: PipelineStatus.Failed,
            options: new ListOptions { Sort = "created_on", PageLength = 10 })));

        Assert.That(page.Values, Is.Not.Null);
    }

    /// <remarks>
    /// Bitbucket serves "Run a pipeline" only at <c>.../pipelines/</c> (its own examples use the trailing slash), while
    /// the spec, and so Prism, knows only <c>.../pipelines</c>: a handler below the client removes the slash so that
    /// Prism still validates the body, and records the path as the client sent it.
    /// </remarks>
    [Test]
    public async Task RunAsync()
    {
        var slash = new TrailingSlashShim();
        var collection = new ServiceCollection();
        var builder = collection.AddBitbucket(o =>
        {
            o.BaseAddress = _prism.BaseAddress;
            o.Resilience.Enabled = false;
            o.Timeout = TimeSpan.FromSeconds(60);
        }).WithBasicAuthentication("ann@example.com", "conformance-api-token");
        builder.HttpClientBuilder.AddHttpMessageHandler(() => slash);
        await using var services = collection.BuildServiceProvider();
        var client = services.GetRequiredService<IBitbucketClient>();

        Pipeline pipeline;
        try
        {
            pipeline = await client.Pipelines.RunAsync(Ws, Repo, new Pipeline
            {
                Type = "pipeline",
                Target = new PipelineRefTarget
                {
                    RefType = PipelineRefTargetRefType.Branch,
                    RefName = "main",
                    Selector = new PipelineSelector { Type = "custom", Pattern = "deploy" },
                },
                Variables = [new PipelineVariable { Type = "pipeline_variable", Key = "ENV", Value = "staging", Secured = false }],
            });
        }
        catch (BitbucketApiException ex)
        {
            Assert.Fail($"Prism refused the request: {(int)ex.StatusCode} {ex.RequestUri}\nbody: {ex.ResponseExcerpt}");
            throw;
        }

        Assert.Multiple(() =>
        {
            Assert.That(slash.SentPath, Is.EqualTo("/repositories/acme/widgets/pipelines/"));
            Assert.That(pipeline.Type, Is.Not.Null);
        });
    }

    [Test]
    public async Task GetAsync()
    {
        var pipeline = await _prism.CallAsync(c => c.Pipelines.GetAsync(Ws, Repo, Pipeline));

        Assert.That(pipeline.Type, Is.Not.Null);
    }

    [Test]
    public async Task StopAsync() =>
        await _prism.CallAsync(c => c.Pipelines.StopAsync(Ws, Repo, Pipeline));

    [Test]
    public async Task ListSteps()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListSteps(Ws, Repo, Pipeline)));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task GetStepAsync()
    {
        var step = await _prism.CallAsync(c => c.Pipelines.GetStepAsync(Ws, Repo, Pipeline, Step));

        Assert.That(step.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetStepLogAsync()
    {
        await using var log = await _prism.CallAsync(c => c.Pipelines.GetStepLogAsync(Ws, Repo, Pipeline, Step));

        Assert.That(log.CanRead, Is.True);
    }

    [Test]
    public async Task GetContainerLogAsync()
    {
        await using var log = await _prism.CallAsync(c => c.Pipelines.GetContainerLogAsync(Ws, Repo, Pipeline, Step, Step));

        Assert.That(log.CanRead, Is.True);
    }

    [Test]
    public async Task GetTestReportSummaryAsync()
    {
        var summary = await _prism.CallAsync(c => c.Pipelines.GetTestReportSummaryAsync(Ws, Repo, Pipeline, Step));

        Assert.That(summary.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Undefined), EmptyBody);
    }

    [Test]
    public async Task GetTestCasesAsync()
    {
        var cases = await _prism.CallAsync(c => c.Pipelines.GetTestCasesAsync(Ws, Repo, Pipeline, Step));

        Assert.That(cases.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Undefined), EmptyBody);
    }

    [Test]
    public async Task GetTestCaseReasonsAsync()
    {
        var reasons = await _prism.CallAsync(c => c.Pipelines.GetTestCaseReasonsAsync(Ws, Repo, Pipeline, Step, "{t1}"));

        Assert.That(reasons.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Undefined), EmptyBody);
    }

    [Test]
    public async Task GetConfigAsync()
    {
        var config = await _prism.CallAsync(c => c.Pipelines.GetConfigAsync(Ws, Repo));

        Assert.That(config.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateConfigAsync()
    {
        var config = await _prism.CallAsync(c => c.Pipelines.UpdateConfigAsync(Ws, Repo, new PipelinesConfig { Type = "repository_pipelines_configuration", Enabled = true }));

        Assert.That(config.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateBuildNumberAsync()
    {
        var number = await _prism.CallAsync(c => c.Pipelines.UpdateBuildNumberAsync(Ws, Repo, new PipelineBuildNumber { Type = "pipeline_build_number", Next = 100 }));

        Assert.That(number.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListSchedules()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListSchedules(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateScheduleAsync()
    {
        var schedule = await _prism.CallAsync(c => c.Pipelines.CreateScheduleAsync(Ws, Repo, new PipelineSchedulePostRequestBody
        {
            Type = "pipeline_schedule",
            Target = new PipelineSchedulePostRequestBodyTarget
            {
                RefType = PipelineRefTargetRefType.Branch,
                RefName = "main",
                Selector = new PipelineSelector { Type = "branches", Pattern = "main" },
            },
            CronPattern = "0 0 12 * * ? *",
            Enabled = true,
        }));

        Assert.That(schedule.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetScheduleAsync()
    {
        var schedule = await _prism.CallAsync(c => c.Pipelines.GetScheduleAsync(Ws, Repo, "{s1}"));

        Assert.That(schedule.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateScheduleAsync()
    {
        var schedule = await _prism.CallAsync(c => c.Pipelines.UpdateScheduleAsync(Ws, Repo, "{s1}", new PipelineSchedulePutRequestBody { Type = "pipeline_schedule", Enabled = false }));

        Assert.That(schedule.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteScheduleAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteScheduleAsync(Ws, Repo, "{s1}"));

    [Test]
    public async Task ListScheduleExecutions()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListScheduleExecutions(Ws, Repo, "{s1}")));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task GetSshKeyPairAsync()
    {
        var pair = await _prism.CallAsync(c => c.Pipelines.GetSshKeyPairAsync(Ws, Repo));

        Assert.That(pair.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateSshKeyPairAsync()
    {
        var pair = await _prism.CallAsync(c => c.Pipelines.UpdateSshKeyPairAsync(Ws, Repo, new PipelineSshKeyPair
        {
            Type = "pipeline_ssh_key_pair",
            PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n",
            PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 pipelines",
        }));

        Assert.That(pair.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteSshKeyPairAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteSshKeyPairAsync(Ws, Repo));

    [Test]
    public async Task ListKnownHosts()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListKnownHosts(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateKnownHostAsync()
    {
        var host = await _prism.CallAsync(c => c.Pipelines.CreateKnownHostAsync(Ws, Repo, KnownHost()));

        Assert.That(host.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetKnownHostAsync()
    {
        var host = await _prism.CallAsync(c => c.Pipelines.GetKnownHostAsync(Ws, Repo, "{k1}"));

        Assert.That(host.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateKnownHostAsync()
    {
        var host = await _prism.CallAsync(c => c.Pipelines.UpdateKnownHostAsync(Ws, Repo, "{k1}", KnownHost()));

        Assert.That(host.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteKnownHostAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteKnownHostAsync(Ws, Repo, "{k1}"));

    [Test]
    public async Task ListCaches()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListCaches(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task DeleteCachesByNameAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteCachesByNameAsync(Ws, Repo, "node"));

    [Test]
    public async Task DeleteCacheAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteCacheAsync(Ws, Repo, "{c1}"));

    [Test]
    public async Task GetCacheContentUriAsync()
    {
        var uri = await _prism.CallAsync(c => c.Pipelines.GetCacheContentUriAsync(Ws, Repo, "{c1}"));

        Assert.That(uri.Uri, Is.Not.Null);
    }

    [Test]
    public async Task ListRunners()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListRunners(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateRunnerAsync()
    {
        var runner = await _prism.CallAsync(c => c.Pipelines.CreateRunnerAsync(Ws, Repo, Runner()));

        Assert.That(runner.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetRunnerAsync()
    {
        var runner = await _prism.CallAsync(c => c.Pipelines.GetRunnerAsync(Ws, Repo, "{r1}"));

        Assert.That(runner.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateRunnerAsync()
    {
        var runner = await _prism.CallAsync(c => c.Pipelines.UpdateRunnerAsync(Ws, Repo, "{r1}", Runner()));

        Assert.That(runner.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteRunnerAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteRunnerAsync(Ws, Repo, "{r1}"));

    [Test]
    public async Task ListWorkspaceRunners()
    {
        var page = await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListWorkspaceRunners(Ws)));

        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateWorkspaceRunnerAsync()
    {
        var runner = await _prism.CallAsync(c => c.Pipelines.CreateWorkspaceRunnerAsync(Ws, Runner()));

        Assert.That(runner.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetWorkspaceRunnerAsync()
    {
        var runner = await _prism.CallAsync(c => c.Pipelines.GetWorkspaceRunnerAsync(Ws, "{r1}"));

        Assert.That(runner.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateWorkspaceRunnerAsync()
    {
        var runner = await _prism.CallAsync(c => c.Pipelines.UpdateWorkspaceRunnerAsync(Ws, "{r1}", Runner()));

        Assert.That(runner.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteWorkspaceRunnerAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteWorkspaceRunnerAsync(Ws, "{r1}"));

    [Test]
    public async Task GetOidcConfigurationAsync()
    {
        var config = await _prism.CallAsync(c => c.Pipelines.GetOidcConfigurationAsync(Ws));

        Assert.That(config, Is.Null, EmptyBody);
    }

    [Test]
    public async Task GetOidcKeysAsync()
    {
        var keys = await _prism.CallAsync(c => c.Pipelines.GetOidcKeysAsync(Ws));

        Assert.That(keys, Is.Null, EmptyBody);
    }

    private static PipelineKnownHost KnownHost() => new()
    {
        Type = "pipeline_known_host",
        Hostname = "git.example.com",
        PublicKey = new PipelineSshPublicKey { Type = "pipeline_ssh_public_key", KeyType = "ssh-ed25519", Key = "AAAAC3NzaC1lZDI1NTE5AAAAIKvX9kQ4" },
    };

    private static PipelineRunner Runner() => new() { Type = "pipeline_runner", Name = "build-box-1", Labels = ["self.hosted", "linux"] };

    private sealed class TrailingSlashShim : DelegatingHandler
    {
        public string? SentPath { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SentPath = request.RequestUri!.AbsolutePath;
            request.RequestUri = new UriBuilder(request.RequestUri) { Path = SentPath.TrimEnd('/') }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
