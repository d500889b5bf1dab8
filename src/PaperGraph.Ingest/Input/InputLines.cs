using System.Text;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Input;

/// <summary>The non-empty lines of a text file as <c>ingest</c> opens it (gzip or plain, any byte-order mark), for tools that sample a corpus.</summary>
public static class InputLines
{
    /// <summary>Every non-empty line of <paramref name="path"/>, in order.</summary>
    /// <exception cref="PaperGraphException">The file cannot be read, is empty, compressed other than by gzip, binary, corrupt or truncated.</exception>
    public static List<string> ReadNonEmpty(string path)
    {
        using var file = InputFile.Open(path);
        using var reader = new StreamReader(file.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var lines = new List<string>();
        try
        {
            while (reader.ReadLine() is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.Add(line);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new PaperGraphException(ErrorCodes.CorruptCompressedFile, $"{path}: the gzip data is corrupt ({e.Message}); expected a valid .gz file.", e);
        }

        if (file.CheckComplete() is { } truncated)
        {
            throw new PaperGraphException(ErrorCodes.TruncatedGzip, truncated);
        }

        return lines;
    }

    /// <summary>The non-empty lines of a text file, gzipped or not, read one at a time (a corpus too big to hold).</summary>
    public static IEnumerable<string> EnumerateNonEmpty(string path)
    {
        using var file = InputFile.Open(path);
        using var reader = new StreamReader(file.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (InvalidDataException e)
            {
                throw new PaperGraphException(ErrorCodes.CorruptCompressedFile, $"{path}: the gzip data is corrupt ({e.Message}); expected a valid .gz file.", e);
            }

            if (line is null)
            {
                break;
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return line;
            }
        }
    }
}
