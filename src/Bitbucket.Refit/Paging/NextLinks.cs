using System.Runtime.CompilerServices;

namespace Bitbucket;

/// <summary>
/// Marks the requests of a list that follow a server-given <c>next</c> link, so that checks of the caller's route
/// values (<see cref="Http.PathValidationHandler"/>) judge only requests built from them, never the server's link.
/// </summary>
internal static class NextLinks
{
    private static readonly AsyncLocal<bool> Following = new();

    /// <summary>Gets whether the current request follows a <c>next</c> link.</summary>
    public static bool IsFollowing => Following.Value;

    /// <summary>Enumerates <paramref name="pages"/>, marking every page fetch after the first as following a link.</summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <param name="pages">The pages.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The same pages.</returns>
    public static async IAsyncEnumerable<TPage> Mark<TPage>(IAsyncEnumerable<TPage> pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            var first = true;
            while (true)
            {
                // Set just before the fetch, in this flow: the value reaches the request's handlers, not the caller.
                Following.Value = !first;
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                finally
                {
                    Following.Value = false;
                }

                if (!more)
                {
                    yield break;
                }

                first = false;
                yield return enumerator.Current;
            }
        }
    }
}
