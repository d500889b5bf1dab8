using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PaperGraph.Cli.Commands;

/// <summary>The options several commands share, and the configuration sections they bind.</summary>
internal static class SharedOptions
{
    public static readonly Option<string?> Workspace = new("--workspace", "-w")
    {
        Description = "Workspace folder (created when missing). Default: papergraph-workspace, or Workspace:Path in configuration.",
        HelpName = "dir",
    };

    /// <summary>The <c>--workspace</c> of the commands that only work on a workspace that exists (see <see cref="PaperGraph.Workspace.WorkspaceDatabase.OpenExisting"/>).</summary>
    public static readonly Option<string?> ExistingWorkspace = new("--workspace", "-w")
    {
        Description = "Workspace folder, made by 'papergraph ingest' or 'papergraph build'. Default: papergraph-workspace, or Workspace:Path in configuration.",
        HelpName = "dir",
    };

    /// <summary>New <c>--stop-list</c> and <c>--thesaurus</c> options, for <c>extract</c> and <c>build</c>.</summary>
    internal static (Option<string?> StopList, Option<string?> Thesaurus) CorrectionOptions() =>
    (
        new Option<string?>("--stop-list")
        {
            Description = "File of terms never to keep, one per line (Concepts:StopListFile). Recorded in the workspace and used by later runs until another is given; \"\" stops using it.",
            HelpName = "file",
        },
        new Option<string?>("--thesaurus")
        {
            Description = "VOSviewer-style thesaurus: 'label<TAB>replace by' per line; an empty replacement drops the term (Concepts:ThesaurusFile). Recorded in the workspace and used by later runs until another is given; \"\" stops using it.",
            HelpName = "file",
        }
    );

    internal static Dictionary<string, string?> WithFiles(Dictionary<string, string?> overrides, string? stopList, string? thesaurus)
    {
        if (stopList is not null)
        {
            overrides[$"{ConceptOptions.SectionName}:{nameof(ConceptOptions.StopListFile)}"] = stopList;
        }

        if (thesaurus is not null)
        {
            overrides[$"{ConceptOptions.SectionName}:{nameof(ConceptOptions.ThesaurusFile)}"] = thesaurus;
        }

        return overrides;
    }

    /// <summary>A new <c>--format</c> option: table, csv or json.</summary>
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "table (default), csv or json: the same facts for people or for scripts. Errors still go to stderr with their exit code.",
        DefaultValueFactory = _ => OutputFormat.Table,
        HelpName = "table|csv|json",
    };

    /// <summary>Configuration overrides from the flags every workspace command shares (<c>--workspace</c>).</summary>
    internal static Dictionary<string, string?> WorkspaceOverride(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if ((parse.GetValue(Workspace) ?? parse.GetValue(ExistingWorkspace)) is { } workspace)
        {
            overrides[$"{WorkspaceOptions.SectionName}:{nameof(WorkspaceOptions.Path)}"] = workspace;
        }

        return overrides;
    }

    /// <summary>Sets configuration key <c>section:key</c> from <paramref name="option"/> when the user gave it (a flag only when true).</summary>
    internal static void Override<T>(ParseResult parse, Dictionary<string, string?> overrides, Option<T> option, string section, string key)
    {
        if (parse.GetValue(option) is { } value && (value is not bool flag || flag))
        {
            overrides[$"{section}:{key}"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Binds and validates the <c>Ingest</c> and <c>Workspace</c> configuration sections.</summary>
    internal static void ConfigureWorkspace(IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkspaceOptions>, WorkspaceOptionsValidator>();
    }

    /// <summary>Binds and validates the <c>Concepts</c> configuration section.</summary>
    internal static void ConfigureConceptOptions(IServiceCollection services)
    {
        services.AddOptions<ConceptOptions>().BindConfiguration(ConceptOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConceptOptions>, ConceptOptionsValidator>();
    }
}
