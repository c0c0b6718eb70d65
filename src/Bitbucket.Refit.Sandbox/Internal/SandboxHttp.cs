using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bitbucket;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bitbucket.Sandbox.Internal;

/// <summary>Writing Bitbucket-shaped responses: JSON bodies, the error envelope and the paging envelope.</summary>
internal static class SandboxHttp
{
    /// <summary>The library's JSON settings, but escaping only what JSON requires (Bitbucket sends <c>&amp;</c> and <c>&lt;</c> as is).</summary>
    private static readonly JsonSerializerOptions Relaxed = new(BitbucketJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task Json<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        var relaxed = typeInfo.Options == BitbucketJsonContext.Default.Options ? (JsonTypeInfo<T>)Relaxed.GetTypeInfo(typeof(T)) : typeInfo;
        return context.Response.WriteAsJsonAsync(value, relaxed, "application/json; charset=utf-8");
    }

    public static Task Error(HttpContext context, int status, string message, JsonElement? detail = null, IReadOnlyDictionary<string, JsonElement>? fields = null)
    {
        var envelope = new SandboxErrorEnvelope("error", new BitbucketError { Message = message, Detail = detail, Fields = fields });
        if (status == StatusCodes.Status401Unauthorized && !context.Response.Headers.ContainsKey("WWW-Authenticate"))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Bitbucket.org HTTP\"";
        }

        return Json(context, envelope, SandboxJsonContext.Default.SandboxErrorEnvelope, status);
    }

    public static Task NotFound(HttpContext context, string message) => Error(context, StatusCodes.Status404NotFound, message);

    public static Task BadRequest(HttpContext context, string message, string? field = null) =>
        Error(
            context,
            StatusCodes.Status400BadRequest,
            message,
            fields: field is null ? null : new Dictionary<string, JsonElement> { [field] = JsonSerializer.SerializeToElement(new[] { message }, SandboxJsonContext.Default.StringArray) });

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task Text(HttpContext context, string text, string contentType, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, Encoding.UTF8);
    }

    /// <summary>Writes one page of <paramref name="items"/>: <c>?page=</c> numbers, <c>pagelen</c> (default 10, at most
    /// <paramref name="maxPageLength"/>), counts, and absolute <c>next</c>/<c>previous</c> links built from the request.</summary>
    public static Task Page<T>(HttpContext context, IReadOnlyList<T> items, JsonTypeInfo<Page<T>> typeInfo, int maxPageLength = 100, int defaultPageLength = 10)
    {
        var query = context.Request.Query;
        var pagelen = defaultPageLength;
        if (query.TryGetValue("pagelen", out var lenText) && int.TryParse(lenText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var len))
        {
            if (len < 1 || len > maxPageLength)
            {
                return BadRequest(context, $"Invalid pagelen: it must be between 1 and {maxPageLength}.", "pagelen");
            }

            pagelen = len;
        }

        var page = 1;
        if (query.TryGetValue("page", out var pageText))
        {
            if (!int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out page) || page < 1)
            {
                return BadRequest(context, "Invalid page.", "page");
            }
        }

        var skip = (long)(page - 1) * pagelen;
        var values = skip >= items.Count ? [] : items.Skip((int)skip).Take(pagelen).ToList();
        var result = new Page<T>
        {
            Size = items.Count,
            PageNumber = page,
            Pagelen = pagelen,
            Values = values,
            Next = skip + pagelen < items.Count ? PageLink(context, page + 1) : null,
            Previous = page > 1 ? PageLink(context, page - 1) : null,
        };
        return Json(context, result, typeInfo);
    }

    /// <summary>The absolute URL of the request with its <c>page</c> parameter set, the rest of the raw query kept as sent.</summary>
    public static string PageLink(HttpContext context, int page)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var parts = question < 0 ? [] : raw[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("page=", StringComparison.Ordinal) && p != "page")
            .ToList();
        parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return context.Request.Scheme + "://" + context.Request.Host.Value + path + "?" + string.Join('&', parts);
    }

    /// <summary>The absolute request URI exactly as the client sent it (raw path and query), for OAuth 1 signatures.</summary>
    public static Uri AbsoluteRequestUri(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        return new Uri(context.Request.Scheme + "://" + context.Request.Host.Value + raw);
    }

    public static string Route(HttpContext context, string name)
    {
        var value = context.Request.RouteValues[name] as string ?? string.Empty;
        return value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
    }

    public static async Task<T?> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (context.Request.ContentLength is 0)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<JsonElement?> ReadJsonElementAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string HtmlEncode(string? text) => System.Net.WebUtility.HtmlEncode(text ?? string.Empty);
}
