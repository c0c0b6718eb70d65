using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Bitbucket.Docs.Tests;

/// <summary>
/// Users can step into the packages: each packed assembly carries its portable PDB inside the DLL (DebugType embedded),
/// and the PDB carries every source file (EmbedAllSources), so no symbol server or source link is needed.
/// </summary>
[Category("Docs")]
public sealed class PackageSymbolsTests
{
    [TestCase("Bitbucket.Refit")]
    [TestCase("Bitbucket.Refit.Sandbox")]
    public void The_assembly_embeds_its_pdb_and_every_source_file(string assembly)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        using var pe = new PEReader(stream);
        var embedded = pe.ReadDebugDirectory().Where(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToList();
        Assert.That(embedded, Has.Count.EqualTo(1), "an embedded portable PDB");

        using var pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
        var pdb = pdbProvider.GetMetadataReader();
        var embeddedSourceKind = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var documents = pdb.Documents.ToList();
        var withSource = documents.Count(d => pdb.GetCustomDebugInformation(d)
            .Any(c => pdb.GetGuid(pdb.GetCustomDebugInformation(c).Kind) == embeddedSourceKind));

        Assert.That(documents, Is.Not.Empty);
        Assert.That(withSource, Is.EqualTo(documents.Count), "every document's source is embedded");
    }
}
