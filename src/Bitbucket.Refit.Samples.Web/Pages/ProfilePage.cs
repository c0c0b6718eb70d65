using System.Globalization;
using System.Text;
using Bitbucket.Models;
using Bitbucket.Samples.Web.Integration;
using static Bitbucket.Samples.Web.Pages.Html;

namespace Bitbucket.Samples.Web.Pages;

/// <summary>The profile page: the user, their repositories by workspace, and the open pull requests.</summary>
internal static class ProfilePage
{
    public static IResult Render(Profile profile, string signInMethod)
    {
        var user = profile.User;
        var body = new StringBuilder();
        body.Append("<h1 id=\"user-name\">").Append(E(user.DisplayName ?? user.Nickname)).Append("</h1>");
        body.Append("<p class=\"note\">")
            .Append(user.Nickname is null ? string.Empty : "@" + E(user.Nickname) + " · ")
            .Append("signed in through ").Append(E(signInMethod)).Append("</p>");

        var repositoryCount = profile.Workspaces.Sum(w => w.Repositories.Count);
        body.Append("<h2>Your repositories (").Append(repositoryCount).Append(")</h2><div id=\"repositories\">");
        if (profile.Workspaces.Count == 0)
        {
            body.Append("<p>You have no workspaces.</p>");
        }

        foreach (var workspace in profile.Workspaces)
        {
            body.Append("<h3>").Append(E(workspace.Name)).Append(" <span class=\"note\">").Append(E(workspace.Slug)).Append("</span>")
                .Append(workspace.Administrator ? "<span class=\"badge\">admin</span>" : string.Empty).Append("</h3>");
            if (workspace.Repositories.Count == 0)
            {
                body.Append("<p class=\"note\">No repositories you can see.</p>");
                continue;
            }

            body.Append("<table><thead><tr><th>Repository</th><th>Description</th><th>Language</th><th>Updated</th></tr></thead><tbody>");
            foreach (var repository in workspace.Repositories)
            {
                body.Append("<tr class=\"repository\"><td>").Append(Link(repository.Links?.Html?.Href, repository.FullName ?? repository.Name))
                    .Append(repository.IsPrivate == true ? "<span class=\"badge\">private</span>" : string.Empty)
                    .Append("</td><td>").Append(E(repository.Description))
                    .Append("</td><td>").Append(E(repository.Language))
                    .Append("</td><td>").Append(E(Date(repository.UpdatedOn))).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</div><h2>Open pull requests (").Append(profile.OpenPullRequests.Count).Append(")</h2><div id=\"pull-requests\">");
        if (profile.OpenPullRequests.Count == 0)
        {
            body.Append("<p>No open pull requests in your repositories.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>Pull request</th><th>Repository</th><th>Branches</th><th>Author</th><th>Updated</th><th></th></tr></thead><tbody>");
            foreach (var pullRequest in profile.OpenPullRequests)
            {
                var mine = pullRequest.Author?.Uuid is { } uuid && uuid == user.Uuid;
                body.Append("<tr class=\"pull-request\"><td>").Append(Link(pullRequest.Links?.Html?.Href, $"#{pullRequest.Id} {pullRequest.Title}"))
                    .Append(mine ? "<span class=\"badge\">yours</span>" : string.Empty)
                    .Append("</td><td>").Append(E(pullRequest.Destination?.Repository?.FullName))
                    .Append("</td><td><code>").Append(E(pullRequest.Source?.Branch?.Name)).Append("</code> → <code>").Append(E(pullRequest.Destination?.Branch?.Name)).Append("</code>")
                    .Append("</td><td>").Append(E(pullRequest.Author?.DisplayName))
                    .Append("</td><td>").Append(E(Date(pullRequest.UpdatedOn ?? pullRequest.CreatedOn)))
                    .Append("</td><td>").Append(CommentButton(pullRequest)).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</div><p><a id=\"events-link\" href=\"/events\">Recent events</a> (webhooks this app received)</p>");
        if (profile.Truncated)
        {
            body.Append("<p class=\"note\">Long lists were cut short to keep this page quick.</p>");
        }

        return Page("Your Bitbucket", body.ToString(), user.DisplayName ?? user.Nickname);
    }

    private static string Link(string? href, string? text) =>
        href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(text)}</a>"
            : E(text);

    private static string Date(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A button that comments on the pull request as the signed-in user; the webhook it raises shows on /events.</summary>
    private static string CommentButton(PullRequest pullRequest)
    {
        if (pullRequest.Destination?.Repository?.FullName?.Split('/') is not [var workspace, var repository] || pullRequest.Id is not { } id)
        {
            return string.Empty;
        }

        var action = $"/pullrequests/{Uri.EscapeDataString(workspace)}/{Uri.EscapeDataString(repository)}/{id}/comments";
        return $"<form method=\"post\" action=\"{E(action)}\"><button class=\"comment\" type=\"submit\">Comment</button></form>";
    }
}
