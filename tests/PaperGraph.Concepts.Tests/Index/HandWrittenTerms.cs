using PaperGraph.Concepts;

namespace PaperGraph.Concepts.Tests.Index;

/// <summary>Documents written term by term, as the extractor would give them, for testing one phase of the index alone.</summary>
internal static class HandWrittenTerms
{
    public static DocumentTerms Document(string id) => new(id, tokens: 30, sentences: 2);

    /// <summary>Adds a mention of each key, of <paramref name="kind"/>, written as its key.</summary>
    public static DocumentTerms With(this DocumentTerms document, MentionKind kind, params string[] keys)
    {
        foreach (var key in keys)
        {
            document.Mentions.Add(new TermMention(key, key, kind, document.Mentions.Count, 0, false));
        }

        return document;
    }

    /// <summary>Adds the terms (<see cref="MentionKind.Term"/>) <paramref name="keys"/>.</summary>
    public static DocumentTerms Terms(this DocumentTerms document, params string[] keys) => document.With(MentionKind.Term, keys);

    /// <summary>Adds a definition, <c>long form (SF)</c>, with the mentions of its long and short forms.</summary>
    public static DocumentTerms Defines(this DocumentTerms document, string shortForm, string longKey)
    {
        document.Definitions.Add(new AcronymDefinition(shortForm, longKey, longKey));
        return document.With(MentionKind.LongForm, longKey).With(MentionKind.ShortForm, shortForm);
    }

    /// <summary>Documents <c>filler0</c>... with one term each, so that a corpus is not all about the case under test.</summary>
    public static IEnumerable<DocumentTerms> Fillers(int count) =>
        Enumerable.Range(0, count).Select(i => Document($"filler{i}").Terms($"routing table {i}"));
}
