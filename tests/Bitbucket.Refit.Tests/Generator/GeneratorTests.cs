using System.Text.Json.Nodes;
using Bitbucket.Refit.Generator;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Generator;

/// <summary>
/// tools/Bitbucket.Refit.Generator: the committed <c>*.g.cs</c> equal its output on the vendored description, a changed
/// description shows up as the expected model diff and spec diff, and <c>--check</c> fails on a tree that is not current.
/// Everything is read from the repository (spec/ and src/); temporary trees live under the test's own folder.
/// </summary>
public sealed class GeneratorTests
{
    private static string Root => RepositoryPaths.Root;

    private static JsonObject LoadSpec() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "spec", "bitbucket-cloud.openapi.json")))!.AsObject();

    private static string WriteSpec(JsonObject spec)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, spec.ToJsonString());
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Check_passes_on_the_committed_tree()
    {
        var (code, stdout, stderr) = Run("--check", "--root", Root);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stdout);
            Assert.That(stdout, Does.Match(@"^\d+ generated files are up to date"));
            Assert.That(stderr, Is.Empty, "the vendored description needs no additions or removals");
        });
    }

    [Test]
    public void Regenerating_reproduces_every_committed_generated_file_byte_for_byte()
    {
        var files = ModelGenerator.FromRepository(Root).Generate();
        var models = Path.Combine(Root, Cli.ModelsFolder);
        var onDisk = Directory.EnumerateFiles(models, "*.g.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(models, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(files.Keys.Where(k => k.EndsWith(".g.cs", StringComparison.Ordinal)), Is.EqualTo(onDisk), "no generated file is missing or stale");
            Assert.That(files, Has.Count.GreaterThanOrEqualTo(150));
            foreach (var (path, text) in files)
            {
                Assert.That(File.ReadAllText(Path.Combine(models, path)), Is.EqualTo(text), path);
            }
        });
    }

    [Test]
    public void Every_generated_file_says_it_is_generated_and_no_model_file_still_claims_genmodels()
    {
        var models = Path.Combine(Root, Cli.ModelsFolder);
        var all = Directory.EnumerateFiles(models, "*.cs", SearchOption.AllDirectories).ToList();

        Assert.Multiple(() =>
        {
            foreach (var file in all.Where(f => f.EndsWith(".g.cs", StringComparison.Ordinal)))
            {
                Assert.That(File.ReadAllText(file), Does.StartWith(ModelGenerator.Header), file);
            }

            foreach (var file in all.Where(f => !f.EndsWith(".g.cs", StringComparison.Ordinal)))
            {
                Assert.That(File.ReadAllText(file), Does.Not.Contain("genmodels.py"), file + " is hand-written and must not claim to be generated");
            }
        });
    }

    [Test]
    public void A_changed_description_produces_the_expected_model_diff()
    {
        var spec = LoadSpec();
        var webhook = spec["components"]!["schemas"]!["webhook_subscription"]!["allOf"]![1]!["properties"]!.AsObject();
        webhook.Remove("description");
        webhook["labels"] = new JsonObject { ["type"] = "array", ["description"] = "The labels of the webhook. Free text.", ["items"] = new JsonObject { ["type"] = "string" } };
        var subjectType = webhook["subject_type"]!["enum"]!.AsArray();
        subjectType.Add("project");
        var path = WriteSpec(spec);

        var (code, diff, notes) = Run("--diff", "--root", Root, "--spec", path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(diff, Does.Contain("--- a/src/Bitbucket.Refit/Models/Repositories/WebhookSubscription.g.cs"));
            Assert.That(diff.Split('\n').Count(l => l.StartsWith("--- a/", StringComparison.Ordinal)), Is.EqualTo(1), "only the webhook file changes:\n" + diff);
            Assert.That(diff, Does.Contain("\n-    public string? Description { get; init; }\n"));
            Assert.That(diff, Does.Contain("\n+    /// <summary>Gets the labels of the webhook.</summary>\n+    public IReadOnlyList<string>? Labels { get; init; }\n"));
            Assert.That(diff, Does.Contain("\n+    public static WebhookSubscriptionSubjectType Project { get; } = new(\"project\");\n"));
            Assert.That(diff, Does.Contain("\n+        public const string Project = \"project\";\n"));
            Assert.That(notes, Does.Contain("removed: WebhookSubscription.Description"));
            Assert.That(notes, Does.Contain("added: WebhookSubscription.Labels"));
            Assert.That(notes, Does.Contain("added: WebhookSubscriptionSubjectType.Project"));
        });
    }

    [Test]
    public void The_spec_diff_reports_exactly_one_removed_operation_and_one_removed_property()
    {
        var spec = LoadSpec();
        spec["paths"]!["/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/log"]!.AsObject().Remove("get");
        spec["components"]!["schemas"]!["webhook_subscription"]!["allOf"]![1]!["properties"]!.AsObject().Remove("description");

        var changes = SpecDiff.Compare(Spec.Load(Path.Combine(Root, "spec", "bitbucket-cloud.openapi.json")), Spec.Load(WriteSpec(spec)));

        Assert.That(changes, Is.EqualTo(new[]
        {
            "operation removed: GET /repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/log",
            "property removed: webhook_subscription.description",
        }));
    }

    [Test]
    public void The_spec_diff_reports_added_schemas_parameters_and_changed_properties()
    {
        var spec = LoadSpec();
        spec["components"]!["schemas"]!["brand_new"] = new JsonObject { ["type"] = "object" };
        spec["components"]!["schemas"]!["pipeline"]!["allOf"]![1]!["properties"]!["build_number"] = new JsonObject { ["type"] = "string" };
        var list = spec["paths"]!["/repositories/{workspace}/{repo_slug}/pipelines"]!["get"]!.AsObject();
        var parameters = list["parameters"] as JsonArray ?? [];
        parameters.Add(new JsonObject { ["name"] = "custom_filter", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "integer" } });
        list["parameters"] = parameters;

        var changes = SpecDiff.Compare(Spec.Load(Path.Combine(Root, "spec", "bitbucket-cloud.openapi.json")), Spec.Load(WriteSpec(spec)));

        Assert.Multiple(() =>
        {
            Assert.That(changes, Does.Contain("parameter added: GET /repositories/{workspace}/{repo_slug}/pipelines query custom_filter"));
            Assert.That(changes, Does.Contain("schema added: brand_new"));
            Assert.That(changes, Does.Contain("property changed: pipeline.build_number: integer -> string"));
            Assert.That(changes, Has.Count.EqualTo(3), string.Join('\n', changes));
        });
    }

    [Test]
    public void Check_fails_and_names_the_files_on_a_tree_that_is_not_current_and_write_mode_repairs_it()
    {
        var root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "spec"));
        Directory.CreateDirectory(Path.Combine(root, Cli.ModelsFolder, "Pipelines"));
        File.WriteAllText(Path.Combine(root, "Bitbucket.Refit.sln"), "");
        foreach (var name in new[] { "bitbucket-cloud.openapi.json", "models.json", "overlay.json" })
        {
            File.Copy(Path.Combine(Root, "spec", name), Path.Combine(root, "spec", name));
        }

        var stale = Path.Combine(root, Cli.ModelsFolder, "Pipelines", "Gone.g.cs");
        File.WriteAllText(stale, "// a type the table no longer has\n");
        try
        {
            var before = Run("--check", "--root", root);
            var write = Run("--root", root);
            var edited = Path.Combine(root, Cli.ModelsFolder, "Pipelines", "Pipeline.g.cs");
            var afterWrite = Run("--check", "--root", root);
            File.AppendAllText(edited, "// a hand edit\n");
            var afterEdit = Run("--check", "--root", root);

            Assert.Multiple(() =>
            {
                Assert.That(before.Code, Is.EqualTo(1));
                Assert.That(before.Out, Does.Contain("missing: src/Bitbucket.Refit/Models/Pipelines/Pipeline.g.cs"));
                Assert.That(before.Out, Does.Contain("stale: src/Bitbucket.Refit/Models/Pipelines/Gone.g.cs"));
                Assert.That(write.Code, Is.Zero);
                Assert.That(File.Exists(stale), Is.False, "write mode deletes generated files the table no longer has");
                Assert.That(afterWrite.Code, Is.Zero, afterWrite.Out);
                Assert.That(afterEdit.Code, Is.EqualTo(1));
                Assert.That(afterEdit.Out, Does.StartWith("differs: src/Bitbucket.Refit/Models/Pipelines/Pipeline.g.cs\n"));
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Bad_arguments_exit_2()
    {
        Assert.That(Run("--nonsense").Code, Is.EqualTo(2));
    }
}
