namespace Bitbucket.Refit.Serialization;

/// <summary>
/// A string-valued enumeration that keeps values Bitbucket adds after this library was built.
/// Each value is a small struct wrapping the wire string, so an unknown state is read, kept and written back unchanged
/// instead of failing deserialization.
/// </summary>
/// <typeparam name="TSelf">The enumeration type itself.</typeparam>
public interface IBitbucketEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IBitbucketEnum<TSelf>
{
    /// <summary>Gets the value exactly as Bitbucket sends it.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    static abstract TSelf FromValue(string value);
}
