using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Bitbucket.Http;

/// <summary>
/// The outermost handler of a registration: one client span per Bitbucket operation, named after the interface method
/// Refit called (<c>IPullRequestsApi.GetAsync</c>), and the request duration and retry metrics. It sits outside the
/// retries, so the spans <see cref="HttpClient"/> emits for each attempt nest under it, and outside authentication, so it
/// never sees a credential. Attributes come from the route template, the method and the status, never from the URL's
/// query or the body. With no listener on <see cref="BitbucketTelemetry.ActivitySourceName"/> and no enabled instrument
/// it hands the request straight on.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private readonly string _registration;

    public TelemetryHandler(string registration, BitbucketRateLimitTracker tracker)
    {
        _registration = registration;
        Instrumentation.Track(tracker, registration);
    }

    /// <summary>Creates the handler of the registration <paramref name="name"/>, with its rate-limit tracker.</summary>
    /// <param name="services">The container.</param>
    /// <param name="name">The registration name.</param>
    /// <returns>The handler.</returns>
    public static TelemetryHandler Create(IServiceProvider services, string name) =>
        new(name, string.IsNullOrEmpty(name)
            ? services.GetRequiredService<BitbucketRateLimitTracker>()
            : services.GetRequiredKeyedService<BitbucketRateLimitTracker>(name));

    /// <summary>Counts one attempt of <paramref name="request"/>; called by the retry handler before each attempt.</summary>
    /// <param name="request">The request.</param>
    /// <returns><paramref name="request"/>.</returns>
    public static HttpRequestMessage CountAttempt(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Instrumentation.StateKey, out var state))
        {
            state.Attempts++;
        }

        return request;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Instrumentation.Source.HasListeners() || Instrumentation.Duration.Enabled || Instrumentation.Retries.Enabled
            ? SendInstrumentedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendInstrumentedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Instrumentation.Describe(request);
        var parent = Activity.Current;
        var activity = Instrumentation.Source.StartActivity(operation.Name, ActivityKind.Client);
        var state = new RequestState();
        request.Options.Set(Instrumentation.StateKey, state);
        var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Host : null;
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                Instrumentation.TagRequest(activity, operation, request, host, _registration);
            }

            Instrumentation.AdoptByList(parent, activity, operation, request, _registration);
        }

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        string? errorType = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 400)
            {
                errorType = Instrumentation.StatusText(status);
            }

            return response;
        }
        catch (Exception ex)
        {
            errorType = ex.GetType().FullName;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var retries = Math.Max(0, state.Attempts - 1);
            if (activity is not null)
            {
                if (response is not null)
                {
                    activity.SetTag(Instrumentation.StatusCodeTag, Instrumentation.Boxed((int)response.StatusCode));
                }

                if (retries > 0)
                {
                    activity.SetTag(Instrumentation.RetriesTag, Instrumentation.Boxed(retries));
                }

                if (errorType is not null)
                {
                    activity.SetTag(Instrumentation.ErrorTypeTag, errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }

                activity.Dispose();
            }

            var tags = new TagList
            {
                { Instrumentation.OperationTag, operation.Name },
                { Instrumentation.MethodTag, Instrumentation.MethodText(request.Method) },
                { Instrumentation.RegistrationTag, _registration },
            };
            if (host is not null)
            {
                tags.Add(Instrumentation.ServerAddressTag, host);
            }

            if (retries > 0 && Instrumentation.Retries.Enabled)
            {
                Instrumentation.Retries.Add(retries, tags);
            }

            if (response is not null)
            {
                tags.Add(Instrumentation.StatusCodeTag, Instrumentation.Boxed((int)response.StatusCode));
            }

            if (errorType is not null)
            {
                tags.Add(Instrumentation.ErrorTypeTag, errorType);
            }

            Instrumentation.Duration.Record(elapsed, tags);
        }
    }

    /// <summary>What the handler knows of one request while it runs; read by <see cref="CountAttempt"/>.</summary>
    internal sealed class RequestState
    {
        public int Attempts;
    }
}

/// <summary>The operation a request belongs to, from the Refit method that built it.</summary>
/// <param name="Name">The span name and <c>bitbucket.operation</c>: <c>IUsersApi.GetCurrentAsync</c>, or <c>Bitbucket GET</c>.</param>
/// <param name="Template">The route template, for example <c>/repositories/{workspace}/{repo_slug}</c>.</param>
/// <param name="WorkspaceSegment">The index of the <c>{workspace}</c> segment after the template's first literal, or -1.</param>
/// <param name="FirstLiteral">The template's first segment (<c>repositories</c>), where the workspace is counted from.</param>
internal sealed record BitbucketOperation(string Name, string? Template, int WorkspaceSegment, string? FirstLiteral);

