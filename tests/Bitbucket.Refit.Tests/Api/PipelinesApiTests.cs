using System.Text;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Api;

/// <summary>
/// One WireMock server per test answering every request with the canned reply; the tests assert on what went out
/// (method, raw path and query, body) and on what came back.
/// </summary>
public abstract class PipelinesApiTestBase : ApiTestBase
{
    protected const string PipelineUuid = "{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}";
    protected const string EscapedPipelineUuid = "%7Bb7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b%7D";
    protected const string StepUuid = "{5f6e7d8c-1111-4b2a-9c3d-4e5f6a7b8c9d}";
    protected const string EscapedStepUuid = "%7B5f6e7d8c-1111-4b2a-9c3d-4e5f6a7b8c9d%7D";
    protected const string Repo = "/2.0/repositories/acme/widgets";

    protected const string PipelineJson = """
        {
          "type": "pipeline",
          "uuid": "{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}",
          "build_number": 42,
          "creator": {"type": "user", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}", "display_name": "Ann Lee", "account_id": "557058:c0b7d8a1"},
          "repository": {"type": "repository", "name": "widgets", "full_name": "acme/widgets", "uuid": "{1c3f5e7a-9b2d-4f6e-8a0c-2e4f6a8b0c1d}"},
          "target": {
            "type": "pipeline_ref_target",
            "ref_type": "branch",
            "ref_name": "main",
            "commit": {"type": "commit", "hash": "ce5b7431602f7cbba007062eeb55225c6e18e956", "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/ce5b7431602f"}}},
            "selector": {"type": "branches", "pattern": "main"}
          },
          "trigger": {"type": "pipeline_trigger_push", "name": "PUSH"},
          "state": {"type": "pipeline_state_completed", "name": "COMPLETED", "result": {"type": "pipeline_state_completed_successful", "name": "SUCCESSFUL"}},
          "variables": [],
          "created_on": "2024-05-01T10:00:00.123456Z",
          "completed_on": "2024-05-01T10:05:00.654321Z",
          "build_seconds_used": 297,
          "configuration_sources": [{"source": "bitbucket-pipelines.yml", "uri": "https://api.bitbucket.org/2.0/repositories/acme/widgets/src/ce5b7431602f/bitbucket-pipelines.yml"}],
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/pipelines/{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}"},
            "steps": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/pipelines/{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}/steps"}
          },
          "has_variables": false
        }
        """;

    protected const string StepJson = """
        {
          "type": "pipeline_step",
          "uuid": "{5f6e7d8c-1111-4b2a-9c3d-4e5f6a7b8c9d}",
          "name": "Build and test",
          "started_on": "2024-05-01T10:00:10Z",
          "completed_on": "2024-05-01T10:04:50Z",
          "state": {"type": "pipeline_step_state_completed", "name": "COMPLETED", "result": {"type": "pipeline_step_state_completed_failed", "name": "FAILED"}},
          "image": {"name": "node:20", "username": "builder", "password": "hunter2"},
          "setup_commands": [{"name": "Clone", "command": "git clone --branch=\"main\" --depth 50 https://x-token-auth:$REPOSITORY_OAUTH_ACCESS_TOKEN@bitbucket.org/$BITBUCKET_REPO_FULL_NAME.git $BUILD_DIR"}],
          "script_commands": [{"name": "npm ci", "command": "npm ci"}, {"name": "npm test", "command": "npm test"}],
          "pipeline": {"type": "pipeline", "uuid": "{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}"}
        }
        """;

    protected const string VariableJson = """{"type": "pipeline_variable", "uuid": "{a0b1c2d3-2222-4e5f-8a9b-0c1d2e3f4a5b}", "key": "API_URL", "value": "https://staging.example.com", "secured": false}""";
    protected const string SecuredVariableJson = """{"type": "pipeline_variable", "uuid": "{c2d3e4f5-3333-4e5f-8a9b-0c1d2e3f4a5b}", "key": "NPM_TOKEN", "secured": true}""";

    protected IPipelinesApi Pipelines => Api<IPipelinesApi>();
}

