using System.Collections;
using Microsoft.Win32.SafeHandles;

namespace PaperGraph.Concepts;

/// <summary>
/// A corpus's documents held as their encoded terms (<see cref="DocumentTermsBinary"/>) and decoded a batch at a time
/// whenever a phase of <see cref="ConceptIndex.Build"/> reads them.
/// </summary>
/// <remarks>
/// <para>
/// Decoded, a paper's terms are about three times the size of its record, and every one of their objects is traced by
/// each garbage collection: on the 200k corpus the decoded documents were 1 GB of the index's 2.8 GB. Held encoded, the
/// corpus costs its records' bytes (0.35 GB on 200k), and each pass over it decodes one batch while the caller works on
/// the one before.
/// </para>
/// <para>
/// The records are held in memory, or, made with <see cref="Spill"/>, in a file that each pass reads in order, so that
/// what a corpus costs in memory is its ids and one offset per document.
/// </para>
/// <para>
/// Decoded strings are not pooled: the index keeps one string of each key and each surface form it holds, and the
/// others are garbage of the batch (pools kept every form of the corpus twice, used or not).
/// </para>
/// </remarks>
public sealed class EncodedDocuments : IReadOnlyList<DocumentTerms>, IDisposable
{
    /// <summary>Documents decoded together, by default.</summary>
    public const int DefaultBatchSize = 2048;

    private readonly IReadOnlyList<(string Id, byte[] Terms)>? _records;
    private readonly string[]? _ids;
    private readonly long[]? _offsets;
    private readonly SafeFileHandle? _file;
    private readonly int _batchSize;
    private readonly Func<string, FormatException, Exception> _damaged;
    private readonly int _slices;

    /// <summary>Documents from their records.</summary>
    /// <param name="records">Each document's id and the bytes <see cref="DocumentTermsBinary.Write"/> made of its terms, in corpus order.</param>
    /// <param name="damaged">
    /// The exception to throw for a record that cannot be read (cut short, damaged, or of another format version),
    /// given its id; by default the <see cref="FormatException"/> itself.
    /// </param>
    public EncodedDocuments(IReadOnlyList<(string Id, byte[] Terms)> records, Func<string, FormatException, Exception>? damaged = null)
        : this(records, damaged, DefaultBatchSize)
    {
    }

    /// <summary>Documents from their records, decoded <paramref name="batchSize"/> at a time (tests use small batches).</summary>
    internal EncodedDocuments(IReadOnlyList<(string Id, byte[] Terms)> records, Func<string, FormatException, Exception>? damaged, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = records;
        (_damaged, _slices, _batchSize) = Setup(damaged, batchSize);
    }

    private EncodedDocuments(string[] ids, long[] offsets, SafeFileHandle file, Func<string, FormatException, Exception>? damaged, int batchSize)
    {
        (_ids, _offsets, _file) = (ids, offsets, file);
        (_damaged, _slices, _batchSize) = Setup(damaged, batchSize);
    }