/// <summary>The library's activity source and meter, their instruments, and the helpers every instrumented path shares.</summary>
internal static class Instrumentation
{
    public const string OperationTag = "bitbucket.operation";
    public const string RegistrationTag = "bitbucket.registration";
    public const string WorkspaceTag = "bitbucket.workspace";
    public const string RetriesTag = "bitbucket.retries";
    public const string PageTag = "bitbucket.page";
    public const string PagesTag = "bitbucket.pages";
    public const string ResourceTag = "bitbucket.rate_limit.resource";
    public const string MethodTag = "http.request.method";
    public const string RouteTag = "http.route";
    public const string UrlTemplateTag = "url.template";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    /// <summary>The operation name of a list enumeration until its first page request names it.</summary>
    public const string ListOperationName = "Bitbucket list";

    /// <summary>The span of one OAuth 2 token request.</summary>
    public const string TokenOperationName = "Bitbucket OAuth2 token";

    public static readonly ActivitySource Source = new(BitbucketTelemetry.ActivitySourceName, typeof(Instrumentation).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(BitbucketTelemetry.MeterName, typeof(Instrumentation).Assembly.GetName().Version?.ToString());

    public static readonly HttpRequestOptionsKey<TelemetryHandler.RequestState> StateKey = new("Bitbucket.Refit.Telemetry");

    /// <summary>The OpenTelemetry HTTP client duration boundaries (seconds).</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "bitbucket.client.request.duration",
        unit: "s",
        description: "Duration of Bitbucket operations, all attempts and the waits between them included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "bitbucket.client.request.retries", unit: "{retry}", description: "Attempts of Bitbucket operations after the first.");

    public static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
        "bitbucket.client.oauth.token.requests", unit: "{request}", description: "Requests to the OAuth 2 token endpoint.");

