using System.Text;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Reliability;

/// <summary>
/// JSON responses are deserialized from the network stream (Refit 16 would otherwise copy each body into memory first),
/// bounded by <c>MaxResponseContentBytes</c>, and still readable in full by anyone who asks for the content itself.
/// </summary>
[Category("Reliability")]
public sealed class JsonStreamingTests
{
    private MockBitbucket _mock = null!;

    [SetUp]
    public void SetUp() => _mock = MockBitbucket.Start();

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [TestCase(false)]
    [TestCase(true)]
    public async Task JsonBody_IsParsedAsItArrives_NotAfterTheWholeBody(bool resilience)
    {
        // The first chunk holds a broken document, padded past the serializer's read buffer; the end of the body is
        // held back. A client that buffered the body first could not fail before the server sent the rest.
        var first = Encoding.UTF8.GetBytes("""{"type":"repository","name":"geordi", !""" + new string(' ', 256 * 1024));
        using var server = new TrickleServer("application/json; charset=utf-8", first, Encoding.UTF8.GetBytes("}"));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"), o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Resilience.Enabled = resilience;
        });

        var call = services.GetRequiredService<IRepositoriesApi>().GetAsync("bitbucket", "geordi");
        var failure = await CatchAsync(call);
        var restSent = server.RestSent;

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.TypeOf<BitbucketResponseFormatException>());
            Assert.That(failure!.Message, Does.Contain("invalid JSON"));
            Assert.That(restSent, Is.False, "the client failed on the first chunk, before the server sent the rest");
        });
    }

    [Test]
    public async Task ChunkedJsonBody_IsCutOffAtTheLimit_WithoutWaitingForTheRest()
    {
        var first = Encoding.UTF8.GetBytes("""{"type":"user","display_name":" """ + new string('x', 200_000));
        using var server = new TrickleServer("application/json", first, Encoding.UTF8.GetBytes("\"}"));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"), o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.MaxResponseContentBytes = 100_000;
        });

        var failure = await CatchAsync(services.GetRequiredService<IUsersApi>().GetCurrentAsync());

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.TypeOf<BitbucketResponseFormatException>());
            Assert.That(failure!.Message, Does.Contain("larger than the limit of 100000 bytes"));
            Assert.That(server.RestSent, Is.False);
        });
    }

    [Test]
    public async Task JsonBody_InAnotherCharset_IsTranscoded()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/repositories/bitbucket/geordi").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=iso-8859-1")
                .WithBody(Encoding.Latin1.GetBytes("""{"type":"repository","name":"geordi","description":"café crème"}""")));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"));

        var repository = await services.GetRequiredService<IRepositoriesApi>().GetAsync("bitbucket", "geordi");

        Assert.That(repository.Description, Is.EqualTo("café crème"));
    }

    [Test]
    public async Task SuccessfulJsonResponse_HandedBackWhole_ReadsInFull()
    {
        // Methods that return the response itself (the merge, which may answer 202) leave the body to the caller.
        const string body = """{"type":"pullrequest","id":7,"state":"MERGED","title":"Fix"}""";
        _mock.Server.Given(Request.Create().WithPath("/2.0/repositories/bitbucket/geordi/pullrequests/7/merge").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"));

        using var response = await services.GetRequiredService<IPullRequestsApi>()
            .MergeAsync("bitbucket", "geordi", 7, new PullRequestMergeParameters());
        var first = await response.Content.ReadAsStringAsync();
        var second = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(body));
            Assert.That(second, Is.EqualTo(body), "the content is buffered on the first read, as HttpContent promises");
        });
    }

    [Test]
    public async Task ErrorResponse_AfterAStreamedSuccess_StillCarriesItsBody()
    {
        _mock.Server.Given(Request.Create().WithPath("/2.0/repositories/bitbucket/geordi").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"type":"repository","name":"geordi"}"""));
        _mock.Server.Given(Request.Create().WithPath("/2.0/repositories/bitbucket/missing").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBody("""{"type":"error","error":{"message":"Repository bitbucket/missing not found"}}"""));
        using var services = _mock.CreateServices(b => b.WithAccessToken("t"));
        var repositories = services.GetRequiredService<IRepositoriesApi>();

        var found = await repositories.GetAsync("bitbucket", "geordi");
        var failure = await CatchAsync(repositories.GetAsync("bitbucket", "missing"));

        Assert.Multiple(() =>
        {
            Assert.That(found.Name, Is.EqualTo("geordi"));
            Assert.That(failure, Is.TypeOf<BitbucketNotFoundException>());
            Assert.That(failure!.Message, Does.Contain("Repository bitbucket/missing not found"));
        });
    }

    private static async Task<Exception?> CatchAsync(Task call)
    {
        try
        {
            await call.WaitAsync(TimeSpan.FromSeconds(20));
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