    /// <summary>
    /// Writes <paramref name="records"/> to a new file at <paramref name="path"/> and reads them from there: the file
    /// is deleted when this is disposed (and by the system, where it can, when the process ends).
    /// </summary>
    /// <param name="records">Each document's id and record, in corpus order; not held once written.</param>
    public static EncodedDocuments Spill(IEnumerable<(string Id, byte[] Terms)> records, string path, Func<string, FormatException, Exception>? damaged = null,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        try
        {
            var ids = new List<string>();
            var offsets = new List<long> { 0 };
            // Written through the handle itself: a FileStream would close it when done with.
            var buffer = new byte[1 << 20];
            var used = 0;
            foreach (var (id, terms) in records)
            {
                if (used + terms.Length > buffer.Length)
                {
                    RandomAccess.Write(file, buffer.AsSpan(0, used), offsets[^1] - used);
                    used = 0;
                }

                if (terms.Length > buffer.Length)
                {
                    RandomAccess.Write(file, terms, offsets[^1]);
                }
                else
                {
                    terms.CopyTo(buffer, used);
                    used += terms.Length;
                }

                ids.Add(id);
                offsets.Add(offsets[^1] + terms.Length);
            }

            RandomAccess.Write(file, buffer.AsSpan(0, used), offsets[^1] - used);

            return new EncodedDocuments([.. ids], [.. offsets], file, damaged, batchSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static (Func<string, FormatException, Exception>, int, int) Setup(Func<string, FormatException, Exception>? damaged, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return (damaged ?? ((_, e) => e), Math.Max(1, Environment.ProcessorCount), batchSize);
    }

    /// <inheritdoc/>
    public int Count => _records?.Count ?? _ids!.Length;

    /// <summary>The bytes of every record together.</summary>
    public long Bytes => _records?.Sum(r => (long)r.Terms.Length) ?? _offsets![^1];

    /// <summary>Document <paramref name="index"/>, decoded on its own (a pass over many documents goes through <see cref="Batches"/>).</summary>
    public DocumentTerms this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var (bytes, start) = Read(index, 1);
            return Decode(index, bytes, start);
        }
    }

    /// <summary>Closes and deletes the file of records made by <see cref="Spill"/>.</summary>
    public void Dispose() => _file?.Dispose();

    /// <summary>The documents in order, in decoded batches; the next batch is decoded, on every core, while the caller works on this one.</summary>
    public IEnumerable<DocumentBatch> Batches()
    {
        var count = Count;
        if (count == 0)
        {
            yield break;
        }

        var next = Task.Run(() => DecodeBatch(0));
        for (var start = 0; start < count; start += _batchSize)
        {
            var batch = next.GetAwaiter().GetResult();
            var following = start + _batchSize;
            next = following < count ? Task.Run(() => DecodeBatch(following)) : null!;
            yield return new DocumentBatch(start, batch);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<DocumentTerms> GetEnumerator()
    {
        foreach (var batch in Batches())
        {
            foreach (var document in batch.Documents)
            {
                yield return document;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The documents of <paramref name="documents"/> in batches: decoded batch by batch when they are
    /// <see cref="EncodedDocuments"/>, else one batch of them all.
    /// </summary>
    public static IEnumerable<DocumentBatch> BatchesOf(IReadOnlyList<DocumentTerms> documents) =>
        documents is EncodedDocuments encoded ? encoded.Batches() : documents.Count == 0 ? [] : [new DocumentBatch(0, documents)];

    private DocumentTerms[] DecodeBatch(int start)
    {
        var count = Math.Min(_batchSize, Count - start);
        var batch = new DocumentTerms[count];
        var (bytes, first) = Read(start, count);
        var slices = _slices;
        var errors = new Exception?[slices];
        Parallel.For(0, slices, slice =>
        {
            var from = start + (int)((long)count * slice / slices);
            var to = start + (int)((long)count * (slice + 1) / slices);
            for (var i = from; i < to && errors[slice] is null; i++)
            {
                try
                {
                    batch[i - start] = Decode(i, bytes, first);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors[slice] = e;
                }
            }
        });

        return errors.FirstOrDefault(e => e is not null) is { } error ? throw error : batch;
    }

    /// <summary>
    /// The records of documents <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1:
    /// from memory, null (each is its own array); from the file, one read into one array, with the offset of the first.
    /// </summary>
    private (byte[]? Bytes, long First) Read(int start, int count)
    {
        if (_records is not null)
        {
            return (null, 0);
        }

        var (from, to) = (_offsets![start], _offsets[start + count]);
        var bytes = new byte[to - from];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(_file!, bytes.AsSpan(read), from + read);
            read += n > 0 ? n : throw new EndOfStreamException($"The file of the corpus's terms ends at {from + read:N0} bytes; {to:N0} were written.");
        }

        return (bytes, from);
    }

    private DocumentTerms Decode(int index, byte[]? bytes, long first)
    {
        var id = _records is not null ? _records[index].Id : _ids![index];
        var record = _records is not null
            ? _records[index].Terms.AsSpan()
            : bytes.AsSpan((int)(_offsets![index] - first), (int)(_offsets[index + 1] - _offsets[index]));
        try
        {
            return DocumentTermsBinary.Read(record)
                ?? throw new FormatException($"a record of format {(record.IsEmpty ? "none" : record[0])}, expected {DocumentTermsBinary.Version}");
        }
        catch (FormatException e)
        {
            throw _damaged(id, e);
        }
    }
}

/// <summary>Documents <see cref="Start"/> to <see cref="Start"/> + Count - 1 of a corpus, decoded.</summary>
/// <param name="Start">The corpus index of the first.</param>
/// <param name="Documents">The documents, in corpus order.</param>
public readonly record struct DocumentBatch(int Start, IReadOnlyList<DocumentTerms> Documents);
