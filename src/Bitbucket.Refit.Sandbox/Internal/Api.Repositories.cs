using System.Text.Json;
using Bitbucket.Models;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Users, workspaces, projects and repositories.</summary>
internal sealed partial class SandboxApi
{
    private void MapUsers(WebApplication app)
    {
        Get(app, "/user", (_, caller) =>
            Check(caller, "account", null, false, Need.Read) ?? Ok(map.CurrentUser(caller!.User), BitbucketJsonContext.Default.Account));

        Get(app, "/user/emails", (_, caller) =>
            Check(caller, "email", null, false, Need.Read) ?? PageOf(Emails(caller!.User), BitbucketJsonContext.Default.PageEmailAddress));

        Get(app, "/user/emails/{email}", (context, caller) =>
        {
            if (Check(caller, "email", null, false, Need.Read) is { } denied)
            {
                return denied;
            }

            var email = SandboxHttp.Route(context, "email");
            var found = Emails(caller!.User).FirstOrDefault(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase));
            return found is null ? NotFound($"Email {email} not found") : Ok(found, BitbucketJsonContext.Default.EmailAddress);
        });

        Get(app, "/users/{selected_user}", (context, _) =>
        {
            var id = SandboxHttp.Route(context, "selected_user");
            var user = state.FindUser(id);
            return user is null ? NotFound($"User {id} not found") : Ok(map.User(user), BitbucketJsonContext.Default.Account);
        });

        Get(app, "/user/workspaces", (context, caller) =>
        {
            if (Check(caller, "account", null, false, Need.Read) is { } denied)
            {
                return denied;
            }

            IEnumerable<WorkspaceState> workspaces = state.Workspaces.Values.Where(w => w.IsMember(caller!.User)).OrderBy(w => w.Slug, StringComparer.Ordinal);
            if (context.Request.Query["administrator"].ToString() is { Length: > 0 } admin)
            {
                var wanted = string.Equals(admin, "true", StringComparison.OrdinalIgnoreCase);
                workspaces = workspaces.Where(w => w.IsAdmin(caller!.User) == wanted);
            }

            var values = workspaces.Select(w => new WorkspaceAccess
            {
                Type = "workspace_access",
                Administrator = w.IsAdmin(caller!.User),
                Workspace = map.WorkspaceBase(w),
            }).ToList();
            return PageOf(values, BitbucketJsonContext.Default.PageWorkspaceAccess);
        });

        Get(app, "/user/workspaces/{workspace}/permission", (context, caller) =>
        {
            if (Check(caller, "account", null, false, Need.Read) is { } denied)
            {
                return denied;
            }

            if (FindWorkspace(context, out var ws) is { } missing || !ws.IsMember(caller!.User))
            {
                return NotFound($"No workspace with identifier '{SandboxHttp.Route(context, "workspace")}'.");
            }

            return Ok(
                new WorkspaceAccess { Type = "workspace_access", Administrator = ws.IsAdmin(caller.User), Workspace = map.WorkspaceBase(ws) },
                BitbucketJsonContext.Default.WorkspaceAccess);
        });

        Get(app, "/workspaces", (_, _) =>
            Fail(StatusCodes.Status410Gone, "This API is no longer supported. Use GET /2.0/user/workspaces instead (CHANGE-2770)."));

