using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Pull requests: create, update, approve, request changes, merge, decline, comments, commits and statuses.</summary>
internal sealed partial class SandboxApi
{
    private const string Pr = Repo + "/pullrequests/{pull_request_id}";

    private static readonly IReadOnlyDictionary<string, Func<PullRequestData, string?>> PullRequestFields = new Dictionary<string, Func<PullRequestData, string?>>
    {
        ["state"] = p => p.State,
        ["title"] = p => p.Title,
        ["description"] = p => p.Description,
        ["id"] = p => p.Id.ToString(CultureInfo.InvariantCulture),
        ["author.nickname"] = p => p.Author.Username,
        ["author.uuid"] = p => p.Author.Uuid,
        ["author.account_id"] = p => p.Author.AccountId,
        ["source.branch.name"] = p => p.SourceBranch,
        ["destination.branch.name"] = p => p.DestinationBranch,
        ["draft"] = p => p.Draft ? "true" : "false",
    };

    private void MapPullRequests(WebApplication app)
    {
        Get(app, Repo + "/pullrequests", (context, caller) =>
        {
            if (FindRepository(context, caller, "pullrequest", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var states = context.Request.Query["state"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!.ToUpperInvariant()).ToHashSet();
            IEnumerable<PullRequestData> prs = repo.PullRequests.Where(p => states.Count == 0 ? p.State == "OPEN" || context.Request.Query.ContainsKey("q") : states.Contains(p.State));
            prs = Query.Filter(prs, context, PullRequestFields);
            prs = Sort(prs.OrderByDescending(p => p.Id), context, new Dictionary<string, Func<PullRequestData, IComparable?>>
            {
                ["id"] = p => p.Id,
                ["created_on"] = p => p.CreatedOn,
                ["updated_on"] = p => p.UpdatedOn,
                ["title"] = p => p.Title,
            });
            return PageOf(prs.Select(p => map.PullRequestSummary(repo, p)).ToList(), BitbucketJsonContext.Default.PagePullRequest, max: 50);
        });

        Get(app, "/workspaces/{workspace}/pullrequests/{selected_user}", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "pullrequest", ws, false, Need.Read) is { } denied)
            {
                return denied;
            }

            var id = SandboxHttp.Route(context, "selected_user");
            if (state.FindUser(id) is not { } user)
            {
                return NotFound($"User {id} not found");
            }

            var states = context.Request.Query["state"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!.ToUpperInvariant()).ToHashSet();
            var prs = ws.Repositories.Values
                .SelectMany(r => r.PullRequests.Where(p => p.Author == user && (states.Count == 0 ? p.State == "OPEN" : states.Contains(p.State))).Select(p => (Repo: r, Pr: p)))
                .OrderByDescending(x => x.Pr.UpdatedOn)
                .Select(x => map.PullRequestSummary(x.Repo, x.Pr))
                .ToList();
            return PageOf(prs, BitbucketJsonContext.Default.PagePullRequest, max: 50);
        });

