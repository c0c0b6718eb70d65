// Hand-written part of the generated PipelineRefTarget.g.cs: the type is preset, so a new target needs no "type".

namespace Bitbucket.Models;

public sealed partial record PipelineRefTarget
{
    /// <summary>Initializes a new instance of the <see cref="PipelineRefTarget"/> class with its type set.</summary>
    public PipelineRefTarget()
    {
        Type = "pipeline_ref_target";
    }
}
