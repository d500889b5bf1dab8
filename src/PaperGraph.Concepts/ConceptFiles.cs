using PaperGraph.Core;

namespace PaperGraph.Concepts;

/// <summary>Reads the user's stop list and thesaurus files.</summary>
/// <remarks>
/// <para>Stop list: one term per line; empty lines and lines starting with <c>#</c> are ignored.</para>
/// <para>
/// Thesaurus, as VOSviewer writes it: tab-separated <c>label</c> and <c>replace by</c>, with an optional header
/// line <c>label	replace by</c>. An empty replacement drops the term. Terms are written as they appear in the text
/// (<c>Fine-Tuning</c>); both sides are turned into concept keys, so one line covers every case and plural variant.
/// </para>
/// </remarks>
public static class ConceptFiles
{
    /// <summary>The concept keys listed in a stop list file.</summary>
    public static HashSet<string> ReadStopList(string path) => ParseStopList(ReadText(path));

    /// <summary>The concept keys listed in the text of a stop list.</summary>
    public static HashSet<string> ParseStopList(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, line) in Lines(text))
        {
            keys.Add(ConceptKeys.Key(line.Trim()));
        }

        return keys;
    }

    /// <summary>The replacements listed in a thesaurus file: concept key to concept key, or to null (drop).</summary>
    public static Dictionary<string, string?> ReadThesaurus(string path) => ParseThesaurus(ReadText(path), path);

    /// <summary>The replacements listed in the text of a thesaurus; <paramref name="path"/> names it in messages.</summary>
    public static Dictionary<string, string?> ParseThesaurus(string text, string path)
    {
        var replacements = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (number, line) in Lines(text))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new PaperGraphException(ErrorCodes.MalformedThesaurus,
                    $"{path}:{number}: expected 'label<TAB>replace by' (an empty replacement drops the term), found no tab.");
            }

            var label = line[..tab].Trim();
            var replacement = line[(tab + 1)..].Trim();
            if (number == 1 && label.Equals("label", StringComparison.OrdinalIgnoreCase) && replacement.Equals("replace by", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (label.Length == 0)
            {
                throw new PaperGraphException(ErrorCodes.MalformedThesaurus, $"{path}:{number}: the label is empty.");
            }

            replacements[ConceptKeys.Key(label)] = replacement.Length == 0 ? null : ConceptKeys.Key(replacement);
        }

        return replacements;
    }

    /// <summary>The text of a stop list or thesaurus file.</summary>
    public static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"file not found: '{path}'.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument, $"{path}: cannot read the file ({e.Message}).", e);
        }
    }

    private static IEnumerable<(int Number, string Line)> Lines(string text)
    {
        var number = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                yield return (number, line);
            }
        }
    }
}
