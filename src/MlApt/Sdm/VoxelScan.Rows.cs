using System.Runtime.Intrinsics;
using MlApt.Numerics;

namespace MlApt.Sdm;

public static partial class VoxelScan
{
    /// <summary>
    /// The multi-channel scan by rows: the centres that share x and y (in the map, a column of voxels along z)
    /// are scanned together. Neighbouring spheres of a column overlap, so a pair of atoms lies in several of
    /// them; scanning voxel by voxel tests it once per voxel, a row tests it once and adds it to every voxel
    /// that holds both atoms (see <see cref="ZSdm.AccumulateRow"/>). Counts are those of the literal
    /// definition, exactly as the per-voxel kernels give them.
    /// </summary>
    private static unsafe void RunChannelRows(ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, ReadOnlySpan<double> cz,
        VoxelScanOptions options, ChannelPlan plan, Span<float> counts)
    {
        double[] x = cx.ToArray(), y = cy.ToArray(), z = cz.ToArray();
        var rows = Rows(x, y, z, options.SphereRadius);
        var order = rows.Order;
        // The atoms of the centres' z range, copied once in cell order (see SpeciesIndex.SliceZ).
        double zLow = z.Min(), zHigh = z.Max();
        var sliced = plan.Species.Select(s => s.SliceZ(zLow - options.SphereRadius, zHigh + options.SphereRadius)).ToArray();
        fixed (float* pc = counts)
        {
            var ac = (nint)pc;
            Parallel.For(0, rows.Starts.Length - 1, Parallelism.Options, () => new RowWorker(plan, sliced, options), (r, _, w) =>
            {
                var (start, end) = (rows.Starts[r], rows.Starts[r + 1]);
                w.Row(x, y, z, order.AsSpan(start, end - start), (float*)ac);
                return w;
            }, _ => { });
        }
    }

    /// <summary>Centre indices sorted by (x, y, z) and the start of each row in that order (one past the last at the end).</summary>
    private sealed record RowPlan(int[] Order, int[] Starts);

