using System.Text.Json;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Repository and workspace webhooks, and the list of event types.</summary>
internal sealed partial class SandboxApi
{
    private static readonly (string Key, string Category, string Label, string Description)[] Events =
    [
        ("repo:push", "Repository", "Push", "Whenever a repository push occurs"),
        ("repo:fork", "Repository", "Fork", "Whenever a repository fork occurs"),
        ("repo:updated", "Repository", "Updated", "Whenever a repository is updated"),
        ("repo:created", "Repository", "Created", "Whenever a repository is created"),
        ("repo:deleted", "Repository", "Deleted", "Whenever a repository is deleted"),
        ("repo:commit_comment_created", "Repository", "Commit comment created", "Whenever a commit is commented on"),
        ("repo:commit_status_created", "Repository", "Build status created", "Whenever a build status is created"),
        ("repo:commit_status_updated", "Repository", "Build status updated", "Whenever a build status is updated"),
        ("pullrequest:created", "Pull Request", "Created", "Whenever a pull request is created"),
        ("pullrequest:updated", "Pull Request", "Updated", "Whenever a pull request is updated"),
        ("pullrequest:approved", "Pull Request", "Approved", "Whenever a pull request is approved"),
        ("pullrequest:unapproved", "Pull Request", "Approval removed", "Whenever an approval is removed from a pull request"),
        ("pullrequest:changes_request_created", "Pull Request", "Changes request created", "Whenever a change request is created for a pull request"),
        ("pullrequest:changes_request_removed", "Pull Request", "Changes request removed", "Whenever a change request is removed from a pull request"),
        ("pullrequest:fulfilled", "Pull Request", "Merged", "Whenever a pull request is merged"),
        ("pullrequest:rejected", "Pull Request", "Declined", "Whenever a pull request is declined"),
        ("pullrequest:comment_created", "Pull Request", "Comment created", "Whenever a comment is created on a pull request"),
        ("pullrequest:comment_updated", "Pull Request", "Comment updated", "Whenever a comment is updated on a pull request"),
        ("pullrequest:comment_deleted", "Pull Request", "Comment deleted", "Whenever a comment is deleted from a pull request"),
        ("pullrequest:push", "Pull Request", "Push", "Whenever a push is made to the source branch of a pull request"),
    ];

    private void MapWebhooks(WebApplication app)
    {
        Get(app, "/hook_events", (_, _) =>
        {
            var types = new SubjectTypes
            {
                Repository = new SubjectTypesRepository { Events = Mapper.L(map.Api("hook_events/repository")) },
                Workspace = new SubjectTypesWorkspace { Events = Mapper.L(map.Api("hook_events/workspace")) },
            };
            return Ok(types, BitbucketJsonContext.Default.SubjectTypes);
        });

        Get(app, "/hook_events/{subject_type}", (context, _) =>
        {
            var subject = SandboxHttp.Route(context, "subject_type");
            if (subject is not ("repository" or "workspace"))
            {
                return NotFound($"Unknown subject type '{subject}'; use repository or workspace.");
            }

            var events = Events
                .Where(e => subject == "workspace" || e.Key is not ("repo:created" or "repo:deleted"))
                .Select(e => new HookEvent { Event = new WebhookEventKey(e.Key), Category = e.Category, Label = e.Label, Description = e.Description })
                .ToList();
            return PageOf(events, BitbucketJsonContext.Default.PageHookEvent);
        });

        Get(app, Repo + "/hooks", (context, caller) =>
            FindRepository(context, caller, "webhook", Need.Admin, out var repo)
            ?? PageOf(repo.Hooks.Select(h => RepoHook(repo, h)).ToList(), BitbucketJsonContext.Default.PageWebhookSubscription));

        Post(app, Repo + "/hooks", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "webhook", Need.Admin, out var repo) is { } failure)
            {
                return failure;
            }

            if (ReadHook(body, null, out var hook) is { } invalid)
            {
                return invalid;
            }

