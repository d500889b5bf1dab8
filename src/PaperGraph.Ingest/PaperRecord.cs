namespace PaperGraph.Ingest;

/// <summary>One paper as a reader found it, before normalisation and identity.</summary>
/// <param name="Line">1-based line where the record starts in its file.</param>
public sealed record PaperRecord(
    string File,
    long Line,
    string? Id,
    string? Title,
    string? Abstract,
    int? Authors = null,
    string? Date = null,
    int? Upvotes = null,
    string? Organization = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? AuthorNames = null)
{
    public string Location => $"{File}:{Line}";
}
