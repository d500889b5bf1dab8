using PaperGraph.Concepts;

namespace PaperGraph.Concepts.Tests;

public class AliasCountsTests
{
    [Fact]
    public void Counts_each_form_in_the_order_first_met_as_a_dictionary_would()
    {
        var aliases = new AliasCounts();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var form in new[] { "LoRA", "LoRA", "low-rank adaptation", "LoRA", "Low-Rank Adaptation", "low-rank adaptation" })
        {
            aliases.Add(form);
            expected[form] = expected.GetValueOrDefault(form) + 1;
            Assert.Equal(expected.ToList(), aliases.ToList());
        }

        Assert.Equal(3, aliases.Count);
        Assert.Equal(3, aliases["LoRA"]);
        Assert.Equal(["LoRA", "low-rank adaptation", "Low-Rank Adaptation"], aliases.Keys);
        Assert.False(aliases.ContainsKey("lora"));
        Assert.Throws<KeyNotFoundException>(() => aliases["lora"]);
    }

    [Fact]
    public void One_form_is_held_without_a_dictionary_and_reads_as_one()
    {
        var aliases = new AliasCounts();
        Assert.Empty(aliases);
        Assert.False(aliases.TryGetValue("RLHF", out _));

        aliases.Add("RLHF");
        aliases.Add("RLHF", 2);

        Assert.Equal([new KeyValuePair<string, int>("RLHF", 3)], aliases.ToList());
        Assert.True(aliases.TryGetValue("RLHF", out var count));
        Assert.Equal(3, count);
        Assert.Equal([3], aliases.Values);
    }
}
