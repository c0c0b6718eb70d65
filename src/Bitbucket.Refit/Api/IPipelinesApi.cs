using System.Text.Json;
using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket Pipelines: runs and their steps, logs and test reports; the repository configuration, build number,
/// schedules, SSH keys and known hosts; variables of repositories, deployment environments and workspaces; caches;
/// self-hosted runners; and the OpenID Connect provider of a workspace. UUIDs are passed in braces, as Bitbucket
/// prints them (<c>{a1b2…}</c>); they are sent escaped as one path segment.
/// </summary>
public interface IPipelinesApi
{
    /// <summary>Lists the pipelines of a repository, page by page, optionally filtered.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="creatorUuid">Only pipelines started by this account (its UUID in braces).</param>
    /// <param name="targetRefType">Only pipelines on this kind of reference.</param>
    /// <param name="targetRefName">Only pipelines on this reference name.</param>
    /// <param name="targetBranch">Only pipelines on this branch.</param>
    /// <param name="targetCommitHash">Only pipelines on this commit.</param>
    /// <param name="targetSelectorPattern">Only pipelines of this definition pattern, e.g. a custom pipeline name.</param>
    /// <param name="targetSelectorType">Only pipelines of this kind of definition.</param>
    /// <param name="createdOn">Only pipelines created at this time (sent in ISO 8601).</param>
    /// <param name="triggerType">Only pipelines started this way.</param>
    /// <param name="status">Only pipelines with this status.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The pipelines, fetched lazily.</returns>
    /// <remarks>Sort with <see cref="ListOptions.Sort"/> on <c>created_on</c>, <c>creator.uuid</c> or <c>run_creation_date</c> (<c>-</c> in front for descending).</remarks>
    BitbucketPageable<Pipeline> List(string workspace, string repoSlug, string? creatorUuid = null, PipelineFilterRefType? targetRefType = null, string? targetRefName = null, string? targetBranch = null, string? targetCommitHash = null, string? targetSelectorPattern = null, PipelineFilterSelectorType? targetSelectorType = null, DateTimeOffset? createdOn = null, PipelineTriggerType? triggerType = null, PipelineStatus? status = null, ListOptions? options = null);

