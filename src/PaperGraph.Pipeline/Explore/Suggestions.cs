namespace PaperGraph.Pipeline.Explore;

/// <summary>Near misses for a mistyped name: "did you mean".</summary>
public static class Suggestions
{
    /// <summary>
    /// Up to <paramref name="count"/> candidates nearest to <paramref name="text"/>, ignoring case: those that contain it
    /// first (shortest first), then those within a quarter of its length in edits (at least 2), nearest first.
    /// </summary>
    public static List<string> Nearest(string text, IEnumerable<string> candidates, int count = 3)
    {
        var wanted = text.Trim().ToUpperInvariant();
        var limit = Math.Max(2, wanted.Length / 4);
        return candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Upper: c.ToUpperInvariant()))
            .Select(c => (c.Candidate, Contains: c.Upper.Contains(wanted, StringComparison.Ordinal),
                Distance: Math.Abs(c.Upper.Length - wanted.Length) > limit ? int.MaxValue : Distance(wanted, c.Upper)))
            .Where(c => c.Contains || c.Distance <= limit)
            .OrderByDescending(c => c.Contains).ThenBy(c => c.Contains ? c.Candidate.Length : c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Take(count).Select(c => c.Candidate).ToList();
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
