using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Tests.Tokenization;

public class TokenizerTests
{
    /// <summary>Tokens written as their text joined by " | ".</summary>
    private static string Tokens(string text) => string.Join(" | ", Tokenizer.Default.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)));

    [Theory]
    [InlineData("We study fine-tuning of LLMs.", "We | study | fine-tuning | of | LLMs | .")]
    [InlineData("GPT-3.5 and GPT-4 outperform k-NN.", "GPT-3.5 | and | GPT-4 | outperform | k-NN | .")]
    [InlineData("a state-of-the-art 3D detector", "a | state-of-the-art | 3D | detector")]
    [InlineData("Q-learning converges.", "Q-learning | converges | .")]
    [InlineData("accuracy of 0.85 (12.5% better)", "accuracy | of | 0.85 | ( | 12.5% | better | )")]
    [InlineData("over 10,000 papers in v2.1.3 of the tool", "over | 10,000 | papers | in | v2.1.3 | of | the | tool")]
    [InlineData("see https://github.com/org/repo.", "see | https://github.com/org/repo | .")]
    [InlineData("code (https://example.org/a_(b)) here", "code | ( | https://example.org/a_(b) | ) | here")]
    [InlineData("at github.com/org/repo, and www.example.com.", "at | github.com/org/repo | , | and | www.example.com | .")]
    [InlineData("Contact first.last@uni-x.edu today.", "Contact | first.last@uni-x.edu | today | .")]
    [InlineData("methods, e.g. LoRA, i.e. adapters", "methods | , | e.g. | LoRA | , | i.e. | adapters")]
    [InlineData("Smith et al. show it", "Smith | et al. | show | it")]
    [InlineData("RLHF vs. DPO in Fig. 3 and Eq. 2", "RLHF | vs. | DPO | in | Fig. | 3 | and | Eq. | 2")]
    [InlineData("written by J. Smith in the U.S. last year", "written | by | J. | Smith | in | the | U.S. | last | year")]
    [InlineData("a $O(n \\log n)$ algorithm", "a | $O(n \\log n)$ | algorithm")]
    [InlineData("the {\\bf 1} vector and {bf x}", "the | {\\bf 1} | vector | and | {bf x}")]
    [InlineData("costs $5 and $3 per run", "costs | $ | 5 | and | $ | 3 | per | run")]
    [InlineData("with \\alpha = 0.5", "with | \\alpha | = | 0.5")]
    [InlineData("\u201CQuoted\u201D text (in brackets) [1].", "\u201C | Quoted | \u201D | text | ( | in | brackets | ) | [ | 1 | ] | .")]
    [InlineData("The model's output isn't bad", "The | model | 's | output | is | n't | bad")]
    [InlineData("Wait... what?! Yes.", "Wait | ... | what | ?! | Yes | .")]
    [InlineData("pre\u2010training and 2019\u20132020 \u2014 both", "pre\u2010training | and | 2019\u20132020 | \u2014 | both")]
    [InlineData("a -0.5 shift and C++ or C# code", "a | -0.5 | shift | and | C++ | or | C# | code")]
    [InlineData("LLM+RAG and R&D at 1:1", "LLM | + | RAG | and | R&D | at | 1:1")]
    [InlineData("Results.We then", "Results | . | We | then")]
    [InlineData("x_{i} and hidden_size", "x_{i} | and | hidden_size")]
    [InlineData("", "")]
    [InlineData("   \n\t ", "")]
    public void Tokenize_splits_scientific_text_as_expected(string text, string expected)
    {
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("0.85", TokenKind.Number)]
    [InlineData("12.5%", TokenKind.Number)]
    [InlineData("10,000", TokenKind.Number)]
    [InlineData("-3", TokenKind.Number)]
    [InlineData("3D", TokenKind.Word)]
    [InlineData("e.g.", TokenKind.Abbreviation)]
    [InlineData("Fig.", TokenKind.Abbreviation)]
    [InlineData("https://arxiv.org/abs/2401.00001", TokenKind.Url)]
    [InlineData("a@b.org", TokenKind.Email)]
    [InlineData("$x^2$", TokenKind.Math)]
    [InlineData("{\\em word}", TokenKind.Math)]
    [InlineData("\\mathbf{x}", TokenKind.Math)]
    [InlineData("(", TokenKind.Punctuation)]
    [InlineData("=", TokenKind.Symbol)]
    public void Tokenize_marks_the_kind_of_a_single_token(string text, TokenKind kind)
    {
        var token = Assert.Single(Tokenizer.Default.Tokenize(text));
        Assert.Equal(new Token(0, text.Length, kind), token);
    }

    [Fact]
    public void Tokenize_splits_clitics_into_their_own_kind()
    {
        var tokens = Tokenizer.Default.Tokenize("don't");
        Assert.Equal([new Token(0, 2, TokenKind.Word), new Token(2, 3, TokenKind.Clitic)], tokens);
    }

    [Fact]
    public void Tokens_are_offsets_into_the_original_text_and_cover_every_non_space_character()
    {
        const string text = "  Low-Rank Adaptation (LoRA) cuts memory by 3\u00D7, e.g. on GPT-3 \u2014 see Fig. 2.\n\nNext paragraph.";
        var tokens = Tokenizer.Default.Tokenize(text);
        var covered = new bool[text.Length];
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Length > 0);
            Assert.True(token.Start >= previousEnd, "tokens are in order and do not overlap");
            for (var i = token.Start; i < token.End; i++)
            {
                covered[i] = true;
            }

            previousEnd = token.End;
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"character {i} '{text[i]}' is in no token");
        }
    }

    [Theory]
    [InlineData("pre\u2013training", "pre-training")]
    [InlineData("\u201Cquoted\u201D", "\"quoted\"")]
    [InlineData("model\u2019s", "model's")]
    public void Normalize_maps_typographic_dashes_and_quotes_one_for_one(string text, string expected)
    {
        var buffer = new char[text.Length];
        Assert.Equal(text.Length, TokenText.Normalize(text, buffer));
        Assert.Equal(expected, new string(buffer));
        Assert.True(TokenText.EqualsNormalized(text, expected));
    }
}
