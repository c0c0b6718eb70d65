using System.Reflection;
using System.Text.Json;
using Bitbucket.Models;
using Bitbucket.Serialization;

namespace Bitbucket.Tests.Models;

/// <summary>
/// The enum-like value types work in a <c>switch</c> through their <c>Names</c> constants (constant patterns on the
/// wire string), and a value the library does not know yet still deserializes and serializes back unchanged.
/// </summary>
public sealed class EnumSwitchTests
{
    private static string Describe(PullRequest pr) => pr.State?.Value switch
    {
        PullRequestState.Names.Open => "open",
        PullRequestState.Names.Merged => "merged",
        PullRequestState.Names.Declined or PullRequestState.Names.Superseded => "closed",
        null => "no state",
        var other => "unknown: " + other,
    };

    [TestCase("OPEN", "open")]
    [TestCase("MERGED", "merged")]
    [TestCase("DECLINED", "closed")]
    [TestCase("SUPERSEDED", "closed")]
    [TestCase("DRAFT_FROM_THE_FUTURE", "unknown: DRAFT_FROM_THE_FUTURE")]
    public void A_switch_on_the_names_matches_the_wire_value(string wire, string expected)
    {
        var pr = JsonSerializer.Deserialize($$"""{"id":1,"state":"{{wire}}"}""", BitbucketJsonContext.Default.PullRequest)!;

        Assert.That(Describe(pr), Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_value_round_trips_unchanged()
    {
        var pr = JsonSerializer.Deserialize("""{"id":1,"state":"DRAFT_FROM_THE_FUTURE"}""", BitbucketJsonContext.Default.PullRequest)!;

        var json = JsonSerializer.Serialize(pr, BitbucketJsonContext.Default.PullRequest);

        Assert.That(json, Does.Contain("\"state\":\"DRAFT_FROM_THE_FUTURE\""));
    }

    public static IEnumerable<Type> EnumTypes() =>
        typeof(PullRequestState).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition().Name.StartsWith("IBitbucketEnum", StringComparison.Ordinal)));

    [Test]
    public void Every_enum_type_has_a_names_constant_for_each_known_value()
    {
        var types = EnumTypes().ToList();
        Assert.That(types, Has.Count.GreaterThanOrEqualTo(47));
        foreach (var type in types)
        {
            var names = type.GetNestedType("Names");
            Assert.That(names, Is.Not.Null, type.Name + ".Names");
            var known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type)
                .ToDictionary(p => p.Name, p => p.GetValue(null)!.ToString());
            var constants = names!.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
                .ToDictionary(f => f.Name, f => (string?)f.GetRawConstantValue());
            Assert.That(constants, Is.EquivalentTo(known), type.Name);
        }
    }
}
