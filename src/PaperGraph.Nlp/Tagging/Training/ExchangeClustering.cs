namespace PaperGraph.Nlp.Tagging.Training;

/// <summary>
/// Items (words, or classes of words) and the counts of adjacent pairs of them in a corpus, as two sparse adjacency
/// lists: what follows each item and what precedes it.
/// </summary>
/// <param name="Successors">Per item, the items that follow it (sorted by item) with their pair counts.</param>
/// <param name="Predecessors">Per item, the items that precede it, with their pair counts.</param>
internal sealed record BigramGraph(int Count, (int Item, long Pairs)[][] Successors, (int Item, long Pairs)[][] Predecessors)
{
    /// <summary>Builds the graph of the classes of a partition: class pair counts are sums of item pair counts.</summary>
    public BigramGraph Collapse(int[] classOf, int classes)
    {
        var pairs = new long[classes * classes];
        for (var a = 0; a < Count; a++)
        {
            foreach (var (b, n) in Successors[a])
            {
                pairs[classOf[a] * classes + classOf[b]] += n;
            }
        }

        var successors = new (int, long)[classes][];
        var predecessors = new (int, long)[classes][];
        for (var c = 0; c < classes; c++)
        {
            var after = new List<(int, long)>();
            var before = new List<(int, long)>();
            for (var d = 0; d < classes; d++)
            {
                if (pairs[c * classes + d] > 0)
                {
                    after.Add((d, pairs[c * classes + d]));
                }

                if (pairs[d * classes + c] > 0)
                {
                    before.Add((d, pairs[d * classes + c]));
                }
            }

            successors[c] = [.. after];
            predecessors[c] = [.. before];
        }

        return new BigramGraph(classes, successors, predecessors);
    }
}

/// <summary>Progress of one pass of the exchange algorithm.</summary>
/// <param name="Moved">Items that changed class in this pass.</param>
/// <param name="Objective">The class-bigram log-likelihood (up to a constant) after the pass.</param>
public sealed record ExchangePass(int Classes, int Iteration, int Moved, double Objective, TimeSpan Elapsed);