public sealed class PipelinesApiTests : PipelinesApiTestBase
{
    [Test]
    public async Task List_SendsEveryFilter_AndReadsThePipelines()
    {
        Answer(200, PageOf(PipelineJson));

        var pipelines = await ToListAsync(Pipelines.List(
            "acme",
            "widgets",
            creatorUuid: "{d301aafa-d676-4ee0-88be-962be7417567}",
            targetRefType: PipelineFilterRefType.Branch,
            targetRefName: "release/2.0",
            targetBranch: "feature/a b",
            targetCommitHash: "ce5b7431602f",
            targetSelectorPattern: "Deploy to production",
            targetSelectorType: PipelineFilterSelectorType.Custom,
            createdOn: new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
            triggerType: PipelineTriggerType.Manual,
            status: PipelineStatus.Failed,
            options: new ListOptions { Sort = "-created_on", PageLength = 50 }));

        AssertSent("GET", Repo + "/pipelines"
            + "?creator.uuid=%7Bd301aafa-d676-4ee0-88be-962be7417567%7D"
            + "&target.ref_type=BRANCH"
            + "&target.ref_name=release%2F2.0"
            + "&target.branch=feature%2Fa%20b"
            + "&target.commit.hash=ce5b7431602f"
            + "&target.selector.pattern=Deploy%20to%20production"
            + "&target.selector.type=CUSTOM"
            + "&created_on=2024-05-01T10%3A00%3A00.0000000%2B00%3A00"
            + "&trigger_type=MANUAL"
            + "&status=FAILED"
            + "&sort=-created_on&pagelen=50");
        Assert.That(pipelines.Single().BuildNumber, Is.EqualTo(42));
    }

    [Test]
    public async Task List_WithoutFilters_SendsNoQuery_AndFollowsNext()
    {
        Mock.Server.Given(Request.Create().UsingGet().WithParam("page", "2"))
            .AtPriority(1)
            .RespondWith(Json("""{"page": 2, "pagelen": 1, "values": [{"type": "pipeline", "uuid": "{p2}", "build_number": 41}]}"""));
        Mock.Server.Given(Request.Create().UsingGet())
            .AtPriority(2)
            .RespondWith(Json($$"""{"page": 1, "pagelen": 1, "values": [{"type": "pipeline", "uuid": "{p1}", "build_number": 42}], "next": "{{Mock.Url}}{{Repo}}/pipelines?page=2"}"""));

        var pipelines = await ToListAsync(Pipelines.List("acme", "widgets"));

        Assert.Multiple(() =>
        {
            Assert.That(pipelines.Select(p => p.BuildNumber), Is.EqualTo(new int?[] { 42, 41 }));
            Assert.That(Mock.RawTargets, Is.EqualTo(new[] { Repo + "/pipelines", Repo + "/pipelines?page=2" }));
        });
    }

