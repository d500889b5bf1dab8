namespace PaperGraph.Core;

/// <summary>One paper as PaperGraph stores it: normalised text plus whatever metadata its source had.</summary>
/// <remarks>
/// <see cref="Id"/> is the arXiv identifier when the source gave one (without version suffix), otherwise
/// <c>t:</c> followed by 16 hex digits of the SHA-256 of the paper's title key (see <see cref="PaperKeys"/>).
/// <see cref="Published"/> is an ISO 8601 date, <c>yyyy-MM-dd</c>, or <c>--MM-dd</c> when the source showed a
/// day without a year (Daily Papers pages omit the current year).
/// </remarks>
public sealed record Paper
{
    public required string Id { get; init; }

    /// <summary>The title, or <see langword="null"/> when the source showed an abstract without one.</summary>
    public string? Title { get; init; }

    public required string Abstract { get; init; }

    /// <summary>Number of authors, when known.</summary>
    public int? Authors { get; init; }

    /// <summary>The authors' names as the source writes them (white space and initials normalised), when it gives names; Daily Papers pages give only a count.</summary>
    public IReadOnlyList<string> AuthorNames { get; init; } = [];

    /// <summary>Publication date as ISO 8601 text (<c>2025-11-23</c> or yearless <c>--11-23</c>).</summary>
    public string? Published { get; init; }

    /// <summary>Daily Papers upvotes, when shown.</summary>
    public int? Upvotes { get; init; }

    /// <summary>Organisation shown instead of an author count on Daily Papers pages (e.g. "ai21labs AI21").</summary>
    public string? Organization { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>LaTeX fragments in <see cref="Title"/>, kept in the text and marked here so later stages can skip them.</summary>
    public IReadOnlyList<TextRange> TitleLatex { get; init; } = [];

    /// <summary>LaTeX fragments in <see cref="Abstract"/>.</summary>
    public IReadOnlyList<TextRange> AbstractLatex { get; init; } = [];

    /// <summary>Where the paper was read, as <c>file:line</c>; several when the same paper was met more than once.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}

/// <summary>A range of UTF-16 code units in a string.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public override string ToString() => $"{Start}+{Length}";
}