    public static readonly Counter<long> TokenFailures = Meter.CreateCounter<long>(
        "bitbucket.client.oauth.token.failures", unit: "{request}", description: "Requests to the OAuth 2 token endpoint that failed (no answer, or an error status).");

    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new(HttpRequestMessageOptions.MethodName);
    private static readonly HttpRequestOptionsKey<Type> InterfaceTypeKey = new(HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> TemplateKey = new(HttpRequestMessageOptions.RelativePathTemplate);
    private static readonly ConcurrentDictionary<(Type?, string, string?), BitbucketOperation> Operations = new();
    private static readonly ConcurrentDictionary<string, BitbucketOperation> Unnamed = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<BitbucketRateLimitTracker, string> Trackers = new();
    private static readonly object[] SmallIntegers = Enumerable.Range(0, 600).Select(static i => (object)i).ToArray();

    static Instrumentation()
    {
        Meter.CreateObservableCounter(
            "bitbucket.client.rate_limited", () => Observe(static t => t.RateLimitedResponses), unit: "{response}",
            description: "429 (rate limited) answers received, every attempt counted.");
        Meter.CreateObservableGauge(
            "bitbucket.client.rate_limit.limit", () => ObserveRateLimit(static r => r.Limit), unit: "{request}",
            description: "The request limit Bitbucket last reported (X-RateLimit-Limit).");
        Meter.CreateObservableGauge(
            "bitbucket.client.rate_limit.remaining", () => ObserveRateLimit(static r => r.Remaining), unit: "{request}",
            description: "The requests left Bitbucket last reported (X-RateLimit-Remaining).");
        Meter.CreateObservableGauge(
            "bitbucket.client.rate_limit.near_limit", () => ObserveRateLimit(static r => r.NearLimit is { } near ? (near ? 1 : 0) : null), unit: "1",
            description: "1 when Bitbucket last reported the credential near its limit (X-RateLimit-NearLimit), else 0.");
    }

    /// <summary>
    /// The request option (<c>Bitbucket.Refit.SingleAttempt</c> = <see langword="true"/>) that keeps the retry handler from
    /// repeating a request; set by the Bitbucket.Refit.HealthChecks probe so one probe is one call.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SingleAttemptKey = new("Bitbucket.Refit.SingleAttempt");

    /// <summary>Gets whether <paramref name="request"/> asked for a single attempt.</summary>
    /// <param name="request">The request, if known.</param>
    /// <returns><see langword="true"/> when the request must not be retried.</returns>
    public static bool IsSingleAttempt(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(SingleAttemptKey, out var single) && single;

    /// <summary>Makes a registration's rate-limit tracker observable by the gauges, as long as it lives.</summary>
    public static void Track(BitbucketRateLimitTracker tracker, string registration) => Trackers.AddOrUpdate(tracker, registration);

    public static object Boxed(int value) => (uint)value < (uint)SmallIntegers.Length ? SmallIntegers[value] : value;

    public static string StatusText(int status) => status switch
    {
        400 => "400", 401 => "401", 403 => "403", 404 => "404", 409 => "409", 410 => "410", 429 => "429",
        500 => "500", 502 => "502", 503 => "503", 504 => "504", 555 => "555",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The method as OpenTelemetry wants it: one of the known methods, else <c>_OTHER</c> (bounded).</summary>
    public static string MethodText(HttpMethod method) =>
        method == HttpMethod.Get ? "GET"
        : method == HttpMethod.Post ? "POST"
        : method == HttpMethod.Put ? "PUT"
        : method == HttpMethod.Delete ? "DELETE"
        : method == HttpMethod.Patch ? "PATCH"
        : method == HttpMethod.Head ? "HEAD"
        : method == HttpMethod.Options ? "OPTIONS"
        : "_OTHER";

    /// <summary>Names the operation of <paramref name="request"/> from the Refit options (cached per method).</summary>
    public static BitbucketOperation Describe(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(MethodNameKey, out var method))
        {
            var text = MethodText(request.Method);
            return Unnamed.GetOrAdd(text, static m => new BitbucketOperation("Bitbucket " + m, null, -1, null));
        }

        request.Options.TryGetValue(InterfaceTypeKey, out var type);
        request.Options.TryGetValue(TemplateKey, out var template);
        return Operations.GetOrAdd((type, method, template), static key => Create(key.Item1, key.Item2, key.Item3));
    }

    private static BitbucketOperation Create(Type? type, string method, string? template)
    {
        var typeName = type?.Name;
        if (typeName is not null && typeName.EndsWith("ApiClient", StringComparison.Ordinal))
        {
            typeName = typeName[..^"Client".Length]; // the internal list routes are the public interface's methods
        }

        var name = typeName is null ? method : typeName + "." + method;
        var segments = template?.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var workspace = Array.IndexOf(segments, "{workspace}");
        return new BitbucketOperation(
            name,
            template?.Split('?')[0],
            workspace > 0 && !segments[0].StartsWith('{') ? workspace : -1,
            segments.Length > 0 ? segments[0] : null);
    }

    public static void TagRequest(Activity activity, BitbucketOperation operation, HttpRequestMessage request, string? host, string registration)
    {
        activity.SetTag(MethodTag, MethodText(request.Method));
        if (operation.Template is not null)
        {
            activity.SetTag(RouteTag, operation.Template);
            activity.SetTag(UrlTemplateTag, operation.Template);
        }

        activity.SetTag(OperationTag, operation.Name);
        if (host is not null)
        {
            activity.SetTag(ServerAddressTag, host);
            activity.SetTag(ServerPortTag, Boxed(request.RequestUri!.Port));
        }

        activity.SetTag(RegistrationTag, registration);
        if (Workspace(operation, request.RequestUri) is { } workspace)
        {
            activity.SetTag(WorkspaceTag, workspace);
        }
    }

    /// <summary>The workspace slug or UUID of a request whose route has a <c>{workspace}</c> segment.</summary>
    private static string? Workspace(BitbucketOperation operation, Uri? uri)
    {
        if (operation.WorkspaceSegment < 0 || uri is not { IsAbsoluteUri: true })
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.IndexOf(segments, operation.FirstLiteral);
        var index = start + operation.WorkspaceSegment;
        return start < 0 || index >= segments.Length ? null : Uri.UnescapeDataString(segments[index]);
    }

    /// <summary>
    /// Names the list enumeration a page request runs in after the operation, the first time, and numbers the pages.
    /// </summary>
    public static void AdoptByList(Activity? parent, Activity activity, BitbucketOperation operation, HttpRequestMessage request, string registration)
    {
        if (parent is null || parent.Source != Source || !string.Equals(parent.OperationName, ListOperationName, StringComparison.Ordinal)
            || parent.GetCustomProperty(PagesTag) is not ListState list)
        {
            return;
        }

        var page = Interlocked.Increment(ref list.Pages);
        activity.SetTag(PageTag, Boxed(page));
        if (page == 1)
        {
            parent.DisplayName = operation.Name;
            if (parent.IsAllDataRequested)
            {
                parent.SetTag(OperationTag, operation.Name);
                if (operation.Template is not null)
                {
                    parent.SetTag(RouteTag, operation.Template);
                }

                parent.SetTag(RegistrationTag, registration);
                if (Workspace(operation, request.RequestUri) is { } workspace)
                {
                    parent.SetTag(WorkspaceTag, workspace);
                }
            }
        }
    }

    /// <summary>
    /// Wraps the pages of a list in one internal span, the parent of every page request, so a long enumeration reads as
    /// one operation. Returns <paramref name="pages"/> itself when nobody listens.
    /// </summary>
    /// <typeparam name="TPage">The page type.</typeparam>
    /// <param name="pages">The pages.</param>
    /// <returns>The traced pages.</returns>
    public static IAsyncEnumerable<TPage> TraceList<TPage>(IAsyncEnumerable<TPage> pages) =>
        Source.HasListeners() ? new TracedList<TPage>(pages) : pages;

    private sealed class TracedList<TPage>(IAsyncEnumerable<TPage> pages) : IAsyncEnumerable<TPage>
    {
        public IAsyncEnumerator<TPage> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            Enumerate(pages, cancellationToken).GetAsyncEnumerator(cancellationToken);

        private static async IAsyncEnumerable<TPage> Enumerate(IAsyncEnumerable<TPage> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var activity = Source.StartActivity(ListOperationName, ActivityKind.Internal);
            var list = new ListState();
            activity?.SetCustomProperty(PagesTag, list);
            var enumerator = pages.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    var previous = Activity.Current;
                    Activity.Current = activity ?? previous; // an iterator's ambient context does not survive a yield
                    bool more;
                    try
                    {
                        more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (activity is not null)
                    {
                        activity.SetTag(ErrorTypeTag, ex.GetType().FullName);
                        activity.SetStatus(ActivityStatusCode.Error);
                        throw;
                    }
                    finally
                    {
                        Activity.Current = previous;
                    }

                    if (!more)
                    {
                        break;
                    }

                    yield return enumerator.Current;
                }
            }
            finally
            {
                activity?.SetTag(PagesTag, Boxed(list.Pages));
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class ListState
    {
        public int Pages;
    }

    /// <summary>
    /// Sends one OAuth 2 token request with a client span and the token counters (outcome by status or exception type,
    /// dimensioned by the endpoint's host only; the form and the credentials are never read).
    /// </summary>
    /// <param name="client">The token endpoint's client.</param>
    /// <param name="request">The token request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public static Task<HttpResponseMessage> SendTokenRequestAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken) =>
        Source.HasListeners() || TokenRequests.Enabled || TokenFailures.Enabled
            ? SendTokenRequestInstrumentedAsync(client, request, cancellationToken)
            : client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    private static async Task<HttpResponseMessage> SendTokenRequestInstrumentedAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Host : null;
        using var activity = Source.StartActivity(TokenOperationName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MethodTag, MethodText(request.Method));
            if (host is not null)
            {
                activity.SetTag(ServerAddressTag, host);
                activity.SetTag(ServerPortTag, Boxed(request.RequestUri!.Port));
            }
        }

        string? errorType = null;
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                errorType = StatusText((int)response.StatusCode);
            }

            return response;
        }
        catch (Exception ex)
        {
            errorType = ex.GetType().FullName;
            throw;
        }
        finally
        {
            if (activity is not null)
            {
                if (response is not null)
                {
                    activity.SetTag(StatusCodeTag, Boxed((int)response.StatusCode));
                }

                if (errorType is not null)
                {
                    activity.SetTag(ErrorTypeTag, errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            var tags = host is null ? default : new TagList { { ServerAddressTag, host } };
            TokenRequests.Add(1, tags);
            if (errorType is not null)
            {
                tags.Add(ErrorTypeTag, errorType);
                TokenFailures.Add(1, tags);
            }
        }
    }

    private static IEnumerable<Measurement<long>> Observe(Func<BitbucketRateLimitTracker, int> read)
    {
        foreach (var (tracker, registration) in Trackers)
        {
            yield return new Measurement<long>(read(tracker), new KeyValuePair<string, object?>(RegistrationTag, registration));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveRateLimit(Func<BitbucketRateLimit, int?> read)
    {
        foreach (var (tracker, registration) in Trackers)
        {
            if (tracker.Current is { } rateLimit && read(rateLimit) is { } value)
            {
                yield return new Measurement<long>(
                    value,
                    new KeyValuePair<string, object?>(RegistrationTag, registration),
                    new KeyValuePair<string, object?>(ResourceTag, rateLimit.Resource ?? "unknown"));
            }
        }
    }
}
