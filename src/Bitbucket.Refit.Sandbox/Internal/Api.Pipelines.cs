using System.Globalization;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Pipelines that move PENDING → IN_PROGRESS → COMPLETED with the sandbox clock, and webhooks.</summary>
internal sealed partial class SandboxApi
{
    private readonly HashSet<string> _reportedPipelines = new(StringComparer.Ordinal);

    /// <summary>Raises the build-status webhooks of pipelines that completed since the last tick. Called periodically
    /// and whenever the clock is advanced.</summary>
    public void Tick()
    {
        lock (state.Gate)
        {
            foreach (var ws in state.Workspaces.Values)
            {
                foreach (var repo in ws.Repositories.Values)
                {
                    foreach (var pipeline in repo.Pipelines)
                    {
                        if (_reportedPipelines.Contains(pipeline.Uuid) || pipeline.StateAt(state.Now).Name != "COMPLETED")
                        {
                            continue;
                        }

                        _reportedPipelines.Add(pipeline.Uuid);
                        var status = StatusesOf(repo, pipeline.Commit).First(s => s.Key == pipeline.Uuid);
                        webhooks.Raise(ws, repo, "repo:commit_status_updated", pipeline.Creator, new()
                        {
                            ["repository"] = Node(map.Repository(repo)),
                            ["commit_status"] = Node(map.Status(repo, status), BitbucketJsonContext.Default.CommitStatus),
                        });
                    }
                }
            }
        }
    }

    private void MapPipelines(WebApplication app)
    {
        Get(app, Repo + "/pipelines", (context, caller) =>
        {
            if (FindRepository(context, caller, "pipeline", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var pipelines = Sort(repo.Pipelines.OrderBy(p => p.BuildNumber), context, new Dictionary<string, Func<PipelineData, IComparable?>>
            {
                ["created_on"] = p => p.CreatedOn,
                ["build_number"] = p => p.BuildNumber,
            }).Select(p => map.Pipeline(repo, p, state.Now)).ToList();
            return PageOf(pipelines, BitbucketJsonContext.Default.PagePipeline);
        });

        Post(app, Repo + "/pipelines", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "pipeline", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var refType = Str(body, "target", "ref_type") ?? "branch";
            var refName = Str(body, "target", "ref_name");
            var commitHash = Str(body, "target", "commit", "hash");
            if (refName is null && commitHash is null)
            {
                return BadRequest("target: a ref_name or a commit is required.", "target");
            }

            var commit = commitHash is not null ? repo.ResolveCommit(commitHash) : refType == "tag"
                ? repo.Tags.TryGetValue(refName!, out var tag) ? repo.Commits[tag.Target] : null
                : repo.Branches.TryGetValue(refName!, out var head) ? repo.Commits[head] : null;
            if (commit is null)
            {
                return BadRequest($"target: The {(commitHash is null ? refType : "commit")} \"{commitHash ?? refName}\" does not exist.", "target");
            }

            var number = repo.Pipelines.Count + 1;
            var pipeline = new PipelineData(State.DeterministicUuid($"pipeline:{repo.FullName}/{number}/{state.Now.ToUnixTimeMilliseconds()}"), number, refName ?? commit.Hash, refType, commit.Hash, caller!.User, state.Now);
            repo.Pipelines.Add(pipeline);
            var model = map.Pipeline(repo, pipeline, state.Now);
            var status = StatusesOf(repo, pipeline.Commit).First(s => s.Key == pipeline.Uuid);
            webhooks.Raise(repo.Workspace, repo, "repo:commit_status_created", caller.User, new()
            {
                ["repository"] = Node(map.Repository(repo)),
                ["commit_status"] = Node(map.Status(repo, status), BitbucketJsonContext.Default.CommitStatus),
            });
            return Created(model, BitbucketJsonContext.Default.Pipeline, model.Links!.Self!.Href!);
        });

        Get(app, Repo + "/pipelines/{pipeline_uuid}", (context, caller) =>
            FindPipeline(context, caller, "pipeline", Need.Read, out var repo, out var pipeline)
            ?? Ok(map.Pipeline(repo, pipeline, state.Now), BitbucketJsonContext.Default.Pipeline));

        Post(app, Repo + "/pipelines/{pipeline_uuid}/stopPipeline", (context, caller, body) =>
        {
            if (FindPipeline(context, caller, "pipeline:write", Need.Write, out _, out var pipeline) is { } failure)
            {
                return failure;
            }

            if (pipeline.StateAt(state.Now).Name == "COMPLETED")
            {
                return BadRequest("The pipeline has already completed.");
            }

            pipeline.StoppedOn = state.Now;
            pipeline.StoppedBy = caller!.User;
            return NoContent();
        });
    }

    private Reply? FindPipeline(HttpContext context, Caller? caller, string scope, Need need, out RepositoryState repository, out PipelineData pipeline)
    {
        pipeline = null!;
        if (FindRepository(context, caller, scope, need, out repository) is { } failure)
        {
            return failure;
        }

        var id = SandboxHttp.Route(context, "pipeline_uuid");
        var found = repository.Pipelines.FirstOrDefault(p => string.Equals(p.Uuid, id, StringComparison.OrdinalIgnoreCase)
                                                             || string.Equals(p.Uuid.Trim('{', '}'), id, StringComparison.OrdinalIgnoreCase)
                                                             || p.BuildNumber.ToString(CultureInfo.InvariantCulture) == id);
        if (found is null)
        {
            return NotFound($"Pipeline {id} not found.");
        }

        pipeline = found;
        return null;
    }
}
