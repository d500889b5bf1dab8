using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Tests;

/// <summary>Reads files the way <c>papergraph ingest</c> does and returns what came out.</summary>
internal static class Reading
{
    public static (List<Paper> Papers, IngestDiagnostics Diagnostics, CorpusStatistics Statistics) Read(
        string path, InputFormat format = InputFormat.Auto, int maxLineBytes = CorpusReaderSettings.DefaultMaxLineBytes) =>
        ReadAll([path], format, maxLineBytes);

    public static (List<Paper> Papers, IngestDiagnostics Diagnostics, CorpusStatistics Statistics) ReadAll(
        string[] paths, InputFormat format = InputFormat.Auto, int maxLineBytes = CorpusReaderSettings.DefaultMaxLineBytes, string[]? workspaces = null)
    {
        var diagnostics = new IngestDiagnostics(NullLogger.Instance);
        var reader = new CorpusReader(new CorpusReaderSettings(format, maxLineBytes, workspaces), diagnostics, NullLogger.Instance);
        var papers = reader.Read(paths).ToList();
        return (papers, diagnostics, reader.Statistics);
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