    /// <summary>Runs (triggers) a pipeline on a target: a branch or tag, a commit, a custom pipeline selected by its name, or a pull request, with optional variables.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipeline">The pipeline to run: its <see cref="Pipeline.Target"/> (a <see cref="PipelineRefTarget"/>, <see cref="PipelineCommitTarget"/> or <see cref="PipelinePullRequestTarget"/>, with a <see cref="PipelineSelector"/> for a custom pipeline) and its <see cref="Pipeline.Variables"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pipeline Bitbucket created, with its UUID and build number.</returns>
    /// <remarks>Bitbucket answers this operation only at the path with a trailing slash (<c>.../pipelines/</c>).</remarks>
    [Post("/repositories/{workspace}/{repo_slug}/pipelines/")]
    Task<Pipeline> RunAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Pipeline pipeline, CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pipeline, with its target, trigger and state.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}")]
    Task<Pipeline> GetAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Stops a running pipeline and all its running steps.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Bitbucket accepted the stop.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/stopPipeline")]
    Task StopAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pipeline_uuid")] string pipelineUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the steps of a pipeline, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The steps, fetched lazily.</returns>
    BitbucketPageable<PipelineStep> ListSteps(string workspace, string repoSlug, string pipelineUuid, ListOptions? options = null);

    /// <summary>Gets a step of a pipeline.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="stepUuid">The step UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The step, with its state, image and commands.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}")]
    Task<PipelineStep> GetStepAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        [AliasAs("step_uuid")] string stepUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Opens the log of a step as a stream (not buffered).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="stepUuid">The step UUID in braces.</param>
    /// <param name="range">An optional HTTP <c>Range</c> header value, e.g. <c>bytes=0-65535</c>, to read part of a large log.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw log; dispose it when done.</returns>
    /// <remarks>Once a step has completed, Bitbucket redirects to long-term storage; the redirect is followed without the credentials.</remarks>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/log")]
    Task<Stream> GetStepLogAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        [AliasAs("step_uuid")] string stepUuid,
        [Header("Range")] string? range = null,
        CancellationToken cancellationToken = default);

    /// <summary>Opens the log of the build container or of a service container of a step as a stream (not buffered).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="stepUuid">The step UUID in braces.</param>
    /// <param name="logUuid">The step UUID for the build container, or the UUID of a service container.</param>
    /// <param name="range">An optional HTTP <c>Range</c> header value, e.g. <c>bytes=0-65535</c>, to read part of a large log.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw log; dispose it when done.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/logs/{log_uuid}")]
    Task<Stream> GetContainerLogAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        [AliasAs("step_uuid")] string stepUuid,
        [AliasAs("log_uuid")] string logUuid,
        [Header("Range")] string? range = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the summary of the test reports of a step (test counts by outcome).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="stepUuid">The step UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The summary as JSON: Bitbucket does not document its shape.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/test_reports")]
    Task<JsonElement> GetTestReportSummaryAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        [AliasAs("step_uuid")] string stepUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the test cases of the test reports of a step.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="stepUuid">The step UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The test cases as JSON: Bitbucket does not document their shape.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/test_reports/test_cases")]
    Task<JsonElement> GetTestCasesAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        [AliasAs("step_uuid")] string stepUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the reasons (output) of a test case of a step.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="stepUuid">The step UUID in braces.</param>
    /// <param name="testCaseUuid">The test case UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The reasons as JSON: Bitbucket does not document their shape.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps/{step_uuid}/test_reports/test_cases/{test_case_uuid}/test_case_reasons")]
    Task<JsonElement> GetTestCaseReasonsAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("pipeline_uuid")] string pipelineUuid,
        [AliasAs("step_uuid")] string stepUuid,
        [AliasAs("test_case_uuid")] string testCaseUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the Pipelines configuration of a repository: whether Pipelines is enabled.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config")]
    Task<PipelinesConfig> GetConfigAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Updates the Pipelines configuration of a repository, e.g. enables or disables Pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="config">The configuration, e.g. <c>Enabled = true</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated configuration.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines_config")]
    Task<PipelinesConfig> UpdateConfigAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] PipelinesConfig config, CancellationToken cancellationToken = default);

    /// <summary>Sets the build number the next pipeline of a repository gets.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="buildNumber">The next build number (<see cref="PipelineBuildNumber.Next"/>), higher than the current one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The build number as set.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines_config/build_number")]
    Task<PipelineBuildNumber> UpdateBuildNumberAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [Body] PipelineBuildNumber buildNumber,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the pipeline schedules of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The schedules, fetched lazily.</returns>
    BitbucketPageable<PipelineSchedule> ListSchedules(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Creates a pipeline schedule: a branch, a pipeline definition and a cron pattern.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="schedule">The schedule: its target (branch and selector), cron pattern (7 fields, UTC) and whether it is enabled.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The schedule created.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pipelines_config/schedules")]
    Task<PipelineSchedule> CreateScheduleAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [Body] PipelineSchedulePostRequestBody schedule,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline schedule.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="scheduleUuid">The schedule UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The schedule.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/schedules/{schedule_uuid}")]
    Task<PipelineSchedule> GetScheduleAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("schedule_uuid")] string scheduleUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline schedule: enables or disables it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="scheduleUuid">The schedule UUID in braces.</param>
    /// <param name="schedule">The change, i.e. whether the schedule is enabled.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated schedule.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines_config/schedules/{schedule_uuid}")]
    Task<PipelineSchedule> UpdateScheduleAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("schedule_uuid")] string scheduleUuid,
        [Body] PipelineSchedulePutRequestBody schedule,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline schedule.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="scheduleUuid">The schedule UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the schedule is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines_config/schedules/{schedule_uuid}")]
    Task DeleteScheduleAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("schedule_uuid")] string scheduleUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the executions of a pipeline schedule, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="scheduleUuid">The schedule UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The executions (the pipeline started, or the error), fetched lazily.</returns>
    BitbucketPageable<PipelineScheduleExecution> ListScheduleExecutions(string workspace, string repoSlug, string scheduleUuid, ListOptions? options = null);

    /// <summary>Gets the SSH key pair of a repository's pipelines (the private key is never returned).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key pair, with its public key.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/key_pair")]
    Task<PipelineSshKeyPair> GetSshKeyPairAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the SSH key pair of a repository's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="keyPair">The private and public key (unencrypted, without passphrase).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key pair, without its private key.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/key_pair")]
    Task<PipelineSshKeyPair> UpdateSshKeyPairAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [Body] PipelineSshKeyPair keyPair,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the SSH key pair of a repository's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key pair is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/key_pair")]
    Task DeleteSshKeyPairAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Lists the SSH known hosts of a repository's pipelines, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The known hosts, fetched lazily.</returns>
    BitbucketPageable<PipelineKnownHost> ListKnownHosts(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Adds an SSH known host to a repository's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="knownHost">The host name (optionally with port) and its public key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The known host created.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts")]
    Task<PipelineKnownHost> CreateKnownHostAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [Body] PipelineKnownHost knownHost,
        CancellationToken cancellationToken = default);

    /// <summary>Gets an SSH known host of a repository's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="knownHostUuid">The known host UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The known host.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts/{known_host_uuid}")]
    Task<PipelineKnownHost> GetKnownHostAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("known_host_uuid")] string knownHostUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Updates an SSH known host of a repository's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="knownHostUuid">The known host UUID in braces.</param>
    /// <param name="knownHost">The host name and public key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated known host.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts/{known_host_uuid}")]
    Task<PipelineKnownHost> UpdateKnownHostAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("known_host_uuid")] string knownHostUuid,
        [Body] PipelineKnownHost knownHost,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes an SSH known host of a repository's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="knownHostUuid">The known host UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the known host is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts/{known_host_uuid}")]
    Task DeleteKnownHostAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("known_host_uuid")] string knownHostUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the pipeline variables of a repository, page by page (secured values are left out).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The variables, fetched lazily.</returns>
    BitbucketPageable<PipelineVariable> ListVariables(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Creates a pipeline variable of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable created.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pipelines_config/variables")]
    Task<PipelineVariable> CreateVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [Body] PipelineVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline variable of a repository (a secured value is left out).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/variables/{variable_uuid}")]
    Task<PipelineVariable> GetVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("variable_uuid")] string variableUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline variable of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated variable.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines_config/variables/{variable_uuid}")]
    Task<PipelineVariable> UpdateVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("variable_uuid")] string variableUuid,
        [Body] PipelineVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline variable of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the variable is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines_config/variables/{variable_uuid}")]
    Task DeleteVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("variable_uuid")] string variableUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the variables of a deployment environment, page by page (secured values are left out).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The deployment environment UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The variables, fetched lazily.</returns>
    BitbucketPageable<DeploymentVariable> ListDeploymentVariables(string workspace, string repoSlug, string environmentUuid, ListOptions? options = null);

    /// <summary>Creates a variable of a deployment environment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The deployment environment UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable created.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/deployments_config/environments/{environment_uuid}/variables")]
    Task<DeploymentVariable> CreateDeploymentVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("environment_uuid")] string environmentUuid,
        [Body] DeploymentVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Updates a variable of a deployment environment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The deployment environment UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated variable.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/deployments_config/environments/{environment_uuid}/variables/{variable_uuid}")]
    Task<DeploymentVariable> UpdateDeploymentVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("environment_uuid")] string environmentUuid,
        [AliasAs("variable_uuid")] string variableUuid,
        [Body] DeploymentVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a variable of a deployment environment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The deployment environment UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the variable is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/deployments_config/environments/{environment_uuid}/variables/{variable_uuid}")]
    Task DeleteDeploymentVariableAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("environment_uuid")] string environmentUuid,
        [AliasAs("variable_uuid")] string variableUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the pipeline variables of a workspace, page by page (secured values are left out).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The variables, fetched lazily.</returns>
    BitbucketPageable<PipelineVariable> ListWorkspaceVariables(string workspace, ListOptions? options = null);

    /// <summary>Creates a pipeline variable of a workspace, available to the pipelines of all its repositories.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable created.</returns>
    [Post("/workspaces/{workspace}/pipelines-config/variables")]
    Task<PipelineVariable> CreateWorkspaceVariableAsync(string workspace, [Body] PipelineVariable variable, CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline variable of a workspace (a secured value is left out).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable.</returns>
    [Get("/workspaces/{workspace}/pipelines-config/variables/{variable_uuid}")]
    Task<PipelineVariable> GetWorkspaceVariableAsync(string workspace, [AliasAs("variable_uuid")] string variableUuid, CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline variable of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated variable.</returns>
    [Put("/workspaces/{workspace}/pipelines-config/variables/{variable_uuid}")]
    Task<PipelineVariable> UpdateWorkspaceVariableAsync(
        string workspace,
        [AliasAs("variable_uuid")] string variableUuid,
        [Body] PipelineVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline variable of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the variable is deleted.</returns>
    [Delete("/workspaces/{workspace}/pipelines-config/variables/{variable_uuid}")]
    Task DeleteWorkspaceVariableAsync(string workspace, [AliasAs("variable_uuid")] string variableUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the pipeline variables of a team account, page by page.</summary>
    /// <param name="username">The team (workspace) slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The variables, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use ListWorkspaceVariables instead.")]
    BitbucketPageable<PipelineVariable> ListTeamVariables(string username, ListOptions? options = null);

    /// <summary>Creates a pipeline variable of a team account.</summary>
    /// <param name="username">The team (workspace) slug or UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable created.</returns>
    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use CreateWorkspaceVariableAsync instead.")]
    [Post("/teams/{username}/pipelines_config/variables")]
    Task<PipelineVariable> CreateTeamVariableAsync(string username, [Body] PipelineVariable variable, CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline variable of a team account.</summary>
    /// <param name="username">The team (workspace) slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable.</returns>
    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use GetWorkspaceVariableAsync instead.")]
    [Get("/teams/{username}/pipelines_config/variables/{variable_uuid}")]
    Task<PipelineVariable> GetTeamVariableAsync(string username, [AliasAs("variable_uuid")] string variableUuid, CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline variable of a team account.</summary>
    /// <param name="username">The team (workspace) slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated variable.</returns>
    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use UpdateWorkspaceVariableAsync instead.")]
    [Put("/teams/{username}/pipelines_config/variables/{variable_uuid}")]
    Task<PipelineVariable> UpdateTeamVariableAsync(
        string username,
        [AliasAs("variable_uuid")] string variableUuid,
        [Body] PipelineVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline variable of a team account.</summary>
    /// <param name="username">The team (workspace) slug or UUID in braces.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the variable is deleted.</returns>
    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use DeleteWorkspaceVariableAsync instead.")]
    [Delete("/teams/{username}/pipelines_config/variables/{variable_uuid}")]
    Task DeleteTeamVariableAsync(string username, [AliasAs("variable_uuid")] string variableUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the pipeline variables of a user account, page by page.</summary>
    /// <param name="selectedUser">The account UUID in braces, or the Atlassian account id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The variables, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use ListWorkspaceVariables instead.")]
    BitbucketPageable<PipelineVariable> ListUserVariables(string selectedUser, ListOptions? options = null);

    /// <summary>Creates a pipeline variable of a user account.</summary>
    /// <param name="selectedUser">The account UUID in braces, or the Atlassian account id.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable created.</returns>
    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use CreateWorkspaceVariableAsync instead.")]
    [Post("/users/{selected_user}/pipelines_config/variables")]
    Task<PipelineVariable> CreateUserVariableAsync([AliasAs("selected_user")] string selectedUser, [Body] PipelineVariable variable, CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline variable of a user account.</summary>
    /// <param name="selectedUser">The account UUID in braces, or the Atlassian account id.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The variable.</returns>
    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use GetWorkspaceVariableAsync instead.")]
    [Get("/users/{selected_user}/pipelines_config/variables/{variable_uuid}")]
    Task<PipelineVariable> GetUserVariableAsync(
        [AliasAs("selected_user")] string selectedUser,
        [AliasAs("variable_uuid")] string variableUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline variable of a user account.</summary>
    /// <param name="selectedUser">The account UUID in braces, or the Atlassian account id.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="variable">The variable: key, value and whether it is secured.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated variable.</returns>
    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use UpdateWorkspaceVariableAsync instead.")]
    [Put("/users/{selected_user}/pipelines_config/variables/{variable_uuid}")]
    Task<PipelineVariable> UpdateUserVariableAsync(
        [AliasAs("selected_user")] string selectedUser,
        [AliasAs("variable_uuid")] string variableUuid,
        [Body] PipelineVariable variable,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline variable of a user account.</summary>
    /// <param name="selectedUser">The account UUID in braces, or the Atlassian account id.</param>
    /// <param name="variableUuid">The variable UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the variable is deleted.</returns>
    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use DeleteWorkspaceVariableAsync instead.")]
    [Delete("/users/{selected_user}/pipelines_config/variables/{variable_uuid}")]
    Task DeleteUserVariableAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("variable_uuid")] string variableUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the pipeline caches of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The caches (one entry per cache version), fetched lazily.</returns>
    BitbucketPageable<PipelineCache> ListCaches(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Deletes every version of a pipeline cache of a repository, by the cache's name.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="name">The cache name, e.g. <c>node</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the caches are deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines-config/caches")]
    Task DeleteCachesByNameAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes one pipeline cache version of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cacheUuid">The cache UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the cache is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines-config/caches/{cache_uuid}")]
    Task DeleteCacheAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("cache_uuid")] string cacheUuid, CancellationToken cancellationToken = default);

    /// <summary>Gets a short-lived URI from which the content of a pipeline cache can be downloaded.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cacheUuid">The cache UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The URI of the cache content.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines-config/caches/{cache_uuid}/content-uri")]
    Task<PipelineCacheContentUri> GetCacheContentUriAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("cache_uuid")] string cacheUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the self-hosted runners of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The runners, fetched lazily.</returns>
    BitbucketPageable<PipelineRunner> ListRunners(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Creates a self-hosted runner of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="runner">The runner: its name and labels (e.g. <c>self.hosted</c>, <c>linux</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The runner created, with its OAuth client credentials (the secret is returned only this once).</returns>
    /// <remarks>The OpenAPI description declares no request body; Bitbucket reads the runner's name and labels from it.</remarks>
    [Post("/repositories/{workspace}/{repo_slug}/pipelines-config/runners")]
    Task<PipelineRunner> CreateRunnerAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] PipelineRunner runner, CancellationToken cancellationToken = default);

    /// <summary>Gets a self-hosted runner of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="runnerUuid">The runner UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The runner, with its state.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines-config/runners/{runner_uuid}")]
    Task<PipelineRunner> GetRunnerAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("runner_uuid")] string runnerUuid,
        CancellationToken cancellationToken = default);

    /// <summary>Updates a self-hosted runner of a repository, e.g. its name, labels or state.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="runnerUuid">The runner UUID in braces.</param>
    /// <param name="runner">The runner: its name and labels (e.g. <c>self.hosted</c>, <c>linux</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated runner.</returns>
    /// <remarks>The OpenAPI description declares no request body; Bitbucket reads the runner's changes from it.</remarks>
    [Put("/repositories/{workspace}/{repo_slug}/pipelines-config/runners/{runner_uuid}")]
    Task<PipelineRunner> UpdateRunnerAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        [AliasAs("runner_uuid")] string runnerUuid,
        [Body] PipelineRunner runner,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a self-hosted runner of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="runnerUuid">The runner UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the runner is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pipelines-config/runners/{runner_uuid}")]
    Task DeleteRunnerAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("runner_uuid")] string runnerUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the self-hosted runners of a workspace, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The runners, fetched lazily.</returns>
    BitbucketPageable<PipelineRunner> ListWorkspaceRunners(string workspace, ListOptions? options = null);

    /// <summary>Creates a self-hosted runner of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="runner">The runner: its name and labels (e.g. <c>self.hosted</c>, <c>linux</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The runner created, with its OAuth client credentials (the secret is returned only this once).</returns>
    /// <remarks>The OpenAPI description declares no request body; Bitbucket reads the runner's name and labels from it.</remarks>
    [Post("/workspaces/{workspace}/pipelines-config/runners")]
    Task<PipelineRunner> CreateWorkspaceRunnerAsync(string workspace, [Body] PipelineRunner runner, CancellationToken cancellationToken = default);

    /// <summary>Gets a self-hosted runner of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="runnerUuid">The runner UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The runner, with its state.</returns>
    [Get("/workspaces/{workspace}/pipelines-config/runners/{runner_uuid}")]
    Task<PipelineRunner> GetWorkspaceRunnerAsync(string workspace, [AliasAs("runner_uuid")] string runnerUuid, CancellationToken cancellationToken = default);

    /// <summary>Updates a self-hosted runner of a workspace, e.g. its name, labels or state.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="runnerUuid">The runner UUID in braces.</param>
    /// <param name="runner">The runner: its name and labels (e.g. <c>self.hosted</c>, <c>linux</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated runner.</returns>
    /// <remarks>The OpenAPI description declares no request body; Bitbucket reads the runner's changes from it.</remarks>
    [Put("/workspaces/{workspace}/pipelines-config/runners/{runner_uuid}")]
    Task<PipelineRunner> UpdateWorkspaceRunnerAsync(
        string workspace,
        [AliasAs("runner_uuid")] string runnerUuid,
        [Body] PipelineRunner runner,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a self-hosted runner of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="runnerUuid">The runner UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the runner is deleted.</returns>
    [Delete("/workspaces/{workspace}/pipelines-config/runners/{runner_uuid}")]
    Task DeleteWorkspaceRunnerAsync(string workspace, [AliasAs("runner_uuid")] string runnerUuid, CancellationToken cancellationToken = default);

    /// <summary>Gets the OpenID Connect discovery document of a workspace's Pipelines identity provider.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The OpenID configuration: issuer, key set URI, supported claims and algorithms.</returns>
    [Get("/workspaces/{workspace}/pipelines-config/identity/oidc/.well-known/openid-configuration")]
    Task<PipelinesOidcConfiguration> GetOidcConfigurationAsync(string workspace, CancellationToken cancellationToken = default);

    /// <summary>Gets the public keys (JSON Web Key Set) that sign the OIDC tokens of a workspace's pipelines.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key set.</returns>
    [Get("/workspaces/{workspace}/pipelines-config/identity/oidc/keys.json")]
    Task<PipelinesOidcKeySet> GetOidcKeysAsync(string workspace, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IPipelinesApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IPipelinesApiClient : IPipelinesApi
{
    [Get("/repositories/{workspace}/{repo_slug}/pipelines")]
    [Paged(Next = nameof(Page<Pipeline>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Pipeline>, Pipeline> List(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("creator.uuid")] string? creatorUuid = null, [AliasAs("target.ref_type")] PipelineFilterRefType? targetRefType = null, [AliasAs("target.ref_name")] string? targetRefName = null, [AliasAs("target.branch")] string? targetBranch = null, [AliasAs("target.commit.hash")] string? targetCommitHash = null, [AliasAs("target.selector.pattern")] string? targetSelectorPattern = null, [AliasAs("target.selector.type")] PipelineFilterSelectorType? targetSelectorType = null, [AliasAs("created_on")][Query(Format = "o")] DateTimeOffset? createdOn = null, [AliasAs("trigger_type")] PipelineTriggerType? triggerType = null, PipelineStatus? status = null, [Query] ListOptions? options = null);

    BitbucketPageable<Pipeline> IPipelinesApi.List(string workspace, string repoSlug, string? creatorUuid, PipelineFilterRefType? targetRefType, string? targetRefName, string? targetBranch, string? targetCommitHash, string? targetSelectorPattern, PipelineFilterSelectorType? targetSelectorType, DateTimeOffset? createdOn, PipelineTriggerType? triggerType, PipelineStatus? status, ListOptions? options) =>
        new RefitPageable<Pipeline>(List(workspace, repoSlug, creatorUuid, targetRefType, targetRefName, targetBranch, targetCommitHash, targetSelectorPattern, targetSelectorType, createdOn, triggerType, status, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}/steps")]
    [Paged(Next = nameof(Page<PipelineStep>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineStep>, PipelineStep> ListSteps(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pipeline_uuid")] string pipelineUuid, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineStep> IPipelinesApi.ListSteps(string workspace, string repoSlug, string pipelineUuid, ListOptions? options) =>
        new RefitPageable<PipelineStep>(ListSteps(workspace, repoSlug, pipelineUuid, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/schedules")]
    [Paged(Next = nameof(Page<PipelineSchedule>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineSchedule>, PipelineSchedule> ListSchedules(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineSchedule> IPipelinesApi.ListSchedules(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<PipelineSchedule>(ListSchedules(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/schedules/{schedule_uuid}/executions")]
    [Paged(Next = nameof(Page<PipelineScheduleExecution>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineScheduleExecution>, PipelineScheduleExecution> ListScheduleExecutions(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("schedule_uuid")] string scheduleUuid, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineScheduleExecution> IPipelinesApi.ListScheduleExecutions(string workspace, string repoSlug, string scheduleUuid, ListOptions? options) =>
        new RefitPageable<PipelineScheduleExecution>(ListScheduleExecutions(workspace, repoSlug, scheduleUuid, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts")]
    [Paged(Next = nameof(Page<PipelineKnownHost>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineKnownHost>, PipelineKnownHost> ListKnownHosts(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineKnownHost> IPipelinesApi.ListKnownHosts(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<PipelineKnownHost>(ListKnownHosts(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines_config/variables")]
    [Paged(Next = nameof(Page<PipelineVariable>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineVariable>, PipelineVariable> ListVariables(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineVariable> IPipelinesApi.ListVariables(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<PipelineVariable>(ListVariables(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/deployments_config/environments/{environment_uuid}/variables")]
    [Paged(Next = nameof(Page<DeploymentVariable>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DeploymentVariable>, DeploymentVariable> ListDeploymentVariables(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("environment_uuid")] string environmentUuid, [Query] ListOptions? options = null);

    BitbucketPageable<DeploymentVariable> IPipelinesApi.ListDeploymentVariables(string workspace, string repoSlug, string environmentUuid, ListOptions? options) =>
        new RefitPageable<DeploymentVariable>(ListDeploymentVariables(workspace, repoSlug, environmentUuid, options));

    [Get("/workspaces/{workspace}/pipelines-config/variables")]
    [Paged(Next = nameof(Page<PipelineVariable>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineVariable>, PipelineVariable> ListWorkspaceVariables(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineVariable> IPipelinesApi.ListWorkspaceVariables(string workspace, ListOptions? options) =>
        new RefitPageable<PipelineVariable>(ListWorkspaceVariables(workspace, options));

    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use ListWorkspaceVariables instead.")]
    [Get("/teams/{username}/pipelines_config/variables")]
    [Paged(Next = nameof(Page<PipelineVariable>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineVariable>, PipelineVariable> ListTeamVariables(string username, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated team-level pipeline variables along with its teams and users API; use ListWorkspaceVariables instead.")]
    BitbucketPageable<PipelineVariable> IPipelinesApi.ListTeamVariables(string username, ListOptions? options) =>
        new RefitPageable<PipelineVariable>(ListTeamVariables(username, options));

    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use ListWorkspaceVariables instead.")]
    [Get("/users/{selected_user}/pipelines_config/variables")]
    [Paged(Next = nameof(Page<PipelineVariable>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineVariable>, PipelineVariable> ListUserVariables([AliasAs("selected_user")] string selectedUser, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated user-level pipeline variables along with its teams and users API; use ListWorkspaceVariables instead.")]
    BitbucketPageable<PipelineVariable> IPipelinesApi.ListUserVariables(string selectedUser, ListOptions? options) =>
        new RefitPageable<PipelineVariable>(ListUserVariables(selectedUser, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines-config/caches")]
    [Paged(Next = nameof(Page<PipelineCache>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineCache>, PipelineCache> ListCaches(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineCache> IPipelinesApi.ListCaches(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<PipelineCache>(ListCaches(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/pipelines-config/runners")]
    [Paged(Next = nameof(Page<PipelineRunner>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineRunner>, PipelineRunner> ListRunners(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineRunner> IPipelinesApi.ListRunners(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<PipelineRunner>(ListRunners(workspace, repoSlug, options));

    [Get("/workspaces/{workspace}/pipelines-config/runners")]
    [Paged(Next = nameof(Page<PipelineRunner>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PipelineRunner>, PipelineRunner> ListWorkspaceRunners(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<PipelineRunner> IPipelinesApi.ListWorkspaceRunners(string workspace, ListOptions? options) =>
        new RefitPageable<PipelineRunner>(ListWorkspaceRunners(workspace, options));
}
