using System.Reflection;
using Refit;

namespace Bitbucket.Serialization;

/// <summary>
/// Refit's default URL formatting, except that booleans are written as Bitbucket (and its OpenAPI description) expect
/// them: <c>true</c> and <c>false</c>, not .NET's <c>True</c> and <c>False</c>.
/// </summary>
internal sealed class BitbucketUrlParameterFormatter : DefaultUrlParameterFormatter
{
    /// <inheritdoc />
    public override string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value switch
    {
        bool b => b ? "true" : "false",
        _ => base.Format(value, attributeProvider, type),
    };
}
