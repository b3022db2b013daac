using MlApt.Io;

namespace MlApt.Crystal;

public static partial class PoleAlignment
{
    /// <summary>
    /// Ions grouped by cubic cell, positions relative to their cell's corner (float: at most a few nm,
    /// so a phase keeps ~1e-5 cycles), cells in a seeded random order so that any prefix is an unbiased sample.
    /// </summary>
    internal sealed class CellSample
    {
        private CellSample(float[] x, float[] y, float[] z, int[] start, double cellSize)
        {
            X = x; Y = y; Z = z; Start = start; CellSize = cellSize;
        }

        public float[] X { get; }
        public float[] Y { get; }
        public float[] Z { get; }
        /// <summary>Cell c holds ions Start[c] … Start[c + 1] − 1.</summary>
        public int[] Start { get; }
        public double CellSize { get; }
        public int CellCount => Start.Length - 1;
        public int IonCount => Start[^1];

        /// <summary>Ordered pairs within cells: Σ n(n − 1).</summary>
        public double OrderedPairs
        {
            get
            {
                double p = 0;
                for (var c = 0; c < CellCount; c++)
                {
                    double n = Start[c + 1] - Start[c];
                    p += n * (n - 1);
                }
                return p;
            }
        }

        /// <summary>The first cells holding at most <paramref name="budget"/> ions (at least one cell).</summary>
        public CellSample Prefix(int budget)
        {
            var cells = 1;
            while (cells < CellCount && Start[cells + 1] <= budget) cells++;
            if (cells == CellCount) return this;
            return new CellSample(X, Y, Z, Start[..(cells + 1)], CellSize);
        }

        /// <summary>
        /// Cells of edge <paramref name="cellSize"/> over the selected ions' bounding box; cells holding at least
        /// half the median count of occupied cells (the specimen's inside, not its ragged surface) are taken in
        /// seeded random order until <paramref name="budget"/> ions.
        /// </summary>
        public static CellSample Gather(IonCloud cloud, ReadOnlySpan<int> ions, double cellSize, int budget, int seed)
        {
            var all = ions.IsEmpty;
            var count = all ? cloud.Count : ions.Length;
            float minX = float.MaxValue, minY = float.MaxValue, minZ = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue, maxZ = float.MinValue;
            for (var t = 0; t < count; t++)
            {
                var i = all ? t : ions[t];
                float x = cloud.X[i], y = cloud.Y[i], z = cloud.Z[i];
                if (!(float.IsFinite(x) && float.IsFinite(y) && float.IsFinite(z))) continue;
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                minZ = Math.Min(minZ, z); maxZ = Math.Max(maxZ, z);
            }
            if (!(maxX >= minX))
                return new CellSample([], [], [], [0], cellSize);
            long nx = (long)Math.Floor((maxX - minX) / cellSize) + 1, ny = (long)Math.Floor((maxY - minY) / cellSize) + 1, nz = (long)Math.Floor((maxZ - minZ) / cellSize) + 1;
            if (nx * ny * nz > 50_000_000)
                throw new ArgumentException($"the ions span {nx}×{ny}×{nz} cells of {cellSize} nm: expected a specimen of at most a few µm", nameof(cloud));
            var cellOf = new int[count];
            var counts = new int[nx * ny * nz];
            for (var t = 0; t < count; t++)
            {
                var i = all ? t : ions[t];
                float x = cloud.X[i], y = cloud.Y[i], z = cloud.Z[i];
                if (!(float.IsFinite(x) && float.IsFinite(y) && float.IsFinite(z))) { cellOf[t] = -1; continue; }
                long cx = (long)((x - minX) / cellSize), cy = (long)((y - minY) / cellSize), cz = (long)((z - minZ) / cellSize);
                var c = (int)((cz * ny + cy) * nx + cx);
                cellOf[t] = c;
                counts[c]++;
            }
            var occupied = counts.Where(n => n > 0).Order().ToArray();
            var cut = Math.Max(8, occupied[occupied.Length / 2] / 2);
            var candidates = Enumerable.Range(0, counts.Length).Where(c => counts[c] >= cut)
                .OrderBy(c => Mix((ulong)c, (ulong)seed)).ToList();
            var slot = new int[counts.Length];
            Array.Fill(slot, -1);
            var start = new List<int> { 0 };
            var total = 0;
            foreach (var c in candidates)
            {
                if (total > 0 && total + counts[c] > budget) break;
                slot[c] = start.Count - 1;
                total += counts[c];
                start.Add(total);
            }
            var starts = start.ToArray();
            var fill = starts[..^1].ToArray();
            float[] rx = new float[total], ry = new float[total], rz = new float[total];
            for (var t = 0; t < count; t++)
            {
                var c = cellOf[t];
                if (c < 0 || slot[c] < 0) continue;
                var i = all ? t : ions[t];
                long cx = c % nx, cy = c / nx % ny, cz = c / (nx * ny);
                var k = fill[slot[c]]++;
                // Relative to the cell's corner in double, then float: a few nm, ample precision.
                rx[k] = (float)(cloud.X[i] - (minX + cx * cellSize));
                ry[k] = (float)(cloud.Y[i] - (minY + cy * cellSize));
                rz[k] = (float)(cloud.Z[i] - (minZ + cz * cellSize));
            }
            return new CellSample(rx, ry, rz, starts, cellSize);
        }

        private static ulong Mix(ulong a, ulong b)
        {
            // SplitMix64 finaliser: a fixed, platform-independent order of the cells.
            var z = a * 0x9E3779B97F4A7C15UL + b * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
