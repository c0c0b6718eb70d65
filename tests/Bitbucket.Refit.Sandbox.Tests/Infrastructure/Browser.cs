using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitbucket.Sandbox.Tests.Infrastructure;

/// <summary>Plays the user's browser on the sandbox's authorize pages: loads the page, submits its form, reads the redirect.</summary>
internal sealed partial class Browser : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    public async Task<string> GetPageAsync(Uri uri)
    {
        using var response = await _http.GetAsync(uri);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return html;
    }

    /// <summary>Submits the page's form with the button of <paramref name="decision"/> (approve or deny) and returns the redirect's query.</summary>
    public async Task<Dictionary<string, string>> SubmitAsync(Uri page, string html, string decision)
    {
        var action = FormAction().Match(html).Groups[1].Value;
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["decision"] = decision;
        using var response = await _http.PostAsync(new Uri(page, action), new FormUrlEncodedContent(fields));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
