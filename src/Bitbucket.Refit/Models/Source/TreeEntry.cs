// Hand-written part of the generated TreeEntry.g.cs: the two type values as constants.

namespace Bitbucket.Models;

public sealed partial record TreeEntry
{
    /// <summary>The <see cref="Type"/> of a file entry.</summary>
    public const string FileType = "commit_file";

    /// <summary>The <see cref="Type"/> of a directory entry.</summary>
    public const string DirectoryType = "commit_directory";
}
