using System.Text;
using System.Text.Json;
using Bitbucket;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket.Models;
using Bitbucket.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Refit;

namespace Bitbucket.Tests.Security;

/// <summary>
/// Property-based checks with FsCheck: random and mutated payloads against the deserializers, random strings against
/// path escaping and OAuth 1 encoding. Each property runs <see cref="Cases"/> generated cases.
/// </summary>
[Category("Security")]
public sealed class PropertyTests
{
    private const int Cases = 1000;

    private const string PullRequestJson = """
        {"type":"pullrequest","id":7,"title":"Fix ☃","state":"OPEN","author":{"type":"user","display_name":"Ann","uuid":"{1}"},
         "source":{"branch":{"name":"feature/a b"},"commit":{"hash":"a1b2c3d"}},"destination":{"branch":{"name":"main"}},
         "created_on":"2026-11-29T10:00:00.123456+00:00","comment_count":2,"participants":[{"role":"REVIEWER","approved":true}],
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/x"}}}
        """;

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(Cases);

    private static readonly Action<string>[] Deserializers =
    [
        json => JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.PullRequest),
        json => JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.Repository),
        json => JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.PageAccount),
        json => JsonSerializer.Deserialize(json, BitbucketJsonContext.Default.Pipeline),
        json => JsonSerializer.Deserialize(json, BitbucketErrorJsonContext.Default.BitbucketErrorEnvelope),
    ];

    [Test]
    public void RandomText_ReadsOrFailsWithJsonException_Only()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text => Deserializers.All(d => ReadsOrJsonException(d, text)))
            .Check(Config);
    }

    [Test]
    public void MutatedPullRequest_ReadsOrFailsWithJsonException_Only()
    {
        var mutations = Gen.Choose(0, PullRequestJson.Length - 1).SelectMany(
            at => Gen.Elements('{', '}', '"', ':', ',', '[', ']', '0', 'x', '\\', ' ', 'é', '\u0000').SelectMany(
                c => Gen.Elements(0, 1, 2).Select(kind => kind switch
                {
                    0 => PullRequestJson.Remove(at, 1),
                    1 => PullRequestJson.Insert(at, c.ToString()),
                    _ => PullRequestJson[..at],
                })));

        Prop.ForAll(mutations.ToArbitrary(), json => Deserializers.All(d => ReadsOrJsonException(d, json))).Check(Config);
    }

    [Test]
    public void ExceptionFactory_NeverThrows_OnAnyBody()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), Gen.Elements(400, 401, 403, 404, 409, 410, 429, 500, 502, 555).ToArbitrary(), (body, status) =>
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
                RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://api.bitbucket.org/2.0/user"),
            };
            var exception = BitbucketExceptionFactory.CreateAsync(response).AsTask().GetAwaiter().GetResult();
            return exception is BitbucketApiException api && (int)api.StatusCode == status && api.Message.Length < 2000;
        }).Check(Config);
    }

    [Test]
    public void PathEscaping_SendsOneSegment_ThatDecodesToTheValue()
    {
        var recorder = new RecordingHandler();
        var api = RestService.ForGenerated<IUsersApi>(
            new HttpClient(recorder) { BaseAddress = new Uri("https://api.bitbucket.org/2.0/") },
            BitbucketServiceCollectionExtensions.CreateRefitSettings());
        var values = ArbMap.Default.ArbFor<string>().Filter(s => !string.IsNullOrWhiteSpace(s) && s != "." && s != ".." && IsWellFormedUtf16(s));

        Prop.ForAll(values, value =>
        {
            api.GetAsync(value).GetAwaiter().GetResult();
            var path = recorder.Last!.AbsolutePath;
            var segment = path["/2.0/users/".Length..];
            return path.StartsWith("/2.0/users/", StringComparison.Ordinal)
                && !segment.Contains('/', StringComparison.Ordinal)
                && Uri.UnescapeDataString(segment) == value;
        }).Check(Config);
    }

    [Test]
    public void OAuth1PercentEncoding_UsesOnlyUnreservedAndUpperHex_AndRoundTrips()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null && IsWellFormedUtf16(s)), value =>
        {
            var encoded = OAuth1Signer.PercentEncode(value);
            for (var i = 0; i < encoded.Length; i++)
            {
                var c = encoded[i];
                if (c == '%')
                {
                    if (i + 2 >= encoded.Length || !IsUpperHex(encoded[i + 1]) || !IsUpperHex(encoded[i + 2]))
                    {
                        return false;
                    }

                    i += 2;
                }
                else if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
                {
                    return false;
                }
            }

            return Uri.UnescapeDataString(encoded) == value;
        }).Check(Config);
    }

    [Test]
    public void OAuth1BaseString_IsWellFormed_ForRandomParameters()
    {
        var pairs = ArbMap.Default.ArbFor<string>().Filter(s => s is not null && IsWellFormedUtf16(s)).Generator
            .Two().ListOf().Select(list => list.Select(t => new KeyValuePair<string, string>(t.Item1, t.Item2)).ToList());

        Prop.ForAll(pairs.ToArbitrary(), parameters =>
        {
            var baseString = OAuth1Signer.BuildSignatureBaseString("POST", new Uri("https://api.bitbucket.org/2.0/x?b=2&a=1"), parameters);
            var parts = baseString.Split('&');
            return parts.Length == 3
                && parts[0] == "POST"
                && parts[1] == "https%3A%2F%2Fapi.bitbucket.org%2F2.0%2Fx"
                && parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '%')
                && OAuth1Signer.ComputeSignature(baseString, "cs", "ts").Length == 28;
        }).Check(Config);
    }

    [Test]
    public void OAuth1Signer_SignsLikeTheReferenceBaseString_ForRandomQueryAndForm()
    {
        // The signer builds the base string straight into bytes with its own encoders; the public
        // BuildSignatureBaseString + ComputeSignature path is the plain reading of RFC 5849. They must agree.
        var text = ArbMap.Default.ArbFor<string>().Filter(s => s is not null && IsWellFormedUtf16(s)).Generator;
        var pairs = text.Two().ListOf().Select(list => list.Select(t => new KeyValuePair<string, string>(t.Item1, t.Item2)).ToList());
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var signer = new OAuth1Signer(new OAuth1Credentials("key", "consumer secret&/", "token", "token secret ü"), time, () => "fixednonce");
        var oauth = new KeyValuePair<string, string>[]
        {
            new("oauth_consumer_key", "key"), new("oauth_nonce", "fixednonce"), new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "1700000000"), new("oauth_token", "token"), new("oauth_version", "1.0"),
        };

        Prop.ForAll(pairs.ToArbitrary(), pairs.ToArbitrary(), (query, form) =>
        {
            var uri = new Uri("https://api.bitbucket.org/2.0/repositories/w/r" + (query.Count == 0 ? string.Empty
                : "?" + string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)))));
            var header = signer.CreateAuthorizationHeader(HttpMethod.Post, uri, form);
            var signature = Uri.UnescapeDataString(header[(header.IndexOf("oauth_signature=\"", StringComparison.Ordinal) + 17)..].TrimEnd('"'));
            var expected = OAuth1Signer.ComputeSignature(
                OAuth1Signer.BuildSignatureBaseString("POST", uri, oauth.Concat(form)), "consumer secret&/", "token secret ü");
            return signature == expected;
        }).Check(Config);
    }

    private static bool ReadsOrJsonException(Action<string> deserialize, string json)
    {
        try
        {
            deserialize(json);
            return true;
        }
        catch (JsonException)
        {
            return true;
        }
        catch (Exception ex)
        {
            TestContext.Out.WriteLine($"{ex.GetType()}: {ex.Message} for {json}");
            return false;
        }
    }

    private static bool IsUpperHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F');

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public Uri? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"type":"user"}""", Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
        }
    }
}
