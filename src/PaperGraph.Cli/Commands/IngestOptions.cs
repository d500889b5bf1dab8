using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PaperGraph.Ingest;

namespace PaperGraph.Cli.Commands;

/// <summary>Settings of <c>papergraph ingest</c> (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Format of every input; <see cref="InputFormat.Auto"/> (default) decides per file by name, then content.</summary>
    public InputFormat Format { get; set; } = InputFormat.Auto;

    /// <summary>Longest line or CSV record read, in bytes (default 16 MiB); longer ones are skipped and reported.</summary>
    [Range(1024, int.MaxValue - 64)]
    public int MaxLineBytes { get; set; } = CorpusReaderSettings.DefaultMaxLineBytes;

    /// <summary>Exit with code 3 when anything was skipped (default false: skips are reported, the rest is stored).</summary>
    public bool Strict { get; set; }
}

/// <summary>Where the workspace is (configuration section <c>Workspace</c>).</summary>
public sealed class WorkspaceOptions
{
    public const string SectionName = "Workspace";

    /// <summary>Folder of the local workspace; created when missing. Default <c>papergraph-workspace</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "papergraph-workspace";
}

[OptionsValidator]
internal sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;

[OptionsValidator]
internal sealed partial class WorkspaceOptionsValidator : IValidateOptions<WorkspaceOptions>;
