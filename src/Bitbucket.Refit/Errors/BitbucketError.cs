using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket;

/// <summary>The body of a Bitbucket error response: <c>{"type":"error","error":{...}}</c>.</summary>
internal sealed record BitbucketErrorEnvelope
{
    /// <summary>Gets the object type, <c>error</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the error itself.</summary>
    public BitbucketError? Error { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>error</c> object of a Bitbucket error response.</summary>
public sealed record BitbucketError
{
    /// <summary>Gets the human-readable message.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// Gets the detail: usually a string, sometimes an object (a 403 names the <c>required</c> and <c>granted</c>
    /// scopes). Use <see cref="DetailText"/> for the string form.
    /// </summary>
    public JsonElement? Detail { get; init; }

    /// <summary>Gets extra machine-readable data about the error, when given.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Gets the per-field validation messages, when the error is about a request body.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets <see cref="Detail"/> as text: the string itself, or the raw JSON of an object.</summary>
    [JsonIgnore]
    public string? DetailText => Detail switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } d => d.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } d => d.GetRawText(),
    };

    /// <summary>Gets the scopes a 403 says the call needed, when the detail names them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> RequiredScopes => ReadScopes("required");

    /// <summary>Gets the scopes a 403 says the credential has, when the detail names them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> GrantedScopes => ReadScopes("granted");

    private IReadOnlyList<string> ReadScopes(string name)
    {
        if (Detail is not { ValueKind: JsonValueKind.Object } detail
            || !detail.TryGetProperty(name, out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<string>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!);
            }
        }

        return result;
    }
}
