using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

/// <summary>Schedules, SSH key pair and known hosts, caches, runners and OIDC of <see cref="IPipelinesApi"/>.</summary>
public sealed class PipelinesSettingsApiTests : PipelinesApiTestBase
{
    private const string ScheduleJson = """
        {
          "type": "pipeline_schedule",
          "uuid": "{e1d2c3b4-5555-4e5f-8a9b-0c1d2e3f4a5b}",
          "enabled": true,
          "target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "main", "selector": {"type": "branches", "pattern": "main"}},
          "cron_pattern": "0 0 12 * * ? *",
          "created_on": "2024-04-01T08:00:00Z",
          "updated_on": "2024-04-02T08:00:00Z"
        }
        """;

    private const string KnownHostJson = """
        {
          "type": "pipeline_known_host",
          "uuid": "{f1e2d3c4-6666-4e5f-8a9b-0c1d2e3f4a5b}",
          "hostname": "[git.example.com]:7999",
          "public_key": {
            "type": "pipeline_ssh_public_key",
            "key_type": "ssh-ed25519",
            "key": "AAAAC3NzaC1lZDI1NTE5AAAAIKvX9kQ4y2Zt0q8s1b7t2Gx3L4m5N6o7P8q9R0s1T2u3",
            "md5_fingerprint": "md5:7a:1c:00:9e:54:2d:ab:cd:ef:01:23:45:67:89:ab:cd",
            "sha256_fingerprint": "SHA256:ybgmFkzwOSotHTHLJgHO0QN8L0xErw6vd0VhFA9m3SM"
          }
        }
        """;

    private const string RunnerJson = """
        {
          "type": "pipeline_runner",
          "uuid": "{a9b8c7d6-7777-4e5f-8a9b-0c1d2e3f4a5b}",
          "name": "build-box-1",
          "labels": ["self.hosted", "linux", "large"],
          "state": {
            "type": "pipeline_runner_state",
            "status": "ONLINE",
            "version": {"type": "pipeline_runner_version", "version": "3.1.0", "current": "3.2.0"},
            "updated_on": "2024-05-01T09:59:00Z",
            "cordoned": false
          },
          "created_on": "2024-03-01T12:00:00Z",
          "updated_on": "2024-05-01T09:59:00Z",
          "oauth_client": {
            "type": "pipeline_runner_oauth_client",
            "id": "Wm9vQmFy",
            "secret": "ATOA-runner-secret-value",
            "token_endpoint": "https://auth.atlassian.com/oauth/token",
            "audience": "api.atlassian.com"
          }
        }
        """;

    private const string CacheJson = """
        {
          "type": "pipeline_cache",
          "uuid": "{c0c1c2c3-8888-4e5f-8a9b-0c1d2e3f4a5b}",
          "pipeline_uuid": "{b7a1c2d3-0000-4e5f-8a9b-0c1d2e3f4a5b}",
          "step_uuid": "{5f6e7d8c-1111-4b2a-9c3d-4e5f6a7b8c9d}",
          "name": "node",
          "key_hash": "3f0c8e2a9b",
          "path": "node_modules",
          "file_size_bytes": 5368709120,
          "created_on": "2024-05-01T10:04:00Z"
        }
        """;

