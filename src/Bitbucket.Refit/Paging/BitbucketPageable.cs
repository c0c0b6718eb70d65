using System.Runtime.CompilerServices;

namespace Bitbucket;

/// <summary>
/// A Bitbucket list, fetched lazily page by page as it is enumerated: <c>await foreach</c> over the items, or over the
/// pages with <see cref="AsPages"/>. Every enumeration starts again from the first page; nothing is requested until
/// the list is enumerated, and only one page is held at a time.
/// </summary>
/// <remarks>
/// <para>
/// Every list method of the API interfaces returns one. The type is abstract with virtual members so that a test can
/// fake a list in one expression: <c>api.List("ws", "repo").Returns(BitbucketPageable.FromValues(items))</c>
/// (NSubstitute), <c>.Setup(...).Returns(BitbucketPageable.FromPages(page1, page2))</c> (Moq),
/// <c>A.CallTo(...).Returns(BitbucketPageable.FromPages([page1], new BitbucketNotFoundException(...)))</c>
/// (FakeItEasy). A mocking library that creates recursive fakes (NSubstitute, FakeItEasy, Moq with
/// <c>DefaultValue.Mock</c>) returns a list that enumerates as empty from an unconfigured method.
/// </para>
/// <para>
/// A list fetched from Bitbucket follows each page's <c>next</c> link exactly as given, only to the configured
/// origin, and stops with a <see cref="BitbucketPagingException"/> after <see cref="DefaultMaxPages"/> pages unless
/// <see cref="WithMaxPages"/> sets a bound of its own.
/// </para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public abstract class BitbucketPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>
    /// The most pages a list fetched from Bitbucket follows when <see cref="WithMaxPages"/> was not called: 10,000 (a
    /// million items at 100 a page). Reaching it raises <see cref="BitbucketPagingException"/>, because a list that
    /// long is almost always a server-side cursor loop.
    /// </summary>
    public const int DefaultMaxPages = 10_000;

    /// <summary>Initializes a new instance of the <see cref="BitbucketPageable{T}"/> class.</summary>
    protected BitbucketPageable()
    {
    }

    /// <summary>Enumerates the pages as Bitbucket returned them, requesting each when the previous one is done with.</summary>
    /// <param name="cancellationToken">Cancels the enumeration and the page request in flight.</param>
    /// <returns>The pages, lazily.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a list that fetches at most <paramref name="pages"/> pages and then ends quietly, however many the
    /// server has.
    /// </summary>
    /// <param name="pages">The most pages to fetch; at least 1.</param>
    /// <returns>A new list with the bound applied; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pages"/> is less than 1.</exception>
    public virtual BitbucketPageable<T> WithMaxPages(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        return new BoundedPageable(this, pages);
    }

    /// <summary>Enumerates the items of every page, in order, fetching pages as they are needed.</summary>
    /// <param name="cancellationToken">Cancels the enumeration and the page request in flight.</param>
    /// <returns>The items, lazily.</returns>
    public virtual IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        EnumerateItems(cancellationToken).GetAsyncEnumerator();

    private async IAsyncEnumerable<T> EnumerateItems([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }

    /// <summary>A list cut off after a number of pages.</summary>
    private sealed class BoundedPageable(BitbucketPageable<T> inner, int maxPages) : BitbucketPageable<T>
    {
        public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var count = 0;
            await foreach (var page in inner.AsPages(cancellationToken).ConfigureAwait(false))
            {
                yield return page;
                if (++count >= maxPages)
                {
                    yield break;
                }
            }
        }
    }
}

/// <summary>
/// Builds <see cref="BitbucketPageable{T}"/> lists from items, pages or a failure: what a unit test returns from a
/// faked list method, in one expression.
/// </summary>
/// <example>
/// <code>
/// var api = Substitute.For&lt;IPullRequestsApi&gt;();
/// api.List("ws", "repo").Returns(BitbucketPageable.FromValues(pr1, pr2));                  // one page
/// api.ListCommits("ws", "repo", 1).Returns(BitbucketPageable.FromPages([c1, c2], [c3]));  // two pages
/// api.ListActivity("ws", "repo", 1).Returns(BitbucketPageable.FromPages([[a1]],             // page 2 fails
///     new BitbucketNotFoundException(new BitbucketResponseDetails { StatusCode = HttpStatusCode.NotFound, Method = HttpMethod.Get })));
/// </code>
/// </example>
public static class BitbucketPageable
{
    /// <summary>Creates a list of one page holding <paramref name="values"/> (an empty page when there are none).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> FromValues<T>(params IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new StaticPageable<T>([Page<T>.FromValues(values)], null);
    }

    /// <summary>Creates a list whose pages hold the given items, one collection a page.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The items of each page, in order.</param>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> FromPages<T>(params IEnumerable<IEnumerable<T>> pages) => FromItemPages(pages, null);

    /// <summary>
    /// Creates a list whose pages hold the given items and whose next page request then fails with
    /// <paramref name="error"/>, as when Bitbucket answers page 2 with a 404 or a 429.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The items of each page served before the failure, in order; may be empty.</param>
    /// <param name="error">The exception the enumeration throws after the pages, or <see langword="null"/> for none.</param>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> FromPages<T>(IEnumerable<IEnumerable<T>> pages, Exception? error) => FromItemPages(pages, error);

    private static BitbucketPageable<T> FromItemPages<T>(IEnumerable<IEnumerable<T>> pages, Exception? error)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = pages.Select((values, index) => Page<T>.FromValues(values ?? throw new ArgumentException($"Page {index + 1} is null.", nameof(pages))) with { PageNumber = index + 1 }).ToArray();
        return new StaticPageable<T>(list, error);
    }

    /// <summary>Creates a list that serves the given pages as they are.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> FromPages<T>(params Page<T>[] pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable<T>(pages.ToArray(), null);
    }

    /// <summary>Creates a list that serves the given pages as they are, then fails with <paramref name="error"/> when one is given.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages, in order.</param>
    /// <param name="error">The exception the enumeration throws after the pages, or <see langword="null"/> for none.</param>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> FromPages<T>(IEnumerable<Page<T>> pages, Exception? error)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable<T>(pages.ToArray(), error);
    }

    /// <summary>Creates a list with no items (one empty page, as Bitbucket answers an empty list).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> Empty<T>() => new StaticPageable<T>([Page<T>.FromValues([])], null);

    /// <summary>Creates a list whose first page request fails with <paramref name="error"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="error">The exception the enumeration throws.</param>
    /// <returns>The list.</returns>
    public static BitbucketPageable<T> FromException<T>(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new StaticPageable<T>([], error);
    }

    /// <summary>A list over pages held in memory.</summary>
    private sealed class StaticPageable<T>(Page<T>[] pages, Exception? error) : BitbucketPageable<T>
    {
        public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return page;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null)
            {
                throw error;
            }
        }

        public override string ToString() => $"{pages.Length} fake page(s) of {typeof(T).Name}{(error is null ? string.Empty : ", then " + error.GetType().Name)}";
    }
}
