using PaperGraph.Nlp.Concepts;

namespace PaperGraph.Nlp.Tests.Concepts;

public class DocumentTermsJsonTests
{
    [Fact]
    public void Terms_round_trip_through_json()
    {
        var terms = Extract.Terms("Low-rank adaptation (LoRA) of a mixture of experts in \"quotes\" \u2014 with \u00E9l\u00E8ve data.", title: "Théorie of LoRA", id: "2401.00001");
        var read = DocumentTermsJson.Read(DocumentTermsJson.Write(terms))!;

        Assert.Equal((terms.Id, terms.Tokens, terms.Sentences), (read.Id, read.Tokens, read.Sentences));
        Assert.Equal(terms.Mentions, read.Mentions);
        Assert.Equal(terms.Definitions, read.Definitions);
        Assert.NotEmpty(read.Definitions);
    }

    [Fact]
    public void Terms_of_another_format_version_read_as_null()
    {
        Assert.Null(DocumentTermsJson.Read("""{"v": 99, "id": "x", "t": 0, "s": 0, "m": [], "d": []}"""));
    }
}
