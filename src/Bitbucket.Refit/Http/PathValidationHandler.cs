using System.Collections.Concurrent;

namespace Bitbucket.Http;

/// <summary>
/// Refuses, before anything is sent, a request whose route values are empty, blank, <c>.</c> or <c>..</c>: Refit
/// escapes every value into one path segment, but an empty value would silently address a different resource
/// (<c>/repositories//repo</c>) and a dot segment would be collapsed by <see cref="Uri"/> into a parent path.
/// The route template comes from the request options Refit sets on every request.
/// </summary>
internal sealed class PathValidationHandler(Uri baseAddress) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> TemplateKey = new("Refit.RelativePathTemplate");
    private static readonly ConcurrentDictionary<string, string?[]> Templates = new(StringComparer.Ordinal);
    private readonly string _basePath = baseAddress.AbsolutePath.TrimEnd('/');

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A next link is the server's URL, not built from the caller's values: the origin policy judges it, not this check.
        if (!NextLinks.IsFollowing && request.Options.TryGetValue(TemplateKey, out var template) && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            Validate(template, uri.AbsolutePath);
        }

        return base.SendAsync(request, cancellationToken);
    }

    internal void Validate(string template, string absolutePath)
    {
        var placeholders = Templates.GetOrAdd(template, Parse);
        var path = absolutePath.AsSpan();
        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            return;
        }

        path = path[_basePath.Length..].TrimStart('/');
        var index = 0;
        foreach (var range in path.Split('/'))
        {
            if (index >= placeholders.Length)
            {
                return;
            }

            var name = placeholders[index++];
            if (name is null)
            {
                continue;
            }

            if (name.Length > 0 && name[0] == '*')
            {
                return; // a catch-all {**path} keeps its own slashes
            }

            var raw = path[range];
            var blank = raw.Contains('%')
                ? string.IsNullOrWhiteSpace(Uri.UnescapeDataString(raw.ToString()))
                : raw.IsWhiteSpace(); // no escapes: check in place, without allocating
            if (blank)
            {
                throw new ArgumentException($"The value of '{name}' must not be empty or blank; it is part of the request path {template}.", ToParameterName(name));
            }
        }

        // Fewer segments than the template: a value was '.' or '..' and the URI collapsed it.
        for (; index < placeholders.Length; index++)
        {
            if (placeholders[index] is { } missing && (missing.Length == 0 || missing[0] != '*'))
            {
                throw new ArgumentException($"The value of '{missing}' (or one before it) is '.' or '..', which would address another resource than {template}.", ToParameterName(missing));
            }
        }
    }

    private static string?[] Parse(string template)
    {
        var query = template.IndexOf('?', StringComparison.Ordinal);
        var path = (query < 0 ? template : template[..query]).Trim('/');
        return [.. path.Split('/').Select(s => s.Length > 2 && s[0] == '{' && s[^1] == '}' ? s[1..^1] : null)];
    }

    private static string ToParameterName(string routeName)
    {
        var parts = routeName.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0
            ? routeName
            : string.Concat(parts[0], string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
    }
}
