using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PaperGraph.Neo4j;

/// <summary>A map of properties whose names are shared by every row of a batch: a cheap <c>{name: value}</c> parameter.</summary>
public sealed class PropertyRow : IReadOnlyDictionary<string, object?>
{
    public PropertyRow(IReadOnlyList<string> names, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values for {names.Count} names.", nameof(values));
        }

        Names = names;
        Values = values;
    }

    public IReadOnlyList<string> Names { get; }

    public object?[] Values { get; }

    /// <summary>The row as UTF-8 JSON, kept by <see cref="RowHasher"/> so a row about to be sent is not serialised twice; null when not kept.</summary>
    /// <remarks>Set only by the hasher, from <see cref="Values"/>, which must not change afterwards.</remarks>
    internal byte[]? Json { get; set; }

    public int Count => Values.Length;

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Names;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? Values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(Names[i], Values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == key)
            {
                return i;
            }
        }

        return -1;
    }
}
