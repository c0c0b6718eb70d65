using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitbucket;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>What a handler decided, written to the response after the state lock is released.</summary>
internal delegate Task Reply(HttpContext context);

/// <summary>The level of access an operation needs on a workspace's resource.</summary>
internal enum Need
{
    Read,
    Write,
    Admin,
}

/// <summary>
/// The REST API 2.0 under <c>/2.0/</c>. Each handler runs synchronously under the state lock and returns a
/// <see cref="Reply"/> that is written once the lock is released; request bodies are read before.
/// </summary>
internal sealed partial class SandboxApi(State state, Mapper map, WebhookDispatcher webhooks)
{
    private readonly List<string> _operations = [];

    /// <summary>Gets the operations served (method and route), for the figures.</summary>
    public IReadOnlyList<string> Operations => _operations;

    public void Map(WebApplication app)
    {
        MapUsers(app);
        MapRepositories(app);
        MapRefsAndCommits(app);
        MapPullRequests(app);
        MapPipelines(app);
        MapWebhooks(app);
        MapDescribed(app);
    }

    private static Caller? CallerOf(HttpContext context) => context.Items[typeof(Caller)] as Caller;

    private void Get(WebApplication app, string route, Func<HttpContext, Caller?, Reply> handler)
    {
        _operations.Add("GET " + route);
        app.MapGet("/2.0" + route, context => RunAsync(context, (c, caller, _) => handler(c, caller), readBody: false));
    }

    private void Delete(WebApplication app, string route, Func<HttpContext, Caller?, Reply> handler)
    {
        _operations.Add("DELETE " + route);
        app.MapDelete("/2.0" + route, context => RunAsync(context, (c, caller, _) => handler(c, caller), readBody: false));
    }

    private void Post(WebApplication app, string route, Func<HttpContext, Caller?, JsonElement?, Reply> handler)
    {
        _operations.Add("POST " + route);
        app.MapPost("/2.0" + route, context => RunAsync(context, handler, readBody: true));
    }

    private void Put(WebApplication app, string route, Func<HttpContext, Caller?, JsonElement?, Reply> handler)
    {
        _operations.Add("PUT " + route);
        app.MapPut("/2.0" + route, context => RunAsync(context, handler, readBody: true));
    }

    private async Task RunAsync(HttpContext context, Func<HttpContext, Caller?, JsonElement?, Reply> handler, bool readBody)
    {
        JsonElement? body = null;
        if (readBody && context.Request.ContentLength is not 0 && context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = await SandboxHttp.ReadJsonElementAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                await SandboxHttp.BadRequest(context, "The request body is not valid JSON.").ConfigureAwait(false);
                return;
            }
        }

        Reply reply;
        lock (state.Gate)
        {
            try
            {
                reply = handler(context, CallerOf(context), body);
            }
            catch (QueryException ex)
            {
                reply = BadRequest(ex.Message, "q");
            }
        }

        await reply(context).ConfigureAwait(false);
    }

    private static Reply Ok<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        context => SandboxHttp.Json(context, value, typeInfo, status);

    private static Reply Created<T>(T value, JsonTypeInfo<T> typeInfo, string location) =>
        context =>
        {
            context.Response.Headers.Location = location;
            return SandboxHttp.Json(context, value, typeInfo, StatusCodes.Status201Created);
        };

    private static Reply OkAt<T>(T value, JsonTypeInfo<T> typeInfo, string location) =>
        context =>
        {
            context.Response.Headers.Location = location;
            return SandboxHttp.Json(context, value, typeInfo);
        };

    private static Reply PageOf<T>(IReadOnlyList<T> items, JsonTypeInfo<Page<T>> typeInfo, int max = 100) =>
        context => SandboxHttp.Page(context, items, typeInfo, max);

    private static Reply Fail(int status, string message, JsonElement? detail = null) =>
        context => SandboxHttp.Error(context, status, message, detail);

    private static Reply BadRequest(string message, string? field = null) =>
        context => SandboxHttp.BadRequest(context, message, field);

    private static Reply NotFound(string message) => Fail(StatusCodes.Status404NotFound, message);

    private static Reply NoContent() => SandboxHttp.NoContent;

    /// <summary>Checks authentication, the OAuth scope and the caller's permission on a workspace's resource.</summary>
    /// <returns><see langword="null"/> when allowed, otherwise the refusal.</returns>
    private static Reply? Check(Caller? caller, string? scope, WorkspaceState? workspace, bool publicRead, Need need)
    {
        if (caller is null)
        {
            return need == Need.Read && publicRead
                ? null
                : Fail(StatusCodes.Status401Unauthorized, "This API is only accessible with the following authentication types: session, password, apppassword, api_token, repo_access_token, workspace_access_token, project_access_token, oauth.");
        }

        if (scope is not null && caller.Scopes is { } granted && !Scopes.Grants(granted, scope))
        {
            var detail = JsonSerializer.SerializeToElement(new ScopeDetail([scope], [.. granted]), SandboxJsonContext.Default.ScopeDetail);
            return Fail(StatusCodes.Status403Forbidden, "Your credentials lack one or more required privilege scopes.", detail);
        }

        if (workspace is null)
        {
            return null;
        }

        return need switch
        {
            Need.Read when publicRead || workspace.IsMember(caller.User) => null,
            Need.Write when workspace.IsMember(caller.User) => null,
            Need.Admin when workspace.IsAdmin(caller.User) => null,
            Need.Read => Fail(StatusCodes.Status403Forbidden, "You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated."),
            _ => Fail(StatusCodes.Status403Forbidden, need == Need.Admin ? "Access denied. You must have admin access." : "Access denied. You must have write or admin access."),
        };
    }

    private Reply? FindWorkspace(HttpContext context, out WorkspaceState workspace)
    {
        var slug = SandboxHttp.Route(context, "workspace");
        workspace = state.FindWorkspace(slug)!;
        return workspace is null ? NotFound($"No workspace with identifier '{slug}'.") : null;
    }

    /// <summary>Finds the repository of the route and checks access to it.</summary>
    private Reply? FindRepository(HttpContext context, Caller? caller, string scope, Need need, out RepositoryState repository)
    {
        repository = null!;
        if (FindWorkspace(context, out var workspace) is { } missing)
        {
            return missing;
        }

        var slug = SandboxHttp.Route(context, "repo_slug");
        var repo = workspace.Repositories.GetValueOrDefault(slug)
                   ?? workspace.Repositories.Values.FirstOrDefault(r => string.Equals(r.Uuid, slug, StringComparison.OrdinalIgnoreCase));
        if (repo is null)
        {
            return NotFound($"Repository {workspace.Slug}/{slug} not found");
        }

        if (Check(caller, scope, workspace, !repo.IsPrivate, need) is { } denied)
        {
            return denied;
        }

        repository = repo;
        return null;
    }

    private static string? Str(JsonElement? body, params string[] path)
    {
        if (body is not { ValueKind: JsonValueKind.Object } current)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    private static bool? Bool(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : null;

    private static IEnumerable<T> Sort<T>(IEnumerable<T> items, HttpContext context, IReadOnlyDictionary<string, Func<T, IComparable?>> keys)
    {
        var sort = context.Request.Query["sort"].ToString();
        if (sort.Length == 0)
        {
            return items;
        }

        var descending = sort.StartsWith('-');
        var field = descending ? sort[1..] : sort;
        if (!keys.TryGetValue(field, out var key))
        {
            return items;
        }

        return descending ? items.OrderByDescending(key) : items.OrderBy(key);
    }
}
