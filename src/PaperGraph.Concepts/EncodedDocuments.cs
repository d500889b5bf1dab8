using System.Collections;

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
/// Decoded strings are shared through one <see cref="StringPool"/> per slice of a batch, kept for the life of this
/// object, so a key is one string however often it is decoded, and decoding is deterministic.
/// </para>
/// </remarks>
public sealed class EncodedDocuments : IReadOnlyList<DocumentTerms>
{
    /// <summary>Documents decoded together, by default.</summary>
    public const int DefaultBatchSize = 2048;

    private readonly IReadOnlyList<(string Id, byte[] Terms)> _records;
    private readonly int _batchSize;
    private readonly Func<string, FormatException, Exception> _damaged;
    private readonly StringPool[] _pools;

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
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _records = records;
        _batchSize = batchSize;
        _damaged = damaged ?? ((_, e) => e);
        _pools = new StringPool[Math.Max(1, Environment.ProcessorCount)];
        for (var i = 0; i < _pools.Length; i++)
        {
            _pools[i] = new StringPool();
        }
    }

    /// <inheritdoc/>
    public int Count => _records.Count;

    /// <summary>The bytes of every record together.</summary>
    public long Bytes => _records.Sum(r => (long)r.Terms.Length);

    /// <summary>Document <paramref name="index"/>, decoded on its own (a pass over many documents goes through <see cref="Batches"/>).</summary>
    public DocumentTerms this[int index] => Decode(index, strings: null);

    /// <summary>The documents in order, in decoded batches; the next batch is decoded, on every core, while the caller works on this one.</summary>
    public IEnumerable<DocumentBatch> Batches()
    {
        if (_records.Count == 0)
        {
            yield break;
        }

        var next = Task.Run(() => DecodeBatch(0));
        for (var start = 0; start < _records.Count; start += _batchSize)
        {
            var batch = next.GetAwaiter().GetResult();
            var following = start + _batchSize;
            next = following < _records.Count ? Task.Run(() => DecodeBatch(following)) : null!;
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
        var count = Math.Min(_batchSize, _records.Count - start);
        var batch = new DocumentTerms[count];
        // Each slice has its own pool, so that which pool a record's strings come from depends only on its place.
        var slices = _pools.Length;
        var errors = new Exception?[slices];
        Parallel.For(0, slices, slice =>
        {
            var from = start + (int)((long)count * slice / slices);
            var to = start + (int)((long)count * (slice + 1) / slices);
            for (var i = from; i < to && errors[slice] is null; i++)
            {
                try
                {
                    batch[i - start] = Decode(i, _pools[slice]);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors[slice] = e;
                }
            }
        });

        return errors.FirstOrDefault(e => e is not null) is { } error ? throw error : batch;
    }

    private DocumentTerms Decode(int index, StringPool? strings)
    {
        var (id, bytes) = _records[index];
        try
        {
            return DocumentTermsBinary.Read(bytes, strings)
                ?? throw new FormatException($"a record of format {bytes.FirstOrDefault()}, expected {DocumentTermsBinary.Version}");
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
