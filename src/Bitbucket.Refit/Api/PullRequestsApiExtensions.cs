using System.Net;
using System.Net.Http.Json;
using Bitbucket.Models;
using Bitbucket.Serialization;

namespace Bitbucket;

/// <summary>Conveniences over <see cref="IPullRequestsApi"/> that take more than one request.</summary>
public static class PullRequestsApiExtensions
{
    /// <summary>The time waited before each poll of a background merge, unless the caller chooses another.</summary>
    public static readonly TimeSpan DefaultMergePollInterval = TimeSpan.FromSeconds(2);

    /// <summary>The <c>type</c> sent with merge parameters when the caller gives none (Bitbucket's description requires one).</summary>
    public const string MergeParametersType = "pullrequest_merge_parameters";

    /// <summary>
    /// Merges a pull request and, when Bitbucket runs the merge in the background (202 Accepted), polls the merge task
    /// until it succeeds.
    /// </summary>
    /// <param name="api">The pull requests API.</param>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="parameters">The merge strategy, commit message and whether to close the source branch; when omitted, only <c>type</c> is sent and the pull request's settings apply.</param>
    /// <param name="pollInterval">The time waited before each poll; <see cref="DefaultMergePollInterval"/> when omitted.</param>
    /// <param name="timeProvider">The clock the waits use; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <param name="cancellationToken">Cancels the merge request and stops polling (the merge itself may still complete on Bitbucket).</param>
    /// <returns>The merged pull request.</returns>
    /// <exception cref="BitbucketApiException">Bitbucket refused the merge or reported the background merge failed.</exception>
    /// <exception cref="InvalidOperationException">Bitbucket answered 202 without a task to poll, or reported a task state this library does not know.</exception>
    public static async Task<PullRequest> MergeAndWaitAsync(
        this IPullRequestsApi api,
        string workspace,
        string repoSlug,
        int pullRequestId,
        PullRequestMergeParameters? parameters = null,
        TimeSpan? pollInterval = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var interval = pollInterval ?? DefaultMergePollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(pollInterval));
        var clock = timeProvider ?? TimeProvider.System;

        string taskId;
        using (var response = await api.MergeAsync(workspace, repoSlug, pullRequestId, parameters ?? new PullRequestMergeParameters { Type = MergeParametersType }, asynchronous: true, cancellationToken).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await BitbucketExceptionFactory.CreateAsync(response).ConfigureAwait(false) ?? new InvalidOperationException($"Bitbucket answered the merge with {(int)response.StatusCode}.");
            }

            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return await response.Content.ReadFromJsonAsync(BitbucketJsonContext.Default.PullRequest, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Bitbucket answered the merge with {(int)response.StatusCode} and no pull request.");
            }

            taskId = GetMergeTaskId(response.Headers.Location)
                ?? throw new InvalidOperationException("Bitbucket accepted the merge (202) without a Location of the form …/merge/task-status/{task_id} to poll.");
        }

        while (true)
        {
            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
            var status = await api.GetMergeTaskStatusAsync(workspace, repoSlug, pullRequestId, taskId, cancellationToken).ConfigureAwait(false);
            if (status.TaskStatus == MergeTaskState.Success)
            {
                return status.MergeResult
                    ?? throw new InvalidOperationException($"The merge task {taskId} succeeded without a merge_result.");
            }

            if (status.TaskStatus != MergeTaskState.Pending)
            {
                throw new InvalidOperationException($"The merge task {taskId} reported the unknown state '{status.TaskStatus?.Value}'.");
            }
        }
    }

    /// <summary>Reads the task id from the <c>Location</c> of a 202 answer to a merge (<c>…/merge/task-status/{task_id}</c>).</summary>
    /// <param name="location">The <c>Location</c> header, absolute or relative.</param>
    /// <returns>The task id, unescaped, or <see langword="null"/> when the location is not a merge task status.</returns>
    public static string? GetMergeTaskId(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
        const string marker = "/merge/task-status/";
        var index = path.LastIndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var id = path[(index + marker.Length)..].TrimEnd('/');
        return id.Length == 0 || id.Contains('/', StringComparison.Ordinal) ? null : Uri.UnescapeDataString(id);
    }
}
