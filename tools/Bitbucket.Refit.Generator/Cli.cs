using System.Text;

namespace Bitbucket.Refit.Generator;

/// <summary>
/// The command line: no arguments writes the generated files; <c>--check</c> exits 1 and lists the files that differ;
/// <c>--diff</c> prints what would change; <c>diff &lt;description&gt;</c> lists what a new description changes.
/// <c>--root &lt;dir&gt;</c> names the repository (default: the folder holding Bitbucket.Refit.sln above the current one),
/// <c>--spec &lt;file&gt;</c> generates from another description.
/// </summary>
public static class Cli
{
    /// <summary>The folder of the models, relative to the repository root.</summary>
    public const string ModelsFolder = "src/Bitbucket.Refit/Models";

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where reports go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit code: 0, 1 when <c>--check</c> finds differences, 2 on bad arguments.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? root = null, spec = null, against = null;
        var mode = "write";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--check": mode = "check"; break;
                case "--diff": mode = "diff"; break;
                case "--root" when i + 1 < args.Length: root = args[++i]; break;
                case "--spec" when i + 1 < args.Length: spec = args[++i]; break;
                case "diff" when i + 1 < args.Length: mode = "spec-diff"; against = args[++i]; break;
                case "-h" or "--help":
                    stdout.WriteLine("usage: Bitbucket.Refit.Generator [--check | --diff | diff <new description>] [--root <repo>] [--spec <description>]");
                    return 0;
                default:
                    stderr.WriteLine($"unknown argument: {args[i]} (try --help)");
                    return 2;
            }
        }

        root ??= FindRoot(Directory.GetCurrentDirectory());
        if (root is null)
        {
            stderr.WriteLine("no Bitbucket.Refit.sln in this folder or above it; pass --root <repo>");
            return 2;
        }

        if (mode == "spec-diff")
        {
            var vendored = Spec.Load(Path.Combine(root, "spec", "bitbucket-cloud.openapi.json"));
            var changes = SpecDiff.Compare(vendored, Spec.Load(against!));
            foreach (var line in changes)
            {
                stdout.WriteLine(line);
            }

            var generator = ModelGenerator.FromRepository(root, against);
            var models = Compare(root, generator.Generate());
            foreach (var note in generator.Notes)
            {
                stdout.WriteLine("model " + note);
            }

            foreach (var (path, _, _) in models)
            {
                stdout.WriteLine("file would change: " + Path.Combine(ModelsFolder, path).Replace('\\', '/'));
            }

            stdout.WriteLine($"{changes.Count} description changes, {models.Count} generated files would change");
            return 0;
        }

        var gen = ModelGenerator.FromRepository(root, spec);
        var files = gen.Generate();
        foreach (var note in gen.Notes)
        {
            stderr.WriteLine(note);
        }

        var differences = Compare(root, files);
        switch (mode)
        {
            case "check":
                foreach (var (path, before, _) in differences)
                {
                    stdout.WriteLine($"{(before is null ? "missing" : "differs")}: {Path.Combine(ModelsFolder, path).Replace('\\', '/')}");
                }

                foreach (var stale in Stale(root, files))
                {
                    stdout.WriteLine($"stale: {stale}");
                }

                var bad = differences.Count + Stale(root, files).Count;
                stdout.WriteLine(bad == 0
                    ? $"{files.Count} generated files are up to date"
                    : $"{bad} of {files.Count} generated files differ: run dotnet run --project tools/Bitbucket.Refit.Generator");
                return bad == 0 ? 0 : 1;
            case "diff":
                foreach (var (path, before, after) in differences)
                {
                    stdout.Write(UnifiedDiff.Render(Path.Combine(ModelsFolder, path).Replace('\\', '/'), before ?? "", after));
                }

                return 0;
            default:
                foreach (var (path, _, after) in differences)
                {
                    var full = Path.Combine(root, ModelsFolder, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllText(full, after, new UTF8Encoding(false));
                    stdout.WriteLine($"wrote {Path.Combine(ModelsFolder, path).Replace('\\', '/')}");
                }

                foreach (var stale in Stale(root, files))
                {
                    File.Delete(Path.Combine(root, stale));
                    stdout.WriteLine($"deleted {stale}");
                }

                stdout.WriteLine($"{differences.Count} of {files.Count} generated files written");
                return 0;
        }
    }

    /// <summary>Finds the repository root: the first folder at or above <paramref name="start"/> holding Bitbucket.Refit.sln.</summary>
    /// <param name="start">Where to start.</param>
    /// <returns>The root, or <see langword="null"/>.</returns>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bitbucket.Refit.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Compares generated text with the files on disk.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="files">The generated files.</param>
    /// <returns>The files that differ: path, text on disk (<see langword="null"/> when missing) and generated text.</returns>
    public static List<(string Path, string? Before, string After)> Compare(string root, IDictionary<string, string> files)
    {
        var result = new List<(string, string?, string)>();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, ModelsFolder, path);
            var before = File.Exists(full) ? File.ReadAllText(full) : null;
            if (before != text)
            {
                result.Add((path, before, text));
            }
        }

        return result;
    }

    private static List<string> Stale(string root, IDictionary<string, string> files)
    {
        var folder = Path.Combine(root, ModelsFolder);
        return Directory.EnumerateFiles(folder, "*.g.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !files.ContainsKey(f))
            .Select(f => ModelsFolder + "/" + f)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
