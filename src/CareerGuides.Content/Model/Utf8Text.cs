using System.Text;

namespace CareerGuides.Content.Model;

/// <summary>
/// Rendered text kept as UTF-8 bytes: half the memory of a .NET string for the mostly-ASCII HTML of guide sections
/// and answers, which for a catalogue of thousands of guides is most of what the site holds. A page is rendered once
/// per content version and then served from the output cache, so decoding it there costs nothing per request.
/// </summary>
public sealed class Utf8Text : IEquatable<Utf8Text>
{
    private readonly byte[] _bytes;

    public Utf8Text(string text) => _bytes = Encoding.UTF8.GetBytes(text);

    private Utf8Text(byte[] bytes) => _bytes = bytes;

    /// <summary>Text encoded straight from characters, without a string in between.</summary>
    public static Utf8Text FromChars(ReadOnlySpan<char> chars)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(chars)];
        Encoding.UTF8.GetBytes(chars, bytes);
        return new(bytes);
    }

    /// <summary>Text from bytes already known to be UTF-8 (as stored by <see cref="Loading.ParseCache"/>); they are not copied.</summary>
    internal static Utf8Text FromBytes(byte[] bytes) => new(bytes);

    /// <summary>The text's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public bool IsEmpty => _bytes.Length == 0;

    public override string ToString() => Encoding.UTF8.GetString(_bytes);

    public bool Equals(Utf8Text? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as Utf8Text);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
