using Microsoft.Data.Sqlite;
using System.Text;
using SQLitePCL;

namespace PaperGraph.Workspace;

/// <summary>A statement prepared once and executed many times through SQLite's C API.</summary>
/// <remarks>
/// Used for the bulk insert only: <see cref="SqliteCommand.ExecuteNonQuery"/> sets up a data reader on every call,
/// which was a third of the time of loading 200k papers. Runs inside whatever transaction the connection has open.
/// </remarks>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[4096];

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based) to text, or NULL when <paramref name="value"/> is null.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        // Encode here rather than with bind_text16: .NET's encoder is vectorised, SQLite's UTF-16 conversion is not.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < maxBytes)
        {
            _utf8 = new byte[Math.Max(maxBytes, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based) to text already encoded as UTF-8.</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    public void BindBlob(int index, ReadOnlySpan<byte> bytes) => Check(raw.sqlite3_bind_blob(_statement, index, bytes));

    public void Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void BindReal(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    public void BindReal(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Runs the statement with the bound values, then resets it for the next row.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Throw(result);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            Throw(result);
        }
    }

    private void Throw(int result) =>
        throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);

    public void Dispose() => _statement.Dispose();
}
