using PaperGraph.Pipeline.Extract;
using PaperGraph.Pipeline.Ingest;

namespace PaperGraph.Cli.Commands;

/// <summary>Turns bound configuration into the settings records the pipeline's runs take.</summary>
internal static class Bind
{
    /// <summary>The ingest settings from the <c>Ingest</c> and <c>Workspace</c> configuration sections.</summary>
    internal static IngestSettings Ingest(CommandContext context, string[] paths)
    {
        var options = context.Options<IngestOptions>();
        return new IngestSettings(paths, context.Options<WorkspaceOptions>().Path, options.Format, options.MaxLineBytes, options.Strict);
    }

    /// <summary>The extraction settings from the <c>Concepts</c> configuration section.</summary>
    internal static ExtractSettings Extract(CommandContext context)
    {
        var options = context.Options<ConceptOptions>();
        return new ExtractSettings(options.ToSettings(), options.StopListFile, options.ThesaurusFile);
    }
}
