using Refit;

namespace Bitbucket.Models;

/// <summary>
/// Writes the pull request states of a list filter as one <c>state</c> parameter each (<c>state=OPEN&amp;state=MERGED</c>),
/// as Bitbucket expects. Refit's source generator cannot flatten a collection of <see cref="PullRequestState"/> on its
/// own (RF006), and <c>TreatAsString</c> would send the collection's type name.
/// </summary>
internal sealed class PullRequestStateQueryConverter : IQueryConverter<IEnumerable<PullRequestState>?>
{
    /// <inheritdoc />
    public void Flatten(IEnumerable<PullRequestState>? value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        if (value is null)
        {
            return;
        }

        foreach (var state in value)
        {
            if (!string.IsNullOrEmpty(state.Value))
            {
                builder.Add(keyPrefix + "state", state.Value, false);
            }
        }
    }
}
