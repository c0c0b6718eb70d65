// This file is a code block of the repository README.md, verbatim (ReadmeSnippetsTests checks it).
using Bitbucket;   // the API interfaces; AddBitbucket() is in Microsoft.Extensions.DependencyInjection, like AddHttpClient

var builder = WebApplication.CreateBuilder(args);

// Basic: Atlassian account e-mail + API token (today's way; Bearer is refused for API tokens).
// A Bitbucket username + app password is the legacy case: app passwords stopped working in 2026.
builder.Services.AddBitbucket(builder.Configuration.GetSection("Bitbucket"))
       .WithBasicAuthentication();          // Bitbucket:Basic:Username = e-mail, Bitbucket:Basic:Secret = API token

builder.Services.AddSingleton<ReviewQueue>();
var app = builder.Build();
app.MapGet("/reviews/{workspace}/{repo}", async (string workspace, string repo, ReviewQueue queue, CancellationToken ct) =>
    string.Join('\n', await queue.OpenTitlesAsync(workspace, repo, ct)));
app.Run();
