using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Sandbox.Internal.Described;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>
/// The operations without a hand-written handler, answered from the vendored description: authentication, the
/// operation's OAuth scope and the caller's access to the workspace or repository are checked like everywhere else,
/// and the body is built from the success schema. State is kept generically by resource path: a <c>POST</c> to a
/// collection (or a <c>PUT</c> to one of its items) stores the resource, which the item's <c>GET</c>, <c>PUT</c> and
/// <c>DELETE</c> and the collection's list then see; a settings resource with <c>GET</c> and <c>PUT</c> keeps what was put.
/// </summary>
internal sealed partial class SandboxApi
{
    /// <summary>The described operation whose create raises <c>repo:commit_comment_created</c>.</summary>
    private const string CommitCommentsTemplate = "/repositories/{workspace}/{repo_slug}/commit/{commit}/comments";

    private readonly Dictionary<string, List<StoredResource>> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _singletons = new(StringComparer.Ordinal);
    private int _nextId = 1;

    /// <summary>Gets the described operations whose answers are kept as state (collections, their items, settings).</summary>
    public IReadOnlyList<string> StatefulDescribedOperations => [.. DescribedOperations.Where(o => Shape.Of(o).Stateful)];

    private void MapDescribed(WebApplication app)
    {
        foreach (var operation in DescribedOperations)
        {
            var space = operation.IndexOf(' ', StringComparison.Ordinal);
            var method = operation[..space];
            var template = operation[(space + 1)..];
            var route = template.EndsWith("/{path}", StringComparison.Ordinal) ? template[..^"{path}".Length] + "{**path}" : template;
            var shape = Shape.Of(operation);
            _operations.Add(operation);
            app.MapMethods("/2.0" + route, [method], context => RunAsync(context, (c, caller, body) => Described(c, caller, body, method, template, shape), readBody: method is "POST" or "PUT"));
        }
    }

