using System.Runtime.CompilerServices;
using Refit;

namespace Bitbucket;

/// <summary>
/// A list fetched from Bitbucket: Refit's generated paging loop (lazy, one page held at a time, <c>next</c> followed
/// only to the configured origin) behind the library's mockable <see cref="BitbucketPageable{T}"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class RefitPageable<T> : BitbucketPageable<T>
{
    private readonly PagedEnumerable<Page<T>, T> _inner;
    private readonly bool _bounded;

    /// <summary>Initializes a new instance of the <see cref="RefitPageable{T}"/> class, bounded by <see cref="BitbucketPageable{T}.DefaultMaxPages"/>.</summary>
    /// <param name="inner">The generated paging loop.</param>
    public RefitPageable(PagedEnumerable<Page<T>, T> inner)
        : this(inner, bounded: false)
    {
    }

    private RefitPageable(PagedEnumerable<Page<T>, T> inner, bool bounded)
    {
        _inner = inner;
        _bounded = bounded;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default) =>
        _bounded ? Pages(_inner, cancellationToken) : PagesWithDefaultBound(_inner, cancellationToken);

    /// <inheritdoc />
    public override BitbucketPageable<T> WithMaxPages(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        return new RefitPageable<T>(_inner.WithMaxPages(pages), bounded: true);
    }

    /// <inheritdoc />
    public override IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Items(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => _inner.ToString();

    private static async IAsyncEnumerable<Page<T>> Pages(PagedEnumerable<Page<T>, T> inner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in Http.Instrumentation.TraceList(NextLinks.Mark(inner.AsPages())).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    private static IAsyncEnumerable<Page<T>> PagesWithDefaultBound(PagedEnumerable<Page<T>, T> inner, CancellationToken cancellationToken) =>
        DefaultPageBound.Enforce(inner, cancellationToken);

    private async IAsyncEnumerable<T> Items([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }

}

/// <summary>
/// A list whose pages Bitbucket sends in a shape of their own (the code searches), presented as <see cref="Page{T}"/>.
/// </summary>
/// <typeparam name="TPage">The page type on the wire.</typeparam>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class RefitPageable<TPage, T>(PagedEnumerable<TPage, T> inner, Func<TPage, Page<T>> toPage) : BitbucketPageable<T>
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in DefaultPageBound.Enforce(inner, cancellationToken).ConfigureAwait(false))
        {
            yield return toPage(page);
        }
    }

    /// <inheritdoc />
    public override string ToString() => inner.ToString();
}

/// <summary>The bound every list fetched from Bitbucket keeps unless the caller set one with <c>WithMaxPages</c>.</summary>
internal static class DefaultPageBound
{
    /// <summary>
    /// Enumerates the pages of <paramref name="inner"/>, raising <see cref="BitbucketPagingException"/> when a page past
    /// <see cref="BitbucketPageable{T}.DefaultMaxPages"/> arrives (one page more is requested to prove the list goes on).
    /// </summary>
    /// <typeparam name="TPage">The page type on the wire.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="inner">The generated paging loop.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pages, lazily.</returns>
    public static async IAsyncEnumerable<TPage> Enforce<TPage, TItem>(PagedEnumerable<TPage, TItem> inner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var max = BitbucketPageable<TItem>.DefaultMaxPages;
        var count = 0;
        await foreach (var page in Http.Instrumentation.TraceList(NextLinks.Mark(inner.WithMaxPages(max + 1).AsPages())).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++count > max)
            {
                throw new BitbucketPagingException($"The list goes on past {max:N0} pages (BitbucketPageable<T>.DefaultMaxPages), which is almost always a server-side cursor loop; stopping. Call WithMaxPages(n) to read a longer list on purpose.");
            }

            yield return page;
        }
    }
}

/// <summary>Presents a code-search page as a <see cref="Page{T}"/>, keeping <c>query_substituted</c> in its extension data.</summary>
internal static class SearchResultPages
{
    /// <summary>Converts one page.</summary>
    /// <param name="page">The page as Bitbucket sent it.</param>
    /// <returns>The same page as a <see cref="Page{T}"/>.</returns>
    public static Page<Models.SearchCodeSearchResult> ToPage(Models.SearchResultPage page)
    {
        var extra = page.AdditionalProperties is null
            ? new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal)
            : new Dictionary<string, System.Text.Json.JsonElement>(page.AdditionalProperties, StringComparer.Ordinal);
        if (page.QuerySubstituted is { } substituted)
        {
            extra["query_substituted"] = System.Text.Json.JsonSerializer.SerializeToElement(substituted, Serialization.BitbucketJsonContext.Default.Boolean);
        }

        return new Page<Models.SearchCodeSearchResult>
        {
            Size = page.Size is { } size ? (int)Math.Min(size, int.MaxValue) : null,
            PageNumber = page.Page,
            Pagelen = page.Pagelen,
            RawNext = page.Next,
            Previous = page.Previous,
            Values = page.Values ?? [],
            AdditionalProperties = extra.Count == 0 ? null : extra,
        };
    }
}
