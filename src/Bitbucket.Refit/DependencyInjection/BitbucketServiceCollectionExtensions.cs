using Bitbucket.Http;
using Bitbucket.DependencyInjection;
using Bitbucket;
using Bitbucket.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Bitbucket.Refit with <see cref="IServiceCollection"/> and <see cref="IHttpClientFactory"/>.</summary>
public static class BitbucketServiceCollectionExtensions
{
    /// <summary>
    /// Registers every Bitbucket API interface and <see cref="IBitbucketClient"/>, with options bound from a
    /// configuration section (for example <c>builder.Configuration.GetSection("Bitbucket")</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="BitbucketOptions"/>.</param>
    /// <returns>A builder that chooses the authentication.</returns>
    public static IBitbucketBuilder AddBitbucket(this IServiceCollection services, IConfiguration configuration) =>
        services.AddBitbucket(Microsoft.Extensions.Options.Options.DefaultName, configuration);

    /// <summary>Registers every Bitbucket API interface and <see cref="IBitbucketClient"/>, with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder that chooses the authentication.</returns>
    public static IBitbucketBuilder AddBitbucket(this IServiceCollection services, Action<BitbucketOptions> configure) =>
        services.AddBitbucket(Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named Bitbucket client: its API interfaces and <see cref="IBitbucketClient"/> are keyed services under
    /// <paramref name="name"/> (<c>[FromKeyedServices("name")]</c>), so several identities live in one container.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name and service key.</param>
    /// <param name="configuration">The section holding <see cref="BitbucketOptions"/>.</param>
    /// <returns>A builder that chooses the authentication.</returns>
    public static IBitbucketBuilder AddBitbucket(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddBitbucketCore(name);
        var path = configuration is IConfigurationSection section ? section.Path : "Bitbucket";
        services.AddOptions<BitbucketOptions>(name)
            .Configure(o => o.ConfigurationPath = path)
            .Bind(configuration);
        return builder;
    }

    /// <summary>Registers a named Bitbucket client with options set in code; see the configuration overload.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder that chooses the authentication.</returns>
    public static IBitbucketBuilder AddBitbucket(this IServiceCollection services, string name, Action<BitbucketOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddBitbucketCore(name);
        services.AddOptions<BitbucketOptions>(name).Configure(o => o.ConfigurationPath = nameof(BitbucketOptions)).Configure(configure);
        return builder;
    }

    /// <summary>Gets the name of the <see cref="HttpClient"/> a registration uses.</summary>
    /// <param name="name">The registration name.</param>
    /// <returns>The HTTP client name.</returns>
    public static string GetHttpClientName(string name) =>
        string.IsNullOrEmpty(name) ? "Bitbucket" : "Bitbucket:" + name;

    private static BitbucketBuilder AddBitbucketCore(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var registrations = services.FirstOrDefault(d => d.ServiceType == typeof(BitbucketRegistrations))?.ImplementationInstance as BitbucketRegistrations;
        if (registrations is null)
        {
            registrations = new BitbucketRegistrations();
            services.AddSingleton(registrations);
        }

        if (!registrations.Names.Add(name))
        {
            throw new InvalidOperationException(
                string.IsNullOrEmpty(name)
                    ? "AddBitbucket was already called without a name; give the second registration a name (AddBitbucket(\"name\", …))."
                    : $"A Bitbucket registration named '{name}' already exists.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BitbucketOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BitbucketOptions>, BitbucketOptionsValidator>());

        var clientName = GetHttpClientName(name);
        var httpClientBuilder = services.AddHttpClient(clientName, (sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            client.BaseAddress = options.BaseAddress;
            client.Timeout = BitbucketResilience.CallTimeout(options); // the whole call; the resilience pipeline bounds each attempt
            client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        });
        var trackerKey = string.IsNullOrEmpty(name) ? null : name;
        if (trackerKey is null)
        {
            services.AddSingleton(sp => new BitbucketRateLimitTracker(sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddKeyedSingleton(trackerKey, (sp, _) => new BitbucketRateLimitTracker(sp.GetRequiredService<TimeProvider>()));
        }

        httpClientBuilder.AddHttpMessageHandler(sp => TelemetryHandler.Create(sp, name)); // outermost: one span per operation, attempts nest under it
        httpClientBuilder.AddHttpMessageHandler(sp =>
            new PathValidationHandler(sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name).BaseAddress));
        BitbucketResilience.Add(httpClientBuilder, name);
        httpClientBuilder.AddHttpMessageHandler(sp => new DiagnosticsHandler(
            sp.GetService<ILoggerFactory>()?.CreateLogger("Bitbucket.Refit") ?? NullLogger.Instance,
            trackerKey is null ? sp.GetRequiredService<BitbucketRateLimitTracker>() : sp.GetRequiredKeyedService<BitbucketRateLimitTracker>(trackerKey),
            sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name).MaxResponseContentBytes,
            sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name).Timeout));

        var settingsKey = SettingsKey(name);
        services.AddKeyedSingleton(settingsKey, (sp, _) =>
            CreateRefitSettings(BitbucketResilience.CallTimeout(sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name))));

        var key = string.IsNullOrEmpty(name) ? null : name;
        BitbucketApiRegistry.Register(services, clientName, settingsKey, key);

        httpClientBuilder.AddHttpMessageHandler(() => new RedirectHandler());

        // DiagnosticsHandler logs every request with its URL redacted; IHttpClientFactory's own request loggers would log
        // each one twice more, unredacted, at a cost on every call. AddDefaultLogger() on HttpClientBuilder restores them.
        httpClientBuilder.RemoveAllLoggers();
        httpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // RedirectHandler follows them above the authentication handler
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });

