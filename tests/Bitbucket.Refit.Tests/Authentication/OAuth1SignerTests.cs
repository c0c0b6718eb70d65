using Bitbucket.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Bitbucket.Tests.Authentication;

public sealed class OAuth1SignerTests
{
    private static readonly Uri PhotosUri = new("http://photos.example.net/photos?file=vacation.jpg&size=original");

    private static KeyValuePair<string, string>[] AppendixAParameters() =>
    [
        new("oauth_consumer_key", "dpf43f3p2l4k3l03"),
        new("oauth_token", "nnch734d00sl2jdk"),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", "1191242096"),
        new("oauth_nonce", "kllo9940pd9333jh"),
        new("oauth_version", "1.0"),
    ];

    [Test]
    public void OAuthCore10AppendixA_BaseString_IsByteForByte()
    {
        var baseString = OAuth1Signer.BuildSignatureBaseString("GET", PhotosUri, AppendixAParameters());

        Assert.That(baseString, Is.EqualTo(
            "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal"));
    }

    [Test]
    public void OAuthCore10AppendixA_Signature_MatchesPublishedValue()
    {
        var baseString = OAuth1Signer.BuildSignatureBaseString("GET", PhotosUri, AppendixAParameters());

        var signature = OAuth1Signer.ComputeSignature(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00");

        Assert.That(signature, Is.EqualTo("tR3+Ty81lMeYAr/Fid0kMTYa/WM="));
    }

    [Test]
    public void OAuthCore10AppendixA_Header_FromSignerWithFixedClockAndNonce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1191242096));
        var signer = new OAuth1Signer(
            new OAuth1Credentials("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00"),
            time,
            () => "kllo9940pd9333jh");

        var header = signer.CreateAuthorizationHeader(HttpMethod.Get, PhotosUri);

        Assert.That(header, Does.StartWith("OAuth "));
        Assert.That(header, Does.Contain("oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""));
        Assert.That(header, Does.Contain("oauth_token=\"nnch734d00sl2jdk\""));
        Assert.That(header, Does.Contain("oauth_version=\"1.0\""));
    }

    [Test]
    public void Rfc5849Section3411_BaseString_IsByteForByte()
    {
        // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with body "c2&a3=2+q" (RFC 5849 §3.4.1.1).
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", "9djdj82h48djs9d2"),
            new("oauth_token", "kkk9d7dh3k39sjv7"),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "137131201"),
            new("oauth_nonce", "7d8f3e4a"),
            new("realm", "Example"),
        };
        parameters.AddRange(OAuth1Signer.ParseFormEncoded("c2&a3=2+q"));

        var baseString = OAuth1Signer.BuildSignatureBaseString("POST", uri, parameters);

        Assert.That(baseString, Is.EqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"));
    }

    [TestCase("abcABC123-._~", "abcABC123-._~")]
    [TestCase("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    [TestCase("An encoded string!", "An%20encoded%20string%21")]
    [TestCase("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice")]
    [TestCase("☃", "%E2%98%83")]
    [TestCase("*'()!", "%2A%27%28%29%21")]
    [TestCase("a/b?c=d#e", "a%2Fb%3Fc%3Dd%23e")]
    [TestCase("ü", "%C3%BC")]
    [TestCase("", "")]
    public void PercentEncode_UsesUnreservedSetAndUpperCaseHex(string input, string expected) =>
        Assert.That(OAuth1Signer.PercentEncode(input), Is.EqualTo(expected));

    [Test]
    public void BaseString_LowerCasesSchemeAndHost_DropsDefaultPort_KeepsOtherPorts()
    {
        var withDefault = OAuth1Signer.BuildSignatureBaseString("get", new Uri("HTTPS://Api.Example.COM:443/r/Path"), []);
        var withPort = OAuth1Signer.BuildSignatureBaseString("GET", new Uri("http://example.com:8080/r"), []);

        Assert.Multiple(() =>
        {
            Assert.That(withDefault, Is.EqualTo("GET&https%3A%2F%2Fapi.example.com%2Fr%2FPath&"));
            Assert.That(withPort, Is.EqualTo("GET&http%3A%2F%2Fexample.com%3A8080%2Fr&"));
        });
    }

    [Test]
    public void BaseString_SortsRepeatedNamesByValue_AndKeepsEmptyValues()
    {
        var uri = new Uri("https://example.com/x?a=2&a=1&b=&a=10");

        var baseString = OAuth1Signer.BuildSignatureBaseString("GET", uri, [new("c", string.Empty)]);

        Assert.That(baseString, Is.EqualTo("GET&https%3A%2F%2Fexample.com%2Fx&a%3D1%26a%3D10%26a%3D2%26b%3D%26c%3D"));
    }

    [Test]
    public void BaseString_EncodesNonAsciiAndReservedCharactersInParameters()
    {
        var uri = new Uri("https://example.com/x?q=" + Uri.EscapeDataString("naïve café & ☃=1"));

        var baseString = OAuth1Signer.BuildSignatureBaseString("GET", uri, []);

        // The value is encoded once as a parameter (%C3%AF) and once more as part of the base string (%25C3%25AF).
        Assert.That(baseString, Is.EqualTo("GET&https%3A%2F%2Fexample.com%2Fx&q%3Dna%25C3%25AFve%2520caf%25C3%25A9%2520%2526%2520%25E2%2598%2583%253D1"));
    }

    [Test]
    public void Signer_WithoutToken_SignsOneLegged()
    {
        var signer = new OAuth1Signer(new OAuth1Credentials("key", "secret"), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1000)), () => "n");

        var header = signer.CreateAuthorizationHeader(HttpMethod.Get, new Uri("https://api.bitbucket.org/2.0/user"));
        var expected = OAuth1Signer.ComputeSignature(
            OAuth1Signer.BuildSignatureBaseString("GET", new Uri("https://api.bitbucket.org/2.0/user"),
            [
                new("oauth_consumer_key", "key"), new("oauth_nonce", "n"), new("oauth_signature_method", "HMAC-SHA1"),
                new("oauth_timestamp", "1000"), new("oauth_version", "1.0"),
            ]),
            "secret",
            null);

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Not.Contain("oauth_token"));
            Assert.That(header, Does.Contain($"oauth_signature=\"{OAuth1Signer.PercentEncode(expected)}\""));
        });
    }

    [Test]
    public void Nonces_AreRandomAndDistinct()
    {
        var nonces = Enumerable.Range(0, 1000).Select(_ => OAuth1Signer.CreateNonce()).ToHashSet();

        Assert.That(nonces, Has.Count.EqualTo(1000));
        Assert.That(nonces.All(n => n.Length == 32), Is.True);
    }

    [Test]
    public void Credentials_RequireTokenAndSecretTogether_AndHideSecretsInToString()
    {
        Assert.Throws<ArgumentException>(() => _ = new OAuth1Credentials("k", "s", "token", null));
        var credentials = new OAuth1Credentials("key", "consumer-secret-value", "token-value", "token-secret-value");

        Assert.That(credentials.ToString(), Does.Not.Contain("secret-value").And.Not.Contain("token-value"));
    }
}
