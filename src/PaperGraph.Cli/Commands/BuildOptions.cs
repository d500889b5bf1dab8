using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PaperGraph.Pipeline.Build;

namespace PaperGraph.Cli.Commands;

/// <summary>Settings of the build itself (configuration section <c>Build</c>).</summary>
public sealed class BuildOptions
{
    public const string SectionName = "Build";

    /// <summary>
    /// The memory the build may use, in MB (<see cref="MemoryBudget"/>). Default: 75% of the memory available to the
    /// process (a container's limit where there is one).
    /// </summary>
    [Range(MemoryBudget.MinimumMB, int.MaxValue)]
    [System.ComponentModel.Description("75% of the memory available")]
    public int? MemoryBudgetMB { get; set; }

    /// <summary>The budget in bytes: the one set, else the default.</summary>
    public long MemoryBudgetBytes() => MemoryBudgetMB is { } mb ? (long)mb << 20 : MemoryBudget.DefaultBytes();
}

[OptionsValidator]
internal sealed partial class BuildOptionsValidator : IValidateOptions<BuildOptions>;
