using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Bitbucket.Serialization;
using Refit;

namespace Bitbucket.Http;

/// <summary>What the caller of an operation gets from its response body, which decides how the body is read.</summary>
internal enum ResponseShape
{
    /// <summary>Not a Refit operation of the library (or an overload that cannot be told apart): JSON bodies are streamed, bounded.</summary>
    Unknown,

    /// <summary><c>Task</c>: the body is not read.</summary>
    None,

    /// <summary>A typed JSON result: deserialized inside the attempt, bounded, so the deadline and retries cover the body.</summary>
    Json,

    /// <summary>A <see cref="string"/> or <see cref="HttpResponseMessage"/>: buffered inside the attempt, bounded.</summary>
    Buffered,

    /// <summary>A <see cref="Stream"/> handed to the caller (downloads, diffs, logs): not buffered, each read bounded by <c>Timeout</c>.</summary>
    Stream,
}

/// <summary>
/// The response shape of every operation of the library's Refit interfaces, keyed by the interface type and method name
/// Refit puts in every request's options. Filled by <see cref="Register{T, TClient}"/> from the registry's <c>typeof</c>s, so
/// trimming keeps the methods it reads.
/// </summary>
internal static class OperationShapes
{
    private static readonly HttpRequestOptionsKey<Type> InterfaceKey = new(HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> MethodKey = new(HttpRequestMessageOptions.MethodName);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Lazy<FrozenDictionary<string, Entry>>> Shapes = new();

    /// <summary>One operation's shape and, for JSON, the metadata its body is read with.</summary>
    /// <param name="Shape">The shape.</param>
    /// <param name="TypeInfo">The source-generated metadata of the JSON result, for <see cref="ResponseShape.Json"/>.</param>
    internal readonly record struct Entry(ResponseShape Shape, JsonTypeInfo? TypeInfo);

    /// <summary>Records the operations of a Refit client interface: its own methods and those of the public interface it extends.</summary>
    /// <typeparam name="T">The public interface.</typeparam>
    /// <typeparam name="TClient">The interface Refit generates the client of (<typeparamref name="T"/> itself, or the internal one that adds the lists' routes).</typeparam>
    /// <remarks>Cheap: the methods are read on the first request of the interface, not at registration (start-up).</remarks>
    public static void Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TClient>()
        where TClient : T =>
        Shapes.TryAdd(typeof(TClient), new Lazy<FrozenDictionary<string, Entry>>(Read<T, TClient>));

    private static FrozenDictionary<string, Entry> Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] TClient>()
        where TClient : T
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        void Add(MethodInfo method)
        {
            if (!method.IsAbstract || method.GetCustomAttribute<HttpMethodAttribute>(inherit: true) is null)
            {
                return; // default interface members (the lists' wrappers) send nothing themselves
            }

            var entry = Classify(method.ReturnType);
            if (entries.TryGetValue(method.Name, out var existing) && existing != entry)
            {
                ambiguous.Add(method.Name);
            }

            entries[method.Name] = entry;
        }

        // The client's own routes first: a list's Refit route shadows the public method of the same name.
        foreach (var method in typeof(TClient).GetMethods())
        {
            Add(method);
        }

        if (typeof(T) != typeof(TClient))
        {
            var own = entries.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var method in typeof(T).GetMethods())
            {
                if (!own.Contains(method.Name))
                {
                    Add(method);
                }
            }
        }

        foreach (var name in ambiguous)
        {
            entries[name] = new Entry(ResponseShape.Unknown, null);
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the shape of the operation that built <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The shape, <see cref="ResponseShape.Unknown"/> for a request Refit did not build from a registered interface.</returns>
    public static Entry Get(HttpRequestMessage request) =>
        request.Options.TryGetValue(InterfaceKey, out var type) && request.Options.TryGetValue(MethodKey, out var method)
        && Shapes.TryGetValue(type, out var methods) && methods.Value.TryGetValue(method, out var entry)
            ? entry
            : default;

    /// <summary>Classifies a declared return type.</summary>
    /// <param name="returnType">The method's return type.</param>
    /// <returns>The entry.</returns>
    internal static Entry Classify(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return new Entry(ResponseShape.None, null);
        }

        if (!returnType.IsGenericType)
        {
            return default;
        }

        var definition = returnType.GetGenericTypeDefinition();
        var result = returnType.GetGenericArguments()[0];
        if (definition == typeof(PagedEnumerable<,>))
        {
            // A list: each page is the first type argument, read as JSON.
        }
        else if (definition != typeof(Task<>))
        {
            return default;
        }

        if (result == typeof(Stream) || result == typeof(HttpContent))
        {
            return new Entry(ResponseShape.Stream, null);
        }

        if (result == typeof(string) || result == typeof(HttpResponseMessage))
        {
            return new Entry(ResponseShape.Buffered, null);
        }

        return BitbucketJsonContext.Default.GetTypeInfo(result) is { } typeInfo
            ? new Entry(ResponseShape.Json, typeInfo)
            : new Entry(ResponseShape.Buffered, null);
    }
}
