using PaperGraph.Core;

namespace PaperGraph.Cli;

/// <summary>Every problem of the configuration at once (exit 2), each reported on its own line.</summary>
internal sealed class ConfigurationException(IReadOnlyList<string> problems)
    : PaperGraphException(ErrorCodes.InvalidConfiguration, string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
