using System.Globalization;
using System.Text;
using Bitbucket.Samples.Web.Webhooks;
using static Bitbucket.Samples.Web.Pages.Html;

namespace Bitbucket.Samples.Web.Pages;

/// <summary>The "Recent events" page: the webhook deliveries the app verified and handled, newest first.</summary>
internal static class EventsPage
{
    public static IResult Render(IReadOnlyList<ReceivedEvent> events, bool receiving, string? signedInAs)
    {
        var body = new StringBuilder("<h1>Recent events</h1>");
        if (!receiving)
        {
            body.Append("<p class=\"note\">Webhooks are off: set <code>Bitbucket:Webhooks:Secrets</code> and subscribe this app's <code>")
                .Append(E(SampleWebhooks.Path)).Append("</code> on bitbucket.org.</p>");
        }

        body.Append("<p class=\"note\">Deliveries to <code>").Append(E(SampleWebhooks.Path))
            .Append("</code> whose <code>X-Hub-Signature</code> matched, parsed by Bitbucket.Refit.Webhooks. Comment on a pull request from your profile to raise one.</p>");
        body.Append("<div id=\"events\">");
        if (events.Count == 0)
        {
            body.Append("<p id=\"no-events\">No events yet.</p>");
        }
        else
        {
            body.Append("<table><thead><tr><th>Received</th><th>Event</th><th>Repository</th><th>By</th><th>What</th></tr></thead><tbody>");
            foreach (var e in events)
            {
                body.Append("<tr class=\"event\" data-event-key=\"").Append(E(e.EventKey)).Append("\"><td>")
                    .Append(E(e.ReceivedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))
                    .Append("</td><td><code>").Append(E(e.EventKey)).Append("</code> <span class=\"note\">").Append(E(e.EventType)).Append("</span>")
                    .Append("</td><td>").Append(E(e.Repository))
                    .Append("</td><td>").Append(E(e.Actor))
                    .Append("</td><td>").Append(E(e.Summary)).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</div><p><a href=\"/profile\">Back to your profile</a></p>");
        return Page("Recent events", body.ToString(), signedInAs);
    }
}
