// Hand-written: the OpenAPI description documents this target only in the examples of "Run a pipeline".

namespace Bitbucket.Models;

/// <summary>
/// A Bitbucket Pipelines pull request target (<c>pipeline_pullrequest_target</c>): source and destination branches,
/// their commits, the pull request and the selector of the <c>pull-requests</c> pipeline definition.
/// </summary>
public sealed record PipelinePullRequestTarget : PipelineTarget
{
    /// <summary>Initializes a new instance of the <see cref="PipelinePullRequestTarget"/> class with its type set.</summary>
    public PipelinePullRequestTarget()
    {
        Type = "pipeline_pullrequest_target";
    }
}
