using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitbucket.Docs.Tests;

/// <summary>
/// Every C# block of README.md and of the package READMEs (src/*/README.md) compiles, as pasted into a new project:
/// with the implicit usings of <c>dotnet new console</c> (or of <c>dotnet new web</c> for a block marked
/// <c>&lt;!-- snippet: web --&gt;</c>), against the built packages and the libraries the examples name. A block marked
/// <c>&lt;!-- snippet: skip --&gt;</c> is not compiled and gets no test case (there is none today in README.md); the types of a block marked
/// <c>&lt;!-- snippet: shared --&gt;</c> (a service the other examples use) are compiled with every block of its file.
/// </summary>
[Category("Docs")]
public sealed partial class ReadmeSnippetsTests
{
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly Lazy<IReadOnlyList<ReadmeSnippet>> AllSnippets = new(() => ReadmeSnippets.All(FindRoot()).ToList());

    public static IEnumerable<TestCaseData> Snippets()
    {
        foreach (var snippet in AllSnippets.Value.Where(s => s.Kind != SnippetKind.Skip))
        {
            yield return new TestCaseData(snippet).SetArgDisplayNames($"{snippet.File}:{snippet.Line}");
        }
    }

    [Test]
    public void Every_readme_has_csharp_blocks_found_by_the_extractor()
    {
        var all = AllSnippets.Value;
        Assert.That(all.Where(s => s.File == "README.md").Count(), Is.GreaterThanOrEqualTo(5), "README.md's C# blocks");
        Assert.That(all.Where(s => s.File == "src/Bitbucket.Refit/README.md").Count(), Is.GreaterThanOrEqualTo(2));
    }

    [TestCaseSource(nameof(Snippets))]
    public void Compiles(ReadmeSnippet snippet)
    {
        var usings = snippet.Kind == SnippetKind.Web ? WebUsings : ConsoleUsings;
        var globalUsings = string.Join('\n', usings.Select(u => $"global using global::{u};"));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var shared = AllSnippets.Value.Where(s => s.File == snippet.File && s.Shared && s.Line != snippet.Line)
            .Select(s => CSharpSyntaxTree.ParseText(s.Code, parse, path: $"{s.File}:{s.Line}"));
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(globalUsings, parse, path: "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText(snippet.Code, parse, path: $"{snippet.File}:{snippet.Line}"),
        }.Concat(shared).ToArray();
        var isProgram = trees[1].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            References.Value,
            new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty,
            $"{snippet.File} line {snippet.Line} does not compile as pasted:\n" + string.Join('\n', errors.Select(e => e.ToString())) +
            "\n--- block ---\n" + snippet.Code);
    }

    [Test]
    public void The_consumer_project_runs_the_readme_quick_start_and_testing_examples_verbatim()
    {
        // tests/Bitbucket.Refit.Consumer builds these files from the packed packages (.ci/run); each must be a README block.
        var root = FindRoot();
        var blocks = ReadmeSnippets.All(root).Where(s => s.File == "README.md").Select(s => Normalize(s.Code)).ToHashSet();
        var files = Directory.GetFiles(Path.Combine(root, "tests", "Bitbucket.Refit.Consumer"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).First().StartsWith("// This file is a code block of the repository README.md", StringComparison.Ordinal))
            .ToList();

        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[]
        {
            "Program.cs", "ReviewQueue.cs", "ReviewQueueMockTests.cs", "ReviewQueueSandboxTests.cs", "ReviewQueueWireMockTests.cs",
        }));
        foreach (var file in files)
        {
            var code = Normalize(string.Join('\n', File.ReadLines(file).Skip(1)));
            Assert.That(blocks, Does.Contain(code), $"{Path.GetRelativePath(root, file)} is no longer a README.md block: copy the block back into it.");
        }

        static string Normalize(string code) => code.Replace("\r", "", StringComparison.Ordinal).Trim();
    }

    [Test]
    public void Markers_apply_to_the_block_right_after_them_only()
    {
        string[] lines =
        [
            "<!-- snippet: skip -->", "```csharp", "not C#", "```",
            "```csharp", "var a = 1;", "```",
            "<!-- snippet: web -->", "```csharp", "var b = 2;", "```",
            "<!-- snippet: shared -->", "text in between resets it", "```csharp", "var c = 3;", "```",
        ];

        var blocks = ReadmeSnippets.Extract("inline", lines).ToList();

        Assert.That(blocks.Select(b => (b.Kind, b.Shared)), Is.EqualTo(new[]
        {
            (SnippetKind.Skip, false), (SnippetKind.Console, false), (SnippetKind.Web, false), (SnippetKind.Console, false),
        }));
        Assert.That(blocks.Select(b => b.Code.Trim()), Is.EqualTo(new[] { "not C#", "var a = 1;", "var b = 2;", "var c = 3;" }));
    }

    [Test]
    public void A_broken_block_fails_the_check()
    {
        // The check itself can fail: a block with a wrong namespace, a missing using or a misspelt member is an error.
        var broken = new ReadmeSnippet("inline", 1, SnippetKind.Console,
            "using Bitbucket;\nvar api = default(IPullRequestsApi)!;\nawait foreach (var pr in api.Lsit(\"w\", \"r\")) { }\n");
        var trees = new[] { CSharpSyntaxTree.ParseText(broken.Code, new CSharpParseOptions(LanguageVersion.Latest)) };
        var errors = CSharpCompilation.Create("Broken", trees, References.Value, new CSharpCompilationOptions(OutputKind.ConsoleApplication))
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.That(errors, Does.Contain("CS1061"));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The test host's trusted platform assemblies: the shared frameworks (Microsoft.NETCore.App and
        // Microsoft.AspNetCore.App, from the FrameworkReference) plus every package and project the test references.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                if (!pe.HasMetadata)
                {
                    continue;
                }
            }
            catch (BadImageFormatException)
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(path));
        }

        return references.ToImmutable();
    }

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bitbucket.Refit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bitbucket.Refit.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>How a README block is compiled.</summary>
public enum SnippetKind
{
    /// <summary>As pasted into <c>dotnet new console</c> (or a class library / test project).</summary>
    Console,