    private Reply Described(HttpContext context, Caller? caller, JsonElement? body, string method, string template, Shape shape)
    {
        var operation = Description.Instance.Find(method, template);
        if (operation is null)
        {
            return Fail(StatusCodes.Status501NotImplemented, $"{method} {template} is not in the description.");
        }

        var need = method == "GET" ? Need.Read : operation.Scope?.EndsWith(":admin", StringComparison.Ordinal) == true ? Need.Admin : Need.Write;
        RepositoryState? repository = null;
        if (template.Contains("{repo_slug}", StringComparison.Ordinal))
        {
            if (FindRepository(context, caller, operation.Scope ?? "repository", need, out var found) is { } failure)
            {
                return failure;
            }

            repository = found;
        }
        else if (template.Contains("{workspace}", StringComparison.Ordinal))
        {
            if (FindWorkspace(context, out var workspace) is { } missing)
            {
                return missing;
            }

            if (Check(caller, operation.Scope, workspace, publicRead: false, need) is { } denied)
            {
                return denied;
            }
        }
        else if (Check(caller, operation.Scope, null, publicRead: false, need) is { } denied)
        {
            return denied;
        }

        var path = context.Request.Path.Value!["/2.0".Length..];
        var sample = new SchemaSample(Description.Instance, state.Now, state.Address.Authority);
        JsonObject Fresh() => operation.Schema is { } schema && sample.Build(schema) is JsonObject o ? o : new JsonObject();

        switch (shape.Kind)
        {
            case ShapeKind.Collection when method == "GET" && operation.IsPage(Description.Instance):
                return DescribedPage(context, shape.Stateful ? [.. Items(path).Select(i => i.Node)] : []);

            case ShapeKind.Collection when method == "POST" && operation.Schema is { } listSchema && Description.Instance.Resolve(listSchema).TryGetProperty("items", out _):
                // A bulk create (annotations): the answer is the array of what was posted.
                return DescribedAnswer(operation, body is { ValueKind: JsonValueKind.Array } posted ? JsonNode.Parse(posted.GetRawText()) : sample.Build(listSchema));

            case ShapeKind.Collection when method == "POST" && shape.Stateful:
            {
                var node = Overlay(Fresh(), body);
                var id = AssignId(node, shape.ItemParameter);
                Items(path).Add(new StoredResource(id, node));
                if (template == CommitCommentsTemplate && repository is not null && caller?.User is { } author)
                {
                    webhooks.Raise(repository.Workspace, repository, "repo:commit_comment_created", author, new()
                    {
                        ["repository"] = Node(map.Repository(repository)),
                        ["comment"] = node.DeepClone(),
                        ["commit"] = new JsonObject { ["type"] = "commit", ["hash"] = SandboxHttp.Route(context, "commit") },
                    });
                }

                return DescribedAnswer(operation, node, context.Request.Scheme + "://" + context.Request.Host + context.Request.Path + "/" + Uri.EscapeDataString(id));
            }

            case ShapeKind.Item when shape.Stateful:
            {
                var collection = path[..path.LastIndexOf('/')];
                var id = SandboxHttp.Route(context, shape.ItemParameter!);
                var items = Items(collection);
                var found = items.FindIndex(i => SameId(i.Id, id));
                switch (method)
                {
                    case "GET":
                        return found < 0 ? NotFound($"{template[(template.LastIndexOf('/') + 1)..]} {id} not found.") : DescribedAnswer(operation, items[found].Node);
                    case "DELETE":
                        if (found < 0)
                        {
                            return NotFound($"{id} not found.");
                        }

                        items.RemoveAt(found);
                        return DescribedAnswer(operation, null);
                    case "PUT" or "POST":
                        JsonObject node;
                        if (found >= 0)
                        {
                            node = Overlay(items[found].Node, body);
                        }
                        else
                        {
                            node = Overlay(Fresh(), body);
                            SetId(node, shape.ItemParameter!, id);
                            items.Add(new StoredResource(id, node));
                        }

                        return DescribedAnswer(operation, node);
                }

                break;
            }

            case ShapeKind.Singleton:
                if (method == "PUT")
                {
                    var node = Overlay(_singletons.TryGetValue(path, out var existing) ? existing : Fresh(), body);
                    _singletons[path] = node;
                    return DescribedAnswer(operation, node);
                }

                if (method == "GET" && _singletons.TryGetValue(path, out var stored))
                {
                    // What was put, over the GET's own shape (the PUT may answer 204 and so have none).
                    var node = Fresh();
                    foreach (var (key, value) in stored)
                    {
                        node[key] = value?.DeepClone();
                    }

                    return DescribedAnswer(operation, node);
                }

                break;
        }

        return DescribedAnswer(operation, operation.Schema is null ? null : Fresh(), method == "POST" && operation.Status == 201 ? context.Request.Scheme + "://" + context.Request.Host + context.Request.Path : null);
    }

    private List<StoredResource> Items(string collection)
    {
        if (!_stored.TryGetValue(collection, out var items))
        {
            _stored[collection] = items = [];
        }

        return items;
    }

    private static bool SameId(string stored, string requested) =>
        string.Equals(stored.Trim('{', '}'), requested.Trim('{', '}'), StringComparison.OrdinalIgnoreCase);

