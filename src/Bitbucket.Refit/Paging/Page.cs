using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket;

/// <summary>
/// One page of a Bitbucket list: the <c>values</c> and the absolute <c>next</c> link to the following page.
/// Only <see cref="Values"/> and <see cref="Next"/> are guaranteed; Bitbucket leaves the counters out when they are
/// expensive to compute.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>
{
    /// <summary>Creates a page holding <paramref name="values"/>, for tests and fakes (see <see cref="BitbucketPageable"/>).</summary>
    /// <param name="values">The items.</param>
    /// <param name="next">The link to the following page, or <see langword="null"/> for the last page.</param>
    /// <returns>The page, with <see cref="Pagelen"/> set to the number of items.</returns>
    public static Page<T> FromValues(IEnumerable<T> values, string? next = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.ToArray();
        return new Page<T> { Values = items, Pagelen = items.Length, RawNext = next };
    }

    /// <summary>Gets the total number of items across all pages, when Bitbucket computed it.</summary>
    public int? Size { get; init; }

    /// <summary>Gets the 1-based number of this page, when given (cursor-paged lists have none).</summary>
    [JsonPropertyName("page")]
    public int? PageNumber { get; init; }

    /// <summary>Gets the number of items per page that the server applied.</summary>
    public int? Pagelen { get; init; }

    /// <summary>
    /// Gets the absolute link to the next page, exactly as the server gave it, or <see langword="null"/> on the last page.
    /// A numbered page whose link points back to itself or an earlier page raises <see cref="BitbucketPagingException"/>
    /// when read, so a lazy enumeration stops instead of looping for ever; bound cursor-paged lists with
    /// <c>WithMaxPages</c>.
    /// </summary>
    [JsonIgnore]
    public string? Next
    {
        get => CheckNext(RawNext);
        init => RawNext = value;
    }

    /// <summary>Gets the <c>next</c> link as received, unchecked.</summary>
    [JsonInclude]
    [JsonPropertyName("next")]
    internal string? RawNext { get; init; }

    /// <summary>Gets the absolute link to the previous page, when given.</summary>
    public string? Previous { get; init; }

    /// <summary>Gets the items of this page.</summary>
    public IReadOnlyList<T> Values { get; init; } = [];

    private string? CheckNext(string? next)
    {
        if (next is null || PageNumber is not { } current)
        {
            return next;
        }

        var query = next.AsSpan();
        var start = query.IndexOf('?');
        if (start < 0)
        {
            return next;
        }

        query = query[(start + 1)..];
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.StartsWith("page=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(pair[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var target)
                && target <= current)
            {
                throw new BitbucketPagingException($"Page {current} links to page {target} as its next page; stopping instead of looping.");
            }
        }

        return next;
    }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
