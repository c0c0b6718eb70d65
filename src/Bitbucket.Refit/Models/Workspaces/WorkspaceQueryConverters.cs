using Refit;

namespace Bitbucket.Refit.Serialization;

// Refit's source generator flattens a query value that is neither a primitive nor IFormattable into its properties
// (an IBitbucketEnum struct becomes "?Value=OPEN") and writes bool as "True". These converters write what Bitbucket
// expects for the IWorkspacesApi parameters that need it.

/// <summary>Writes the <c>administrator</c> query value of <c>GET /user/workspaces</c> as <c>true</c> or <c>false</c>.</summary>
internal sealed class AdministratorQueryConverter : IQueryConverter<bool?>
{
    /// <inheritdoc />
    public void Flatten(bool? value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        if (value is { } administrator)
        {
            builder.Add(keyPrefix + "administrator", administrator ? "true" : "false", false);
        }
    }
}

/// <summary>Writes each pull-request state as its own <c>state</c> query value, exactly as Bitbucket spells it.</summary>
internal sealed class PullRequestStatesQueryConverter : IQueryConverter<IEnumerable<Models.PullRequestState>?>
{
    /// <inheritdoc />
    public void Flatten(IEnumerable<Models.PullRequestState>? value, string keyPrefix, ref GeneratedQueryStringBuilder builder, RefitSettings settings)
    {
        foreach (var state in value ?? [])
        {
            builder.Add(keyPrefix + "state", state.Value, false);
        }
    }
}
