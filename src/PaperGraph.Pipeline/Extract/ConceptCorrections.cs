using System.Globalization;
using System.Security.Cryptography;
using PaperGraph.Concepts;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Extract;

/// <summary>The stop list and thesaurus a run uses: those given now, else those an earlier run recorded in the workspace.</summary>
/// <remarks>
/// A file given once (<c>--stop-list</c>, <c>--thesaurus</c>, or <c>Concepts:StopListFile</c> and
/// <c>Concepts:ThesaurusFile</c>) is recorded in the workspace with its SHA-256 and text, and every later
/// <c>extract</c> or <c>build</c> uses it: a <c>build</c> never undoes an <c>extract</c>'s corrections. When the
/// recorded file has been edited since, the edited one is used and recorded; when it is gone, the recorded copy is
/// used. Another file replaces it; an empty name (<c>--stop-list ""</c>) stops using it. The summary says which
/// files were used, and when they changed, that the concepts were merged again with the new ones.
/// </remarks>
internal static class ConceptCorrections
{
    private const string StopListKind = "stop_list";
    private const string ThesaurusKind = "thesaurus";

    /// <summary><paramref name="settings"/> with the corrections to use, and one line per correction file saying which it is.</summary>
    public static (ConceptSettings Settings, IReadOnlyList<string> Notes) Resolve(string? stopListFile, string? thesaurusFile, ConceptSettings settings, WorkspaceDatabase workspace)
    {
        var notes = new List<string>();
        var stop = Resolve(workspace, StopListKind, "stop list", stopListFile, notes,
            (text, _) => ConceptFiles.ParseStopList(text).Count);
        var thesaurus = Resolve(workspace, ThesaurusKind, "thesaurus", thesaurusFile, notes,
            (text, path) => ConceptFiles.ParseThesaurus(text, path).Count);
        return (settings with
        {
            StopList = stop is null ? null : ConceptFiles.ParseStopList(stop.Text),
            Thesaurus = thesaurus is null ? null : ConceptFiles.ParseThesaurus(thesaurus.Text, thesaurus.Path),
        }, notes);
    }

    private static RecordedFile? Resolve(WorkspaceDatabase workspace, string kind, string label, string? given, List<string> notes, Func<string, string, int> count)
    {
        var inv = CultureInfo.InvariantCulture;
        var recorded = workspace.ReadRecordedFile(kind);
        if (given is { Length: 0 })
        {
            if (recorded is not null)
            {
                workspace.RecordFile(kind, null);
                notes.Add($"{label} {recorded.Path} no longer used (an empty file name was given); concepts merged again without it");
            }

            return null;
        }

        if (given is not null)
        {
            var now = Read(Path.GetFullPath(given));
            var entries = count(now.Text, now.Path);
            if (recorded is null)
            {
                notes.Add(string.Create(inv, $"{label} {now.Path} (sha256 {Short(now.Sha256)}, {entries:N0} {Entries(label, entries)}) recorded in the workspace; later runs use it until another is given"));
            }
            else if (recorded.Sha256 != now.Sha256 || recorded.Path != now.Path)
            {
                notes.Add(string.Create(inv, $"{label} changed: {now.Path} (sha256 {Short(now.Sha256)}, {entries:N0} {Entries(label, entries)}) replaces {recorded.Path} (sha256 {Short(recorded.Sha256)}); concepts merged again with it, and it is recorded"));
            }
            else
            {
                notes.Add(string.Create(inv, $"{label} {now.Path} (sha256 {Short(now.Sha256)}, {entries:N0} {Entries(label, entries)}), as recorded"));
            }

            workspace.RecordFile(kind, now);
            return now;
        }

        if (recorded is null)
        {
            return null;
        }

        if (!File.Exists(recorded.Path))
        {
            var kept = count(recorded.Text, recorded.Path);
            notes.Add(string.Create(inv, $"{label} {recorded.Path} (sha256 {Short(recorded.Sha256)}, {kept:N0} {Entries(label, kept)}): the file is gone, so the copy recorded in the workspace is used"));
            return recorded;
        }

        var current = Read(recorded.Path);
        var n = count(current.Text, current.Path);
        if (current.Sha256 != recorded.Sha256)
        {
            notes.Add(string.Create(inv, $"{label} changed: {current.Path} was edited (sha256 {Short(recorded.Sha256)} -> {Short(current.Sha256)}, {n:N0} {Entries(label, n)}); concepts merged again with it, and it is recorded"));
            workspace.RecordFile(kind, current);
        }
        else
        {
            notes.Add(string.Create(inv, $"{label} {current.Path} (sha256 {Short(current.Sha256)}, {n:N0} {Entries(label, n)}), recorded in the workspace by an earlier run"));
        }

        return current;
    }

    private static RecordedFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraph.Core.PaperGraphException(PaperGraph.Core.ErrorCodes.PathNotFound, $"file not found: '{path}'.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperGraph.Core.PaperGraphException(PaperGraph.Core.ErrorCodes.InvalidArgument, $"{path}: cannot read the file ({e.Message}).", e);
        }

        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        return new RecordedFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), reader.ReadToEnd());
    }

    private static string Short(string sha256) => sha256[..12];

    private static string Entries(string label, int count) => label == "stop list" ? (count == 1 ? "term" : "terms") : (count == 1 ? "entry" : "entries");
}
