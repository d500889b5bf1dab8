using System.Text;

namespace PaperGraph.Core;

/// <summary>
/// An output file written whole or not at all: written to a hidden temporary file in the same folder, flushed to the
/// disk, then renamed over the destination. Every file PaperGraph writes goes through it.
/// </summary>
/// <remarks>
/// A run killed or cancelled half-way (Ctrl+C, <c>kill</c>, a full disk) leaves the previous file as it was, never a
/// truncated one that Gephi or VOSviewer would read as valid; at most a hidden <c>.name.*.tmp</c> file stays behind
/// (hidden entries are never read as input). The rename is atomic because the temporary file is in the destination's
/// folder (same file system), and it comes after <c>fsync</c>, so after a power cut the name holds the old or the new
/// content, not an empty file. Several files that belong together (VOSviewer's map and network) are each atomic; they
/// are renamed one after the other once all are written. File-system failures are raised as coded errors naming the
/// path (<see cref="EnvironmentErrors"/>). A device or a pipe (<c>--out /dev/stdout</c>) is written straight through,
/// and a symbolic link is followed, so the file it names is replaced and the link kept.
/// </remarks>
public sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _stream;
    private readonly bool _direct;
    private bool _committed;

    private AtomicFile(string path, string temporaryPath, FileStream stream, bool direct = false)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
        _direct = direct;
    }

    /// <summary>The destination.</summary>
    public string Path { get; }

    /// <summary>Where the content goes until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The content: write it here, then call <see cref="Commit"/>.</summary>
    public Stream Stream => _stream;

    /// <summary>Starts writing <paramref name="path"/>; nothing is replaced until <see cref="Commit"/>.</summary>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            if (IsDeviceOrPipe(full))
            {
                // /dev/stdout, /dev/null, /dev/fd/3: no previous content to keep, and renaming a file over a device
                // node would replace the device itself. Written straight through.
                return new AtomicFile(full, full, new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1 << 16), direct: true);
            }

            // A link to a file: the file is replaced, the link kept.
            if (File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
            {
                full = target.FullName;
            }

            var folder = System.IO.Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
            var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid().ToString("N")[..8]}.tmp");
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
            return new AtomicFile(full, temporary, stream);
        }
        catch (Exception e) when (EnvironmentErrors.Classify(e, path) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, whole or not at all.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        file.Guard(() => write(file.Stream));
        file.Commit();
    }

    /// <summary>Writes <paramref name="path"/> as UTF-8 text (no byte-order mark) with <paramref name="write"/>, whole or not at all.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 (no byte-order mark), whole or not at all.</summary>
    public static void WriteAllText(string path, string text) => WriteText(path, writer => writer.Write(text));

    /// <summary>Opens a UTF-8 writer (no byte-order mark) over <see cref="Stream"/>; dispose it before <see cref="Commit"/>.</summary>
    public TextWriter CreateText() => new StreamWriter(_stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);

    /// <summary>Flushes the content to the disk and renames it over <see cref="Path"/>.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        Guard(() =>
        {
            if (_direct)
            {
                _stream.Flush();
                _stream.Dispose();
                return;
            }

            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(TemporaryPath, Path, overwrite: true);
        });
        _committed = true;
    }

    /// <summary>
    /// Whether <paramref name="full"/> names a device or a pipe rather than a file: on Unix, anything under
    /// <c>/dev</c> or <c>/proc</c> (.NET has no portable file-type test, and regular outputs never live there).
    /// </summary>
    private static bool IsDeviceOrPipe(string full) =>
        !OperatingSystem.IsWindows() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>Removes the temporary file unless <see cref="Commit"/> ran: the destination keeps its previous content.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        _committed = true;
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // Flushing the rest failed (a full disk): the file is abandoned anyway.
        }

        if (_direct)
        {
            return;
        }

        try
        {
            File.Delete(TemporaryPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind as a hidden .tmp file, which nothing reads.
        }
    }

    /// <summary>Runs <paramref name="action"/>, raising a file-system failure as a coded error naming <see cref="Path"/>.</summary>
    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (EnvironmentErrors.Classify(e, Path) is { } error)
        {
            throw error;
        }
    }
}
