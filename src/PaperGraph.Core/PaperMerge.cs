namespace PaperGraph.Core;

/// <summary>Combines two records of the same paper into one, losing no metadata.</summary>
public static class PaperMerge
{
    /// <summary>True for ids derived from text (<c>t:…</c>) rather than given by arXiv.</summary>
    public static bool IsTextId(string id) => id.StartsWith("t:", StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="kept"/> with what <paramref name="incoming"/> adds: an arXiv id over a text id, the longer
    /// abstract, a full date over a yearless one, the larger upvote count, and the union of categories and sources;
    /// for other fields the kept value wins and the incoming one fills a gap.
    /// </summary>
    public static Paper Merge(Paper kept, Paper incoming)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(incoming);

        var longerAbstract = incoming.Abstract.Length > kept.Abstract.Length ? incoming : kept;
        var title = kept.Title is not null ? kept : incoming;
        return new Paper
        {
            Id = IsTextId(kept.Id) && !IsTextId(incoming.Id) ? incoming.Id : kept.Id,
            Title = title.Title,
            TitleLatex = title.TitleLatex,
            Abstract = longerAbstract.Abstract,
            AbstractLatex = longerAbstract.AbstractLatex,
            Authors = kept.Authors ?? incoming.Authors,
            AuthorNames = kept.AuthorNames.Count > 0 ? kept.AuthorNames : incoming.AuthorNames,
            Published = BetterDate(kept.Published, incoming.Published),
            Upvotes = kept.Upvotes is { } a && incoming.Upvotes is { } b ? Math.Max(a, b) : kept.Upvotes ?? incoming.Upvotes,
            Organization = kept.Organization ?? incoming.Organization,
            Categories = Union(kept.Categories, incoming.Categories),
            Sources = Union(kept.Sources, incoming.Sources),
        };
    }

    private static string? BetterDate(string? kept, string? incoming)
    {
        if (kept is null)
        {
            return incoming;
        }

        var keptIsPartial = kept.StartsWith("--", StringComparison.Ordinal) || kept.Length < 10;
        var incomingIsFull = incoming is { Length: 10 } && !incoming.StartsWith("--", StringComparison.Ordinal);
        return keptIsPartial && incomingIsFull ? incoming : kept;
    }

    private static IReadOnlyList<string> Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        if (second.Count == 0)
        {
            return first;
        }

        var result = new List<string>(first);
        foreach (var item in second)
        {
            if (!result.Contains(item, StringComparer.Ordinal))
            {
                result.Add(item);
            }
        }

        return result.Count == first.Count ? first : result;
    }
}