    [Test]
    public async Task GetAsync_EscapesTheBracedUuidAsOneSegment_AndReadsTheDocumentedPipeline()
    {
        Answer(200, PipelineJson);

        var pipeline = await Pipelines.GetAsync("acme", "widgets", PipelineUuid);

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid);
        Assert.Multiple(() =>
        {
            Assert.That(pipeline.Type, Is.EqualTo("pipeline"));
            Assert.That(pipeline.Uuid, Is.EqualTo(PipelineUuid));
            Assert.That(pipeline.BuildNumber, Is.EqualTo(42));
            Assert.That(pipeline.Creator!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(pipeline.Repository!.FullName, Is.EqualTo("acme/widgets"));
            Assert.That(pipeline.Target!.Type, Is.EqualTo("pipeline_ref_target"));
            Assert.That(pipeline.Target.RefType, Is.EqualTo(PipelineRefTargetRefType.Branch));
            Assert.That(pipeline.Target.RefName, Is.EqualTo("main"));
            Assert.That(pipeline.Target.Commit!.Hash, Is.EqualTo("ce5b7431602f7cbba007062eeb55225c6e18e956"));
            Assert.That(pipeline.Target.Selector!.Type, Is.EqualTo("branches"));
            Assert.That(pipeline.Trigger!.Type, Is.EqualTo("pipeline_trigger_push"));
            Assert.That(pipeline.State!.Name, Is.EqualTo(PipelineStateName.Completed));
            Assert.That(pipeline.State.Result!.Name, Is.EqualTo(PipelineStateCompletedResultName.Successful));
            Assert.That(pipeline.CreatedOn, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560)));
            Assert.That(pipeline.BuildSecondsUsed, Is.EqualTo(297));
            Assert.That(pipeline.ConfigurationSources!.Single().Source, Is.EqualTo("bitbucket-pipelines.yml"));
            Assert.That(pipeline.Links!.Steps!.Href, Does.EndWith("/steps"));
            Assert.That(pipeline.HasVariables, Is.False);
        });
    }

    [TestCase(
        """{"type":"pipeline_state_completed","name":"COMPLETED","result":{"type":"pipeline_state_completed_successful","name":"SUCCESSFUL"}}""",
        "pipeline_state_completed", "COMPLETED", "SUCCESSFUL", null)]
    [TestCase(
        """{"type":"pipeline_state_completed","name":"COMPLETED","result":{"type":"pipeline_state_completed_failed","name":"FAILED"}}""",
        "pipeline_state_completed", "COMPLETED", "FAILED", null)]
    [TestCase(
        """{"type":"pipeline_state_in_progress","name":"IN_PROGRESS","stage":{"type":"pipeline_state_in_progress_running","name":"RUNNING"}}""",
        "pipeline_state_in_progress", "IN_PROGRESS", null, "RUNNING")]
    [TestCase(
        """{"type":"pipeline_state_in_progress","name":"IN_PROGRESS","stage":{"type":"pipeline_state_in_progress_paused","name":"PAUSED"}}""",
        "pipeline_state_in_progress", "IN_PROGRESS", null, "PAUSED")]
    [TestCase("""{"type":"pipeline_state_pending","name":"PENDING"}""", "pipeline_state_pending", "PENDING", null, null)]
    [TestCase(
        """{"type":"pipeline_state_completed","name":"COMPLETED","result":{"type":"pipeline_state_completed_halted","name":"HALTED"}}""",
        "pipeline_state_completed", "COMPLETED", "HALTED", null)]
    public async Task GetAsync_FlattensEveryDocumentedState(string state, string type, string name, string? result, string? stage)
    {
        Answer(200, $$"""{"type":"pipeline","uuid":"{p}","state":{{state}}}""");

        var pipeline = await Pipelines.GetAsync("acme", "widgets", "{p}");

        Assert.Multiple(() =>
        {
            Assert.That(pipeline.State!.Type, Is.EqualTo(type));
            Assert.That(pipeline.State.Name, Is.EqualTo(PipelineStateName.FromValue(name)));
            Assert.That(pipeline.State.Result?.Name?.Value, Is.EqualTo(result));
            Assert.That(pipeline.State.Stage?.Name?.Value, Is.EqualTo(stage));
        });
    }

    [Test]
    public async Task RunAsync_PostsToTheTrailingSlashPath_ARefTargetWithCustomSelectorAndVariables()
    {
        Answer(201, PipelineJson);

        var pipeline = await Pipelines.RunAsync("acme", "widgets", new Pipeline
        {
            Type = "pipeline",
            Target = new PipelineRefTarget
            {
                RefType = PipelineRefTargetRefType.Branch,
                RefName = "main",
                Selector = new PipelineSelector { Type = "custom", Pattern = "Deploy to production" },
            },
            Variables =
            [
                new PipelineVariable { Key = "var1key", Value = "var1value", Secured = true },
                new PipelineVariable { Key = "var2key", Value = "var2value" },
            ],
        });

        AssertSent("POST", Repo + "/pipelines/");
        Assert.That(Sent.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("pipeline"));
            Assert.That(body["target"]!["type"]!.GetValue<string>(), Is.EqualTo("pipeline_ref_target"));
            Assert.That(body["target"]!["ref_type"]!.GetValue<string>(), Is.EqualTo("branch"));
            Assert.That(body["target"]!["ref_name"]!.GetValue<string>(), Is.EqualTo("main"));
            Assert.That(body["target"]!["selector"]!["type"]!.GetValue<string>(), Is.EqualTo("custom"));
            Assert.That(body["target"]!["selector"]!["pattern"]!.GetValue<string>(), Is.EqualTo("Deploy to production"));
            Assert.That(body["target"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "type", "ref_type", "ref_name", "selector" }), "no nulls sent");
            Assert.That(body["variables"]![0]!["key"]!.GetValue<string>(), Is.EqualTo("var1key"));
            Assert.That(body["variables"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("var1value"));
            Assert.That(body["variables"]![0]!["secured"]!.GetValue<bool>(), Is.True);
            Assert.That(body["variables"]![1]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "key", "value" }));
            Assert.That(pipeline.Uuid, Is.EqualTo(PipelineUuid));
        });
    }

    [Test]
    public async Task RunAsync_SendsACommitTarget()
    {
        Answer(201, PipelineJson);

        await Pipelines.RunAsync("acme", "widgets", new Pipeline
        {
            Target = new PipelineCommitTarget
            {
                Commit = new Commit { Type = "commit", Hash = "a3c4e02c9a3755eccdc3764e6ea13facdf30f923" },
                Selector = new PipelineSelector { Type = "custom", Pattern = "security-scan" },
            },
        });

        var target = SentJson()["target"]!;
        Assert.Multiple(() =>
        {
            Assert.That(target["type"]!.GetValue<string>(), Is.EqualTo("pipeline_commit_target"));
            Assert.That(target["commit"]!["type"]!.GetValue<string>(), Is.EqualTo("commit"));
            Assert.That(target["commit"]!["hash"]!.GetValue<string>(), Is.EqualTo("a3c4e02c9a3755eccdc3764e6ea13facdf30f923"));
            Assert.That(target["selector"]!["pattern"]!.GetValue<string>(), Is.EqualTo("security-scan"));
        });
    }

    [Test]
    public async Task RunAsync_SendsAPullRequestTarget()
    {
        Answer(201, PipelineJson);

        await Pipelines.RunAsync("acme", "widgets", new Pipeline
        {
            Target = new PipelinePullRequestTarget
            {
                Source = "pull-request-branch",
                Destination = "main",
                DestinationCommit = new Commit { Hash = "9f848b7" },
                Commit = new Commit { Hash = "1a372fc" },
                PullRequest = new PullRequest { Id = 3 },
                Selector = new PipelineSelector { Type = "pull-requests", Pattern = "**" },
            },
        });

        var target = SentJson()["target"]!;
        Assert.Multiple(() =>
        {
            Assert.That(target["type"]!.GetValue<string>(), Is.EqualTo("pipeline_pullrequest_target"));
            Assert.That(target["source"]!.GetValue<string>(), Is.EqualTo("pull-request-branch"));
            Assert.That(target["destination"]!.GetValue<string>(), Is.EqualTo("main"));
            Assert.That(target["destination_commit"]!["hash"]!.GetValue<string>(), Is.EqualTo("9f848b7"));
            Assert.That(target["commit"]!["hash"]!.GetValue<string>(), Is.EqualTo("1a372fc"));
            Assert.That(target["pullrequest"]!["id"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(target["selector"]!["type"]!.GetValue<string>(), Is.EqualTo("pull-requests"));
        });
    }

    [Test]
    public async Task GetAsync_ReadsAPullRequestTarget()
    {
        Answer(200, """
            {"type": "pipeline", "uuid": "{p}", "target": {"type": "pipeline_pullrequest_target", "source": "feature/x", "destination": "main",
             "destination_commit": {"type": "commit", "hash": "9f848b7"}, "commit": {"type": "commit", "hash": "1a372fc"},
             "pullrequest": {"type": "pullrequest", "id": 3, "title": "Add x", "draft": false}, "selector": {"type": "pull-requests", "pattern": "**"}}}
            """);

        var target = (await Pipelines.GetAsync("acme", "widgets", "{p}")).Target!;

        Assert.Multiple(() =>
        {
            Assert.That(target.Type, Is.EqualTo("pipeline_pullrequest_target"));
            Assert.That(target.Source, Is.EqualTo("feature/x"));
            Assert.That(target.Destination, Is.EqualTo("main"));
            Assert.That(target.DestinationCommit!.Hash, Is.EqualTo("9f848b7"));
            Assert.That(target.PullRequest!.Id, Is.EqualTo(3));
            Assert.That(target.PullRequest.Title, Is.EqualTo("Add x"));
        });
    }

    [Test]
    public async Task StopAsync_PostsWithoutBody()
    {
        Answer(204);

        await Pipelines.StopAsync("acme", "widgets", PipelineUuid);

        AssertSent("POST", Repo + "/pipelines/" + EscapedPipelineUuid + "/stopPipeline");
        Assert.That(Sent.Body, Is.Null.Or.Empty);
    }

    [Test]
    public async Task PathValues_WithSlashesAndSpaces_StayOneEscapedSegmentEach()
    {
        Answer(200, PipelineJson);

        await Pipelines.GetAsync("my team", "a/b", "{x/y}");

        Assert.That(SentTarget, Is.EqualTo("/2.0/repositories/my%20team/a%2Fb/pipelines/%7Bx%2Fy%7D"));
    }

    [Test]
    public async Task ListSteps_ReadsTheSteps()
    {
        Answer(200, PageOf(StepJson));

        var steps = await ToListAsync(Pipelines.ListSteps("acme", "widgets", PipelineUuid, new ListOptions { PageLength = 100 }));

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps?pagelen=100");
        Assert.Multiple(() =>
        {
            Assert.That(steps.Single().Uuid, Is.EqualTo(StepUuid));
            Assert.That(steps.Single().State!.Result!.Name, Is.EqualTo(PipelineStepStateCompletedResultName.Failed));
        });
    }

    [Test]
    public async Task GetStepAsync_ReadsTheDocumentedStep()
    {
        Answer(200, StepJson);

        var step = await Pipelines.GetStepAsync("acme", "widgets", PipelineUuid, StepUuid);

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps/" + EscapedStepUuid);
        Assert.Multiple(() =>
        {
            Assert.That(step.Type, Is.EqualTo("pipeline_step"));
            Assert.That(step.StartedOn, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 10, 0, 10, TimeSpan.Zero)));
            Assert.That(step.State!.Type, Is.EqualTo("pipeline_step_state_completed"));
            Assert.That(step.State.Name, Is.EqualTo(PipelineStepStateName.Completed));
            Assert.That(step.State.Result!.Name, Is.EqualTo(PipelineStepStateCompletedResultName.Failed));
            Assert.That(step.Image!.Name, Is.EqualTo("node:20"));
            Assert.That(step.Image.ToString(), Does.Not.Contain("hunter2"));
            Assert.That(step.SetupCommands!.Single().Name, Is.EqualTo("Clone"));
            Assert.That(step.ScriptCommands!.Select(c => c.Command), Is.EqualTo(new[] { "npm ci", "npm test" }));
            Assert.That(step.Name, Is.EqualTo("Build and test"));
        });
    }

    [Test]
    public async Task GetStepLogAsync_StreamsTheRawLog_WithoutBufferingIt()
    {
        const string log = "+ npm ci\nadded 812 packages in 14s\n+ npm test\n  42 passing (3s)\n";
        Mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(Encoding.UTF8.GetBytes(log)));

        await using var stream = await Pipelines.GetStepLogAsync("acme", "widgets", PipelineUuid, StepUuid);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps/" + EscapedStepUuid + "/log");
        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(log));
            Assert.That(stream, Is.Not.InstanceOf<MemoryStream>());
            Assert.That(stream.CanSeek, Is.False, "the network stream is handed over, not a buffered copy");
            Assert.That(Sent.Headers!.ContainsKey("Range"), Is.False);
        });
    }

    [Test]
    public async Task GetStepLogAsync_SendsARange()
    {
        Mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(206).WithHeader("Content-Range", "bytes 0-8/64").WithBody("+ npm ci\n"));

        await using var stream = await Pipelines.GetStepLogAsync("acme", "widgets", PipelineUuid, StepUuid, range: "bytes=0-8");
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("+ npm ci\n"));
            Assert.That(Sent.Headers!["Range"].Single(), Is.EqualTo("bytes=0-8"));
        });
    }

    [Test]
    public async Task GetContainerLogAsync_StreamsTheServiceContainerLog()
    {
        Mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("database system is ready to accept connections\n"));

        await using var stream = await Pipelines.GetContainerLogAsync("acme", "widgets", PipelineUuid, StepUuid, "{9a8b7c6d-4444-4e5f-8a9b-0c1d2e3f4a5b}");
        using var reader = new StreamReader(stream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("database system is ready to accept connections\n"));
        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps/" + EscapedStepUuid + "/logs/%7B9a8b7c6d-4444-4e5f-8a9b-0c1d2e3f4a5b%7D");
    }

    [Test]
    public async Task GetTestReportSummaryAsync_ReturnsTheJson()
    {
        Answer(200, """{"number_of_test_cases": 12, "number_of_successful_test_cases": 10, "number_of_failed_test_cases": 1, "number_of_error_test_cases": 0, "number_of_skipped_test_cases": 1}""");

        var summary = await Pipelines.GetTestReportSummaryAsync("acme", "widgets", PipelineUuid, StepUuid);

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps/" + EscapedStepUuid + "/test_reports");
        Assert.That(summary.GetProperty("number_of_failed_test_cases").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task GetTestCasesAsync_ReturnsTheJson()
    {
        Answer(200, """{"pagelen": 10, "values": [{"uuid": "{t1}", "name": "adds numbers", "fully_qualified_name": "MathTests.adds numbers", "status": "FAILED", "duration": "PT0.012S"}]}""");

        var cases = await Pipelines.GetTestCasesAsync("acme", "widgets", PipelineUuid, StepUuid);

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps/" + EscapedStepUuid + "/test_reports/test_cases");
        Assert.That(cases.GetProperty("values")[0].GetProperty("status").GetString(), Is.EqualTo("FAILED"));
    }

    [Test]
    public async Task GetTestCaseReasonsAsync_ReturnsTheJson()
    {
        Answer(200, """{"values": [{"message": "expected 3 but was 4", "output": "AssertionError: expected 3 but was 4\n    at MathTests.adds"}]}""");

        var reasons = await Pipelines.GetTestCaseReasonsAsync("acme", "widgets", PipelineUuid, StepUuid, "{t1}");

        AssertSent("GET", Repo + "/pipelines/" + EscapedPipelineUuid + "/steps/" + EscapedStepUuid + "/test_reports/test_cases/%7Bt1%7D/test_case_reasons");
        Assert.That(reasons.GetProperty("values")[0].GetProperty("message").GetString(), Is.EqualTo("expected 3 but was 4"));
    }

    [Test]
    public async Task GetConfigAsync_ReadsTheConfiguration()
    {
        Answer(200, """{"type": "repository_pipelines_configuration", "enabled": true, "repository": {"type": "repository", "full_name": "acme/widgets"}}""");

        var config = await Pipelines.GetConfigAsync("acme", "widgets");

        AssertSent("GET", Repo + "/pipelines_config");
        Assert.Multiple(() =>
        {
            Assert.That(config.Enabled, Is.True);
            Assert.That(config.Repository!.FullName, Is.EqualTo("acme/widgets"));
        });
    }

    [Test]
    public async Task UpdateConfigAsync_PutsEnabled()
    {
        Answer(200, """{"type": "repository_pipelines_configuration", "enabled": false}""");

        var config = await Pipelines.UpdateConfigAsync("acme", "widgets", new PipelinesConfig { Type = "repository_pipelines_configuration", Enabled = false });

        AssertSent("PUT", Repo + "/pipelines_config");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson()["type"]!.GetValue<string>(), Is.EqualTo("repository_pipelines_configuration"));
            Assert.That(SentJson()["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(config.Enabled, Is.False);
        });
    }

    [Test]
    public async Task UpdateBuildNumberAsync_PutsNext()
    {
        Answer(200, """{"type": "pipeline_build_number", "next": 1000}""");

        var number = await Pipelines.UpdateBuildNumberAsync("acme", "widgets", new PipelineBuildNumber { Type = "pipeline_build_number", Next = 1000 });

        AssertSent("PUT", Repo + "/pipelines_config/build_number");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson()["type"]!.GetValue<string>(), Is.EqualTo("pipeline_build_number"));
            Assert.That(SentJson()["next"]!.GetValue<int>(), Is.EqualTo(1000));
            Assert.That(number.Next, Is.EqualTo(1000));
        });
    }
}
