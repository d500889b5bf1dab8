using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace PaperGraph.Concepts;

/// <summary>
/// A concept's surface forms and how often each is written, in the order they were first met: the first held in two
/// fields, a dictionary only from the second on.
/// </summary>
/// <remarks>
/// Most concepts of a corpus are written one way (1.6M concepts on the 200k corpus, most of them in one paper): a
/// dictionary each cost some 200 bytes, this costs 40.
/// </remarks>
public sealed class AliasCounts : IReadOnlyDictionary<string, int>
{
    private string? _first;
    private int _firstCount;
    private Dictionary<string, int>? _many;

    /// <inheritdoc/>
    public int Count => _many?.Count ?? (_first is null ? 0 : 1);

    /// <inheritdoc/>
    public IEnumerable<string> Keys => this.Select(a => a.Key);

    /// <inheritdoc/>
    public IEnumerable<int> Values => this.Select(a => a.Value);

    /// <inheritdoc/>
    public int this[string key] => TryGetValue(key, out var count) ? count : throw new KeyNotFoundException($"'{key}' is not a surface form of this concept.");

    /// <summary>Counts one more use of <paramref name="alias"/>.</summary>
    public void Add(string alias, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(alias);
        if (_many is not null)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_many, alias, out _) += count;
        }
        else if (_first is null || string.Equals(_first, alias, StringComparison.Ordinal))
        {
            _first = alias;
            _firstCount += count;
        }
        else
        {
            _many = new Dictionary<string, int>(StringComparer.Ordinal) { [_first] = _firstCount, [alias] = count };
            _first = null;
            _firstCount = 0;
        }
    }

    /// <summary>The string held for the form equal to <paramref name="alias"/>, so that equal forms share one; <paramref name="alias"/> itself if there is none.</summary>
    public string Stored(string alias)
    {
        if (_many is not null)
        {
            return _many.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(alias, out var stored, out _) ? stored : alias;
        }

        return string.Equals(_first, alias, StringComparison.Ordinal) ? _first! : alias;
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        if (_many is not null)
        {
            return _many.TryGetValue(key, out value);
        }

        value = _first is not null && string.Equals(_first, key, StringComparison.Ordinal) ? _firstCount : 0;
        return value > 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        if (_many is not null)
        {
            foreach (var pair in _many)
            {
                yield return pair;
            }
        }
        else if (_first is not null)
        {
            yield return new KeyValuePair<string, int>(_first, _firstCount);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
