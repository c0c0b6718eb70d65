using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Models;
using Bitbucket.Refit.Generator;
using Bitbucket.Serialization;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Generator;

/// <summary>
/// The fields spec/overlay.json adds (sent by Bitbucket Cloud, missing from the description) are typed: every one parses
/// into its property and no longer lands in <c>AdditionalProperties</c>; realistic bodies read as Bitbucket sends them.
/// </summary>
public sealed class OverlayFieldTests
{
    private static readonly Overlay Overlay = Overlay.Load(Path.Combine(RepositoryPaths.Root, "spec", "overlay.json"));

    public static IEnumerable<TestCaseData> OverlayFields() =>
        Overlay.Properties.SelectMany(r => r.Value.Select(p => new TestCaseData(r.Key, p.Name, p.Json).SetArgDisplayNames(r.Key + "." + p.Name)))
            .Concat(Overlay.Models.SelectMany(m => m.Model.Properties.Select(p => new TestCaseData(m.Model.Record, p.Name, p.Json).SetArgDisplayNames(m.Model.Record + "." + p.Name))));

    [Test]
    public void The_overlay_adds_the_fields_the_issue_lists()
    {
        Assert.That(OverlayFields().Count(), Is.GreaterThanOrEqualTo(40));
    }

    [TestCaseSource(nameof(OverlayFields))]
    public void Each_overlay_field_parses_into_its_typed_property(string record, string property, string json)
    {
        var type = typeof(Pipeline).Assembly.GetType("Bitbucket.Models." + record, throwOnError: true)!;
        var info = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!;
        var body = new JsonObject { [json] = Sample(info.PropertyType) };

        var value = JsonSerializer.Deserialize(body.ToJsonString(), BitbucketJsonContext.Default.GetTypeInfo(type)!);
        var extra = (IDictionary<string, JsonElement>?)type.GetProperty("AdditionalProperties")?.GetValue(value);

        Assert.Multiple(() =>
        {
            Assert.That(info.GetValue(value), Is.Not.Null, $"{record}.{property} reads '{json}'");
            Assert.That(extra?.Keys ?? [], Does.Not.Contain(json));
        });
    }

