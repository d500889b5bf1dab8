using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>What <see cref="PaperWriter.Add"/> did with a paper.</summary>
public enum AddOutcome
{
    /// <summary>A paper the workspace did not have.</summary>
    Added,

    /// <summary>The same paper was already met in this run; the two were merged.</summary>
    MergedDuplicate,

    /// <summary>The workspace had the paper from an earlier run; new metadata was merged in.</summary>
    MergedExisting,
}

/// <summary>Writes papers into the workspace in one transaction, merging records of the same paper.</summary>
/// <remarks>
/// Two records are the same paper when they have the same id, or when one has no arXiv id and their title keys
/// are equal (so a Daily Papers entry joins the arXiv record of the same title). Two different arXiv ids never
/// merge. When a title-only paper meets its arXiv record, the stored row takes the arXiv id. Nothing is visible
/// to other readers until <see cref="Commit"/>; a killed run leaves the workspace as it was.
/// </remarks>
public sealed class PaperWriter : IDisposable
{
    private readonly WorkspaceDatabase _workspace;
    private readonly SqliteTransaction _transaction;
    private readonly PreparedStatement _insert;
    private readonly HashSet<string> _existing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenThisRun = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByTitleKey = new(StringComparer.Ordinal);

    internal PaperWriter(WorkspaceDatabase workspace)
    {
        _workspace = workspace;
        var connection = workspace.Connection;
        workspace.Execute("PRAGMA synchronous = OFF");
        LoadIdentities(connection);
        _transaction = connection.BeginTransaction();
        _insert = new PreparedStatement(connection, $"INSERT INTO papers ({PaperRows.Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    }

    public long Added { get; private set; }

    public long MergedDuplicates { get; private set; }

    public long MergedExisting { get; private set; }

    private void LoadIdentities(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title_key FROM papers";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            _existing.Add(id);
            var key = reader.GetString(1);
            if (key.Length > 0)
            {
                _idByTitleKey.TryAdd(key, id);
            }
        }
    }

    public AddOutcome Add(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var titleKey = paper.Title is null ? "" : PaperKeys.TitleKey(paper.Title);
        var target = ResolveTarget(paper, titleKey);
        AddOutcome outcome;
        if (target is null)
        {
            Insert(paper, titleKey, revision: 1);
            _existing.Add(paper.Id);
            if (titleKey.Length > 0)
            {
                _idByTitleKey.TryAdd(titleKey, paper.Id);
            }

            outcome = AddOutcome.Added;
            Added++;
        }
        else
        {
            outcome = _seenThisRun.Contains(target) ? AddOutcome.MergedDuplicate : AddOutcome.MergedExisting;
            var stored = Load(target, out var revision);
            var merged = PaperMerge.Merge(stored, paper);
            if (merged.Id != target)
            {
                // A title-only paper met its arXiv record: the row moves to the arXiv id.
                Delete(target);
                _existing.Remove(target);
                _seenThisRun.Remove(target);
                Insert(merged, titleKey.Length > 0 ? titleKey : PaperKeys.TitleKey(merged.Title ?? ""), revision + 1);
                _existing.Add(merged.Id);
                if (titleKey.Length > 0)
                {
                    _idByTitleKey[titleKey] = merged.Id;
                }
            }
            else if (!SameRow(stored, merged))
            {
                var contentChanged = stored.Title != merged.Title || stored.Abstract != merged.Abstract;
                Delete(target);
                Insert(merged, PaperKeys.TitleKey(merged.Title ?? ""), contentChanged ? revision + 1 : revision);
            }

            target = merged.Id;
            if (outcome == AddOutcome.MergedDuplicate)
            {
                MergedDuplicates++;
            }
            else
            {
                MergedExisting++;
            }
        }

        _seenThisRun.Add(target ?? paper.Id);
        return outcome;
    }

    /// <summary>The id of the stored paper <paramref name="paper"/> is the same as, or null when it is new.</summary>
    private string? ResolveTarget(Paper paper, string titleKey)
    {
        if (_existing.Contains(paper.Id))
        {
            return paper.Id;
        }

        if (titleKey.Length == 0 || !_idByTitleKey.TryGetValue(titleKey, out var other))
        {
            return null;
        }

        // Title matches join a paper without an arXiv id to one with; two arXiv ids are two papers.
        return PaperMerge.IsTextId(paper.Id) || PaperMerge.IsTextId(other) ? other : null;
    }

    private void Insert(Paper paper, string titleKey, long revision)
    {
        var insert = _insert;
        insert.Bind(1, paper.Id);
        insert.Bind(2, paper.Title);
        insert.Bind(3, paper.Abstract);
        insert.Bind(4, paper.Authors);
        insert.Bind(5, paper.Published);
        insert.Bind(6, paper.Upvotes);
        insert.Bind(7, paper.Organization);
        insert.Bind(8, string.Join(' ', paper.Categories));
        insert.Bind(9, PaperRows.FormatRanges(paper.TitleLatex));
        insert.Bind(10, PaperRows.FormatRanges(paper.AbstractLatex));
        insert.Bind(11, string.Join('\n', paper.Sources));
        insert.Bind(12, titleKey);
        insert.Bind(13, revision);
        insert.Bind(14, string.Join('\n', paper.AuthorNames));
        insert.Execute();
    }

    private Paper Load(string id, out long revision)
    {
        using var command = _workspace.Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        revision = reader.GetInt64(12);
        return PaperRows.Read(reader);
    }

    private void Delete(string id)
    {
        using var command = _workspace.Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "DELETE FROM papers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private static bool SameRow(Paper a, Paper b) =>
        a.Id == b.Id && a.Title == b.Title && a.Abstract == b.Abstract && a.Authors == b.Authors && a.Published == b.Published
        && a.Upvotes == b.Upvotes && a.Organization == b.Organization && a.Categories.SequenceEqual(b.Categories)
        && a.Sources.SequenceEqual(b.Sources) && a.AuthorNames.SequenceEqual(b.AuthorNames);

    /// <summary>Makes everything added so far durable and visible.</summary>
    public void Commit()
    {
        _transaction.Commit();
        _workspace.Execute("PRAGMA synchronous = NORMAL");
    }

    public void Dispose()
    {
        _insert.Dispose();
        _transaction.Dispose();
    }
}
