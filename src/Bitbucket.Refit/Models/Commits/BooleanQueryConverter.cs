using Refit;

namespace Bitbucket.Refit.Models;

/// <summary>
/// Writes an optional boolean query parameter as <c>true</c> or <c>false</c>, the spelling Bitbucket documents and
/// validates. Refit's source generator would write <see cref="bool.ToString()"/> (<c>True</c>), and a query
/// converter is not told the parameter's name, so each parameter has its own small subclass.
/// </summary>
internal abstract class BooleanQueryConverter : IQueryConverter<bool?>
{
    /// <summary>Gets the query key.</summary>
    protected abstract string Name { get; }

    /// <inheritdoc />
    public void Flatten(bool? value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        if (value is { } flag)
        {
            builder.Add(keyPrefix + Name, flag ? "true" : "false", false);
        }
    }
}

/// <summary>Writes <c>ignore_whitespace</c>.</summary>
internal sealed class IgnoreWhitespaceQuery : BooleanQueryConverter
{
    /// <inheritdoc />
    protected override string Name => "ignore_whitespace";
}

/// <summary>Writes <c>binary</c>.</summary>
internal sealed class BinaryQuery : BooleanQueryConverter
{
    /// <inheritdoc />
    protected override string Name => "binary";
}

/// <summary>Writes <c>renames</c>.</summary>
internal sealed class RenamesQuery : BooleanQueryConverter
{
    /// <inheritdoc />
    protected override string Name => "renames";
}

/// <summary>Writes <c>merge</c>.</summary>
internal sealed class MergeQuery : BooleanQueryConverter
{
    /// <inheritdoc />
    protected override string Name => "merge";
}

/// <summary>Writes <c>topic</c>.</summary>
internal sealed class TopicQuery : BooleanQueryConverter
{
    /// <inheritdoc />
    protected override string Name => "topic";
}