        Post(app, Repo + "/pullrequests", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "pullrequest:write", Need.Read, out var repo) is { } failure)
            {
                return failure;
            }

            var title = Str(body, "title");
            var source = Str(body, "source", "branch", "name");
            var destination = Str(body, "destination", "branch", "name") ?? repo.MainBranch;
            if (string.IsNullOrWhiteSpace(title))
            {
                return BadRequest("title: This field is required.", "title");
            }

            if (source is null || !repo.Branches.TryGetValue(source, out var sourceHead))
            {
                return BadRequest($"source: Branch \"{source}\" does not exist.", "source");
            }

            if (!repo.Branches.TryGetValue(destination, out var destinationHead))
            {
                return BadRequest($"destination: Branch \"{destination}\" does not exist.", "destination");
            }

            if (source == destination || repo.Reachable(destinationHead).Contains(sourceHead))
            {
                return BadRequest("There are no changes to be pulled", "source");
            }

            var pr = new PullRequestData(repo.NextPullRequestId++, title, Str(body, "description") ?? string.Empty, caller!.User, source, destination, state.Now)
            {
                CloseSourceBranch = Bool(body, "close_source_branch") ?? false,
                Draft = Bool(body, "draft") ?? false,
            };
            if (body?.TryGetProperty("reviewers", out var reviewers) == true && reviewers.ValueKind == JsonValueKind.Array)
            {
                foreach (var reviewer in reviewers.EnumerateArray())
                {
                    var id = reviewer.TryGetProperty("uuid", out var u) ? u.GetString() : reviewer.TryGetProperty("account_id", out var a) ? a.GetString() : null;
                    if (id is null || state.FindUser(id) is not { } user)
                    {
                        return BadRequest($"reviewers: Unknown reviewer {id}.", "reviewers");
                    }

                    if (user == caller.User)
                    {
                        return BadRequest($"reviewers: {user.Seed.DisplayName} is the author and cannot be included as a reviewer.", "reviewers");
                    }

                    pr.Reviewers.Add(user);
                }
            }

            repo.PullRequests.Add(pr);
            var model = map.PullRequest(repo, pr);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:created", caller.User, PullRequestPayload(repo, model));
            return Created(model, BitbucketJsonContext.Default.PullRequest, model.Links!.Self!.Href!);
        });

        Get(app, Pr, (context, caller) =>
            FindPullRequest(context, caller, "pullrequest", Need.Read, out var repo, out var pr)
            ?? Ok(map.PullRequest(repo, pr), BitbucketJsonContext.Default.PullRequest));

        Put(app, Pr, (context, caller, body) =>
        {
            if (FindPullRequest(context, caller, "pullrequest:write", Need.Read, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            if (pr.State != "OPEN")
            {
                return BadRequest("Only open pull requests can be updated.");
            }

            if (Str(body, "title") is { } title)
            {
                if (string.IsNullOrWhiteSpace(title))
                {
                    return BadRequest("title: This field may not be blank.", "title");
                }

                pr.Title = title;
            }

            pr.Description = Str(body, "description") ?? pr.Description;
            if (Str(body, "destination", "branch", "name") is { } destination)
            {
                if (!repo.Branches.ContainsKey(destination))
                {
                    return BadRequest($"destination: Branch \"{destination}\" does not exist.", "destination");
                }

                pr.DestinationBranch = destination;
            }

            if (Bool(body, "close_source_branch") is { } close)
            {
                pr.CloseSourceBranch = close;
            }

            if (Bool(body, "draft") is { } draft)
            {
                pr.Draft = draft;
            }

            if (body?.TryGetProperty("reviewers", out var reviewers) == true && reviewers.ValueKind == JsonValueKind.Array)
            {
                pr.Reviewers.Clear();
                foreach (var reviewer in reviewers.EnumerateArray())
                {
                    var id = reviewer.TryGetProperty("uuid", out var u) ? u.GetString() : reviewer.TryGetProperty("account_id", out var a) ? a.GetString() : null;
                    if (id is not null && state.FindUser(id) is { } user && user != pr.Author)
                    {
                        pr.Reviewers.Add(user);
                    }
                }
            }

            pr.UpdatedOn = state.Now;
            var model = map.PullRequest(repo, pr);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:updated", caller!.User, PullRequestPayload(repo, model));
            return Ok(model, BitbucketJsonContext.Default.PullRequest);
        });

        Post(app, Pr + "/approve", (context, caller, _) => Review(context, caller, approve: true));
        Delete(app, Pr + "/approve", (context, caller) => Review(context, caller, approve: false));
        Post(app, Pr + "/request-changes", (context, caller, _) => RequestChanges(context, caller, request: true));
        Delete(app, Pr + "/request-changes", (context, caller) => RequestChanges(context, caller, request: false));

        Post(app, Pr + "/merge", (context, caller, body) =>
        {
            if (FindPullRequest(context, caller, "pullrequest:write", Need.Write, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            if (pr.State != "OPEN")
            {
                return BadRequest($"You can't merge a pull request that is {pr.State.ToLowerInvariant()}.");
            }

            if (!repo.Branches.TryGetValue(pr.SourceBranch, out var sourceHead) || !repo.Branches.TryGetValue(pr.DestinationBranch, out var destinationHead))
            {
                return Fail(StatusCodes.Status409Conflict, "Unable to merge because one of the refs involved changed while attempting to merge.");
            }

            var strategy = Str(body, "merge_strategy") ?? "merge_commit";
            var message = Str(body, "message") ?? $"Merged in {pr.SourceBranch} (pull request #{pr.Id})\n\n{pr.Title}\n";
            string merged;
            switch (strategy)
            {
                case "merge_commit":
                    merged = State.Hash($"{repo.FullName}/merge/{pr.Id}/{state.Now.ToUnixTimeMilliseconds()}");
                    repo.Commits[merged] = new CommitData(merged, [destinationHead, sourceHead], message, caller!.User, state.Now);
                    break;
                case "squash":
                    merged = State.Hash($"{repo.FullName}/squash/{pr.Id}/{state.Now.ToUnixTimeMilliseconds()}");
                    repo.Commits[merged] = new CommitData(merged, [destinationHead], message, pr.Author, state.Now);
                    break;
                case "fast_forward":
                    if (!repo.Reachable(sourceHead).Contains(destinationHead))
                    {
                        return BadRequest("Fast-forward merge is not possible: the destination branch has commits the source branch lacks.", "merge_strategy");
                    }

                    merged = sourceHead;
                    break;
                default:
                    return BadRequest($"merge_strategy: \"{strategy}\" is not a valid choice; use merge_commit, squash or fast_forward.", "merge_strategy");
            }

            pr.ClosedSourceCommit = sourceHead;
            pr.ClosedDestinationCommit = destinationHead;
            repo.Branches[pr.DestinationBranch] = merged;
            pr.MergeCommit = merged;
            pr.State = "MERGED";
            pr.ClosedBy = caller!.User;
            pr.UpdatedOn = state.Now;
            repo.UpdatedOn = state.Now;
            if ((Bool(body, "close_source_branch") ?? pr.CloseSourceBranch) && pr.SourceBranch != repo.MainBranch)
            {
                pr.CloseSourceBranch = true;
                repo.Branches.Remove(pr.SourceBranch);
                RaisePush(repo, caller.User, "branch", pr.SourceBranch, sourceHead, null);
            }

            RaisePush(repo, caller.User, "branch", pr.DestinationBranch, destinationHead, merged);
            var model = map.PullRequest(repo, pr);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:fulfilled", caller.User, PullRequestPayload(repo, model));
            if (context.Request.Query["async"] == "true")
            {
                var task = State.NewSecret(12);
                MergeTasks[task] = model;
                return context =>
                {
                    context.Response.StatusCode = StatusCodes.Status202Accepted;
                    context.Response.Headers.Location = map.Api(map.PullRequestPath(repo, pr) + "/merge/task-status/" + task);
                    return Task.CompletedTask;
                };
            }

            return Ok(model, BitbucketJsonContext.Default.PullRequest);
        });

        Get(app, Pr + "/merge/task-status/{task_id}", (context, caller) =>
        {
            if (FindPullRequest(context, caller, "pullrequest", Need.Read, out _, out _) is { } failure)
            {
                return failure;
            }

            var id = SandboxHttp.Route(context, "task_id");
            if (!MergeTasks.TryGetValue(id, out var result))
            {
                return NotFound("Merge task not found.");
            }

            var node = new JsonObject { ["task_status"] = "SUCCESS", ["merge_result"] = Node(result, BitbucketJsonContext.Default.PullRequest) };
            return context => SandboxHttp.Text(context, node.ToJsonString(), "application/json; charset=utf-8");
        });

        Post(app, Pr + "/decline", (context, caller, body) =>
        {
            if (FindPullRequest(context, caller, "pullrequest:write", Need.Read, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            if (pr.State != "OPEN")
            {
                return BadRequest($"You can't decline a pull request that is {pr.State.ToLowerInvariant()}.");
            }

            pr.ClosedSourceCommit = repo.Branches.GetValueOrDefault(pr.SourceBranch);
            pr.ClosedDestinationCommit = repo.Branches.GetValueOrDefault(pr.DestinationBranch);
            pr.State = "DECLINED";
            pr.Reason = Str(body, "reason") ?? string.Empty;
            pr.ClosedBy = caller!.User;
            pr.UpdatedOn = state.Now;
            var model = map.PullRequest(repo, pr);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:rejected", caller.User, PullRequestPayload(repo, model));
            return Ok(model, BitbucketJsonContext.Default.PullRequest);
        });

        Get(app, Pr + "/commits", (context, caller) =>
        {
            if (FindPullRequest(context, caller, "pullrequest", Need.Read, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            var source = pr.ClosedSourceCommit ?? repo.Branches.GetValueOrDefault(pr.SourceBranch);
            var destination = pr.ClosedDestinationCommit ?? repo.Branches.GetValueOrDefault(pr.DestinationBranch);
            if (source is null)
            {
                return NotFound("The source branch of this pull request no longer exists.");
            }

            var exclude = destination is null ? null : repo.Reachable(destination);
            var commits = repo.History(source, exclude).Select(c => map.Commit(repo, c)).ToList();
            return PageOf(commits, BitbucketJsonContext.Default.PageBaseCommit);
        });

        Get(app, Pr + "/statuses", (context, caller) =>
        {
            if (FindPullRequest(context, caller, "pullrequest", Need.Read, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            var source = pr.ClosedSourceCommit ?? repo.Branches.GetValueOrDefault(pr.SourceBranch);
            var statuses = source is null ? [] : Query.Filter(StatusesOf(repo, source), context, StatusFields).OrderByDescending(s => s.UpdatedOn).Select(s => map.Status(repo, s)).ToList();
            return PageOf(statuses, BitbucketJsonContext.Default.PageCommitStatus);
        });

        Get(app, Pr + "/comments", (context, caller) =>
        {
            if (FindPullRequest(context, caller, "pullrequest", Need.Read, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            var comments = pr.Comments.Select(c => map.Comment(repo, pr, c)).ToList();
            return PageOf(comments, BitbucketJsonContext.Default.PagePullRequestComment);
        });

        Post(app, Pr + "/comments", (context, caller, body) =>
        {
            if (FindPullRequest(context, caller, "pullrequest", Need.Read, out var repo, out var pr) is { } failure)
            {
                return failure;
            }

            var raw = Str(body, "content", "raw");
            if (string.IsNullOrWhiteSpace(raw))
            {
                return BadRequest("content: This field is required.", "content");
            }

            long? parent = null;
            if (body?.TryGetProperty("parent", out var p) == true && p.TryGetProperty("id", out var pid) && pid.TryGetInt64(out var parentId))
            {
                if (pr.Comments.All(c => c.Id != parentId))
                {
                    return BadRequest($"parent: Comment {parentId} does not exist.", "parent");
                }

                parent = parentId;
            }

            int? to = body?.TryGetProperty("inline", out var inline) == true && inline.TryGetProperty("to", out var line) && line.TryGetInt32(out var l) ? l : null;
            var comment = new CommentData(++state.LastCommentId, caller!.User, raw, state.Now)
            {
                ParentId = parent,
                InlinePath = Str(body, "inline", "path"),
                InlineTo = to,
            };
            pr.Comments.Add(comment);
            Participate(pr, caller.User);
            pr.UpdatedOn = state.Now;
            var model = map.Comment(repo, pr, comment);
            var payload = PullRequestPayload(repo, map.PullRequest(repo, pr));
            payload["comment"] = Node(model, BitbucketJsonContext.Default.PullRequestComment);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:comment_created", caller.User, payload);
            return Created(model, BitbucketJsonContext.Default.PullRequestComment, model.Links!.Self!.Href!);
        });

        Get(app, Pr + "/comments/{comment_id}", (context, caller) =>
        {
            if (FindComment(context, caller, out var repo, out var pr, out var comment) is { } failure)
            {
                return failure;
            }

            return Ok(map.Comment(repo, pr, comment), BitbucketJsonContext.Default.PullRequestComment);
        });

        Put(app, Pr + "/comments/{comment_id}", (context, caller, body) =>
        {
            if (FindComment(context, caller, out var repo, out var pr, out var comment) is { } failure)
            {
                return failure;
            }

            if (comment.User != caller!.User)
            {
                return Fail(StatusCodes.Status403Forbidden, "You can only edit your own comments.");
            }

            if (comment.Deleted)
            {
                return NotFound("Comment not found.");
            }

            var raw = Str(body, "content", "raw");
            if (string.IsNullOrWhiteSpace(raw))
            {
                return BadRequest("content: This field is required.", "content");
            }

            comment.Raw = raw;
            comment.UpdatedOn = state.Now;
            var model = map.Comment(repo, pr, comment);
            var payload = PullRequestPayload(repo, map.PullRequest(repo, pr));
            payload["comment"] = Node(model, BitbucketJsonContext.Default.PullRequestComment);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:comment_updated", caller.User, payload);
            return Ok(model, BitbucketJsonContext.Default.PullRequestComment);
        });

        Delete(app, Pr + "/comments/{comment_id}", (context, caller) =>
        {
            if (FindComment(context, caller, out var repo, out var pr, out var comment) is { } failure)
            {
                return failure;
            }

            if (comment.User != caller!.User && !repo.Workspace.IsAdmin(caller.User))
            {
                return Fail(StatusCodes.Status403Forbidden, "You can only delete your own comments.");
            }

            comment.Deleted = true;
            comment.UpdatedOn = state.Now;
            var payload = PullRequestPayload(repo, map.PullRequest(repo, pr));
            payload["comment"] = Node(map.Comment(repo, pr, comment), BitbucketJsonContext.Default.PullRequestComment);
            webhooks.Raise(repo.Workspace, repo, "pullrequest:comment_deleted", caller.User, payload);
            return NoContent();
        });
    }

    /// <summary>Merge results of <c>?async=true</c> merges, by task id.</summary>
    private Dictionary<string, PullRequest> MergeTasks { get; } = new(StringComparer.Ordinal);

    private Reply? FindPullRequest(HttpContext context, Caller? caller, string scope, Need need, out RepositoryState repository, out PullRequestData pullRequest)
    {
        pullRequest = null!;
        if (FindRepository(context, caller, scope, need, out repository) is { } failure)
        {
            return failure;
        }

        var idText = SandboxHttp.Route(context, "pull_request_id");
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || repository.PullRequests.FirstOrDefault(p => p.Id == id) is not { } pr)
        {
            return NotFound($"Pull request {idText} not found.");
        }

        pullRequest = pr;
        return null;
    }

    private Reply? FindComment(HttpContext context, Caller? caller, out RepositoryState repository, out PullRequestData pullRequest, out CommentData comment)
    {
        comment = null!;
        if (FindPullRequest(context, caller, "pullrequest", Need.Read, out repository, out pullRequest) is { } failure)
        {
            return failure;
        }

        var idText = SandboxHttp.Route(context, "comment_id");
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || pullRequest.Comments.FirstOrDefault(c => c.Id == id) is not { } found)
        {
            return NotFound($"Comment {idText} not found.");
        }

        comment = found;
        return null;
    }

    private ParticipantData Participate(PullRequestData pr, UserState user)
    {
        if (!pr.Participants.TryGetValue(user.Username, out var participant))
        {
            participant = new ParticipantData(user);
            pr.Participants[user.Username] = participant;
        }

        participant.ParticipatedOn = state.Now;
        return participant;
    }

    private Reply Review(HttpContext context, Caller? caller, bool approve)
    {
        if (FindPullRequest(context, caller, "pullrequest:write", Need.Read, out var repo, out var pr) is { } failure)
        {
            return failure;
        }

        if (pr.State != "OPEN")
        {
            return BadRequest(approve ? "You can't approve a pull request that is not open." : "You can't remove an approval from a pull request that is not open.");
        }

        var participant = Participate(pr, caller!.User);
        participant.Approved = approve;
        participant.ReviewState = approve ? "approved" : null;
        pr.UpdatedOn = state.Now;
        var payload = PullRequestPayload(repo, map.PullRequest(repo, pr));
        payload["approval"] = new JsonObject
        {
            ["date"] = state.Now.ToString("O", CultureInfo.InvariantCulture),
            ["user"] = Node(map.UserSummary(caller.User), BitbucketJsonContext.Default.Account),
        };
        webhooks.Raise(repo.Workspace, repo, approve ? "pullrequest:approved" : "pullrequest:unapproved", caller.User, payload);
        return approve ? Ok(ParticipantModel(pr, participant), BitbucketJsonContext.Default.Participant) : NoContent();
    }

    private Reply RequestChanges(HttpContext context, Caller? caller, bool request)
    {
        if (FindPullRequest(context, caller, "pullrequest:write", Need.Read, out var repo, out var pr) is { } failure)
        {
            return failure;
        }

        if (pr.State != "OPEN")
        {
            return BadRequest($"Pull request changes cannot be requested because the pull request has already been {pr.State.ToLowerInvariant()}.");
        }

        var participant = Participate(pr, caller!.User);
        participant.Approved = false;
        participant.ReviewState = request ? "changes_requested" : null;
        pr.UpdatedOn = state.Now;
        var payload = PullRequestPayload(repo, map.PullRequest(repo, pr));
        payload["changes_request"] = new JsonObject
        {
            ["date"] = state.Now.ToString("O", CultureInfo.InvariantCulture),
            ["user"] = Node(map.UserSummary(caller.User), BitbucketJsonContext.Default.Account),
        };
        webhooks.Raise(repo.Workspace, repo, request ? "pullrequest:changes_request_created" : "pullrequest:changes_request_removed", caller.User, payload);
        return request ? Ok(ParticipantModel(pr, participant), BitbucketJsonContext.Default.Participant) : NoContent();
    }

    private Participant ParticipantModel(PullRequestData pr, ParticipantData participant) => new()
    {
        Type = "participant",
        User = map.UserSummary(participant.User),
        Role = pr.Reviewers.Contains(participant.User) ? ParticipantRole.Reviewer : ParticipantRole.Participant,
        Approved = participant.Approved,
        State = participant.ReviewState is null ? null : new ParticipantState(participant.ReviewState),
        ParticipatedOn = participant.ParticipatedOn,
    };

    private JsonObject PullRequestPayload(RepositoryState repo, PullRequest model) => new()
    {
        ["repository"] = Node(map.Repository(repo)),
        ["pullrequest"] = Node(model, BitbucketJsonContext.Default.PullRequest),
    };
}
