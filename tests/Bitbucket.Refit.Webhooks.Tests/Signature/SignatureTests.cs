using System.Text;

namespace Bitbucket.Webhooks.Tests.Signature;

/// <summary>The X-Hub-Signature check: a known vector, single-byte changes, rotation, malformed headers, no leaks.</summary>
public sealed class SignatureTests
{
    // RFC 4231, test case 2: HMAC-SHA256, key "Jefe", data "what do ya want for nothing?".
    private const string VectorSecret = "Jefe";
    private const string VectorBody = "what do ya want for nothing?";
    private const string VectorHeader = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(VectorBody);

    [Test]
    public void Sign_KnownVector_GivesTheRfc4231Header()
    {
        Assert.That(WebhookSignatureVerifier.Sign(Body, VectorSecret), Is.EqualTo(VectorHeader));
    }

    [Test]
    public void Verify_KnownVector_IsValid_UpperCaseHexToo()
    {
        var verifier = new WebhookSignatureVerifier([VectorSecret]);
        Assert.Multiple(() =>
        {
            Assert.That(verifier.Verify(Body, VectorHeader), Is.EqualTo(WebhookSignatureResult.Valid));
            Assert.That(verifier.Verify(Body, "sha256=" + VectorHeader["sha256=".Length..].ToUpperInvariant()), Is.EqualTo(WebhookSignatureResult.Valid));
        });
    }

    [Test]
    public void Verify_EveryOneByteChangeOfTheBody_IsRejected()
    {
        var verifier = new WebhookSignatureVerifier([VectorSecret]);
        for (var i = 0; i < Body.Length; i++)
        {
            var changed = (byte[])Body.Clone();
            changed[i] ^= 0x01;
            Assert.That(verifier.Verify(changed, VectorHeader), Is.EqualTo(WebhookSignatureResult.Mismatch), $"byte {i}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(verifier.Verify(Body.AsSpan(0, Body.Length - 1), VectorHeader), Is.EqualTo(WebhookSignatureResult.Mismatch), "one byte shorter");
            Assert.That(verifier.Verify([.. Body, (byte)' '], VectorHeader), Is.EqualTo(WebhookSignatureResult.Mismatch), "one byte longer");
        });
    }

    [Test]
    public void Verify_EveryOneDigitChangeOfTheSignature_IsRejected()
    {
        var verifier = new WebhookSignatureVerifier([VectorSecret]);
        for (var i = "sha256=".Length; i < VectorHeader.Length; i++)
        {
            var chars = VectorHeader.ToCharArray();
            chars[i] = chars[i] == '0' ? '1' : '0';
            Assert.That(verifier.Verify(Body, new string(chars)), Is.EqualTo(WebhookSignatureResult.Mismatch), $"digit {i}");
        }
    }

    [Test]
    public void Verify_OneByteChangeOfTheSecret_IsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new WebhookSignatureVerifier(["Jefd"]).Verify(Body, VectorHeader), Is.EqualTo(WebhookSignatureResult.Mismatch));
            Assert.That(new WebhookSignatureVerifier(["jefe"]).Verify(Body, VectorHeader), Is.EqualTo(WebhookSignatureResult.Mismatch));
            Assert.That(new WebhookSignatureVerifier(["Jef"]).Verify(Body, VectorHeader), Is.EqualTo(WebhookSignatureResult.Mismatch));
        });
    }

    [Test]
    public void Verify_DuringRotation_AcceptsEitherSecret_AndNoOther()
    {
        var verifier = new WebhookSignatureVerifier(["new-secret", VectorSecret]);
        Assert.Multiple(() =>
        {
            Assert.That(verifier.SecretCount, Is.EqualTo(2));
            Assert.That(verifier.Verify(Body, VectorHeader), Is.EqualTo(WebhookSignatureResult.Valid), "old secret");
            Assert.That(verifier.Verify(Body, WebhookSignatureVerifier.Sign(Body, "new-secret")), Is.EqualTo(WebhookSignatureResult.Valid), "new secret");
            Assert.That(verifier.Verify(Body, WebhookSignatureVerifier.Sign(Body, "another")), Is.EqualTo(WebhookSignatureResult.Mismatch));
        });
    }

    [TestCase(null, WebhookSignatureResult.Missing)]
    [TestCase("", WebhookSignatureResult.Missing)]
    [TestCase("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", WebhookSignatureResult.Malformed)]
    [TestCase("sha1=5bdcc146bf60754e6a042426089575c75a003f08", WebhookSignatureResult.Malformed)]
    [TestCase("sha256=", WebhookSignatureResult.Malformed)]
    [TestCase("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38", WebhookSignatureResult.Malformed)]
    [TestCase("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384300", WebhookSignatureResult.Malformed)]
    [TestCase("sha256=zbdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", WebhookSignatureResult.Malformed)]
    [TestCase("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843, sha256=00", WebhookSignatureResult.Malformed)]
    public void Verify_MissingOrMalformedHeader_IsRejectedWithItsReason(string? header, WebhookSignatureResult expected)
    {
        Assert.That(new WebhookSignatureVerifier([VectorSecret]).Verify(Body, header), Is.EqualTo(expected));
    }

    [Test]
    public void Verifier_NeverShowsItsSecrets()
    {
        const string secret = "s3cr3t-value-that-must-not-leak";
        var verifier = new WebhookSignatureVerifier([secret]);
        var empty = Assert.Throws<ArgumentException>(() => _ = new WebhookSignatureVerifier([secret, ""]));
        var none = Assert.Throws<ArgumentException>(() => _ = new WebhookSignatureVerifier([]));
        var expected = WebhookSignatureVerifier.Sign(Body, secret);
        Assert.Multiple(() =>
        {
            Assert.That(verifier.ToString(), Does.Not.Contain(secret).And.Contain("1 secret"));
            Assert.That(empty!.Message, Does.Not.Contain(secret));
            Assert.That(none!.Message, Does.Contain("At least one"));
            Assert.That(verifier.ToString(), Does.Not.Contain(expected["sha256=".Length..]));
        });
    }
}