        var builder = new BitbucketBuilder(name, services, httpClientBuilder);
        builder.AddAuthenticationHandler();
        return builder;
    }

    internal static string SettingsKey(string name) => "Bitbucket.Refit.Settings:" + name;

    /// <summary>Creates the Refit settings every Bitbucket API uses: the source-generated JSON context and Bitbucket's exceptions.</summary>
    /// <returns>New settings.</returns>
    public static RefitSettings CreateRefitSettings() => CreateRefitSettings(null);

    /// <summary>Creates the settings of one registration, whose calls are bounded by <paramref name="callTimeout"/>.</summary>
    /// <param name="callTimeout">The registration's <see cref="HttpClient.Timeout"/>, named in the <see cref="TimeoutException"/>.</param>
    /// <returns>New settings.</returns>
    internal static RefitSettings CreateRefitSettings(TimeSpan? callTimeout)
    {
        var settings = RefitSettings.ForJsonContext(BitbucketJsonContext.Default);
        settings.ContentSerializer = new BitbucketContentSerializer(
            (SystemTextJsonContentSerializer)settings.ContentSerializer, BitbucketJsonContext.Default.Options);
        settings.UrlParameterFormatter = new BitbucketUrlParameterFormatter();
        settings.ExceptionFactory = CreateExceptionOrStreamAsync;
        settings.DeserializationExceptionFactory = BitbucketExceptionFactory.CreateForDeserializationAsync;
        var transport = settings.TransportExceptionFactory;

        // A credential that could not be obtained surfaces as itself, not wrapped in Refit's transport exception.
        settings.TransportExceptionFactory = (request, exception, cancellationToken) => exception switch
        {
            BitbucketAuthenticationException or BitbucketApiException or ArgumentException => exception,
            Polly.Timeout.TimeoutRejectedException timeout => new TimeoutException(
                $"Bitbucket {request.Method} {SecretRedactor.RedactUrl(request.RequestUri)} did not answer within {timeout.Timeout.TotalSeconds:0.###} s in any attempt (BitbucketOptions.Timeout).",
                timeout),
            TaskCanceledException { InnerException: TimeoutException } canceled when !cancellationToken.IsCancellationRequested => new TimeoutException(
                $"Bitbucket {request.Method} {SecretRedactor.RedactUrl(request.RequestUri)} did not complete within "
                + (callTimeout is { } bound ? $"{bound.TotalSeconds:0.###} s" : "the HttpClient's timeout")
                + " (Resilience.TotalTimeout, or BitbucketOptions.Timeout when retries are off).",
                canceled),
            // Every other transport failure (refused, reset, closed, truncated) is the library's typed exception.
            HttpRequestException or IOException or System.Net.Sockets.SocketException when !cancellationToken.IsCancellationRequested =>
                new BitbucketTransportException(request.Method, request.RequestUri, exception),
            _ => transport is null ? exception : transport(request, exception, cancellationToken),
        };
        return settings;
    }

    /// <summary>
    /// Refit's exception factory runs on every response just before Refit buffers the body for the serializer: a failed
    /// response becomes Bitbucket's exception; a successful JSON body is told to skip that copy, because
    /// <see cref="BitbucketContentSerializer"/> reads it from the stream.
    /// </summary>
    private static ValueTask<Exception?> CreateExceptionOrStreamAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            (response.Content as JsonResponseContent)?.SkipNextBuffering();
            (response.Content as DeserializedContent)?.SkipNextBuffering();
            return ValueTask.FromResult<Exception?>(null);
        }

        return BitbucketExceptionFactory.CreateAsync(response);
    }

    internal sealed class BitbucketRegistrations
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
