using PaperGraph.Concepts;

namespace PaperGraph.Concepts.Tests;

public class EncodedDocumentsTests
{
    // Abstracts written for this test, with what the index's phases act on: defined and bare abbreviations, one short
    // form with two meanings, X of Y phrases, nested terms and spelling variants.
    private static readonly string[] Abstracts =
    [
        "We study reinforcement learning from human feedback (RLHF) for dialogue agents with large language models (LLMs).",
        "RLHF improves the helpfulness of chat assistants; the reward model is trained on human preference data.",
        "Low-rank adaptation (LoRA) reduces the number of trainable parameters of large language models.",
        "We extend low rank adaptation to vision transformers and report the sample complexity of fine-tuning.",
        "Finetuning vision transformers with LoRA matches full fine tuning on image classification benchmarks.",
        "The sample complexity of policy gradient methods depends on the mixing time of the Markov chain.",
        "A noun phrase (NP) chunker finds the noun phrases of a sentence for information extraction.",
        "New physics (NP) beyond the standard model could explain the anomaly in B meson decays.",
        "NP searches at the Large Hadron Collider constrain the standard model and the B meson anomaly.",
        "Molecular dynamics simulation of protein folding uses graph neural networks as force fields.",
        "Graph neural networks (GNNs) learn message passing on molecular graphs for property prediction.",
        "We prove a lower bound on the sample complexity of learning halfspaces with label noise.",
        "The speed of light in a dielectric medium depends on the refractive index of the medium.",
        "Dark matter halos of dwarf galaxies are probed by the rotation curves of their stars.",
    ];

    private static List<DocumentTerms> Corpus() =>
        Enumerable.Range(0, 41).Select(i => Extract.Terms(Abstracts[i % Abstracts.Length] + (i % 3 == 0 ? " Dark matter halos matter." : ""), id: $"p{i:D3}")).ToList();

    private static List<(string Id, byte[] Terms)> Records(IEnumerable<DocumentTerms> documents) =>
        documents.Select(d => (d.Id, DocumentTermsBinary.Write(d))).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    [InlineData(4096)]
    public void The_index_of_encoded_documents_is_the_index_of_the_decoded_ones_at_any_batch_size(int batchSize)
    {
        var corpus = Corpus();
        var expected = ConceptIndex.Build(corpus, new ConceptSettings { MinFixedPhraseDocuments = 2 });
        var actual = ConceptIndex.Build(new EncodedDocuments(Records(corpus), null, batchSize), new ConceptSettings { MinFixedPhraseDocuments = 2 });

        Assert.True(expected.Concepts.Count > 20, "the fixture should give the index something to merge");
        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void The_index_of_documents_spilled_to_a_file_is_the_index_of_the_decoded_ones(int batchSize)
    {
        var corpus = Corpus();
        var path = Path.Combine(Path.GetTempPath(), $"papergraph-spill-{Guid.NewGuid():N}.bin");
        var expected = ConceptIndex.Build(corpus, new ConceptSettings());
        ConceptIndex actual;
        using (var spilled = EncodedDocuments.Spill(Records(corpus), path, batchSize: batchSize))
        {
            Assert.True(File.Exists(path));
            Assert.Equal(Records(corpus).Sum(r => (long)r.Terms.Length), spilled.Bytes);
            Assert.Equal(corpus[17].Mentions.Select(m => m.Key), spilled[17].Mentions.Select(m => m.Key));
            actual = ConceptIndex.Build(spilled, new ConceptSettings());
        }

        Assert.False(File.Exists(path), "the file of records is deleted with them");
        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Fact]
    public void A_damaged_record_in_a_spilled_file_names_its_paper()
    {
        var records = Records(Corpus());
        records[9] = (records[9].Id, records[9].Terms[..^2]);
        var path = Path.Combine(Path.GetTempPath(), $"papergraph-spill-{Guid.NewGuid():N}.bin");
        using var spilled = EncodedDocuments.Spill(records, path, (id, e) => new InvalidDataException($"paper {id}: {e.Message}"), batchSize: 5);

        var error = Assert.Throws<InvalidDataException>(() => spilled.ToList());

        Assert.StartsWith("paper p009: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_cover_every_document_once_in_order()
    {
        var corpus = Corpus();
        var batches = new EncodedDocuments(Records(corpus), null, 4).Batches().ToList();

        Assert.Equal(11, batches.Count);
        Assert.Equal(Enumerable.Range(0, 11).Select(b => 4 * b), batches.Select(b => b.Start));
        Assert.Equal(corpus.Select(d => d.Id), batches.SelectMany(b => b.Documents).Select(d => d.Id));
        Assert.Equal(corpus.Select(d => d.Mentions.Count), batches.SelectMany(b => b.Documents).Select(d => d.Mentions.Count));
    }

    [Fact]
    public void A_damaged_record_throws_what_the_owner_makes_of_it_naming_the_paper()
    {
        var records = Records(Corpus());
        records[6] = (records[6].Id, records[6].Terms[..^3]);
        var documents = new EncodedDocuments(records, (id, e) => new InvalidDataException($"paper {id}: {e.Message}"), 4);

        var error = Assert.Throws<InvalidDataException>(() => documents.Batches().ToList());

        Assert.StartsWith("paper p006: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_another_format_version_is_damaged_not_skipped()
    {
        var records = Records(Corpus());
        var old = (byte[])records[2].Terms.Clone();
        old[0] = DocumentTermsBinary.Version - 1;
        records[2] = (records[2].Id, old);

        var error = Assert.Throws<FormatException>(() => new EncodedDocuments(records, null, 8).ToList());

        Assert.Contains($"expected {DocumentTermsBinary.Version}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Everything the index holds, as lines.</summary>
    private static List<string> Describe(ConceptIndex index)
    {
        var lines = index.Concepts.Values.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key}|{c.Name}|{c.Documents}|{c.Occurrences}|{c.LongForm}|{c.LongFormName}|{c.ResidualIdf:R}|{c.Keyphraseness:R}|{c.Relevance:R}|"
                + string.Join(",", c.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")))
            .ToList();
        foreach (var (id, concepts) in index.ByDocument.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            lines.AddRange(concepts.Select(c => $"{id}|{c.Key}|{c.Count}|{c.Score:R}|{c.InTitle}|{c.FirstToken}|{c.Surface}|{c.Sentences}"));
        }

        return lines;
    }
}
