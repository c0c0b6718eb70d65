using System.Text;
using System.Text.Json.Nodes;
using Bitbucket;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Tests.Infrastructure;

/// <summary>
/// One WireMock server per test (see <see cref="MockBitbucket"/>) and a container authenticated with the access token
/// <c>t</c>; the API tests answer every request with a canned reply and assert on what went out on the wire.
/// </summary>
public abstract class ApiTestBase
{
    private ServiceProvider _services = null!;

    protected MockBitbucket Mock { get; private set; } = null!;

    /// <summary>Gets the priority of the catch-all mapping <see cref="RespondToAll"/> registers (null: WireMock's default).</summary>
    protected virtual int? CatchAllPriority => null;

    /// <summary>Gets whether <see cref="AssertSent"/> also checks the request carried <c>Authorization: Bearer t</c>.</summary>
    protected virtual bool AssertsBearerToken => false;

    /// <summary>Gets the only request of the test, asserting there was exactly one.</summary>
    protected ILogEntry OnlyRequest
    {
        get
        {
            Assert.That(Mock.Requests, Has.Count.EqualTo(1), "exactly one request");
            return Mock.Requests[0];
        }
    }

    /// <summary>Gets the only request of the test as WireMock received it.</summary>
    protected IRequestMessage Sent => OnlyRequest.RequestMessage!;

    /// <summary>Gets the raw path and query of the only request (see <see cref="MockBitbucket.RawTargets"/>).</summary>
    protected string SentTarget => Mock.RawTargets.Single();

    [SetUp]
    public void StartMock()
    {
        Mock = MockBitbucket.Start();
        _services = Mock.CreateServices(b => b.WithAccessToken("t"));
    }

    [TearDown]
    public void StopMock()
    {
        _services.Dispose();
        Mock.Dispose();
    }

    /// <summary>Resolves an API client from the container wired to the mock.</summary>
    protected T Api<T>()
        where T : class => _services.GetRequiredService<T>();

    /// <summary>A response with <paramref name="status"/> and the JSON <paramref name="body"/>.</summary>
    protected static IResponseBuilder Json(string body, int status = 200) => Text(body, "application/json", status);

    /// <summary>A response with <paramref name="status"/> and <paramref name="body"/> of <paramref name="contentType"/>.</summary>
    protected static IResponseBuilder Text(string body, string contentType = "text/plain", int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);

    /// <summary>Answers every request with <paramref name="response"/>.</summary>
    protected void RespondToAll(IResponseBuilder response)
    {
        var request = Mock.Server.Given(Request.Create().UsingAnyMethod());
        (CatchAllPriority is { } priority ? request.AtPriority(priority) : request).RespondWith(response);
    }

    /// <summary>
    /// Answers <paramref name="method"/> requests for <paramref name="path"/> with the JSON <paramref name="firstPage"/>, and
    /// those that ask for <c>page=2</c> with <paramref name="secondPage"/>.
    /// </summary>
    protected void AnswerTwoPages(string path, string firstPage, string secondPage, string method = "GET")
    {
        Mock.Server.Given(Request.Create().WithPath(path).WithParam("page", "2").UsingMethod(method)).AtPriority(1).RespondWith(Json(secondPage));
        Mock.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(10).RespondWith(Json(firstPage));
    }

    /// <summary>Answers every request with <paramref name="status"/>, and <paramref name="body"/> of <paramref name="contentType"/> unless it is null.</summary>
    protected void Answer(int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = body is null ? Response.Create().WithStatusCode(status) : Text(body, contentType, status);

        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        RespondToAll(response);
    }

    /// <summary>A page envelope holding <paramref name="values"/> (JSON array items), with no next link.</summary>
    protected static string PageOf(params string[] values) =>
        $$"""{"pagelen":10,"page":1,"size":{{values.Length}},"values":[{{string.Join(",", values)}}]}""";

    /// <summary>Asserts exactly one request was sent, with this method and this raw path and query.</summary>
    protected void AssertSent(string method, string rawTarget)
    {
        var request = Sent;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(SentTarget, Is.EqualTo(rawTarget));
            if (AssertsBearerToken)
            {
                Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo("Bearer t"));
            }
        });
    }

    /// <summary>The body of a logged request as text.</summary>
    protected static string RawBody(ILogEntry entry) =>
        entry.RequestMessage!.Body ?? Encoding.UTF8.GetString(entry.RequestMessage.BodyAsBytes ?? []);

    /// <summary>The JSON body of a logged request.</summary>
    protected static JsonNode BodyOf(ILogEntry entry) => JsonNode.Parse(RawBody(entry))!;

    /// <summary>The Content-Type header of a logged request.</summary>
    protected static string ContentType(ILogEntry entry) =>
        entry.RequestMessage!.Headers!.First(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value.First();

    /// <summary>The body of the only request as text.</summary>
    protected string SentText() => RawBody(OnlyRequest);

    /// <summary>
    /// The JSON body of request <paramref name="index"/> (which must have one); with <paramref name="declaredJson"/>, also
    /// asserts the request declared <c>application/json</c>.
    /// </summary>
    protected JsonNode SentJson(int index = 0, bool declaredJson = false)
    {
        var request = Mock.Requests[index].RequestMessage!;
        if (declaredJson)
        {
            Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
        }

        Assert.That(request.Body, Is.Not.Null.And.Not.Empty, "a JSON body was sent");
        return JsonNode.Parse(request.Body!)!;
    }

    /// <summary>Asserts the only request carried no body.</summary>
    protected void AssertNoBody() => Assert.That(Sent.Body, Is.Null.Or.Empty);

    /// <summary>Enumerates a lazy list to the end.</summary>
    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>The items of the first page only.</summary>
    protected static async Task<List<T>> FirstPageAsync<T>(BitbucketPageable<T> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return [.. page.Values];
        }

        return [];
    }

    /// <summary>The parts of the only request's multipart/form-data body.</summary>
    protected Task<List<FormPart>> SentFormPartsAsync() => FormPart.ReadAsync(Sent);
}