            repo.Hooks.Add(hook);
            var model = RepoHook(repo, hook);
            return Created(model, BitbucketJsonContext.Default.WebhookSubscription, map.Api(Mapper.RepoPath(repo) + "/hooks/" + Mapper.Esc(hook.Uuid)));
        });

        Get(app, Repo + "/hooks/{uid}", (context, caller) =>
            FindRepository(context, caller, "webhook", Need.Admin, out var repo)
            ?? (FindHook(context, repo.Hooks) is { } hook ? Ok(RepoHook(repo, hook), BitbucketJsonContext.Default.WebhookSubscription) : NotFound("Webhook not found.")));

        Put(app, Repo + "/hooks/{uid}", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "webhook", Need.Admin, out var repo) is { } failure)
            {
                return failure;
            }

            if (FindHook(context, repo.Hooks) is not { } hook)
            {
                return NotFound("Webhook not found.");
            }

            return ReadHook(body, hook, out _) ?? Ok(RepoHook(repo, hook), BitbucketJsonContext.Default.WebhookSubscription);
        });

        Delete(app, Repo + "/hooks/{uid}", (context, caller) =>
        {
            if (FindRepository(context, caller, "webhook", Need.Admin, out var repo) is { } failure)
            {
                return failure;
            }

            return FindHook(context, repo.Hooks) is { } hook && repo.Hooks.Remove(hook) ? NoContent() : NotFound("Webhook not found.");
        });

        Get(app, "/workspaces/{workspace}/hooks", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            return Check(caller, "webhook", ws, false, Need.Admin)
                   ?? PageOf(ws.Hooks.Select(h => WorkspaceHook(ws, h)).ToList(), BitbucketJsonContext.Default.PageWebhookSubscription);
        });

        Post(app, "/workspaces/{workspace}/hooks", (context, caller, body) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "webhook", ws, false, Need.Admin) is { } denied)
            {
                return denied;
            }

            if (ReadHook(body, null, out var hook) is { } invalid)
            {
                return invalid;
            }

            ws.Hooks.Add(hook);
            return Created(WorkspaceHook(ws, hook), BitbucketJsonContext.Default.WebhookSubscription, map.Api("workspaces/" + Mapper.Esc(ws.Slug) + "/hooks/" + Mapper.Esc(hook.Uuid)));
        });

        Get(app, "/workspaces/{workspace}/hooks/{uid}", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            return Check(caller, "webhook", ws, false, Need.Admin)
                   ?? (FindHook(context, ws.Hooks) is { } hook ? Ok(WorkspaceHook(ws, hook), BitbucketJsonContext.Default.WebhookSubscription) : NotFound("Webhook not found."));
        });

        Put(app, "/workspaces/{workspace}/hooks/{uid}", (context, caller, body) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "webhook", ws, false, Need.Admin) is { } denied)
            {
                return denied;
            }

            if (FindHook(context, ws.Hooks) is not { } hook)
            {
                return NotFound("Webhook not found.");
            }

            return ReadHook(body, hook, out _) ?? Ok(WorkspaceHook(ws, hook), BitbucketJsonContext.Default.WebhookSubscription);
        });

        Delete(app, "/workspaces/{workspace}/hooks/{uid}", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            return Check(caller, "webhook", ws, false, Need.Admin)
                   ?? (FindHook(context, ws.Hooks) is { } hook && ws.Hooks.Remove(hook) ? NoContent() : NotFound("Webhook not found."));
        });
    }

    private static WebhookState? FindHook(HttpContext context, List<WebhookState> hooks)
    {
        var id = SandboxHttp.Route(context, "uid");
        return hooks.FirstOrDefault(h => string.Equals(h.Uuid, id, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Uuid.Trim('{', '}'), id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Validates a webhook body and creates (<paramref name="existing"/> null) or updates a webhook.</summary>
    private Reply? ReadHook(JsonElement? body, WebhookState? existing, out WebhookState hook)
    {
        hook = existing!;
        var url = Str(body, "url") ?? existing?.Url;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return BadRequest("url: Enter a valid URL.", "url");
        }

        List<string>? events = null;
        if (body?.TryGetProperty("events", out var list) == true && list.ValueKind == JsonValueKind.Array)
        {
            events = [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
            var unknown = events.FirstOrDefault(e => Events.All(k => k.Key != e));
            if (unknown is not null)
            {
                return BadRequest($"events: \"{unknown}\" is not a valid event.", "events");
            }
        }

        if ((events ?? existing?.Events) is not { Count: > 0 })
        {
            return BadRequest("events: At least one event is required.", "events");
        }

        hook = existing ?? new WebhookState(State.DeterministicUuid("hook:" + State.NewSecret(8)), url, state.Now);
        hook.Url = url;
        hook.Events = events ?? hook.Events;
        hook.Description = Str(body, "description") ?? hook.Description;
        hook.Active = Bool(body, "active") ?? hook.Active;
        if (body?.TryGetProperty("secret", out var secret) == true)
        {
            hook.Secret = secret.ValueKind == JsonValueKind.String && secret.GetString() is { Length: > 0 } s ? s : null;
        }

        return null;
    }

    private WebhookSubscription RepoHook(RepositoryState repo, WebhookState hook) =>
        map.Webhook(hook, "repository", JsonSerializer.SerializeToElement(map.RepositorySummary(repo), BitbucketJsonContext.Default.Repository), Mapper.RepoPath(repo));

    private WebhookSubscription WorkspaceHook(WorkspaceState ws, WebhookState hook) =>
        map.Webhook(hook, "workspace", JsonSerializer.SerializeToElement(map.WorkspaceBase(ws), BitbucketJsonContext.Default.WorkspaceBase), "workspaces/" + Mapper.Esc(ws.Slug));
}
