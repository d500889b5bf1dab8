namespace PaperGraph.Nlp.Tokenization;

/// <summary>Helpers to compare token text while ignoring typographic variants of dashes and quotes.</summary>
public static class TokenText
{
    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> with Unicode dashes and minus signs mapped to
    /// <c>-</c>, curly and angle quotes to <c>'</c> or <c>"</c>, and the ellipsis character to <c>.</c>.
    /// </summary>
    /// <remarks>One character maps to one character, so an offset into the normalised copy is the same offset in the original.</remarks>
    /// <returns>The number of characters written (always <c>source.Length</c>).</returns>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length, nameof(destination));
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Characters.Fold(source[i]);
        }

        return source.Length;
    }

    /// <summary>Whether two token texts are equal once dashes and quotes are normalised.</summary>
    /// <param name="ignoreCase">Also ignore case (invariant culture).</param>
    public static bool EqualsNormalized(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase = false)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var x = Characters.Fold(a[i]);
            var y = Characters.Fold(b[i]);
            if (x != y && (!ignoreCase || char.ToLowerInvariant(x) != char.ToLowerInvariant(y)))
            {
                return false;
            }
        }

        return true;
    }
}
