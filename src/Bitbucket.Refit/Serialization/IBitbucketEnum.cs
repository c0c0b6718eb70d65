namespace Bitbucket.Serialization;

/// <summary>
/// A string-valued enumeration that keeps values Bitbucket adds after this library was built.
/// Each value is a small struct wrapping the wire string, so an unknown state is read, kept and written back unchanged
/// instead of failing deserialization.
/// </summary>
/// <typeparam name="TSelf">The enumeration type itself.</typeparam>
public interface IBitbucketEnum<TSelf> : IEquatable<TSelf>, IFormattable
    where TSelf : struct, IBitbucketEnum<TSelf>
{
    /// <summary>Gets the value exactly as Bitbucket sends it.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    static abstract TSelf FromValue(string value);

    /// <summary>Formats the value as its wire string, so Refit sends it unchanged in a query or path.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns><see cref="Value"/>.</returns>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => Value;
}
