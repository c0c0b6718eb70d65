using System.Security.Claims;
using Bitbucket.Models;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>Turns the Bitbucket account of <c>GET /user</c> into the claims of the sample's cookie.</summary>
internal static class UserClaims
{
    public static IEnumerable<Claim> From(Account user, string signInMethod)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.Uuid ?? user.AccountId ?? user.Nickname ?? "unknown");
        yield return new Claim(ClaimTypes.Name, user.DisplayName ?? user.Nickname ?? "Bitbucket user");
        if (user.Nickname is { Length: > 0 } nickname)
        {
            yield return new Claim(SampleAuth.NicknameClaim, nickname);
        }

        yield return new Claim(SampleAuth.SignInMethodClaim, signInMethod);
    }
}
