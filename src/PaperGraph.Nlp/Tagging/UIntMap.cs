using System.Runtime.CompilerServices;

namespace PaperGraph.Nlp.Tagging;

/// <summary>A read-only map from 32-bit hashes to small values: open addressing, linear probing, two flat arrays.</summary>
/// <remarks>
/// Faster than <see cref="Dictionary{TKey, TValue}"/> for the tagger's per-token lookups (no comparer call, no
/// bucket indirection) and compact enough to stay in cache: at most half full, 8 bytes a slot.
/// </remarks>
internal sealed class UIntMap
{
    private readonly uint[] _keys;
    private readonly uint[] _values;
    private readonly int _shift;

    public UIntMap(IReadOnlyDictionary<uint, uint> entries)
    {
        var bits = 4;
        while (1 << bits < entries.Count * 2)
        {
            bits++;
        }

        _shift = 32 - bits;
        _keys = new uint[1 << bits];
        _values = new uint[1 << bits];
        var mask = (1 << bits) - 1;
        foreach (var (key, value) in entries)
        {
            ArgumentOutOfRangeException.ThrowIfEqual(value, uint.MaxValue);
            var slot = Slot(key);
            while (_values[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _values[slot] = value + 1;
        }
    }

    /// <summary>Looks up <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(uint key, out uint value)
    {
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var stored = _values[slot];
            if (stored == 0)
            {
                value = 0;
                return false;
            }

            if (_keys[slot] == key)
            {
                value = stored - 1;
                return true;
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)((key * 0x9E3779B1u) >> _shift);
}
