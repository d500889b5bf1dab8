namespace PaperGraph.Graph;

/// <summary>SplitMix64: a small, fast generator whose sequence for a seed never changes between .NET versions.</summary>
/// <remarks>The algorithms promise the same output for the same seed, which <see cref="Random"/> does not guarantee across runtimes.</remarks>
internal struct SplitMix(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in <c>[0, bound)</c> (Lemire's multiply-shift; the bias is below 2^-32 for the sizes used here).</summary>
    public int NextInt(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);

    /// <summary>A uniform double in <c>[0, 1)</c>, from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher–Yates shuffle.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
