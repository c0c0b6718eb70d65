namespace Bitbucket.Refit.Tests.Infrastructure;

/// <summary>Finds the repository root and the shared folder beside it (<c>../shared</c>).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The spec: the path in <c>BITBUCKET_OPENAPI</c> when set, else <c>../shared/bitbucket/openapi.json</c>.</summary>
    public static string OpenApiSpec =>
        Environment.GetEnvironmentVariable("BITBUCKET_OPENAPI") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "bitbucket", "openapi.json"));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Skips the calling test when the spec is absent (outside CI, where <c>../shared</c> may not exist);
    /// under <c>CI=true</c> a missing spec fails the test instead.
    /// </summary>
    public static string RequireSpec()
    {
        if (File.Exists(OpenApiSpec))
        {
            return OpenApiSpec;
        }

        var reason = $"The Bitbucket OpenAPI description is not at {OpenApiSpec} (BITBUCKET_OPENAPI, else ../shared/bitbucket/openapi.json).";
        if (IsCi)
        {
            Assert.Fail(reason + " Under CI=true it must be present.");
        }

        Assert.Ignore(reason + " Skipped outside CI.");
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