    private static IEnumerable<TestCaseData> Deletes()
    {
        const string r = Repo;
        yield return Case("DeleteScheduleAsync", a => a.DeleteScheduleAsync("acme", "widgets", "{s1}"), r + "/pipelines_config/schedules/%7Bs1%7D");
        yield return Case("DeleteSshKeyPairAsync", a => a.DeleteSshKeyPairAsync("acme", "widgets"), r + "/pipelines_config/ssh/key_pair");
        yield return Case("DeleteKnownHostAsync", a => a.DeleteKnownHostAsync("acme", "widgets", "{k1}"), r + "/pipelines_config/ssh/known_hosts/%7Bk1%7D");
        yield return Case("DeleteCacheAsync", a => a.DeleteCacheAsync("acme", "widgets", "{c1}"), r + "/pipelines-config/caches/%7Bc1%7D");
        yield return Case("DeleteCachesByNameAsync", a => a.DeleteCachesByNameAsync("acme", "widgets", "node modules"), r + "/pipelines-config/caches?name=node%20modules");
        yield return Case("DeleteRunnerAsync", a => a.DeleteRunnerAsync("acme", "widgets", "{r1}"), r + "/pipelines-config/runners/%7Br1%7D");
        yield return Case("DeleteWorkspaceRunnerAsync", a => a.DeleteWorkspaceRunnerAsync("acme", "{r1}"), "/2.0/workspaces/acme/pipelines-config/runners/%7Br1%7D");

        static TestCaseData Case(string name, Func<IPipelinesApi, Task> call, string target) =>
            new TestCaseData(call, target).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Deletes))]
    public async Task Deletes_SendDeleteToTheEscapedPath(Func<IPipelinesApi, Task> call, string target)
    {
        Answer(204);

        await call(Pipelines);

        AssertSent("DELETE", target);
    }

    [Test]
    public async Task ListSchedules_ReadsTheSchedules()
    {
        Answer(200, PageOf(ScheduleJson));

        var schedules = await ToListAsync(Pipelines.ListSchedules("acme", "widgets"));

        AssertSent("GET", Repo + "/pipelines_config/schedules");
        Assert.That(schedules.Single().CronPattern, Is.EqualTo("0 0 12 * * ? *"));
    }

    [Test]
    public async Task CreateScheduleAsync_PostsTargetAndCron()
    {
        Answer(201, ScheduleJson);

        var schedule = await Pipelines.CreateScheduleAsync("acme", "widgets", new PipelineSchedulePostRequestBody
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
        });

        AssertSent("POST", Repo + "/pipelines_config/schedules");
        var body = SentJson();
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("pipeline_schedule"));
            Assert.That(body["target"]!["ref_type"]!.GetValue<string>(), Is.EqualTo("branch"));
            Assert.That(body["target"]!["ref_name"]!.GetValue<string>(), Is.EqualTo("main"));
            Assert.That(body["target"]!["selector"]!["type"]!.GetValue<string>(), Is.EqualTo("branches"));
            Assert.That(body["cron_pattern"]!.GetValue<string>(), Is.EqualTo("0 0 12 * * ? *"));
            Assert.That(body["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(schedule.Uuid, Is.EqualTo("{e1d2c3b4-5555-4e5f-8a9b-0c1d2e3f4a5b}"));
        });
    }

    [Test]
    public async Task GetScheduleAsync_ReadsTheDocumentedSchedule()
    {
        Answer(200, ScheduleJson);

        var schedule = await Pipelines.GetScheduleAsync("acme", "widgets", "{e1d2c3b4-5555-4e5f-8a9b-0c1d2e3f4a5b}");

        AssertSent("GET", Repo + "/pipelines_config/schedules/%7Be1d2c3b4-5555-4e5f-8a9b-0c1d2e3f4a5b%7D");
        Assert.Multiple(() =>
        {
            Assert.That(schedule.Type, Is.EqualTo("pipeline_schedule"));
            Assert.That(schedule.Enabled, Is.True);
            Assert.That(schedule.Target!.Type, Is.EqualTo("pipeline_ref_target"));
            Assert.That(schedule.Target.RefName, Is.EqualTo("main"));
            Assert.That(schedule.Target.Selector!.Pattern, Is.EqualTo("main"));
            Assert.That(schedule.UpdatedOn, Is.EqualTo(new DateTimeOffset(2024, 4, 2, 8, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task UpdateScheduleAsync_PutsEnabled()
    {
        Answer(200, ScheduleJson.Replace("\"enabled\": true", "\"enabled\": false", StringComparison.Ordinal));

        var schedule = await Pipelines.UpdateScheduleAsync("acme", "widgets", "{s1}", new PipelineSchedulePutRequestBody { Type = "pipeline_schedule", Enabled = false });

        AssertSent("PUT", Repo + "/pipelines_config/schedules/%7Bs1%7D");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pipeline_schedule","enabled":false}"""));
            Assert.That(schedule.Enabled, Is.False);
        });
    }

    [Test]
    public async Task ListScheduleExecutions_ReadsExecutedAndErrored()
    {
        Answer(200, PageOf(
            """{"type": "pipeline_schedule_execution_executed", "pipeline": {"type": "pipeline", "uuid": "{p1}", "build_number": 7}}""",
            """{"type": "pipeline_schedule_execution_errored", "error": {"type": "pipeline_error", "key": "result-service.pipeline.yml-not-found", "message": "bitbucket-pipelines.yml not found."}}"""));

        var executions = await ToListAsync(Pipelines.ListScheduleExecutions("acme", "widgets", "{s1}"));

        AssertSent("GET", Repo + "/pipelines_config/schedules/%7Bs1%7D/executions");
        Assert.Multiple(() =>
        {
            Assert.That(executions[0].Type, Is.EqualTo("pipeline_schedule_execution_executed"));
            Assert.That(executions[0].Pipeline!.BuildNumber, Is.EqualTo(7));
            Assert.That(executions[1].Type, Is.EqualTo("pipeline_schedule_execution_errored"));
            Assert.That(executions[1].Error!.Message, Is.EqualTo("bitbucket-pipelines.yml not found."));
        });
    }

    [Test]
    public async Task GetSshKeyPairAsync_ReadsThePublicKey()
    {
        Answer(200, """{"type": "pipeline_ssh_key_pair", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKvX9kQ4 pipelines"}""");

        var pair = await Pipelines.GetSshKeyPairAsync("acme", "widgets");

        AssertSent("GET", Repo + "/pipelines_config/ssh/key_pair");
        Assert.Multiple(() =>
        {
            Assert.That(pair.PublicKey, Does.StartWith("ssh-ed25519 "));
            Assert.That(pair.PrivateKey, Is.Null);
        });
    }

    [Test]
    public async Task UpdateSshKeyPairAsync_PutsBothKeys_AndNeverPrintsThePrivateOne()
    {
        Answer(200, """{"type": "pipeline_ssh_key_pair", "public_key": "ssh-ed25519 AAAAC3Nz pipelines"}""");
        var keyPair = new PipelineSshKeyPair
        {
            Type = "pipeline_ssh_key_pair",
            PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
            PublicKey = "ssh-ed25519 AAAAC3Nz pipelines",
        };

        var pair = await Pipelines.UpdateSshKeyPairAsync("acme", "widgets", keyPair);

        AssertSent("PUT", Repo + "/pipelines_config/ssh/key_pair");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson()["type"]!.GetValue<string>(), Is.EqualTo("pipeline_ssh_key_pair"));
            Assert.That(SentJson()["private_key"]!.GetValue<string>(), Does.StartWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
            Assert.That(SentJson()["public_key"]!.GetValue<string>(), Is.EqualTo("ssh-ed25519 AAAAC3Nz pipelines"));
            Assert.That(pair.PublicKey, Is.EqualTo("ssh-ed25519 AAAAC3Nz pipelines"));
            Assert.That(keyPair.ToString(), Does.Not.Contain("b3BlbnNzaC1rZXktdjEAAAAA").And.Contain("PrivateKey = ***"));
        });
    }

    [Test]
    public async Task ListKnownHosts_ReadsTheHosts()
    {
        Answer(200, PageOf(KnownHostJson));

        var hosts = await ToListAsync(Pipelines.ListKnownHosts("acme", "widgets", new ListOptions { Query = "hostname ~ \"example\"" }));

        AssertSent("GET", Repo + "/pipelines_config/ssh/known_hosts?q=hostname%20~%20%22example%22");
        Assert.That(hosts.Single().PublicKey!.KeyType, Is.EqualTo("ssh-ed25519"));
    }

    [Test]
    public async Task CreateKnownHostAsync_PostsHostAndKey()
    {
        Answer(201, KnownHostJson);

        var host = await Pipelines.CreateKnownHostAsync("acme", "widgets", new PipelineKnownHost
        {
            Type = "pipeline_known_host",
            Hostname = "[git.example.com]:7999",
            PublicKey = new PipelineSshPublicKey { Type = "pipeline_ssh_public_key", KeyType = "ssh-ed25519", Key = "AAAAC3NzaC1lZDI1NTE5AAAAIKvX9kQ4y2Zt0q8s1b7t2Gx3L4m5N6o7P8q9R0s1T2u3" },
        });

        AssertSent("POST", Repo + "/pipelines_config/ssh/known_hosts");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson()["type"]!.GetValue<string>(), Is.EqualTo("pipeline_known_host"));
            Assert.That(SentJson()["hostname"]!.GetValue<string>(), Is.EqualTo("[git.example.com]:7999"));
            Assert.That(SentJson()["public_key"]!["type"]!.GetValue<string>(), Is.EqualTo("pipeline_ssh_public_key"));
            Assert.That(SentJson()["public_key"]!["key_type"]!.GetValue<string>(), Is.EqualTo("ssh-ed25519"));
            Assert.That(host.PublicKey!.Sha256Fingerprint, Is.EqualTo("SHA256:ybgmFkzwOSotHTHLJgHO0QN8L0xErw6vd0VhFA9m3SM"));
        });
    }

    [Test]
    public async Task GetKnownHostAsync_ReadsTheDocumentedHost()
    {
        Answer(200, KnownHostJson);

        var host = await Pipelines.GetKnownHostAsync("acme", "widgets", "{f1e2d3c4-6666-4e5f-8a9b-0c1d2e3f4a5b}");

        AssertSent("GET", Repo + "/pipelines_config/ssh/known_hosts/%7Bf1e2d3c4-6666-4e5f-8a9b-0c1d2e3f4a5b%7D");
        Assert.Multiple(() =>
        {
            Assert.That(host.Type, Is.EqualTo("pipeline_known_host"));
            Assert.That(host.Hostname, Is.EqualTo("[git.example.com]:7999"));
            Assert.That(host.PublicKey!.Md5Fingerprint, Does.StartWith("md5:7a:1c"));
        });
    }

    [Test]
    public async Task UpdateKnownHostAsync_PutsTheHost()
    {
        Answer(200, KnownHostJson);

        var host = await Pipelines.UpdateKnownHostAsync("acme", "widgets", "{k1}", new PipelineKnownHost { Type = "pipeline_known_host", Hostname = "git.example.com" });

        AssertSent("PUT", Repo + "/pipelines_config/ssh/known_hosts/%7Bk1%7D");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pipeline_known_host","hostname":"git.example.com"}"""));
            Assert.That(host.Uuid, Is.EqualTo("{f1e2d3c4-6666-4e5f-8a9b-0c1d2e3f4a5b}"));
        });
    }

    [Test]
    public async Task ListCaches_ReadsTheCaches()
    {
        Answer(200, PageOf(CacheJson));

        var caches = await ToListAsync(Pipelines.ListCaches("acme", "widgets"));

        AssertSent("GET", Repo + "/pipelines-config/caches");
        Assert.Multiple(() =>
        {
            var cache = caches.Single();
            Assert.That(cache.Type, Is.EqualTo("pipeline_cache"));
            Assert.That(cache.Name, Is.EqualTo("node"));
            Assert.That(cache.PipelineUuid, Is.EqualTo(PipelineUuid));
            Assert.That(cache.StepUuid, Is.EqualTo(StepUuid));
            Assert.That(cache.KeyHash, Is.EqualTo("3f0c8e2a9b"));
            Assert.That(cache.Path, Is.EqualTo("node_modules"));
            Assert.That(cache.FileSizeBytes, Is.EqualTo(5368709120L), "sizes above 2 GiB fit");
        });
    }

    [Test]
    public async Task GetCacheContentUriAsync_ReadsTheUri()
    {
        Answer(200, """{"uri": "https://bbpipelines-cache.s3.amazonaws.com/acme/widgets/node.tar.gz?X-Amz-Expires=300&X-Amz-Signature=abc"}""");

        var uri = await Pipelines.GetCacheContentUriAsync("acme", "widgets", "{c0c1c2c3-8888-4e5f-8a9b-0c1d2e3f4a5b}");

        AssertSent("GET", Repo + "/pipelines-config/caches/%7Bc0c1c2c3-8888-4e5f-8a9b-0c1d2e3f4a5b%7D/content-uri");
        Assert.That(uri.Uri, Does.StartWith("https://bbpipelines-cache.s3.amazonaws.com/").And.Contain("X-Amz-Signature=abc"));
    }

    private static IEnumerable<TestCaseData> RunnerLists()
    {
        yield return new TestCaseData((Func<IPipelinesApi, IAsyncEnumerable<PipelineRunner>>)(a => a.ListRunners("acme", "widgets")), Repo + "/pipelines-config/runners").SetArgDisplayNames("ListRunners");
        yield return new TestCaseData((Func<IPipelinesApi, IAsyncEnumerable<PipelineRunner>>)(a => a.ListWorkspaceRunners("acme")), "/2.0/workspaces/acme/pipelines-config/runners").SetArgDisplayNames("ListWorkspaceRunners");
    }

    [TestCaseSource(nameof(RunnerLists))]
    public async Task RunnerLists_ReadTheRunners(Func<IPipelinesApi, IAsyncEnumerable<PipelineRunner>> list, string target)
    {
        Answer(200, PageOf(RunnerJson));

        var runners = await ToListAsync(list(Pipelines));

        AssertSent("GET", target);
        Assert.That(runners.Single().Labels, Is.EqualTo(new[] { "self.hosted", "linux", "large" }));
    }

    private static IEnumerable<TestCaseData> RunnerCreates()
    {
        yield return new TestCaseData((Func<IPipelinesApi, PipelineRunner, Task<PipelineRunner>>)((a, r) => a.CreateRunnerAsync("acme", "widgets", r)), "POST", Repo + "/pipelines-config/runners").SetArgDisplayNames("CreateRunnerAsync");
        yield return new TestCaseData((Func<IPipelinesApi, PipelineRunner, Task<PipelineRunner>>)((a, r) => a.CreateWorkspaceRunnerAsync("acme", r)), "POST", "/2.0/workspaces/acme/pipelines-config/runners").SetArgDisplayNames("CreateWorkspaceRunnerAsync");
        yield return new TestCaseData((Func<IPipelinesApi, PipelineRunner, Task<PipelineRunner>>)((a, r) => a.UpdateRunnerAsync("acme", "widgets", "{r1}", r)), "PUT", Repo + "/pipelines-config/runners/%7Br1%7D").SetArgDisplayNames("UpdateRunnerAsync");
        yield return new TestCaseData((Func<IPipelinesApi, PipelineRunner, Task<PipelineRunner>>)((a, r) => a.UpdateWorkspaceRunnerAsync("acme", "{r1}", r)), "PUT", "/2.0/workspaces/acme/pipelines-config/runners/%7Br1%7D").SetArgDisplayNames("UpdateWorkspaceRunnerAsync");
    }

    [TestCaseSource(nameof(RunnerCreates))]
    public async Task RunnerWrites_SendNameAndLabels_AndReadTheRunner(Func<IPipelinesApi, PipelineRunner, Task<PipelineRunner>> write, string method, string target)
    {
        Answer(200, RunnerJson);

        var runner = await write(Pipelines, new PipelineRunner { Type = "pipeline_runner", Name = "build-box-1", Labels = ["self.hosted", "linux", "large"] });

        AssertSent(method, target);
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pipeline_runner","name":"build-box-1","labels":["self.hosted","linux","large"]}"""));
            Assert.That(runner.OAuthClient!.Secret, Is.EqualTo("ATOA-runner-secret-value"));
        });
    }

    private static IEnumerable<TestCaseData> RunnerGets()
    {
        yield return new TestCaseData((Func<IPipelinesApi, Task<PipelineRunner>>)(a => a.GetRunnerAsync("acme", "widgets", "{a9b8c7d6-7777-4e5f-8a9b-0c1d2e3f4a5b}")), Repo + "/pipelines-config/runners/%7Ba9b8c7d6-7777-4e5f-8a9b-0c1d2e3f4a5b%7D").SetArgDisplayNames("GetRunnerAsync");
        yield return new TestCaseData((Func<IPipelinesApi, Task<PipelineRunner>>)(a => a.GetWorkspaceRunnerAsync("acme", "{a9b8c7d6-7777-4e5f-8a9b-0c1d2e3f4a5b}")), "/2.0/workspaces/acme/pipelines-config/runners/%7Ba9b8c7d6-7777-4e5f-8a9b-0c1d2e3f4a5b%7D").SetArgDisplayNames("GetWorkspaceRunnerAsync");
    }

    [TestCaseSource(nameof(RunnerGets))]
    public async Task RunnerGets_ReadTheDocumentedRunner_AndHideItsSecret(Func<IPipelinesApi, Task<PipelineRunner>> get, string target)
    {
        Answer(200, RunnerJson);

        var runner = await get(Pipelines);

        AssertSent("GET", target);
        Assert.Multiple(() =>
        {
            Assert.That(runner.Type, Is.EqualTo("pipeline_runner"));
            Assert.That(runner.Uuid, Is.EqualTo("{a9b8c7d6-7777-4e5f-8a9b-0c1d2e3f4a5b}"));
            Assert.That(runner.Name, Is.EqualTo("build-box-1"));
            Assert.That(runner.State!.Status, Is.EqualTo(PipelineRunnerStateStatus.Online));
            Assert.That(runner.State.Version!.Version, Is.EqualTo("3.1.0"));
            Assert.That(runner.State.Version.Current, Is.EqualTo("3.2.0"));
            Assert.That(runner.State.Cordoned, Is.False);
            Assert.That(runner.CreatedOn, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero)));
            Assert.That(runner.OAuthClient!.Id, Is.EqualTo("Wm9vQmFy"));
            Assert.That(runner.OAuthClient.TokenEndpoint, Is.EqualTo("https://auth.atlassian.com/oauth/token"));
            Assert.That(runner.OAuthClient.Audience, Is.EqualTo("api.atlassian.com"));
            Assert.That(runner.ToString(), Does.Not.Contain("ATOA-runner-secret-value"));
        });
    }

    [Test]
    public async Task GetOidcConfigurationAsync_ReadsTheDiscoveryDocument()
    {
        Answer(200, """
            {
              "issuer": "https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc",
              "jwks_uri": "https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc/keys.json",
              "subject_types_supported": ["public", "pairwise"],
              "response_types_supported": ["id_token"],
              "claims_supported": ["sub", "aud", "exp", "iat", "iss", "branchName", "repositoryUuid"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "scopes_supported": ["openid"]
            }
            """);

        var config = await Pipelines.GetOidcConfigurationAsync("acme");

        AssertSent("GET", "/2.0/workspaces/acme/pipelines-config/identity/oidc/.well-known/openid-configuration");
        Assert.Multiple(() =>
        {
            Assert.That(config.Issuer, Is.EqualTo("https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc"));
            Assert.That(config.JwksUri, Does.EndWith("/keys.json"));
            Assert.That(config.SubjectTypesSupported, Is.EqualTo(new[] { "public", "pairwise" }));
            Assert.That(config.ResponseTypesSupported, Is.EqualTo(new[] { "id_token" }));
            Assert.That(config.ClaimsSupported, Does.Contain("branchName"));
            Assert.That(config.IdTokenSigningAlgValuesSupported, Is.EqualTo(new[] { "RS256" }));
            Assert.That(config.ScopesSupported, Is.EqualTo(new[] { "openid" }));
        });
    }

    [Test]
    public async Task GetOidcKeysAsync_ReadsTheKeySet()
    {
        Answer(200, """{"keys": [{"kty": "RSA", "kid": "ari:cloud:bitbucket::workspace/1c3f5e7a", "use": "sig", "alg": "RS256", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP", "e": "AQAB"}]}""");

        var keys = await Pipelines.GetOidcKeysAsync("my ws");

        AssertSent("GET", "/2.0/workspaces/my%20ws/pipelines-config/identity/oidc/keys.json");
        var key = keys.Keys!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(key.Kty, Is.EqualTo("RSA"));
            Assert.That(key.Kid, Is.EqualTo("ari:cloud:bitbucket::workspace/1c3f5e7a"));
            Assert.That(key.Use, Is.EqualTo("sig"));
            Assert.That(key.Alg, Is.EqualTo("RS256"));
            Assert.That(key.N, Does.StartWith("0vx7"));
            Assert.That(key.E, Is.EqualTo("AQAB"));
        });
    }
}
