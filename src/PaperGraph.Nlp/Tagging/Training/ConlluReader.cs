using System.Globalization;
using PaperGraph.Core;

namespace PaperGraph.Nlp.Tagging.Training;

/// <summary>A syntactic word of a CoNLL-U sentence (a line with an integer ID).</summary>
/// <param name="Form">The word as written; <c>_</c> is a real word (an underscore), not a missing value.</param>
/// <param name="Upos">Its UPOS tag, or null when the file gives <c>_</c>.</param>
/// <param name="Line">Line number in the file, for messages.</param>
public sealed record ConlluWord(string Form, PosTag? Upos, int Line);

/// <summary>A surface token: a word, or a multiword token such as <c>don't</c> standing for several words.</summary>
public readonly record struct ConlluToken(string Form, bool SpaceAfter);

/// <summary>One sentence of a CoNLL-U file.</summary>
public sealed class ConlluSentence
{
    /// <summary>The <c># newdoc id</c> in force (the document this sentence belongs to), or null.</summary>
    public string? DocumentId { get; init; }

    /// <summary>Whether a <c># newdoc</c> comment starts a document here.</summary>
    public bool NewDocument { get; init; }

    /// <summary>Whether a <c># newpar</c> (or <c># newdoc</c>) comment starts a paragraph here.</summary>
    public bool NewParagraph { get; init; }

    /// <summary>The <c># sent_id</c>, or null.</summary>
    public string? Id { get; init; }

    /// <summary>Line number of the sentence's first line.</summary>
    public int Line { get; init; }

    /// <summary>The syntactic words (multiword tokens expanded, empty nodes left out), which carry the tags.</summary>
    public List<ConlluWord> Words { get; } = [];

    /// <summary>The surface tokens, as the text was written, with <c>SpaceAfter=No</c> applied.</summary>
    public List<ConlluToken> Tokens { get; } = [];

    /// <summary>The forms of <see cref="Words"/>.</summary>
    public string[] Forms() => Words.ConvertAll(w => w.Form).ToArray();
}

/// <summary>Reads CoNLL-U files (Universal Dependencies), streaming one sentence at a time.</summary>
/// <remarks>
/// Handles comments (<c># newdoc id = ...</c>, <c># newpar</c>, <c># sent_id = ...</c>), multiword-token ranges
/// (<c>1-2</c>: their form is the surface token; the words they span carry the tags) and empty nodes (<c>1.1</c>, left
/// out). A malformed line stops the read with its file and line number. Format: https://universaldependencies.org/format.html
/// </remarks>
public static class ConlluReader
{
    /// <summary>Reads every sentence of the file at <paramref name="path"/>.</summary>
    public static IEnumerable<ConlluSentence> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"CoNLL-U file not found: '{path}'.");
        }

        return ReadFile(path);

        static IEnumerable<ConlluSentence> ReadFile(string path)
        {
            using var reader = new StreamReader(path);
            foreach (var sentence in Read(reader, path))
            {
                yield return sentence;
            }
        }
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>; <paramref name="name"/> names the source in error messages.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        string? document = null;
        var newDocument = false;
        var newParagraph = false;
        string? id = null;
        var start = 0;
        ConlluSentence? sentence = null;
        var multiwordEnd = 0;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (sentence is not null)
                {
                    yield return sentence;
                }

                sentence = null;
                newDocument = newParagraph = false;
                id = null;
                multiwordEnd = 0;
                continue;
            }

            if (line[0] == '#' && sentence is null)
            {
                start = start == 0 ? lineNumber : start;
                if (Comment(line, "newdoc", out var value))
                {
                    document = value;
                    newDocument = newParagraph = true;
                }
                else if (Comment(line, "newpar", out _))
                {
                    newParagraph = true;
                }
                else if (Comment(line, "sent_id", out value))
                {
                    id = value;
                }

                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 10)
            {
                throw Malformed(name, lineNumber, $"expected 10 tab-separated columns, found {columns.Length}");
            }

            sentence ??= new ConlluSentence
            {
                DocumentId = document, NewDocument = newDocument, NewParagraph = newParagraph, Id = id, Line = start == 0 ? lineNumber : start,
            };
            start = 0;

            var idText = columns[0];
            var form = columns[1];
            var spaceAfter = !columns[9].Split('|').Contains("SpaceAfter=No");
            var dash = idText.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(idText.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                    || !int.TryParse(idText.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                    || first != sentence.Words.Count + 1 || last < first)
                {
                    throw Malformed(name, lineNumber, $"bad multiword token range '{idText}'");
                }

                sentence.Tokens.Add(new ConlluToken(form, spaceAfter));
                multiwordEnd = last;
                continue;
            }

            if (idText.Contains('.', StringComparison.Ordinal))
            {
                // An empty node (enhanced dependencies): no surface form, no place in the word sequence.
                if (!decimal.TryParse(idText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    throw Malformed(name, lineNumber, $"bad empty node id '{idText}'");
                }

                continue;
            }

            if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var wordId) || wordId != sentence.Words.Count + 1)
            {
                throw Malformed(name, lineNumber, $"expected word id {sentence.Words.Count + 1}, found '{idText}'");
            }

            if (form.Length == 0)
            {
                throw Malformed(name, lineNumber, "empty FORM");
            }

            PosTag? upos = null;
            if (columns[3] != "_")
            {
                if (!PosTags.TryParse(columns[3], out var tag))
                {
                    throw Malformed(name, lineNumber, $"unknown UPOS tag '{columns[3]}'");
                }

                upos = tag;
            }

            sentence.Words.Add(new ConlluWord(form, upos, lineNumber));
            if (wordId > multiwordEnd)
            {
                sentence.Tokens.Add(new ConlluToken(form, spaceAfter));
            }
        }

        if (sentence is not null)
        {
            yield return sentence;
        }
    }

    private static bool Comment(string line, string key, out string? value)
    {
        value = null;
        var body = line.AsSpan(1).TrimStart();
        if (!body.StartsWith(key, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = body[key.Length..].TrimStart();
        if (rest.StartsWith("id", StringComparison.Ordinal) && key != "sent_id")
        {
            rest = rest[2..].TrimStart();
        }

        if (rest.Length > 0 && rest[0] != '=')
        {
            return false;
        }

        value = rest.Length > 0 ? rest[1..].Trim().ToString() : null;
        return true;
    }

    private static PaperGraphException Malformed(string name, int line, string what) =>
        new(ErrorCodes.MalformedConllu, $"{name}:{line}: {what} (CoNLL-U: https://universaldependencies.org/format.html).");
}
