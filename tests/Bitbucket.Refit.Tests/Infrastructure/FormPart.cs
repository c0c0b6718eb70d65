using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WireMock;

namespace Bitbucket.Tests.Infrastructure;

/// <summary>One multipart/form-data part as it arrived on the wire.</summary>
public sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    /// <summary>Gets the content as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Content);

    /// <summary>Parses the raw multipart/form-data body WireMock kept, asserting the request declared that media type.</summary>
    public static async Task<List<FormPart>> ReadAsync(IRequestMessage request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Headers!["Content-Type"].Single());
        Assert.That(contentType.MediaType.Value, Is.EqualTo("multipart/form-data"));
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var raw = request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        var reader = new MultipartReader(boundary, new MemoryStream(raw));
        var parts = new List<FormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            parts.Add(new FormPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                content.ToArray()));
        }

        return parts;
    }
}
