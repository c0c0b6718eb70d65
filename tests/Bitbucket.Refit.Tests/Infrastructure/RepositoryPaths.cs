namespace Bitbucket.Tests.Infrastructure;

/// <summary>Finds the repository root and the vendored OpenAPI description in <c>spec/</c>.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The spec: the path in <c>BITBUCKET_OPENAPI</c> when set, else the vendored <c>spec/bitbucket-cloud.openapi.json</c>.</summary>
    public static string OpenApiSpec =>
        Environment.GetEnvironmentVariable("BITBUCKET_OPENAPI") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(Root, "spec", "bitbucket-cloud.openapi.json");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the spec's path; a missing spec fails the calling test (it is part of the repository).</summary>
    public static string RequireSpec()
    {
        if (!File.Exists(OpenApiSpec))
        {
            Assert.Fail($"The Bitbucket OpenAPI description is not at {OpenApiSpec} (BITBUCKET_OPENAPI, else spec/bitbucket-cloud.openapi.json in the repository).");
        }

        return OpenApiSpec;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bitbucket.Refit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bitbucket.Refit.sln not found above " + AppContext.BaseDirectory);
    }
}
