using PaperGraph.Core;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tagging.Training;

namespace PaperGraph.Nlp.Tests.Tagging;

public class ConlluReaderTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.conllu");

    [Fact]
    public void Read_returns_every_sentence_including_the_last_one_without_a_blank_line()
    {
        var sentences = ConlluReader.Read(Fixture).ToList();
        Assert.Equal(["a-1", "a-2", "b-1", "b-2"], sentences.Select(s => s.Id));
        Assert.Equal(["Fine", "thanks"], sentences[3].Forms());
    }

    [Fact]
    public void Multiword_token_gives_one_surface_token_and_its_tagged_words()
    {
        var sentence = ConlluReader.Read(Fixture).First();
        Assert.Equal(["We", "do", "n't", "tune", "it", "."], sentence.Forms());
        Assert.Equal([PosTag.Pronoun, PosTag.Auxiliary, PosTag.Particle, PosTag.Verb, PosTag.Pronoun, PosTag.Punctuation], sentence.Words.Select(w => w.Upos!.Value));
        Assert.Equal(["We", "don't", "tune", "it", "."], sentence.Tokens.Select(t => t.Form));
        Assert.False(sentence.Tokens[3].SpaceAfter);
    }

    [Fact]
    public void Underscore_form_is_a_real_word_and_empty_nodes_are_left_out()
    {
        var sentence = ConlluReader.Read(Fixture).ElementAt(1);
        Assert.Equal(["The", "model", "_", "v2", "scores", "0.9", ",", "Alice", "more", "."], sentence.Forms());
        Assert.Equal(PosTag.Punctuation, sentence.Words[2].Upos);
        Assert.Equal(10, sentence.Tokens.Count);
    }

    [Fact]
    public void Document_and_paragraph_comments_are_tracked()
    {
        var sentences = ConlluReader.Read(Fixture).ToList();
        Assert.Equal(["doc_academic_1", "doc_academic_1", "doc_news_2", "doc_news_2"], sentences.Select(s => s.DocumentId));
        Assert.Equal([true, false, true, false], sentences.Select(s => s.NewDocument));
        Assert.Equal([true, false, true, true], sentences.Select(s => s.NewParagraph));
    }

    [Theory]
    [InlineData("1\tWe\twe\tPRON\tPRP\t_\t0\troot\t_\n", 1, "expected 10 tab-separated columns")]
    [InlineData("1\tWe\twe\tPRON\tPRP\t_\t0\troot\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t1\tx\t_\t_\n", 2, "expected word id 2")]
    [InlineData("# sent_id = x\n1\tWe\twe\tPRONOUN\tPRP\t_\t0\troot\t_\t_\n", 2, "unknown UPOS tag 'PRONOUN'")]
    [InlineData("2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "bad multiword token range")]
    public void Malformed_line_is_reported_with_file_and_line(string content, int line, string message)
    {
        var error = Assert.Throws<PaperGraphException>(() => ConlluReader.Read(new StringReader(content), "bad.conllu").ToList());
        Assert.Equal(ErrorCodes.MalformedConllu, error.Code);
        Assert.StartsWith($"bad.conllu:{line}: {message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_path_error()
    {
        var error = Assert.Throws<PaperGraphException>(() => ConlluReader.Read("/no/such/file.conllu"));
        Assert.Equal(ErrorCodes.PathNotFound, error.Code);
    }
}