    private static JsonObject Overlay(JsonObject node, JsonElement? body)
    {
        if (body is { ValueKind: JsonValueKind.Object } b)
        {
            foreach (var property in b.EnumerateObject())
            {
                node[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return node;
    }

    /// <summary>Gives a created resource its identifier, in the field the item route names (<c>uuid</c>, <c>id</c>, <c>key</c> …).</summary>
    private string AssignId(JsonObject node, string? parameter)
    {
        if (parameter is not null && parameter.Contains("uuid", StringComparison.OrdinalIgnoreCase) || (node.ContainsKey("uuid") && !node.ContainsKey("id")))
        {
            var uuid = "{" + Guid.NewGuid() + "}";
            node["uuid"] = uuid;
            return uuid;
        }

        if (node["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.Number)
        {
            var id = _nextId++;
            node["id"] = id;
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (parameter is not null && node[parameter] is JsonValue named && named.GetValueKind() == JsonValueKind.String)
        {
            return named.GetValue<string>();
        }

        if (node["key"] is JsonValue key && key.GetValueKind() == JsonValueKind.String)
        {
            return key.GetValue<string>();
        }

        return (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void SetId(JsonObject node, string parameter, string id)
    {
        if (parameter.Contains("uuid", StringComparison.OrdinalIgnoreCase) && node.ContainsKey("uuid"))
        {
            node["uuid"] = id;
        }
        else if (node.ContainsKey(parameter))
        {
            node[parameter] = id;
        }
        else if (node.ContainsKey("key") && !node.ContainsKey("uuid"))
        {
            node["key"] = id;
        }
    }

    private static Reply DescribedAnswer(DescribedOperation operation, JsonNode? node, string? location = null) =>
        async context =>
        {
            context.Response.StatusCode = operation.Status;
            if (location is not null && operation.Status is 201)
            {
                context.Response.Headers.Location = location;
            }

            if (operation.Status is >= 300 and < 400)
            {
                context.Response.Headers.Location = context.Request.Scheme + "://" + context.Request.Host + "/";
                return;
            }

            if (operation.Schema is null || node is null || operation.Status == StatusCodes.Status204NoContent)
            {
                return;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(node.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        };

    private static Reply DescribedPage(HttpContext context, IReadOnlyList<JsonNode> items)
    {
        var query = context.Request.Query;
        var pagelen = int.TryParse(query["pagelen"], out var l) && l is > 0 and <= 100 ? l : 10;
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        var values = new JsonArray([.. items.Skip((page - 1) * pagelen).Take(pagelen).Select(i => i.DeepClone())]);
        var envelope = new JsonObject { ["size"] = items.Count, ["page"] = page, ["pagelen"] = pagelen, ["values"] = values };
        if (page * pagelen < items.Count)
        {
            envelope["next"] = SandboxHttp.PageLink(context, page + 1);
        }

        if (page > 1)
        {
            envelope["previous"] = SandboxHttp.PageLink(context, page - 1);
        }

        return async c =>
        {
            c.Response.StatusCode = StatusCodes.Status200OK;
            c.Response.ContentType = "application/json; charset=utf-8";
            await c.Response.WriteAsync(envelope.ToJsonString(), c.RequestAborted).ConfigureAwait(false);
        };
    }

    private sealed record StoredResource(string Id, JsonObject Node);

    private enum ShapeKind
    {
        Collection,
        Item,
        Singleton,
        Action,
    }

    /// <summary>How a described operation relates to the others: a collection, one of its items, a settings resource.</summary>
    private sealed record Shape(ShapeKind Kind, bool Stateful, string? ItemParameter)
    {
        private static readonly Lazy<HashSet<string>> All = new(() => DescribedOperations.ToHashSet(StringComparer.Ordinal));

        public static Shape Of(string operation)
        {
            var all = All.Value;
            var space = operation.IndexOf(' ', StringComparison.Ordinal);
            var method = operation[..space];
            var template = operation[(space + 1)..];
            var last = template[(template.LastIndexOf('/') + 1)..];
            if (last.StartsWith('{') && last != "{path}")
            {
                var collection = template[..template.LastIndexOf('/')];
                var parameter = last.Trim('{', '}');
                var creatable = all.Contains("POST " + collection) || all.Contains("PUT " + template);
                return new Shape(ShapeKind.Item, creatable && method is "GET" or "PUT" or "DELETE", parameter);
            }

            var item = all.Select(o => o[(o.IndexOf(' ', StringComparison.Ordinal) + 1)..])
                .FirstOrDefault(t => t.StartsWith(template + "/{", StringComparison.Ordinal) && t.IndexOf('/', template.Length + 1) < 0 && !t.EndsWith("/{path}", StringComparison.Ordinal));
            var itemParameter = item?[(template.Length + 2)..^1];
            if (all.Contains("POST " + template) && item is not null || all.Contains("GET " + template) && item is not null && all.Contains("PUT " + item))
            {
                return new Shape(ShapeKind.Collection, method is "GET" or "POST", itemParameter);
            }

            if (all.Contains("GET " + template) && all.Contains("PUT " + template))
            {
                return new Shape(ShapeKind.Singleton, method is "GET" or "PUT", null);
            }

            return new Shape(method == "GET" ? ShapeKind.Collection : ShapeKind.Action, false, itemParameter);
        }
    }
}