    /// <summary>As pasted into <c>dotnet new web</c>'s Program.cs (<c>&lt;!-- snippet: web --&gt;</c>).</summary>
    Web,

    /// <summary>Not compiled (<c>&lt;!-- snippet: skip --&gt;</c>).</summary>
    Skip,
}

/// <summary>One fenced C# block of a README.</summary>
public sealed record ReadmeSnippet(string File, int Line, SnippetKind Kind, string Code, bool Shared = false)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Extracts the fenced <c>```csharp</c> blocks of the READMEs.</summary>
public static partial class ReadmeSnippets
{
    public static IEnumerable<ReadmeSnippet> All(string root)
    {
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            foreach (var snippet in Extract(relative, File.ReadAllLines(file)))
            {
                yield return snippet;
            }
        }
    }

    public static IEnumerable<ReadmeSnippet> Extract(string file, IReadOnlyList<string> lines)
    {
        var kind = SnippetKind.Console;
        var shared = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (marker.Success)
            {
                kind = marker.Groups[1].Value switch { "web" => SnippetKind.Web, "skip" => SnippetKind.Skip, _ => SnippetKind.Console };
                shared = marker.Groups[1].Value == "shared";
                continue;
            }

            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                if (lines[i].Trim().Length > 0)
                {
                    kind = SnippetKind.Console;   // a marker applies to the block right after it
                    shared = false;
                }

                continue;
            }

            var indent = fence.Groups[1].Value.Length;
            var start = i + 1;
            var body = new List<string>();
            for (i++; i < lines.Count && lines[i].Trim() != "```"; i++)
            {
                body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            }

            yield return new ReadmeSnippet(file, start, kind, string.Join('\n', body) + "\n", shared);
            kind = SnippetKind.Console;
            shared = false;
        }
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(web|skip|shared)\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(\s*)```(?:csharp|cs|c#)\s*$")]
    private static partial Regex Fence();
}
