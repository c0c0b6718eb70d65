// Hand-written part of the generated PipelineCommitTarget.g.cs: the type is preset, so a new target needs no "type".

namespace Bitbucket.Models;

public sealed partial record PipelineCommitTarget
{
    /// <summary>Initializes a new instance of the <see cref="PipelineCommitTarget"/> class with its type set.</summary>
    public PipelineCommitTarget()
    {
        Type = "pipeline_commit_target";
    }
}