    private static JsonNode? Sample(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long))
        {
            return 7;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(string) || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IBitbucketEnum<>)))
        {
            return "SAMPLE";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new JsonArray(Sample(type.GetGenericArguments()[0]));
        }

        return type == typeof(Link) ? new JsonObject { ["href"] = "https://api.bitbucket.org/2.0/x" } : new JsonObject();
    }

    [Test]
    public void A_pipeline_as_Bitbucket_sends_it()
    {
        const string json = """
            {
              "type": "pipeline",
              "uuid": "{7b3f0c9e-1d2a-4e5f-9a8b-0c1d2e3f4a5b}",
              "build_number": 1187,
              "run_number": 2,
              "duration_in_seconds": 311,
              "build_seconds_used": 305,
              "first_successful": true,
              "expired": false,
              "has_variables": true,
              "creator": {"type": "user", "uuid": "{0a1b2c3d-0000-4000-8000-000000000001}", "display_name": "Ann Lee", "username": "annlee"},
              "target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "main",
                         "commit": {"type": "commit", "hash": "4f2a9c1"}, "selector": {"type": "branches", "pattern": "main"}},
              "trigger": {"name": "PUSH", "type": "pipeline_trigger_push"},
              "state": {"name": "COMPLETED", "type": "pipeline_state_completed",
                        "result": {"name": "SUCCESSFUL", "type": "pipeline_state_completed_successful"}},
              "created_on": "2026-11-02T09:14:05.123Z",
              "completed_on": "2026-11-02T09:19:16.456Z"
            }
            """;

        var pipeline = JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.Pipeline)!;

        Assert.Multiple(() =>
        {
            Assert.That(pipeline.RunNumber, Is.EqualTo(2));
            Assert.That(pipeline.DurationInSeconds, Is.EqualTo(311));
            Assert.That(pipeline.FirstSuccessful, Is.True);
            Assert.That(pipeline.Expired, Is.False);
            Assert.That(pipeline.HasVariables, Is.True);
            Assert.That(pipeline.Trigger, Is.TypeOf<PipelineTriggerPush>());
            Assert.That(pipeline.Trigger!.Name, Is.EqualTo(PipelineTriggerType.Push));
            Assert.That(pipeline.Target, Is.TypeOf<PipelineRefTarget>());
            Assert.That(pipeline.Creator, Is.TypeOf<User>());
            Assert.That(pipeline.Creator!.Username, Is.EqualTo("annlee"));
            Assert.That(pipeline.State, Is.TypeOf<PipelineStateCompleted>());
            Assert.That(pipeline.State!.Result, Is.TypeOf<PipelineStateCompletedSuccessful>());
            Assert.That(pipeline.AdditionalProperties, Is.Null.Or.Empty, "every field Bitbucket sent is typed");
        });
    }

    [Test]
    public void A_pipeline_step_as_Bitbucket_sends_it()
    {
        const string json = """
            {
              "type": "pipeline_step",
              "uuid": "{5e6f7a8b-1111-4222-8333-444455556666}",
              "name": "Build and test",
              "run_number": 1,
              "duration_in_seconds": 97,
              "build_seconds_used": 97,
              "maxTime": 120,
              "pipeline": {"type": "pipeline", "uuid": "{7b3f0c9e-1d2a-4e5f-9a8b-0c1d2e3f4a5b}"},
              "trigger": {"type": "pipeline_step_trigger_automatic"},
              "image": {"name": "atlassian/default-image:4"},
              "setup_commands": [{"name": "Clone", "command": "git clone …", "commandType": "system", "action": "CLONE"}],
              "script_commands": [{"name": "npm test", "command": "npm test", "commandType": "user"}],
              "teardown_commands": [{"name": "Build teardown", "command": "…", "commandType": "system", "action": "TEARDOWN"}],
              "state": {"name": "COMPLETED", "type": "pipeline_step_state_completed",
                        "result": {"name": "FAILED", "type": "pipeline_step_state_completed_failed"}},
              "started_on": "2026-11-02T09:14:20Z",
              "completed_on": "2026-11-02T09:15:57Z"
            }
            """;

        var step = JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.PipelineStep)!;

        Assert.Multiple(() =>
        {
            Assert.That(step.Name, Is.EqualTo("Build and test"));
            Assert.That(step.RunNumber, Is.EqualTo(1));
            Assert.That(step.DurationInSeconds, Is.EqualTo(97));
            Assert.That(step.BuildSecondsUsed, Is.EqualTo(97));
            Assert.That(step.MaxTime, Is.EqualTo(120));
            Assert.That(step.Pipeline!.Uuid, Is.EqualTo("{7b3f0c9e-1d2a-4e5f-9a8b-0c1d2e3f4a5b}"));
            Assert.That(step.Trigger, Is.TypeOf<UnknownPipelineTrigger>(), "a step trigger type the description does not list still reads");
            Assert.That(step.Trigger!.Type, Is.EqualTo("pipeline_step_trigger_automatic"));
            Assert.That(step.SetupCommands![0].CommandType, Is.EqualTo("system"));
            Assert.That(step.SetupCommands[0].Action, Is.EqualTo("CLONE"));
            Assert.That(step.TeardownCommands![0].Action, Is.EqualTo("TEARDOWN"));
            Assert.That(step.State, Is.TypeOf<PipelineStepStateCompleted>());
            Assert.That(step.State!.Result, Is.TypeOf<PipelineStepStateCompletedFailed>());
            Assert.That(step.AdditionalProperties, Is.Null.Or.Empty);
        });
    }

    [Test]
    public void A_webhook_a_commit_status_and_a_pull_request_as_Bitbucket_sends_them()
    {
        const string hook = """
            {"type": "webhook_subscription", "uuid": "{1c2d3e4f-aaaa-4bbb-8ccc-dddddddddddd}", "url": "https://ci.example.com/hook",
             "description": "CI", "subject_type": "repository", "active": true, "created_at": "2026-10-01T08:00:00Z",
             "events": ["repo:push"], "secret_set": true, "skip_cert_verification": false, "history_enabled": true,
             "read_only": false, "source": null,
             "subject": {"type": "repository", "full_name": "acme/widgets", "name": "widgets", "uuid": "{9d8c7b6a-0000-4000-8000-00000000000a}"}}
            """;
        const string status = """
            {"type": "build", "key": "CI-1", "state": "SUCCESSFUL", "name": "CI #1", "url": "https://ci.example.com/1",
             "commit": {"type": "commit", "hash": "4f2a9c1d"}, "repository": {"type": "repository", "full_name": "acme/widgets"}}
            """;
        const string pullRequest = """
            {"type": "pullrequest", "id": 42, "title": "Add sprockets",
             "source": {"branch": {"name": "feature/sprockets"}, "commit": {"type": "commit", "hash": "4f2a9c1d",
                        "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/4f2a9c1d"},
                                  "html": {"href": "https://bitbucket.org/acme/widgets/commits/4f2a9c1d"}}}},
             "destination": {"branch": {"name": "main"}, "commit": {"type": "commit", "hash": "0b1c2d3e"}},
             "links": {"statuses": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/statuses"},
                       "request-changes": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/pullrequests/42/request-changes"}},
             "summary": {"type": "rendered", "raw": "Adds sprockets", "markup": "markdown", "html": "<p>Adds sprockets</p>"}}
            """;

        var webhook = JsonSerializer.Deserialize(hook, BitbucketJsonContext.Default.WebhookSubscription)!;
        var commitStatus = JsonSerializer.Deserialize(status, BitbucketJsonContext.Default.CommitStatus)!;
        var pr = JsonSerializer.Deserialize(pullRequest, BitbucketJsonContext.Default.PullRequest)!;

        Assert.Multiple(() =>
        {
            Assert.That(webhook.SkipCertVerification, Is.False);
            Assert.That(webhook.HistoryEnabled, Is.True);
            Assert.That(webhook.ReadOnly, Is.False);
            Assert.That(webhook.AdditionalProperties, Is.Null.Or.Empty);
            Assert.That(webhook.Subject!.FullName, Is.EqualTo("acme/widgets"));
            Assert.That(webhook.Subject.Uuid, Is.EqualTo("{9d8c7b6a-0000-4000-8000-00000000000a}"));
            Assert.That(webhook.Subject.AdditionalProperties, Is.Null.Or.Empty, "the subject's fields are typed");
            Assert.That(commitStatus.Commit!.Hash, Is.EqualTo("4f2a9c1d"));
            Assert.That(commitStatus.Repository!.FullName, Is.EqualTo("acme/widgets"));
            Assert.That(pr.Source!.Commit!.Type, Is.EqualTo("commit"));
            Assert.That(pr.Source.Commit.Links!.Html!.Href, Does.EndWith("/commits/4f2a9c1d"));
            Assert.That(pr.Links!.Statuses!.Href, Does.EndWith("/statuses"));
            Assert.That(pr.Links.RequestChanges!.Href, Does.EndWith("/request-changes"));
            Assert.That(pr.Summary!.Type, Is.EqualTo("rendered"));
        });
    }

    [Test]
    public void A_repository_a_branch_a_commit_and_the_current_user_as_Bitbucket_sends_them()
    {
        const string repository = """
            {"type": "repository", "full_name": "acme/widgets", "enforced_signed_commits": true,
             "override_settings": {"default_merge_strategy": true, "branching_model": false},
             "links": {"branches": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/refs/branches"},
                       "tags": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/refs/tags"},
                       "source": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/src"}},
             "project": {"type": "project", "key": "ACME", "links": {"self": {"href": "https://api.bitbucket.org/2.0/workspaces/acme/projects/ACME"}}},
             "mainbranch": {"type": "branch", "name": "main"}}
            """;
        const string branch = """
            {"type": "branch", "name": "main", "sync_strategies": ["merge_commit", "rebase"],
             "links": {"pullrequest_create": {"href": "https://bitbucket.org/acme/widgets/pull-requests/new?source=main"}},
             "target": {"type": "commit", "hash": "4f2a9c1d", "message": "Add sprockets\n",
                        "rendered": {"message": {"type": "rendered", "raw": "Add sprockets", "markup": "markdown", "html": "<p>Add sprockets</p>"}}}}
            """;
        const string user = """
            {"type": "user", "display_name": "Ann Lee", "username": "annlee", "location": "Sydney",
             "links": {"hooks": {"href": "https://api.bitbucket.org/2.0/workspaces/annlee/hooks"},
                       "snippets": {"href": "https://api.bitbucket.org/2.0/snippets/annlee"}}}
            """;

        var repo = JsonSerializer.Deserialize(repository, BitbucketJsonContext.Default.Repository)!;
        var gitRef = JsonSerializer.Deserialize(branch, BitbucketJsonContext.Default.GitRef)!;
        var account = JsonSerializer.Deserialize(user, BitbucketJsonContext.Default.Account)!;

        Assert.Multiple(() =>
        {
            Assert.That(repo.EnforcedSignedCommits, Is.True);
            Assert.That(repo.OverrideSettings!.DefaultMergeStrategy, Is.True);
            Assert.That(repo.OverrideSettings.BranchingModel, Is.False);
            Assert.That(repo.Links!.Branches!.Href, Does.EndWith("/refs/branches"));
            Assert.That(repo.Links.Tags!.Href, Does.EndWith("/refs/tags"));
            Assert.That(repo.Links.Source!.Href, Does.EndWith("/src"));
            Assert.That(repo.Project!.Links!.Self!.Href, Does.EndWith("/projects/ACME"));
            Assert.That(gitRef, Is.TypeOf<Branch>());
            Assert.That(gitRef.SyncStrategies, Is.EqualTo(new[] { "merge_commit", "rebase" }));
            Assert.That(gitRef.Links!.PullRequestCreate!.Href, Does.Contain("pull-requests/new"));
            Assert.That(gitRef.Target!.Rendered!.Message!.Html, Is.EqualTo("<p>Add sprockets</p>"));
            Assert.That(account, Is.TypeOf<User>());
            Assert.That(account.Username, Is.EqualTo("annlee"));
            Assert.That(account.Location, Is.EqualTo("Sydney"));
            Assert.That(account.Links!.Hooks!.Href, Does.EndWith("/hooks"));
            Assert.That(account.Links.Snippets!.Href, Does.EndWith("/snippets/annlee"));
        });
    }
}
