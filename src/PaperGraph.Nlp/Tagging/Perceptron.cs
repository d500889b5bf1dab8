using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperGraph.Nlp.Tagging;

/// <summary>Scoring of hashed features against a weight table, shared by training and tagging.</summary>
/// <remarks>
/// The table has <c>2^bits</c> rows of one weight per class. A feature hash picks its row by its top bits, so
/// collisions merely share a row (the hashing trick); there is no dictionary of feature strings to look up.
/// </remarks>
internal static class Perceptron
{
    /// <summary>Sets <paramref name="scores"/> to the sum of the rows the features select.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Score(float[] weights, int bits, ReadOnlySpan<uint> features, Span<float> scores)
    {
        var classes = scores.Length;
        var shift = 32 - bits;
        scores.Clear();
        ref var table = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var score = ref MemoryMarshal.GetReference(scores);
        var width = Vector<float>.Count;
        foreach (var feature in features)
        {
            ref var row = ref Unsafe.Add(ref table, (nint)(feature >> shift) * classes);
            var k = 0;
            for (; k + width <= classes; k += width)
            {
                var sum = Vector.LoadUnsafe(ref score, (nuint)k) + Vector.LoadUnsafe(ref row, (nuint)k);
                sum.StoreUnsafe(ref score, (nuint)k);
            }

            for (; k < classes; k++)
            {
                Unsafe.Add(ref score, k) += Unsafe.Add(ref row, k);
            }
        }
    }

    /// <summary>The index of the highest score; the lowest index wins a tie, so results are deterministic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Row index of a feature in a table of <c>2^bits</c> rows.</summary>
    public static int Row(uint feature, int bits) => (int)(feature >> (32 - bits));
}
