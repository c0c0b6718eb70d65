using System.Text;
using System.Text.Encodings.Web;

namespace Bitbucket.Samples.Web.Pages;

/// <summary>The sample's pages are plain HTML written here, every value encoded, to keep the focus on Bitbucket.Refit.</summary>
internal static class Html
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #172b4d; background: #f4f5f7; }
        header { background: #0052cc; color: #fff; padding: 14px 32px; display: flex; align-items: center; justify-content: space-between; }
        header a { color: #fff; text-decoration: none; font-weight: 600; }
        main { max-width: 960px; margin: 24px auto; background: #fff; padding: 24px 32px; border-radius: 6px; box-shadow: 0 1px 2px rgba(9,30,66,.25); }
        h1 { font-size: 1.6em; margin-top: 0; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1em; margin-bottom: .4em; }
        .button { display: inline-block; background: #0052cc; color: #fff; padding: 10px 16px; border-radius: 4px; text-decoration: none; border: 0; font-size: 1em; cursor: pointer; margin: 4px 8px 4px 0; }
        .button.secondary { background: #dfe1e6; color: #172b4d; }
        .note { color: #5e6c84; font-size: .9em; }
        .error { background: #ffebe6; border-left: 4px solid #de350b; padding: 8px 12px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #dfe1e6; vertical-align: top; }
        th { color: #5e6c84; font-weight: 600; font-size: .85em; }
        code { background: #f4f5f7; padding: 1px 4px; border-radius: 3px; }
        .badge { font-size: .75em; background: #dfe1e6; border-radius: 3px; padding: 1px 6px; margin-left: 6px; }
        form.inline { display: inline; }
        """;

    /// <summary>Encodes text for an HTML element or a quoted attribute.</summary>
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>Wraps content in the page layout.</summary>
    public static IResult Page(string title, string body, string? signedInAs = null, int statusCode = StatusCodes.Status200OK)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Append("<title>").Append(E(title)).Append(" · Bitbucket.Refit sample</title><style>").Append(Style).Append("</style></head><body>");
        page.Append("<header><a href=\"/\">Bitbucket.Refit sample</a>");
        if (signedInAs is not null)
        {
            page.Append("<span>").Append(E(signedInAs)).Append(" · <a href=\"/profile\">Profile</a> · ")
                .Append("<form class=\"inline\" method=\"post\" action=\"/logout\"><button id=\"logout\" class=\"button secondary\" type=\"submit\">Sign out</button></form></span>");
        }

        page.Append("</header><main>").Append(body).Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
