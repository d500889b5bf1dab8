using System.Runtime.CompilerServices;

namespace PaperGraph.Graph.Layout;

/// <summary>A Barnes–Hut quadtree over weighted points, rebuilt each iteration, for the repulsion of <see cref="ForceAtlas2"/>.</summary>
/// <remarks>
/// <para>Cells are stored in preorder, each with the index of the first cell after its subtree, so a query walks the
/// arrays front to back without a stack: a cell far enough away (width below θ × distance, and the query point outside
/// it) acts as one body at its centre of mass and its subtree is skipped; a nearer leaf acts body by body; any other cell
/// is opened. A leaf holds up to <see cref="LeafCapacity"/> bodies, or more when their points coincide to within
/// 2^-<see cref="MaxDepth"/> of the box.</para>
/// <para>The build is sequential and visits the points in a fixed order, and a query only reads the tree, so queries can
/// run on several threads and still give the same bits as on one. O(n log n) to build, about O(log n) cells per query.</para>
/// </remarks>
internal sealed class BarnesHutTree
{
    private const int LeafCapacity = 4;
    private const int MaxDepth = 40;

    private int[] _order = [];
    private int _cells;
    private int[] _next = new int[16];
    private int[] _start = new int[16];

    /// <summary>Bodies of a leaf; 0 for a cell that has children.</summary>
    private int[] _count = new int[16];

    private double[] _mass = new double[16];
    private double[] _centerX = new double[16];
    private double[] _centerY = new double[16];
    private double[] _minX = new double[16];
    private double[] _minY = new double[16];
    private double[] _width = new double[16];

    /// <summary>Number of cells of the last build.</summary>
    public int CellCount => _cells;

    /// <summary>Builds the tree over points <c>(x[i], y[i])</c> of mass <c>mass[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Build(double[] x, double[] y, double[] mass)
    {
        var n = x.Length;
        if (_order.Length != n)
        {
            _order = new int[n];
        }

        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
        }

        _cells = 0;
        if (n == 0)
        {
            return;
        }

        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxY = Math.Max(maxY, y[i]);
        }

        // A square box slightly larger than the points, so the largest coordinate is strictly inside (cells are half-open).
        var width = Math.Max(maxX - minX, maxY - minY);
        width = width * (1 + 1e-9) + Math.Max(1e-12, Math.Abs(minX) * 1e-15 + Math.Abs(minY) * 1e-15);
        BuildCell(x, y, mass, 0, n, minX, minY, width, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildCell(double[] x, double[] y, double[] mass, int start, int count, double minX, double minY, double width, int depth)
    {
        var cell = _cells++;
        EnsureCapacity(_cells);
        double total = 0, sumX = 0, sumY = 0;
        for (var k = start; k < start + count; k++)
        {
            var i = _order[k];
            total += mass[i];
            sumX += mass[i] * x[i];
            sumY += mass[i] * y[i];
        }

        _mass[cell] = total;
        _centerX[cell] = sumX / total;
        _centerY[cell] = sumY / total;
        _minX[cell] = minX;
        _minY[cell] = minY;
        _width[cell] = width;
        _start[cell] = start;
        if (count <= LeafCapacity || depth >= MaxDepth)
        {
            _count[cell] = count;
            _next[cell] = _cells;
            return;
        }

        _count[cell] = 0;
        var half = width / 2;
        var (midX, midY) = (minX + half, minY + half);
        // Quadrants in a fixed order: lower half split by x, then upper half split by x.
        var upper = Partition(y, start, start + count, midY);
        var lowerRight = Partition(x, start, upper, midX);
        var upperRight = Partition(x, upper, start + count, midX);
        Child(start, lowerRight, minX, minY);
        Child(lowerRight, upper, midX, minY);
        Child(upper, upperRight, minX, midY);
        Child(upperRight, start + count, midX, midY);
        _next[cell] = _cells;

        void Child(int from, int to, double childX, double childY)
        {
            if (to > from)
            {
                BuildCell(x, y, mass, from, to - from, childX, childY, half, depth + 1);
            }
        }
    }

    /// <summary>Reorders <c>_order[from..to)</c> so the bodies with <c>coordinate &lt; split</c> come first; returns where the others start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Partition(double[] coordinate, int from, int to, double split)
    {
        int i = from, j = to - 1;
        while (true)
        {
            while (i <= j && coordinate[_order[i]] < split)
            {
                i++;
            }

            while (i <= j && coordinate[_order[j]] >= split)
            {
                j--;
            }

            if (i >= j)
            {
                return i;
            }

            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    /// <summary>
    /// The repulsion on body <paramref name="body"/> at <c>(px, py)</c>: the sum over the other bodies <c>j</c> of
    /// <c>coefficient × mass[j] × (p − p_j) / |p − p_j|²</c> (so of magnitude <c>coefficient × mass[j] / distance</c>), with
    /// far cells taken as one body. Coincident bodies exert no force on each other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double X, double Y) Repulsion(int body, double px, double py, double coefficient, double theta, double[] x, double[] y, double[] mass)
    {
        double fx = 0, fy = 0;
        var theta2 = theta * theta;
        var cell = 0;
        while (cell < _cells)
        {
            var dx = px - _centerX[cell];
            var dy = py - _centerY[cell];
            var d2 = dx * dx + dy * dy;
            var w = _width[cell];
            var inside = px >= _minX[cell] && px < _minX[cell] + w && py >= _minY[cell] && py < _minY[cell] + w;
            if (!inside && w * w < theta2 * d2)
            {
                var f = _mass[cell] / d2;
                fx += dx * f;
                fy += dy * f;
                cell = _next[cell];
            }
            else if (_count[cell] > 0)
            {
                var end = _start[cell] + _count[cell];
                for (var k = _start[cell]; k < end; k++)
                {
                    var j = _order[k];
                    if (j == body)
                    {
                        continue;
                    }

                    var ex = px - x[j];
                    var ey = py - y[j];
                    var e2 = ex * ex + ey * ey;
                    if (e2 > 0)
                    {
                        var f = mass[j] / e2;
                        fx += ex * f;
                        fy += ey * f;
                    }
                }

                cell = _next[cell];
            }
            else
            {
                cell++;
            }
        }

        return (fx * coefficient, fy * coefficient);
    }

    private void EnsureCapacity(int cells)
    {
        if (cells <= _next.Length)
        {
            return;
        }

        var size = Math.Max(cells, _next.Length * 2);
        Array.Resize(ref _next, size);
        Array.Resize(ref _start, size);
        Array.Resize(ref _count, size);
        Array.Resize(ref _mass, size);
        Array.Resize(ref _centerX, size);
        Array.Resize(ref _centerY, size);
        Array.Resize(ref _minX, size);
        Array.Resize(ref _minY, size);
        Array.Resize(ref _width, size);
    }
}
