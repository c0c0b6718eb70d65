using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Models;
using Bitbucket.Refit.Generator;
using Bitbucket.Serialization;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Generator;

/// <summary>
/// The hierarchies spec/overlay.json declares read as the subtype their <c>type</c> names (wherever it comes in the
/// object), round-trip, and an unknown or missing <c>type</c> reads as <c>Unknown&lt;Base&gt;</c> with every field kept.
/// </summary>
public sealed class PolymorphismTests
{
    private static readonly Overlay Overlay = Overlay.Load(Path.Combine(RepositoryPaths.Root, "spec", "overlay.json"));

    public static IEnumerable<TestCaseData> Subtypes() =>
        Overlay.Polymorphic.SelectMany(p => p.Derived.Select(d => new TestCaseData(p.Base, d.Key, d.Value).SetArgDisplayNames(p.Base, d.Key)));

    public static IEnumerable<TestCaseData> Bases() =>
        Overlay.Polymorphic.Select(p => new TestCaseData(p.Base).SetArgDisplayNames(p.Base));

    private static Type Model(string name) => typeof(Pipeline).Assembly.GetType("Bitbucket.Models." + name, throwOnError: true)!;

    [TestCaseSource(nameof(Subtypes))]
    public void Each_discriminator_reads_as_its_subtype_and_round_trips(string baseName, string discriminator, string subtype)
    {
        var info = BitbucketJsonContext.Default.GetTypeInfo(Model(baseName))!;
        var json = $$$"""{"uuid":"{1}","type":"{{{discriminator}}}","extra":{"kept":[1,2]}}""";

        var value = JsonSerializer.Deserialize(json, info)!;
        var back = JsonSerializer.Serialize(value, info);

        Assert.Multiple(() =>
        {
            Assert.That(value.GetType().Name, Is.EqualTo(subtype));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(back), JsonNode.Parse(json)), Is.True, back);
        });
    }

    [TestCaseSource(nameof(Bases))]
    public void An_unknown_discriminator_reads_as_the_unknown_subtype_and_loses_nothing(string baseName)
    {
        var info = BitbucketJsonContext.Default.GetTypeInfo(Model(baseName))!;
        const string json = """{"name":"FROM_THE_FUTURE","type":"something_bitbucket_adds_later","extra":{"kept":true}}""";

        var value = JsonSerializer.Deserialize(json, info)!;
        var back = JsonSerializer.Serialize(value, info);

        Assert.Multiple(() =>
        {
            Assert.That(value.GetType().Name, Is.EqualTo("Unknown" + baseName));
            Assert.That(Model(baseName).IsInstanceOfType(value), Is.True);
            Assert.That(Model(baseName).GetProperty("Type")!.GetValue(value), Is.EqualTo("something_bitbucket_adds_later"));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(back), JsonNode.Parse(json)), Is.True, back);
        });
    }

    [Test]
    public void The_completed_results_are_reachable_with_their_fields()
    {
        const string json = """
            {"type": "pipeline", "build_number": 7,
             "state": {"type": "pipeline_state_completed", "name": "COMPLETED",
                       "result": {"name": "STOPPED", "terminator": {"type": "user", "display_name": "Ann Lee", "uuid": "{a}"},
                                  "type": "pipeline_state_completed_stopped"}}}
            """;

        var pipeline = JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.Pipeline)!;
        var description = pipeline.State switch
        {
            PipelineStateCompleted { Result: PipelineStateCompletedStopped stopped } => "stopped by " + stopped.Terminator!.DisplayName,
            PipelineStateCompleted { Result: PipelineStateCompletedSuccessful } => "successful",
            PipelineStateInProgress => "running",
            _ => "other",
        };

        Assert.Multiple(() =>
        {
            Assert.That(description, Is.EqualTo("stopped by Ann Lee"), "the discriminator is read even when it comes last");
            Assert.That(((PipelineStateCompletedStopped)pipeline.State!.Result!).Terminator, Is.TypeOf<User>());
            Assert.That(pipeline.State.Result!.Name, Is.EqualTo(PipelineStateCompletedResultName.Stopped));
        });
    }

    [Test]
    public void A_missing_type_reads_as_the_unknown_subtype_and_a_page_of_accounts_mixes_subtypes()
    {
        const string page = """
            {"pagelen": 10, "values": [{"type": "user", "display_name": "A"}, {"type": "team", "display_name": "B"},
                                       {"type": "app_user", "display_name": "C"}, {"display_name": "D"}]}
            """;

        var accounts = JsonSerializer.Deserialize(page, BitbucketJsonContext.Default.PageAccount)!.Values!;

        Assert.That(accounts.Select(a => a.GetType()), Is.EqualTo(new[] { typeof(User), typeof(Team), typeof(AppUser), typeof(UnknownAccount) }));
    }

    [Test]
    public void New_subtypes_preset_their_type_and_a_plain_base_instance_still_writes()
    {
        var written = JsonSerializer.Serialize<PipelineStateCompletedResult>(new PipelineStateCompletedFailed(), BitbucketJsonContext.Default.PipelineStateCompletedResult);
        var plain = JsonSerializer.Serialize(new PipelineTarget { RefName = "main" }, BitbucketJsonContext.Default.PipelineTarget);
        var refTarget = JsonSerializer.Serialize<PipelineTarget>(new PipelineRefTarget { RefName = "main" }, BitbucketJsonContext.Default.PipelineTarget);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo("""{"type":"pipeline_state_completed_failed"}"""));
            Assert.That(plain, Is.EqualTo("""{"ref_name":"main"}"""));
            Assert.That(refTarget, Is.EqualTo("""{"type":"pipeline_ref_target","ref_name":"main"}"""));
        });
    }
}
