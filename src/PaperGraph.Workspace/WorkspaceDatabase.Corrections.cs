namespace PaperGraph.Workspace;

/// <summary>A user's correction file (stop list or thesaurus) as a run used it: where it was read, its SHA-256 (hex) and its text.</summary>
public sealed record RecordedFile(string Path, string Sha256, string Text);

public sealed partial class WorkspaceDatabase
{
    /// <summary>The correction file of <paramref name="kind"/> (<c>stop_list</c>, <c>thesaurus</c>) an earlier run recorded, or null.</summary>
    /// <remarks>
    /// Kept in <c>meta</c> under <c>{kind}_path</c>, <c>{kind}_sha256</c> and <c>{kind}_text</c>, so that every later run
    /// uses the same corrections, also when the file has moved, until another file is given (no schema change: older
    /// PaperGraphs ignore these keys).
    /// </remarks>
    public RecordedFile? ReadRecordedFile(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM meta WHERE key IN ($path, $sha, $text)";
        command.Parameters.AddWithValue("$path", kind + "_path");
        command.Parameters.AddWithValue("$sha", kind + "_sha256");
        command.Parameters.AddWithValue("$text", kind + "_text");
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            values[reader.GetString(0)[(kind.Length + 1)..]] = reader.GetString(1);
        }

        return values.TryGetValue("path", out var path) && values.TryGetValue("sha256", out var sha) && values.TryGetValue("text", out var text)
            ? new RecordedFile(path, sha, text)
            : null;
    }

    /// <summary>Records <paramref name="file"/> as the correction file of <paramref name="kind"/>, or forgets it when null.</summary>
    public void RecordFile(string kind, RecordedFile? file)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM meta WHERE key IN ($path, $sha, $text)";
        command.Parameters.AddWithValue("$path", kind + "_path");
        command.Parameters.AddWithValue("$sha", kind + "_sha256");
        command.Parameters.AddWithValue("$text", kind + "_text");
        command.ExecuteNonQuery();
        if (file is not null)
        {
            command.CommandText = "INSERT INTO meta (key, value) VALUES ($path, $pathValue), ($sha, $shaValue), ($text, $textValue)";
            command.Parameters.AddWithValue("$pathValue", file.Path);
            command.Parameters.AddWithValue("$shaValue", file.Sha256);
            command.Parameters.AddWithValue("$textValue", file.Text);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
