using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PaperGraph.Benchmarks;

// dotnet run -c Release --project tests/PaperGraph.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/PaperGraph.Benchmarks -- sync [--workspace dir]   (client-side sync speed)
// dotnet run -c Release --project tests/PaperGraph.Benchmarks -- extraction-overhead [runs]   (whole corpus, one thread)
if (args.Length > 0 && args[0] == "sync")
{
    return await SyncThroughput.RunAsync(args);
}

if (args.Length > 0 && args[0] == "extraction-overhead")
{
    return ExtractionOverhead.Run(args);
}

var config = DefaultConfig.Instance.AddColumn(new TokensPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(NlpBenchmarks).Assembly).Run(args, config);
return 0;

/// <summary>Tokens per second: the benchmark input's token count divided by the mean time of one operation.</summary>
internal sealed class TokensPerSecondColumn : IColumn
{
    private static readonly Lazy<long> Tokens = new(NlpBenchmarks.TokenCount);

    public string Id => nameof(TokensPerSecondColumn);

    public string ColumnName => "Tokens/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Tokens processed per second (the input has {Tokens.Value:N0} tokens)";

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is null or 0 ? "-" : (Tokens.Value / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
