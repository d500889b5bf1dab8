namespace PaperGraph.Ingest.Readers;

/// <summary>Counts the names in an author list such as "A. Smith, B. Jones and C. Lee" (or "A; B; C").</summary>
/// <remarks>Lists written "Surname, Initials" are counted per comma and so overcount; prefer a count column.</remarks>
internal static class AuthorList
{
    public static int? Count(string? authors)
    {
        if (string.IsNullOrWhiteSpace(authors))
        {
            return null;
        }

        if (int.TryParse(authors.Trim(), out var n) && n >= 0)
        {
            return n;
        }

        var count = 1;
        var text = authors.AsSpan();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ',' or ';')
            {
                count++;
            }
            else if (text[i..].StartsWith(" and ", StringComparison.Ordinal))
            {
                var before = text[..i].TrimEnd();
                if (before.Length > 0 && before[^1] != ',')
                {
                    count++;
                }

                i += 4;
            }
        }

        return count;
    }
}