/// <summary>
/// Partitions items into a fixed number of classes so that a class bigram model predicts the corpus best: the exchange
/// algorithm of Kneser and Ney (1993) and Martin, Liermann and Ney (1998), with Brown et al.'s (1992) objective.
/// </summary>
/// <remarks>
/// <para>
/// The objective is the log-likelihood of the class bigram model <c>p(w|v) = p(c(w)|c(v)) p(w|c(w))</c>, which up to a
/// constant is <c>Σ f(N(c,d)) − Σ f(N(c,·)) − Σ f(N(·,d))</c> with <c>f(x) = x ln x</c> over the class pair counts
/// <c>N</c>. Each pass visits the items in order (most frequent first); an item is taken out of its class and put into
/// the class that gains most, which never lowers the objective. Passes stop when fewer than a share of items moved.
/// </para>
/// <para>
/// Cost of a pass: for each item, its neighbours' classes are gathered (its pair count), then every class is scored
/// from the non-zero entries: <c>O(K · (classes after it + classes before it))</c>. The <c>K×K</c> count matrix and
/// its <c>f</c> values are dense and updated in <c>O(K)</c> per move. Deterministic: ties keep the current class, then
/// the lowest class number.
/// </para>
/// </remarks>
internal static class ExchangeClustering
{
    /// <summary>Runs the exchange algorithm from <paramref name="initial"/> (modified in place) and returns it.</summary>
    public static int[] Run(BigramGraph graph, int classes, int[] initial, int maxIterations, double minMovedShare, Action<ExchangePass>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var n = graph.Count;
        var classOf = initial;
        var k = classes;
        var pairs = new long[k * k];
        var transposed = new long[k * k];
        var fPairs = new double[k * k];
        var fTransposed = new double[k * k];
        var rows = new long[k];
        var columns = new long[k];
        var outTotal = new long[n];
        var inTotal = new long[n];
        for (var a = 0; a < n; a++)
        {
            foreach (var (b, count) in graph.Successors[a])
            {
                pairs[classOf[a] * k + classOf[b]] += count;
                outTotal[a] += count;
                inTotal[b] += count;
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                transposed[d * k + c] = pairs[c * k + d];
                rows[c] += pairs[c * k + d];
                columns[d] += pairs[c * k + d];
            }
        }

        for (var i = 0; i < k * k; i++)
        {
            fPairs[i] = F(pairs[i]);
            fTransposed[i] = F(transposed[i]);
        }

        var after = new long[k];
        var before = new long[k];
        var afterClasses = new int[k];
        var beforeClasses = new int[k];
        var gains = new double[k];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var moved = 0;
            for (var w = 0; w < n; w++)
            {
                if ((w & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (outTotal[w] == 0 && inTotal[w] == 0)
                {
                    continue;
                }

                // Counts of w's pairs by the class of the other item, without w's pairs with itself.
                var afterCount = 0;
                var beforeCount = 0;
                long self = 0;
                foreach (var (v, count) in graph.Successors[w])
                {
                    if (v == w)
                    {
                        self = count;
                        continue;
                    }

                    var d = classOf[v];
                    if (after[d] == 0)
                    {
                        afterClasses[afterCount++] = d;
                    }

                    after[d] += count;
                }

                foreach (var (v, count) in graph.Predecessors[w])
                {
                    if (v == w)
                    {
                        continue;
                    }

                    var d = classOf[v];
                    if (before[d] == 0)
                    {
                        beforeClasses[beforeCount++] = d;
                    }

                    before[d] += count;
                }

                var from = classOf[w];
                Move(from, -1);

                // Gain of putting w into class b, relative to leaving it in no class.
                for (var b = 0; b < k; b++)
                {
                    double gain = 0;
                    var row = b * k;
                    for (var j = 0; j < afterCount; j++)
                    {
                        var d = afterClasses[j];
                        gain += F(pairs[row + d] + after[d]) - fPairs[row + d];
                    }

                    for (var j = 0; j < beforeCount; j++)
                    {
                        var d = beforeClasses[j];
                        gain += F(transposed[row + d] + before[d]) - fTransposed[row + d];
                    }

                    // The (b, b) cell was counted twice above, each time with only one side's pairs: put it right.
                    var diagonal = pairs[row + b];
                    if (after[b] != 0)
                    {
                        gain -= F(diagonal + after[b]) - fPairs[row + b];
                    }

                    if (before[b] != 0)
                    {
                        gain -= F(diagonal + before[b]) - fPairs[row + b];
                    }

                    gain += F(diagonal + after[b] + before[b] + self) - fPairs[row + b];
                    gain -= F(rows[b] + outTotal[w]) - F(rows[b]) + F(columns[b] + inTotal[w]) - F(columns[b]);
                    gains[b] = gain;
                }

                var to = from;
                for (var b = 0; b < k; b++)
                {
                    if (gains[b] > gains[to] + 1e-9 * Math.Abs(gains[to]))
                    {
                        to = b;
                    }
                }

                Move(to, +1);
                classOf[w] = to;
                moved += to != from ? 1 : 0;
                for (var j = 0; j < afterCount; j++)
                {
                    after[afterClasses[j]] = 0;
                }

                for (var j = 0; j < beforeCount; j++)
                {
                    before[beforeClasses[j]] = 0;
                }

                // Adds (sign +1) or removes (-1) w's counts to or from class c.
                void Move(int c, int sign)
                {
                    var row = c * k;
                    for (var j = 0; j < afterCount; j++)
                    {
                        var d = afterClasses[j];
                        Set(row + d, d * k + c, pairs[row + d] + sign * after[d]);
                    }

                    for (var j = 0; j < beforeCount; j++)
                    {
                        var d = beforeClasses[j];
                        Set(d * k + c, row + d, pairs[d * k + c] + sign * before[d]);
                    }

                    Set(row + c, row + c, pairs[row + c] + sign * self);
                    rows[c] += sign * outTotal[w];
                    columns[c] += sign * inTotal[w];
                }
            }

            progress?.Invoke(new ExchangePass(k, iteration, moved, Objective(), stopwatch.Elapsed));
            if (moved == 0 || moved < minMovedShare * n)
            {
                break;
            }
        }

        return classOf;

        void Set(int index, int transposedIndex, long value)
        {
            pairs[index] = value;
            transposed[transposedIndex] = value;
            var f = F(value);
            fPairs[index] = f;
            fTransposed[transposedIndex] = f;
        }

        double Objective()
        {
            double sum = 0;
            for (var i = 0; i < k * k; i++)
            {
                sum += fPairs[i];
            }

            for (var c = 0; c < k; c++)
            {
                sum -= F(rows[c]) + F(columns[c]);
            }

            return sum;
        }
    }

    private static double F(long x) => x <= 0 ? 0 : x * Math.Log(x);
}