    /// <summary>
    /// Groups the centres into rows: equal x and y, sorted by z, a new row where a row would hold more than
    /// <see cref="ZSdm.MaxRowVoxels"/> voxels, span more z than the float screen's extent allows, or where two
    /// neighbouring centres are too far apart to share an atom.
    /// </summary>
    private static RowPlan Rows(double[] x, double[] y, double[] z, double sphere)
    {
        var order = new int[x.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = x[a].CompareTo(x[b]);
            if (c == 0) c = y[a].CompareTo(y[b]);
            if (c == 0) c = z[a].CompareTo(z[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        // Local coordinates reach sphere + extent / 2 from the row's middle.
        var extent = 2 * (ZSdm.ScreenedMaxExtent - sphere);
        var starts = new List<int>();
        for (var t = 0; t < order.Length; t++)
        {
            var first = starts.Count == 0 ? -1 : order[starts[^1]];
            if (first < 0
                || x[order[t]] != x[first] || y[order[t]] != y[first]
                || t - starts[^1] >= ZSdm.MaxRowVoxels
                || z[order[t]] - z[first] > extent
                || z[order[t]] - z[order[t - 1]] > 2 * sphere)
                starts.Add(t);
        }
        starts.Add(order.Length);
        return new RowPlan(order, [.. starts]);
    }

    /// <summary>Per-thread scratch of the row scan: one column of atoms per species, one difference histogram.</summary>
    private sealed unsafe class RowWorker
    {
        private readonly ChannelPlan _plan;
        private readonly SpeciesIndex[] _species;
        private readonly double _sphere;
        private readonly double _r2;
        private readonly RowAtoms[] _atoms;
        private readonly ZSdm.RowPending _pending = new();
        private readonly int[] _d = new int[ZSdm.RowHistogramInts];
        private readonly int[] _running = new int[ZSdm.RowStride];
        private readonly double[] _rowZ = new double[ZSdm.MaxRowVoxels];

        public RowWorker(ChannelPlan plan, SpeciesIndex[] species, VoxelScanOptions o)
        {
            _plan = plan;
            _species = species;
            _sphere = o.SphereRadius;
            _r2 = o.PairRadius * o.PairRadius;
            _atoms = plan.Species.Select(_ => new RowAtoms()).ToArray();
        }

        public void Row(double[] cx, double[] cy, double[] cz, ReadOnlySpan<int> voxels, float* counts)
        {
            var length = voxels.Length;
            var rowZ = _rowZ.AsSpan(0, length);
            for (var k = 0; k < length; k++)
                rowZ[k] = cz[voxels[k]];
            double x = cx[voxels[0]], y = cy[voxels[0]];
            var origin = 0.5 * (rowZ[0] + rowZ[^1]);
            for (var s = 0; s < _atoms.Length; s++)
                _atoms[s].Fill(_species[s], x, y, rowZ, origin, _sphere);
            var channels = _plan.Channels;
            fixed (int* d = _d)
            {
                for (var c = 0; c < channels; c++)
                {
                    var (ia, ib) = _plan.Pairs[c];
                    RowAtoms a = _atoms[ia], b = _atoms[ib];
                    if (a.Count > 0 && b.Count > 0)
                        Pairs(a, b, ia == ib, d);
                    // Prefix sums over the row's positions give each voxel's counts; each position is cleared as
                    // it is read, so the histogram is all zeros again for the next channel.
                    fixed (int* running = _running)
                    {
                        new Span<int>(running, ZSdm.RowStride).Clear();
                        for (var k = 0; k <= length; k++)
                        {
                            var at = d + k * ZSdm.RowStride;
                            for (var t = 0; t < ZSdm.RowStride; t += Vector256<int>.Count)
                            {
                                int* c0 = at + t, c1 = c0 + ZSdm.RowCopyInts, c2 = c1 + ZSdm.RowCopyInts, c3 = c2 + ZSdm.RowCopyInts;
                                (Vector256.Load(running + t) + Vector256.Load(c0) + Vector256.Load(c1) + Vector256.Load(c2) + Vector256.Load(c3))
                                    .Store(running + t);
                                Vector256<int>.Zero.Store(c0);
                                Vector256<int>.Zero.Store(c1);
                                Vector256<int>.Zero.Store(c2);
                                Vector256<int>.Zero.Store(c3);
                            }
                            if (k == length)
                                break;
                            var row = new Span<float>(counts + ((long)voxels[k] * channels + c) * Bins, Bins);
                            var sums = new ReadOnlySpan<int>(running, ZSdm.RowStride);
                            if (ia == ib)
                                ZSdm.SumRowSame(sums, row);
                            else
                                ZSdm.SumRowCross(sums, row);
                        }
                    }
                }
            }
        }

        private void Pairs(RowAtoms a, RowAtoms b, bool same, int* d)
        {
            fixed (double* x = a.X, y = a.Y, z = a.Z, bx = b.X, by = b.Y, bz = b.Z)
            fixed (float* fx = a.LocalX, fy = a.LocalY, fz = a.LocalZ, bfx = b.LocalX, bfy = b.LocalY, bfz = b.LocalZ)
            fixed (int* lo = a.Lo, hi = a.Hi, slice = a.Slice, start = a.SliceStart, bLo = b.Lo, bHi = b.Hi, bSlice = b.Slice, bStart = b.SliceStart)
            {
                var aa = new ZSdm.RowArrays(a.Count, x, y, z, fx, fy, fz, lo, hi, slice, start);
                var bb = same ? aa : new ZSdm.RowArrays(b.Count, bx, by, bz, bfx, bfy, bfz, bLo, bHi, bSlice, bStart);
                ZSdm.AccumulateRow(same, aa, bb, a.Window, a.Slices, _r2, _pending, d);
            }
        }
    }

    /// <summary>
    /// The atoms of one species around a row: every atom in at least one of the row's spheres, with the run of
    /// row positions lo … hi whose spheres hold it (decided by the sphere test itself), sorted by z into thin
    /// slices as <see cref="ZSlices"/> does for one sphere, with float coordinates relative to the row's axis
    /// and middle for the screened kernels.
    /// </summary>
    private sealed class RowAtoms
    {
        private const double Width = 0.05;
        private const double InverseWidth = 1 / Width;
        private const int Padding = 8;

        private double[] _gx = new double[1024], _gy = new double[1024], _gz = new double[1024];
        private int[] _gLo = new int[1024], _gHi = new int[1024], _gSlice = new int[1024];
        private int[] _next = new int[1024];

        public int Count { get; private set; }
        public int Slices { get; private set; }
        public int Window { get; } = (int)Math.Ceiling(ZSdm.CropMaxAbsDz * InverseWidth) + 1;
        public double[] X { get; private set; } = new double[1024 + Padding];
        public double[] Y { get; private set; } = new double[1024 + Padding];
        public double[] Z { get; private set; } = new double[1024 + Padding];
        public float[] LocalX { get; private set; } = new float[1024 + Padding];
        public float[] LocalY { get; private set; } = new float[1024 + Padding];
        public float[] LocalZ { get; private set; } = new float[1024 + Padding];
        /// <summary>First row position whose sphere holds the atom, times <see cref="ZSdm.RowStride"/> (a histogram offset).</summary>
        public int[] Lo { get; private set; } = new int[1024 + Padding];
        /// <summary>One past the last such position, times <see cref="ZSdm.RowStride"/>.</summary>
        public int[] Hi { get; private set; } = new int[1024 + Padding];
        public int[] Slice { get; private set; } = new int[1024];
        public int[] SliceStart { get; private set; } = new int[64];

        public void Fill(SpeciesIndex index, double cx, double cy, ReadOnlySpan<double> rowZ, double origin, double sphere)
        {
            var gathered = index.GatherColumn(cx, cy, rowZ[0], rowZ[^1], sphere, ref _gx, ref _gy, ref _gz);
            if (_gLo.Length < gathered)
            {
                var size = Math.Max(2 * _gLo.Length, gathered);
                _gLo = new int[size]; _gHi = new int[size]; _gSlice = new int[size];
            }
            var r2 = sphere * sphere;
            var z0 = rowZ[0] - sphere - Width;
            Slices = (int)Math.Ceiling((rowZ[^1] - rowZ[0] + 2 * sphere) * InverseWidth) + 3;
            if (SliceStart.Length < Slices + 1)
                SliceStart = new int[Slices + 1];
            var start = SliceStart.AsSpan(0, Slices + 1);
            start.Clear();
            var last = Slices - 1;
            var n = 0;
            var near = 0;
            for (var i = 0; i < gathered; i++)
            {
                if (!Run(_gx[i] - cx, _gy[i] - cy, _gz[i], rowZ, r2, ref near, out var lo, out var hi))
                    continue;
                var s = (int)((_gz[i] - z0) * InverseWidth);
                s = s < 0 ? 0 : s > last ? last : s;
                // Compact in place: entry n ≤ i.
                _gx[n] = _gx[i]; _gy[n] = _gy[i]; _gz[n] = _gz[i];
                _gLo[n] = lo; _gHi[n] = hi; _gSlice[n] = s;
                start[s + 1]++;
                n++;
            }
            Count = n;
            if (X.Length < n + Padding)
            {
                var size = Math.Max(2 * X.Length, n + Padding);
                X = new double[size]; Y = new double[size]; Z = new double[size];
                LocalX = new float[size]; LocalY = new float[size]; LocalZ = new float[size];
                Lo = new int[size]; Hi = new int[size]; Slice = new int[size];
            }
            for (var s = 0; s < Slices; s++)
                start[s + 1] += start[s];
            if (_next.Length < Slices)
                _next = new int[Slices];
            var next = _next.AsSpan(0, Slices);
            start[..Slices].CopyTo(next);
            for (var i = 0; i < n; i++)
            {
                var s = _gSlice[i];
                var k = next[s]++;
                X[k] = _gx[i]; Y[k] = _gy[i]; Z[k] = _gz[i];
                LocalX[k] = (float)(_gx[i] - cx); LocalY[k] = (float)(_gy[i] - cy); LocalZ[k] = (float)(_gz[i] - origin);
                Lo[k] = _gLo[i] * ZSdm.RowStride; Hi[k] = (_gHi[i] + 1) * ZSdm.RowStride; Slice[k] = s;
            }
            X.AsSpan(n, Padding).Fill(double.NaN);
            Y.AsSpan(n, Padding).Fill(double.NaN);
            Z.AsSpan(n, Padding).Fill(double.NaN);
            LocalX.AsSpan(n, Padding).Fill(float.NaN);
            LocalY.AsSpan(n, Padding).Fill(float.NaN);
            LocalZ.AsSpan(n, Padding).Fill(float.NaN);
            Lo.AsSpan(n, Padding).Fill(int.MaxValue);
            Hi.AsSpan(n, Padding).Fill(int.MinValue);
        }

        /// <summary>
        /// The row positions whose sphere holds an atom at lateral offset (dx, dy) and height z, by the sphere
        /// test of <see cref="SpeciesIndex.Gather"/> (dx² + dy² + dz² ≤ r², summed in that order). The test is
        /// monotonic in |dz|, so the positions are a run around the nearest centre; false if it is empty.
        /// </summary>
        private static bool Run(double dx, double dy, double z, ReadOnlySpan<double> rowZ, double r2, ref int near, out int lo, out int hi)
        {
            var lateral = dx * dx + dy * dy;
            lo = hi = 0;
            if (!(lateral <= r2))
                return false;
            // The nearest centre, walking from the previous atom's (atoms come cell by cell, so z changes little).
            var last = rowZ.Length - 1;
            while (near < last && rowZ[near + 1] - z < z - rowZ[near]) near++;
            while (near > 0 && z - rowZ[near - 1] < rowZ[near] - z) near--;
            if (!Inside(lateral, z - rowZ[near], r2))
                return false;
            lo = hi = near;
            while (lo > 0 && Inside(lateral, z - rowZ[lo - 1], r2)) lo--;
            while (hi < last && Inside(lateral, z - rowZ[hi + 1], r2)) hi++;
            return true;
        }

        private static bool Inside(double lateral, double dz, double r2) => lateral + dz * dz <= r2;
    }
}
