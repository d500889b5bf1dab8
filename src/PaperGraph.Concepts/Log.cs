using Microsoft.Extensions.Logging;

namespace PaperGraph.Concepts;

/// <summary>Log messages of concept extraction and the corpus index (event ids 2000-2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "The abbreviation {ShortForm} has several long forms in the corpus: {LongForms}. Where it is not defined, it is read as '{Chosen}' unless they are unrelated; then a bare use needs evidence of its meaning.")]
    public static partial void AmbiguousAbbreviation(ILogger logger, string shortForm, string longForms, string chosen);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "{Count} abbreviations have several long forms in the corpus: each meaning is its own concept; a bare use joins the meaning its paper gives evidence for (the long form, or concepts typical of that meaning), or none where meanings are unrelated and there is no evidence (run with --verbose to see each).")]
    public static partial void AmbiguousAbbreviations(ILogger logger, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Concept index: {Phase} took {Seconds:F1} s")]
    public static partial void IndexPhase(ILogger logger, string phase, double seconds);
}
