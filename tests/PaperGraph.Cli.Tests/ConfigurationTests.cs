using Microsoft.Extensions.Configuration;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary>Settings files: a value of the wrong type, and a key nobody reads, are reported with the file, the key and the value.</summary>
public sealed class ConfigurationTests
{
    private const string Papers = """
        {"id": "c1", "title": "Sparse attention for long documents", "abstract": "We study sparse attention in transformer models for long documents."}
        {"id": "c2", "title": "Sparse attention in vision", "abstract": "Sparse attention in transformer models speeds up image classification."}
        """;

    [Fact]
    public async Task A_value_of_the_wrong_type_exits_2_naming_the_file_the_key_the_value_and_what_is_expected()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Graph": {"MaxConcepts": "lots"}}""");

        var run = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Papers), "-w", temp.File("ws"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Equal($"error PG2002: {config}: Graph:MaxConcepts is \"lots\"; expected a whole number (default 10000).", run.Error.Trim());
        Assert.False(Directory.Exists(temp.File("ws")));
    }

    [Fact]
    public async Task Every_bad_value_is_listed_at_once_and_unknown_keys_are_warned_with_a_suggestion()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """
            {
              "Graph": {"MaxConcepts": "lots", "Damping": "high", "Communities": "Spectral", "MaxConcept": 50, "CentralityOnCount": "yes"},
              "Ingest": {"Strict": 3},
              "Grpah": {"Seed": 1}
            }
            """);

        var run = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Papers), "-w", temp.File("ws"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains($"error PG2002: {config}: Graph:MaxConcepts is \"lots\"; expected a whole number (default 10000).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error PG2002: {config}: Graph:Damping is \"high\"; expected a number (default 0.85).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error PG2002: {config}: Graph:Communities is \"Spectral\"; expected one of Leiden, Louvain (default Leiden).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error PG2002: {config}: Graph:CentralityOnCount is \"yes\"; expected true or false (default true).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error PG2002: {config}: Ingest:Strict is \"3\"; expected true or false (default false).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"warning: {config}: unknown setting Graph:MaxConcept is ignored; did you mean Graph:MaxConcepts?", run.Error, StringComparison.Ordinal);
        Assert.Contains($"warning: {config}: unknown setting Grpah is ignored; did you mean Graph?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_with_good_values_warns_and_the_command_still_runs()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Graph": {"MaxConcept": 1}}""");

        var run = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Papers), "-w", temp.File("ws"), "--config", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning: {config}: unknown setting Graph:MaxConcept is ignored; did you mean Graph:MaxConcepts?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_values_of_two_sections_are_listed_together()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Graph": {"MaxConcepts": 0}, "Ingest": {"MaxLineBytes": 10}}""");

        var run = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Papers), "-w", temp.File("ws"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("MaxConcepts", run.Error, StringComparison.Ordinal);
        Assert.Contains("MaxLineBytes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_values_name_the_file_the_key_the_value_and_the_range_together_with_type_errors()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Graph": {"MaxConcepts": -5, "Damping": 7, "Seed": "x"}, "Concepts": {"NestedWeight": -2}}""");

        var run = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Papers), "-w", temp.File("ws"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains($"error PG2002: {config}: Graph:MaxConcepts is -5; expected a whole number at least 1 (default 10000).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error PG2002: {config}: Graph:Damping is 7; expected a number from 0.01 to 0.99 (default 0.85).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error PG2002: {config}: Concepts:NestedWeight is -2; expected a number from 0 to 100 (default 0.5).", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{config}: Graph:Seed is \"x\"", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_in_a_section_the_command_does_not_use_is_a_warning()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Neo4j": {"BatchSize": "big"}}""");

        var run = await CliRun.RunAsync("ingest", temp.Write("papers.jsonl", Papers), "-w", temp.File("ws"), "--config", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning: {config}: Neo4j:BatchSize is \"big\"; expected a whole number (default 10000). This command does not use it.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_from_an_environment_variable_names_the_variable()
    {
        // A prefix of its own, so no other test sees the variable.
        var prefix = $"PGTEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Graph__MaxConcepts", "lots");
        Environment.SetEnvironmentVariable(prefix + "Graph__Seeed", "3");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var (errors, _, unknown) = Hosting.ConfigurationCheck.Run(configuration, new HashSet<Type> { typeof(Commands.GraphOptions) }, "papergraph.json");

            Assert.Equal(["environment variable PAPERGRAPH_Graph__MaxConcepts: Graph:MaxConcepts is \"lots\"; expected a whole number (default 10000)."], errors);
            Assert.Equal(new Hosting.UnknownSetting("environment variable PAPERGRAPH_Graph__Seeed", "Graph:Seeed", "Graph:Seed"), Assert.Single(unknown));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Graph__MaxConcepts", null);
            Environment.SetEnvironmentVariable(prefix + "Graph__Seeed", null);
        }
    }
}
