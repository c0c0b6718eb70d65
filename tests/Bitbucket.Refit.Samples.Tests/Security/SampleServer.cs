using System.Net;
using System.Text.RegularExpressions;
using Bitbucket.Samples.Web;
using Bitbucket.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bitbucket.Samples.Tests.Security;

/// <summary>The sample app with its embedded sandbox on a free 127.0.0.1 port, driven over plain HTTP (no browser needed).</summary>
internal sealed class SampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleServer(WebApplication app)
    {
        _app = app;
        Address = SampleApp.GetAddress(app);
    }

    /// <summary>Gets the address the app listens on.</summary>
    public Uri Address { get; }

    /// <summary>Gets the origin the app builds its callbacks on.</summary>
    public SampleOrigin Origin => _app.Services.GetRequiredService<SampleOrigin>();

    /// <summary>Gets the app's sandbox.</summary>
    public BitbucketSandbox Sandbox => _app.Services.GetRequiredService<BitbucketSandbox>();

    public static async Task<SampleServer> StartAsync(string environment, params string[] more)
    {
        var app = await SampleApp.BuildAsync(["--urls=http://127.0.0.1:0", "--Bitbucket:UseSandbox=true", "--environment=" + environment, .. more]);
        await app.StartAsync();
        return new SampleServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// A minimal browser over HttpClient: no automatic redirects, one cookie jar for every 127.0.0.1 port (as browsers do:
/// cookies do not isolate ports), every <c>Set-Cookie</c> kept for inspection, and an optional forged <c>Host</c>.
/// </summary>
internal sealed partial class HttpBrowser : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false });

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public List<string> SetCookies { get; } = [];

    public async Task<HttpResponseMessage> GetAsync(Uri uri, string? host = null) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), host);

    public async Task<HttpResponseMessage> PostAsync(Uri uri, HttpContent? content = null) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, uri) { Content = content ?? new FormUrlEncodedContent([]) }, host: null);

    /// <summary>Starts a sign-in with a login button's URL and approves on the sandbox's authorize page.</summary>
    /// <returns>The callback URL the sandbox sent the browser to (not yet visited).</returns>
    public async Task<Uri> StartAndApproveAsync(Uri login, string? host = null)
    {
        using var start = await GetAsync(login, host);
        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await start.Content.ReadAsStringAsync());
        var authorize = start.Headers.Location!;
        using var page = await GetAsync(authorize);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var action = FormAction().Match(html).Groups[1].Value;
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["decision"] = "approve";
        using var decision = await PostAsync(new Uri(authorize, action), new FormUrlEncodedContent(fields));
        Assert.That(decision.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await decision.Content.ReadAsStringAsync());
        return decision.Headers.Location!;
    }

    /// <summary>Signs in through a login URL of the sample and lands on its profile page.</summary>
    public async Task SignInAsync(Uri login)
    {
        var callback = await StartAndApproveAsync(login);
        using var done = await GetAsync(callback);
        Assert.That(done.Headers.Location?.OriginalString, Is.EqualTo("/profile"), "the sign-in should end on the profile");
        Assert.That(Cookies, Does.ContainKey(".bitbucket-sample"));
    }

    /// <summary>The <c>Set-Cookie</c> headers seen for a cookie name, last first.</summary>
    public IEnumerable<string> SetCookiesOf(string name) =>
        Enumerable.Reverse(SetCookies).Where(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? host)
    {
        using (request)
        {
            if (host is not null)
            {
                request.Headers.Host = host;
            }

            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
            }

            var response = await _http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var header in values)
                {
                    SetCookies.Add(header);
                    var pair = header.Split(';', 2)[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                    if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        Cookies.Remove(name);
                    }
                    else
                    {
                        Cookies[name] = value;
                    }
                }
            }

            return response;
        }
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
