using System.Text;
using Bitbucket;
using Bitbucket.Tests.Infrastructure;
using Refit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Api;

public sealed class DownloadsApiTests : RepositoryAreaApiFixture
{
    private IDownloadsApi Downloads => Api<IDownloadsApi>();

    [Test]
    public async Task List_SendsGet_AndReadsArtifacts()
    {
        Answer(200, """
            {"pagelen": 10, "page": 1, "size": 1, "values": [{
              "name": "widgets-1.2.0.zip",
              "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/downloads/widgets-1.2.0.zip"}},
              "downloads": 7,
              "created_on": "2024-03-01T12:00:00.123456+00:00",
              "user": {"type": "user", "display_name": "Ann Smith", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}"},
              "type": "download",
              "size": 2048
            }]}
            """);

        var artifacts = await ToListAsync(Downloads.List("acme", "widgets", new ListOptions { PageLength = 25 }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/downloads?pagelen=25");
        var artifact = artifacts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(artifact.Type, Is.EqualTo("download"));
            Assert.That(artifact.Name, Is.EqualTo("widgets-1.2.0.zip"));
            Assert.That(artifact.Size, Is.EqualTo(2048));
            Assert.That(artifact.Downloads, Is.EqualTo(7));
            Assert.That(artifact.CreatedOn, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234560)));
            Assert.That(artifact.User!.DisplayName, Is.EqualTo("Ann Smith"));
            Assert.That(artifact.Links!.Self!.Href, Does.EndWith("/downloads/widgets-1.2.0.zip"));
        });
    }

    [Test]
    public async Task UploadAsync_SendsEachFileAsAFilesPart()
    {
        Answer(201);
        using var first = new MemoryStream(Encoding.UTF8.GetBytes("Hello World\n"));
        using var second = new MemoryStream(Encoding.UTF8.GetBytes("PK-zip-bytes"));

        await Downloads.UploadAsync("acme", "widgets", [new StreamPart(first, "hello.txt", "text/plain"), new StreamPart(second, "widgets 1.2.zip", "application/zip")]);

        AssertSent("POST", "/2.0/repositories/acme/widgets/downloads");
        var parts = await SentFormPartsAsync();
        Assert.That(parts.Select(p => (p.Name, p.FileName, p.ContentType, p.Text)), Is.EqualTo(new (string?, string?, string?, string)[]
        {
            ("files", "hello.txt", "text/plain", "Hello World\n"),
            ("files", "widgets 1.2.zip", "application/zip", "PK-zip-bytes"),
        }));
    }

    [Test]
    public async Task DownloadAsync_FollowsTheRedirectToStorage_WithoutTheAuthorizationHeader()
    {
        using var storage = MockBitbucket.Start();
        var content = Encoding.UTF8.GetBytes("Hello World\n");
        storage.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(content));
        Mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"{storage.Url}/bbuseruploads/acme/widgets/hello.txt?Signature=abc%2B1&Expires=1700000000"));

        await using var stream = await Downloads.DownloadAsync("acme", "widgets", "hello.txt");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        AssertSent("GET", "/2.0/repositories/acme/widgets/downloads/hello.txt");
        var atStorage = storage.Requests.Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(copy.ToArray(), Is.EqualTo(content));
            Assert.That(storage.RawTargets.Single(), Is.EqualTo("/bbuseruploads/acme/widgets/hello.txt?Signature=abc%2B1&Expires=1700000000"));
            Assert.That(atStorage.Headers!.ContainsKey("Authorization"), Is.False, "the credentials must not reach the storage host");
        });
    }

    [Test]
    public async Task DeleteAsync_KeepsTheFileNameOneEscapedSegment()
    {
        Answer(204);

        await Downloads.DeleteAsync("acme", "widgets", "builds/widgets 1.2.zip");

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/downloads/builds%2Fwidgets%201.2.zip");
    }
}
