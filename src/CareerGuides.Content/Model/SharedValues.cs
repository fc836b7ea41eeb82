using System.Collections.Concurrent;

namespace CareerGuides.Content.Model;

/// <summary>
/// A bounded, thread-safe cache of immutable values that many guides compute alike: the salary charts of a catalogue
/// of thousands of guides repeat the same axis ticks, positions ("33.33%") and bars, and holding one copy of each
/// rather than one per guide saved tens of megabytes for 10,000 guides. A value is only ever replaced by an equal
/// one, so nothing a reader sees depends on whether it was shared.
/// </summary>
/// <remarks>
/// Nothing is evicted: the values are small and content repeats them, so a site's cache fills up quickly and then
/// stays put. Once <c>capacity</c> entries are held (content edited over a long life), a new value is simply not
/// kept: it is used as computed, unshared, rather than the cache growing without end.
/// </remarks>
/// <typeparam name="TKey">What identifies a value (the value itself, for a pool of equal values).</typeparam>
/// <typeparam name="TValue">The cached value.</typeparam>
internal sealed class SharedValues<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new();
    private int _count;

    /// <summary>How many values are held (never much more than the capacity).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The value held for <paramref name="key"/>, or the one <paramref name="create"/> makes, kept if there is room.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (_values.TryGetValue(key, out var held))
        {
            return held;
        }

        var value = create(key);
        if (Count >= capacity)
        {
            return value;
        }

        // Two threads may make the same value at once: the first one added is the one both use.
        if (_values.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _values.TryGetValue(key, out held) ? held : value;
    }
}

/// <summary>A pool of equal values: <see cref="Share"/> returns the first value held that equals the one given.</summary>
/// <typeparam name="T">An immutable type with value equality (a string, a record of strings and numbers).</typeparam>
internal sealed class SharedValues<T>(int capacity)
    where T : notnull
{
    private readonly SharedValues<T, T> _values = new(capacity);

    /// <summary>How many values are held.</summary>
    public int Count => _values.Count;

    /// <summary>A value equal to <paramref name="value"/>: the one held, or this one.</summary>
    public T Share(T value) => _values.GetOrAdd(value, static v => v);
}
