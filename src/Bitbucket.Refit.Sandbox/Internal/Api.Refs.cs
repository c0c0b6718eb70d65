using System.Text.Json.Nodes;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Branches, tags, commits and commit build statuses.</summary>
internal sealed partial class SandboxApi
{
    private const string Repo = "/repositories/{workspace}/{repo_slug}";

    private void MapRefsAndCommits(WebApplication app)
    {
        Get(app, Repo + "/refs", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var refs = repo.Branches.Select(b => (Name: b.Key, Ref: (GitRef)map.Branch(repo, b.Key, b.Value)))
                .Concat(repo.Tags.Values.Select(t => (t.Name, Ref: (GitRef)map.Tag(repo, t))))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => ToGitRef(r.Ref))
                .ToList();
            return PageOf(refs, BitbucketJsonContext.Default.PageGitRef);
        });

        Get(app, Repo + "/refs/branches", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var names = Query.Filter(repo.Branches.Keys, context, new Dictionary<string, Func<string, string?>> { ["name"] = n => n });
            var branches = Sort(names.Order(StringComparer.Ordinal), context, new Dictionary<string, Func<string, IComparable?>>
            {
                ["name"] = n => n,
                ["target.date"] = n => repo.Commits[repo.Branches[n]].Date,
            }).Select(n => map.Branch(repo, n, repo.Branches[n])).ToList();
            return PageOf(branches, BitbucketJsonContext.Default.PageBranch);
        });

        Get(app, Repo + "/refs/branches/{**name}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var name = SandboxHttp.Route(context, "name");
            return repo.Branches.TryGetValue(name, out var head)
                ? Ok(map.Branch(repo, name, head), BitbucketJsonContext.Default.Branch)
                : NotFound($"Branch \"{name}\" not found.");
        });

        Post(app, Repo + "/refs/branches", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "repository:write", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var name = Str(body, "name");
            var target = Str(body, "target", "hash");
            if (string.IsNullOrWhiteSpace(name) || name.StartsWith('/') || name.EndsWith('/') || name.Contains("..", StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
            {
                return BadRequest("name: Invalid branch name.", "name");
            }

            if (target is null || repo.ResolveCommit(target) is not { } commit)
            {
                return BadRequest("target: The target commit does not exist.", "target");
            }

            if (repo.Branches.ContainsKey(name))
            {
                return BadRequest($"BRANCH_ALREADY_EXISTS: Branch \"{name}\" already exists.", "name");
            }

            repo.Branches[name] = commit.Hash;
            repo.UpdatedOn = state.Now;
            RaisePush(repo, caller!.User, "branch", name, null, commit.Hash);
            return Created(map.Branch(repo, name, commit.Hash), BitbucketJsonContext.Default.Branch, map.Api(Mapper.RepoPath(repo) + "/refs/branches/" + Mapper.Esc(name)));
        });

        Delete(app, Repo + "/refs/branches/{**name}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository:write", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var name = SandboxHttp.Route(context, "name");
            if (!repo.Branches.TryGetValue(name, out var old))
            {
                return NotFound($"Branch \"{name}\" not found.");
            }

            if (name == repo.MainBranch)
            {
                return BadRequest("You can't delete the main branch of a repository.");
            }

            repo.Branches.Remove(name);
            RaisePush(repo, caller!.User, "branch", name, old, null);
            return NoContent();
        });

        Get(app, Repo + "/refs/tags", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var tags = Query.Filter(repo.Tags.Values, context, new Dictionary<string, Func<TagData, string?>> { ["name"] = t => t.Name });
            var values = Sort(tags.OrderBy(t => t.Name, StringComparer.Ordinal), context, new Dictionary<string, Func<TagData, IComparable?>>
            {
                ["name"] = t => t.Name,
                ["target.date"] = t => repo.Commits[t.Target].Date,
            }).Select(t => map.Tag(repo, t)).ToList();
            return PageOf(values, BitbucketJsonContext.Default.PageTag);
        });

        Get(app, Repo + "/refs/tags/{**name}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var name = SandboxHttp.Route(context, "name");
            return repo.Tags.TryGetValue(name, out var tag)
                ? Ok(map.Tag(repo, tag), BitbucketJsonContext.Default.Tag)
                : NotFound($"Tag \"{name}\" not found.");
        });

        Post(app, Repo + "/refs/tags", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "repository:write", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var name = Str(body, "name");
            var target = Str(body, "target", "hash");
            if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
            {
                return BadRequest("name: Invalid tag name.", "name");
            }

            if (target is null || repo.ResolveCommit(target) is not { } commit)
            {
                return BadRequest("target: The target commit does not exist.", "target");
            }

            if (repo.Tags.ContainsKey(name))
            {
                return BadRequest($"Tag \"{name}\" already exists.", "name");
            }

            var tag = new TagData(name, commit.Hash, (Str(body, "message") ?? string.Empty) + "\n", caller!.User, state.Now);
            repo.Tags[name] = tag;
            RaisePush(repo, caller.User, "tag", name, null, commit.Hash);
            return Created(map.Tag(repo, tag), BitbucketJsonContext.Default.Tag, map.Api(Mapper.RepoPath(repo) + "/refs/tags/" + Mapper.Esc(name)));
        });

        Delete(app, Repo + "/refs/tags/{**name}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository:write", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var name = SandboxHttp.Route(context, "name");
            if (!repo.Tags.Remove(name, out var tag))
            {
                return NotFound($"Tag \"{name}\" not found.");
            }

            RaisePush(repo, caller!.User, "tag", name, tag.Target, null);
            return NoContent();
        });

        Get(app, Repo + "/commits", (context, caller) =>
            FindRepository(context, caller, "repository", Need.Read, out var repo) ?? ListCommits(context, repo, null));

        Get(app, Repo + "/commits/{**revision}", (context, caller) =>
            FindRepository(context, caller, "repository", Need.Read, out var repo) ?? ListCommits(context, repo, SandboxHttp.Route(context, "revision")));

        Get(app, Repo + "/commit/{commit}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var revision = SandboxHttp.Route(context, "commit");
            return repo.ResolveCommit(revision) is { } commit
                ? Ok(map.Commit(repo, commit), BitbucketJsonContext.Default.BaseCommit)
                : NotFound($"Commit not found: {revision}");
        });

        Get(app, Repo + "/commit/{commit}/statuses", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var revision = SandboxHttp.Route(context, "commit");
            if (repo.ResolveCommit(revision) is not { } commit)
            {
                return NotFound($"Commit not found: {revision}");
            }

            var statuses = Query.Filter(StatusesOf(repo, commit.Hash), context, StatusFields)
                .OrderByDescending(s => s.UpdatedOn)
                .Select(s => map.Status(repo, s))
                .ToList();
            return PageOf(statuses, BitbucketJsonContext.Default.PageCommitStatus);
        });

        Post(app, Repo + "/commit/{commit}/statuses/build", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "repository", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var revision = SandboxHttp.Route(context, "commit");
            if (repo.ResolveCommit(revision) is not { } commit)
            {
                return NotFound($"Commit not found: {revision}");
            }

            var key = Str(body, "key");
            var stateName = Str(body, "state");
            var url = Str(body, "url");
            if (string.IsNullOrWhiteSpace(key))
            {
                return BadRequest("key: This field is required.", "key");
            }

            if (stateName is not ("INPROGRESS" or "SUCCESSFUL" or "FAILED" or "STOPPED"))
            {
                return BadRequest("state: Must be one of INPROGRESS, SUCCESSFUL, FAILED, STOPPED.", "state");
            }

            if (string.IsNullOrWhiteSpace(url))
            {
                return BadRequest("url: This field is required.", "url");
            }

            var list = repo.Statuses.TryGetValue(commit.Hash, out var existing) ? existing : repo.Statuses[commit.Hash] = [];
            var status = list.FirstOrDefault(s => s.Key == key);
            var created = status is null;
            if (status is null)
            {
                status = new StatusData(key, commit.Hash) { CreatedOn = state.Now };
                list.Add(status);
            }

            status.State = stateName;
            status.Url = url;
            status.Name = Str(body, "name") ?? status.Name;
            status.Description = Str(body, "description") ?? status.Description;
            status.RefName = Str(body, "refname") ?? status.RefName;
            status.UpdatedOn = state.Now;
            var model = map.Status(repo, status);
            webhooks.Raise(repo.Workspace, repo, created ? "repo:commit_status_created" : "repo:commit_status_updated", caller!.User, new()
            {
                ["repository"] = Node(map.Repository(repo)),
                ["commit_status"] = Node(model, BitbucketJsonContext.Default.CommitStatus),
            });
            return Created(model, BitbucketJsonContext.Default.CommitStatus, model.Links!.Self!.Href!);
        });

        Get(app, Repo + "/commit/{commit}/statuses/build/{key}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var revision = SandboxHttp.Route(context, "commit");
            var key = SandboxHttp.Route(context, "key");
            var status = repo.ResolveCommit(revision) is { } commit ? StatusesOf(repo, commit.Hash).FirstOrDefault(s => s.Key == key) : null;
            return status is null ? NotFound($"Build status {key} not found for commit {revision}.") : Ok(map.Status(repo, status), BitbucketJsonContext.Default.CommitStatus);
        });

        Put(app, Repo + "/commit/{commit}/statuses/build/{key}", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "repository", Need.Write, out var repo) is { } failure)
            {
                return failure;
            }

            var revision = SandboxHttp.Route(context, "commit");
            var key = SandboxHttp.Route(context, "key");
            var status = repo.ResolveCommit(revision) is { } commit && repo.Statuses.TryGetValue(commit.Hash, out var list) ? list.FirstOrDefault(s => s.Key == key) : null;
            if (status is null)
            {
                return NotFound($"Build status {key} not found for commit {revision}.");
            }

            if (Str(body, "state") is { } stateName)
            {
                if (stateName is not ("INPROGRESS" or "SUCCESSFUL" or "FAILED" or "STOPPED"))
                {
                    return BadRequest("state: Must be one of INPROGRESS, SUCCESSFUL, FAILED, STOPPED.", "state");
                }

                status.State = stateName;
            }

            status.Url = Str(body, "url") ?? status.Url;
            status.Name = Str(body, "name") ?? status.Name;
            status.Description = Str(body, "description") ?? status.Description;
            status.RefName = Str(body, "refname") ?? status.RefName;
            status.UpdatedOn = state.Now;
            var model = map.Status(repo, status);
            webhooks.Raise(repo.Workspace, repo, "repo:commit_status_updated", caller!.User, new()
            {
                ["repository"] = Node(map.Repository(repo)),
                ["commit_status"] = Node(model, BitbucketJsonContext.Default.CommitStatus),
            });
            return Ok(model, BitbucketJsonContext.Default.CommitStatus);
        });
    }

    private static readonly IReadOnlyDictionary<string, Func<StatusData, string?>> StatusFields = new Dictionary<string, Func<StatusData, string?>>
    {
        ["state"] = s => s.State,
        ["key"] = s => s.Key,
        ["name"] = s => s.Name,
        ["refname"] = s => s.RefName,
    };

    private static GitRef ToGitRef(GitRef source) => new()
    {
        Type = source.Type,
        Name = source.Name,
        Target = source.Target,
        Links = source.Links,
        MergeStrategies = source.MergeStrategies,
        DefaultMergeStrategy = source.DefaultMergeStrategy,
        Message = source.Message,
        Date = source.Date,
        Tagger = source.Tagger,
    };

    /// <summary>The build statuses of a commit: those posted through the API and one per pipeline run on it.</summary>
    private List<StatusData> StatusesOf(RepositoryState repo, string hash)
    {
        var result = repo.Statuses.TryGetValue(hash, out var list) ? new List<StatusData>(list) : [];
        foreach (var pipeline in repo.Pipelines.Where(p => p.Commit == hash))
        {
            var (name, outcome, completed) = pipeline.StateAt(state.Now);
            result.Add(new StatusData(pipeline.Uuid, hash)
            {
                CreatedOn = pipeline.CreatedOn,
                UpdatedOn = completed ?? pipeline.CreatedOn,
                State = name == "COMPLETED" ? outcome == "SUCCESSFUL" ? "SUCCESSFUL" : "STOPPED" : "INPROGRESS",
                Name = $"Pipeline #{pipeline.BuildNumber} for {pipeline.RefName}",
                Description = name == "COMPLETED" ? $"Pipeline {outcome!.ToLowerInvariant()}" : "Pipeline in progress",
                Url = map.Html(repo.FullName + "/pipelines/results/" + pipeline.BuildNumber),
                RefName = pipeline.RefName,
            });
        }

        return result;
    }

    private Reply ListCommits(HttpContext context, RepositoryState repo, string? revision)
    {
        var include = context.Request.Query["include"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        if (revision is not null)
        {
            include.Insert(0, revision);
        }

        if (include.Count == 0)
        {
            include.Add(repo.MainBranch);
        }

        var heads = new List<string>();
        foreach (var rev in include)
        {
            if (repo.ResolveCommit(rev) is not { } c)
            {
                return NotFound($"Commit not found: {rev}");
            }

            heads.Add(c.Hash);
        }

        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rev in context.Request.Query["exclude"].Where(v => !string.IsNullOrEmpty(v)))
        {
            if (repo.ResolveCommit(rev!) is { } c)
            {
                excluded.UnionWith(repo.Reachable(c.Hash));
            }
        }

        var commits = heads.SelectMany(h => repo.History(h, excluded))
            .DistinctBy(c => c.Hash)
            .OrderByDescending(c => c.Date)
            .Select(c => map.Commit(repo, c))
            .ToList();
        return PageOf(commits, BitbucketJsonContext.Default.PageBaseCommit);
    }

    private void RaisePush(RepositoryState repo, UserState actor, string type, string name, string? oldHash, string? newHash)
    {
        JsonNode? Target(string? hash) => hash is null
            ? null
            : new JsonObject
            {
                ["type"] = type,
                ["name"] = name,
                ["target"] = Node(map.Commit(repo, repo.Commits[hash]), BitbucketJsonContext.Default.BaseCommit),
            };

        var change = new JsonObject
        {
            ["old"] = Target(oldHash),
            ["new"] = Target(newHash),
            ["created"] = oldHash is null,
            ["closed"] = newHash is null,
            ["forced"] = false,
            ["truncated"] = false,
        };
        webhooks.Raise(repo.Workspace, repo, "repo:push", actor, new()
        {
            ["repository"] = Node(map.Repository(repo)),
            ["push"] = new JsonObject { ["changes"] = new JsonArray(change) },
        });
    }
}
