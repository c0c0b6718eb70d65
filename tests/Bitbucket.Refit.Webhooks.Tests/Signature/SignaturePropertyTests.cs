using FsCheck;
using FsCheck.NUnit;

// FsCheck supplies the arguments of a [Property]; the NUnit analyzer only knows NUnit's own sources.
#pragma warning disable NUnit1027

namespace Bitbucket.Webhooks.Tests.Signature;

/// <summary>For random bodies and secrets: a signed body verifies, and any single-byte change of body, signature or secret does not.</summary>
public sealed class SignaturePropertyTests
{
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool SignedBody_Verifies(byte[] body, NonEmptyArray<byte> secretBytes)
    {
        var secret = Convert.ToHexString(secretBytes.Get);
        return new WebhookSignatureVerifier([secret]).Verify(body, WebhookSignatureVerifier.Sign(body, secret)) == WebhookSignatureResult.Valid;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool AnySingleByteChangeOfTheBody_Fails(NonEmptyArray<byte> body, NonEmptyArray<byte> secretBytes, PositiveInt position, byte flip)
    {
        var secret = Convert.ToHexString(secretBytes.Get);
        var original = body.Get;
        var header = WebhookSignatureVerifier.Sign(original, secret);
        var changed = (byte[])original.Clone();
        changed[position.Get % changed.Length] ^= flip == 0 ? (byte)1 : flip;
        return new WebhookSignatureVerifier([secret]).Verify(changed, header) == WebhookSignatureResult.Mismatch;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool AnySingleDigitChangeOfTheSignature_Fails(byte[] body, NonEmptyArray<byte> secretBytes, PositiveInt position)
    {
        var secret = Convert.ToHexString(secretBytes.Get);
        var chars = WebhookSignatureVerifier.Sign(body, secret).ToCharArray();
        var i = "sha256=".Length + (position.Get % 64);
        chars[i] = chars[i] == 'a' ? 'b' : 'a';
        return new WebhookSignatureVerifier([secret]).Verify(body, new string(chars)) == WebhookSignatureResult.Mismatch;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool AnySingleByteChangeOfTheSecret_Fails(byte[] body, NonEmptyArray<byte> secretBytes, PositiveInt position, byte flip)
    {
        // The secret is the hex of random bytes; changing one byte changes its key bytes at one place, same length.
        var secret = Convert.ToHexString(secretBytes.Get);
        var otherBytes = (byte[])secretBytes.Get.Clone();
        otherBytes[position.Get % otherBytes.Length] ^= flip == 0 ? (byte)1 : flip;
        var other = Convert.ToHexString(otherBytes);
        return new WebhookSignatureVerifier([other]).Verify(body, WebhookSignatureVerifier.Sign(body, secret)) == WebhookSignatureResult.Mismatch;
    }
}
