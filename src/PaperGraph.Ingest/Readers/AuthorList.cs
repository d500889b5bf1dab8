using System.Text;

namespace PaperGraph.Ingest.Readers;

/// <summary>The names in an author list such as "A. Smith, B. Jones and C. Lee" (or "A; B; C"), and their count.</summary>
/// <remarks>Lists written "Surname, Initials" are split per comma and so overcount; prefer a count column or a JSON array.</remarks>
internal static class AuthorList
{
    /// <summary>The number of authors: a number as given, else the number of names in the list.</summary>
    public static int? Count(string? authors)
    {
        if (string.IsNullOrWhiteSpace(authors))
        {
            return null;
        }

        return int.TryParse(authors.Trim(), out var n) && n >= 0 ? n : Names(authors).Count;
    }

    /// <summary>The names of a list, each normalised (<see cref="Normalise"/>); none for a bare number.</summary>
    public static List<string> Names(string? authors)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(authors) || int.TryParse(authors.Trim(), out _))
        {
            return names;
        }

        var text = authors.AsSpan();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || text[i] is ',' or ';';
            var and = !end && text[i..].StartsWith(" and ", StringComparison.Ordinal);
            if (!end && !and)
            {
                continue;
            }

            Add(text[start..i]);
            start = and ? i + 5 : i + 1;
            i = start - 1;
        }

        return names;

        void Add(ReadOnlySpan<char> name)
        {
            // "A, B, and C": the Oxford comma leaves "and C".
            name = name.Trim();
            if (name.StartsWith("and ", StringComparison.Ordinal))
            {
                name = name[4..];
            }

            if (Normalise(name.ToString()) is { Length: > 0 } normalised)
            {
                names.Add(normalised);
            }
        }
    }

    /// <summary>
    /// A name with its white space collapsed and a space after each initial (<c>J.R. Smith</c> and <c>J. R.  Smith</c>
    /// are both <c>J. R. Smith</c>); spellings are never merged otherwise.
    /// </summary>
    public static string Normalise(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var part in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // Split "J.R." into "J." "R."; keep "St.John"-like parts whose next piece is not a single capital.
            var piece = part;
            var at = 0;
            while (at < piece.Length)
            {
                var dot = piece.IndexOf('.', at);
                var initial = dot == at + 1 && char.IsUpper(piece[at]);
                var take = initial && dot + 1 < piece.Length ? dot + 1 : piece.Length;
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(piece, at, take - at);
                at = take;
            }
        }

        return text.ToString();
    }
}
