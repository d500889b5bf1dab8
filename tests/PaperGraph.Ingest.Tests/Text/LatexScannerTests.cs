using PaperGraph.Ingest.Text;

namespace PaperGraph.Ingest.Tests.Text;

public class LatexScannerTests
{
    [Theory]
    [InlineData("we show $O(n^2)$ time", "$O(n^2)$")]
    [InlineData("display $$x = y$$ here", "$$x = y$$")]
    [InlineData("inline \\(a+b\\) maths", "\\(a+b\\)")]
    [InlineData("the bound \\mathcal{O}(n) holds", "\\mathcal{O}")]
    [InlineData("see \\cite{smith2020} for", "\\cite{smith2020}")]
    [InlineData("a \\begin{equation} x \\end{equation} b", "\\begin{equation} x \\end{equation}")]
    [InlineData("where D = diag( {bf 1}_n ) holds", "{bf 1}_n")]
    [InlineData("in n^{1+o(1)} time", "n^{1+o(1)}")]
    [InlineData("a {\\it word} here", "{\\it word}")]
    public void Find_marks_latex_fragments(string text, string fragment)
    {
        var range = Assert.Single(LatexScanner.Find(text));

        Assert.Equal(fragment, text.Substring(range.Start, range.Length));
    }

    [Theory]
    [InlineData("costs $5 and more")]
    [InlineData("plain words {in braces}")]
    [InlineData("no maths here")]
    public void Find_leaves_plain_text_alone(string text) => Assert.Empty(LatexScanner.Find(text));

    [Fact]
    public void Ranges_are_sorted_and_disjoint()
    {
        var ranges = LatexScanner.Find("$a$ and $b$ and \\cite{c}{d} and x^{2}");

        Assert.Equal(4, ranges.Count);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.True(ranges[i - 1].End <= ranges[i].Start);
        }
    }
}