        Get(app, "/workspaces/{workspace}", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            return Check(caller, null, ws, false, Need.Read) ?? Ok(map.Workspace(ws), BitbucketJsonContext.Default.Workspace);
        });

        Get(app, "/workspaces/{workspace}/members", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "account", ws, false, Need.Read) is { } denied)
            {
                return denied;
            }

            var values = ws.Members.Order(StringComparer.Ordinal).Select(m => new WorkspaceMembership
            {
                Type = "workspace_membership",
                User = map.UserSummary(state.Users[m]),
                Workspace = map.Workspace(ws) with { Links = null, CreatedOn = null, UpdatedOn = null, ForkingMode = null, IsPrivacyEnforced = null },
                Links = new WorkspaceMembershipLinks { Self = Mapper.L(map.Api("workspaces/" + Mapper.Esc(ws.Slug) + "/members/" + Mapper.Esc(state.Users[m].Uuid))) },
            }).ToList();
            return PageOf(values, BitbucketJsonContext.Default.PageWorkspaceMembership);
        });

        Get(app, "/workspaces/{workspace}/projects", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "project", ws, false, Need.Read) is { } denied)
            {
                return denied;
            }

            var values = ws.Projects.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(map.Project).ToList();
            return PageOf(values, BitbucketJsonContext.Default.PageProject);
        });

        Get(app, "/workspaces/{workspace}/projects/{project_key}", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "project", ws, false, Need.Read) is { } denied)
            {
                return denied;
            }

            var key = SandboxHttp.Route(context, "project_key");
            return ws.Projects.TryGetValue(key, out var project)
                ? Ok(map.Project(project), BitbucketJsonContext.Default.Project)
                : NotFound($"Project {key} not found in workspace {ws.Slug}.");
        });

        Post(app, "/workspaces/{workspace}/projects", (context, caller, body) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "project:admin", ws, false, Need.Admin) is { } denied)
            {
                return denied;
            }

            var key = Str(body, "key");
            var name = Str(body, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                return BadRequest("name: This field is required.", "name");
            }

            if (string.IsNullOrWhiteSpace(key) || !key.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return BadRequest("key: Project keys must start with a letter and may only consist of ASCII upper-case letters, numbers and underscores.", "key");
            }

            if (ws.Projects.ContainsKey(key))
            {
                return BadRequest($"key: A project with the key {key} already exists in this workspace.", "key");
            }

            var project = new ProjectState(ws, key, name, Str(body, "description"), Bool(body, "is_private") ?? true, state.Now);
            ws.Projects[key] = project;
            return Created(map.Project(project), BitbucketJsonContext.Default.Project, map.Api("workspaces/" + Mapper.Esc(ws.Slug) + "/projects/" + key));
        });
    }

    private void MapRepositories(WebApplication app)
    {
        Get(app, "/repositories", (_, _) =>
            Fail(StatusCodes.Status410Gone, "This API is no longer supported. List the repositories of one workspace with GET /2.0/repositories/{workspace} (CHANGE-2770)."));

        Get(app, "/repositories/{workspace}", (context, caller) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "repository", null, true, Need.Read) is { } denied)
            {
                return denied;
            }

            var member = ws.IsMember(caller?.User);
            var role = context.Request.Query["role"].ToString();
            if (role.Length > 0 && !member)
            {
                return PageOf(Array.Empty<Repository>(), BitbucketJsonContext.Default.PageRepository);
            }

            IEnumerable<RepositoryState> repos = ws.Repositories.Values.Where(r => member || !r.IsPrivate);
            if (role == "admin")
            {
                repos = repos.Where(_ => ws.IsAdmin(caller?.User));
            }

            repos = Query.Filter(repos, context, RepositoryFields);
            repos = Sort(repos.OrderBy(r => r.Slug, StringComparer.Ordinal), context, new Dictionary<string, Func<RepositoryState, IComparable?>>
            {
                ["name"] = r => r.Name,
                ["slug"] = r => r.Slug,
                ["created_on"] = r => r.CreatedOn,
                ["updated_on"] = r => r.UpdatedOn,
            });
            return PageOf(repos.Select(map.Repository).ToList(), BitbucketJsonContext.Default.PageRepository);
        });

        Get(app, "/repositories/{workspace}/{repo_slug}", (context, caller) =>
            FindRepository(context, caller, "repository", Need.Read, out var repo) ?? Ok(map.Repository(repo), BitbucketJsonContext.Default.Repository));

        Post(app, "/repositories/{workspace}/{repo_slug}", (context, caller, body) =>
        {
            if (FindWorkspace(context, out var ws) is { } missing)
            {
                return missing;
            }

            if (Check(caller, "repository:admin", ws, false, Need.Write) is { } denied)
            {
                return denied;
            }

            var slug = SandboxHttp.Route(context, "repo_slug").ToLowerInvariant();
            if (ws.Repositories.ContainsKey(slug))
            {
                return BadRequest("Repository with this Slug and Owner already exists.", "name");
            }

            if (slug.Length == 0 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                return BadRequest("Invalid slug: use lower-case letters, digits, '-', '_' and '.'.", "slug");
            }

            var projectKey = Str(body, "project", "key");
            ProjectState? project;
            if (projectKey is null)
            {
                project = ws.Projects.Values.OrderBy(p => p.CreatedOn).FirstOrDefault();
            }
            else if (!ws.Projects.TryGetValue(projectKey, out project))
            {
                return BadRequest($"project: Project {projectKey} does not exist.", "project");
            }

            if (project is null)
            {
                return BadRequest("project: The workspace has no project; create one first.", "project");
            }

            var scm = Str(body, "scm");
            if (scm is not null and not "git")
            {
                return BadRequest("scm: Only git repositories can be created.", "scm");
            }

            var repo = new RepositoryState(ws, project, slug, Str(body, "name") ?? slug, state.Now)
            {
                Description = Str(body, "description") ?? string.Empty,
                Language = Str(body, "language") ?? string.Empty,
                IsPrivate = Bool(body, "is_private") ?? true,
                MainBranch = Str(body, "mainbranch", "name") ?? "main",
            };
            var initial = State.Hash($"{ws.Slug}/{slug}/{state.Now.ToUnixTimeMilliseconds()}/initial");
            repo.Commits[initial] = new CommitData(initial, [], "Initial commit\n", caller!.User, state.Now);
            repo.Branches[repo.MainBranch] = initial;
            ws.Repositories[slug] = repo;
            webhooks.Raise(ws, null, "repo:created", caller.User, new() { ["repository"] = Node(map.Repository(repo)) });
            // 200, not 201: Atlassian's reference (and the vendored description) documents "200 The newly created repository".
            return OkAt(map.Repository(repo), BitbucketJsonContext.Default.Repository, map.Api(Mapper.RepoPath(repo)));
        });

        Put(app, "/repositories/{workspace}/{repo_slug}", (context, caller, body) =>
        {
            if (FindRepository(context, caller, "repository:admin", Need.Admin, out var repo) is { } failure)
            {
                return failure;
            }

            repo.Name = Str(body, "name") ?? repo.Name;
            repo.Description = Str(body, "description") ?? repo.Description;
            repo.Language = Str(body, "language") ?? repo.Language;
            repo.IsPrivate = Bool(body, "is_private") ?? repo.IsPrivate;
            if (Str(body, "mainbranch", "name") is { } main)
            {
                if (!repo.Branches.ContainsKey(main))
                {
                    return BadRequest($"mainbranch: Branch {main} does not exist.", "mainbranch");
                }

                repo.MainBranch = main;
            }

            repo.UpdatedOn = state.Now;
            webhooks.Raise(repo.Workspace, repo, "repo:updated", caller!.User, new() { ["repository"] = Node(map.Repository(repo)) });
            return Ok(map.Repository(repo), BitbucketJsonContext.Default.Repository);
        });

        Delete(app, "/repositories/{workspace}/{repo_slug}", (context, caller) =>
        {
            if (FindRepository(context, caller, "repository:delete", Need.Admin, out var repo) is { } failure)
            {
                return failure;
            }

            repo.Workspace.Repositories.Remove(repo.Slug);
            webhooks.Raise(repo.Workspace, null, "repo:deleted", caller!.User, new() { ["repository"] = Node(map.Repository(repo)) });
            return NoContent();
        });
    }

    private static readonly IReadOnlyDictionary<string, Func<RepositoryState, string?>> RepositoryFields = new Dictionary<string, Func<RepositoryState, string?>>
    {
        ["name"] = r => r.Name,
        ["slug"] = r => r.Slug,
        ["full_name"] = r => r.FullName,
        ["description"] = r => r.Description,
        ["language"] = r => r.Language,
        ["is_private"] = r => r.IsPrivate ? "true" : "false",
        ["project.key"] = r => r.Project.Key,
        ["project.name"] = r => r.Project.Name,
        ["uuid"] = r => r.Uuid,
    };

    private static List<EmailAddress> Emails(UserState user) =>
    [
        new EmailAddress
        {
            Type = "email",
            Email = user.Seed.Email,
            IsPrimary = true,
            IsConfirmed = true,
        },
    ];

    private static System.Text.Json.Nodes.JsonNode? Node<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToNode(value, typeInfo);

    private static System.Text.Json.Nodes.JsonNode? Node(Repository value) => Node(value, BitbucketJsonContext.Default.Repository);
}
