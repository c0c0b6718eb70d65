using Bitbucket.Samples.Web;

// ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/Bitbucket.Refit.Samples.Web
// (outside Development the cookies are Secure, so serve https or set Sample:PublicOrigin behind a TLS proxy)
// Without configuration: the embedded Bitbucket sandbox. With Bitbucket__OAuth2__ClientId/ClientSecret (and/or
// Bitbucket__OAuth1__ConsumerKey/ConsumerSecret) in the environment: bitbucket.org.
await using var app = await SampleApp.BuildAsync(args);
await app.StartAsync();
Console.WriteLine();
Console.WriteLine($"  Open {SampleApp.GetAddress(app)} in your browser. Ctrl+C stops.");
Console.WriteLine();
await app.WaitForShutdownAsync();
