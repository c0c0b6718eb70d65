using Refit;

namespace Bitbucket.Refit.Models;

/// <summary>
/// Writes the <c>renames</c> query parameter of the file history as <c>true</c> or <c>false</c>; Refit's generated
/// client would otherwise write <see cref="bool.ToString()"/> (<c>False</c>).
/// </summary>
internal sealed class FileHistoryRenamesQuery : IQueryConverter<bool?>
{
    public void Flatten(bool? value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        if (value is { } follow)
        {
            builder.Add(keyPrefix + "renames", follow ? "true" : "false", false);
        }
    }
}
