using System.Runtime.CompilerServices;
using MlApt.Numerics;

namespace MlApt.Io;

public sealed partial class RangeTable
{
    // Ions per parallel work item; below two of these the work runs on the calling thread.
    private const int ChunkSize = 1 << 18;

    // Two exact lookups: bounds as written (double masses) and bounds rounded to float (float masses).
    private readonly Lookup _lookup;
    private readonly Lookup _lookupSingle;

    /// <summary>
    /// The species index of a mass-to-charge value: the first range in file order with lo ≤ m ≤ hi,
    /// or 0 (unranged) when none contains it or m is NaN.
    /// </summary>
    public byte SpeciesOf(double m) => _lookup.Find(m);

    /// <summary>
    /// The species index of a float32 mass-to-charge value (as stored in POS/EPOS files and <see cref="IonCloud"/>):
    /// the first range in file order with (float)lo ≤ m ≤ (float)hi, or 0.
    /// </summary>
    /// <remarks>
    /// The bounds are rounded to float first so that "inclusive at both ends" survives the float storage:
    /// a mass written as 29.42 and a bound written as 29.42 round to the same float and the ion is ranged,
    /// while comparing the float against the double bound would put it on either side by chance. (On the
    /// CoCrNi extract this is the difference between 11,086 and the reference 11,087 Co ions.)
    /// </remarks>
    public byte SpeciesOf(float m) => _lookupSingle.Find(m);

    /// <summary>
    /// Writes the species index of every float32 ion (0 = unranged), exactly <see cref="SpeciesOf(float)"/>
    /// applied to each mass. Runs in parallel for large inputs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="species"/> and <paramref name="mass"/> differ in length.</exception>
    public void Assign(ReadOnlySpan<float> mass, Span<byte> species) => AssignChunked(mass, species, _lookupSingle);

    /// <summary>
    /// Writes the species index of every double-precision mass (0 = unranged), exactly <see cref="SpeciesOf(double)"/>
    /// applied to each. Runs in parallel for large inputs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="species"/> and <paramref name="mass"/> differ in length.</exception>
    public void Assign(ReadOnlySpan<double> mass, Span<byte> species) => AssignChunked(mass, species, _lookup);

    /// <summary>One lookup over all masses, in parallel chunks for large inputs (float or double masses).</summary>
    private static unsafe void AssignChunked<T>(ReadOnlySpan<T> mass, Span<byte> species, Lookup lookup) where T : unmanaged
    {
        CheckLengths(mass.Length, species.Length);
        var n = mass.Length;
        if (n < 2 * ChunkSize || Parallelism.Threads == 1)
        {
            FindAll(lookup, mass, species);
            return;
        }
        fixed (T* pm = mass)
        fixed (byte* ps = species)
        {
            // Spans cannot be captured by the lambda; the pinned addresses can (pinned until Parallel.For returns).
            var m0 = (nint)pm;
            var s0 = (nint)ps;
            Parallel.For(0, (n + ChunkSize - 1) / ChunkSize, Parallelism.Options, c =>
            {
                var start = c * ChunkSize;
                var len = Math.Min(ChunkSize, n - start);
                FindAll(lookup, new ReadOnlySpan<T>((T*)m0 + start, len), new Span<byte>((byte*)s0 + start, len));
            });
        }
    }

    // The JIT specialises this per T, so the type test costs nothing.
    private static void FindAll<T>(Lookup lookup, ReadOnlySpan<T> mass, Span<byte> species) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            lookup.FindAll(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(mass), species);
        else
            lookup.FindAll(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(mass), species);
    }

    /// <summary>Allocates and returns the species index of every float32 ion (see <see cref="Assign(ReadOnlySpan{float}, Span{byte})"/>).</summary>
    public byte[] Assign(ReadOnlySpan<float> mass)
    {
        var species = new byte[mass.Length];
        Assign(mass, species);
        return species;
    }

    /// <summary>
    /// Ranges every ion of a cloud: the text values of a CSV source against the bounds as written
    /// (double), float32 masses of binary sources against the bounds rounded to float (see
    /// <see cref="SpeciesOf(float)"/>), so that a mass and a bound written with the same decimals compare equal.
    /// </summary>
    public byte[] Assign(IonCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        // Text sources keep the masses as written; compare those with the bounds as written.
        if (cloud.Text is { } text)
        {
            var species = new byte[cloud.Count];
            Assign(text.M, species);
            return species;
        }
        return Assign(cloud.M);
    }

    private static void CheckLengths(int mass, int species)
    {
        if (mass != species)
            throw new ArgumentException($"species has {species} entries but mass has {mass}", nameof(species));
    }

    /// <summary>
    /// Counts ions per species: element <c>i</c> of the result (length <see cref="SpeciesCount"/> + 1) is the
    /// number of ions with index i; element 0 counts the unranged ions.
    /// </summary>
    /// <exception cref="ArgumentException">An index is above <see cref="SpeciesCount"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long[] Count(ReadOnlySpan<byte> species)
    {
        // Four interleaved histograms avoid the store-to-load stall when neighbouring ions share a species.
        var h = new long[4 * 256];
        var i = 0;
        for (; i + 4 <= species.Length; i += 4)
        {
            h[species[i]]++;
            h[256 + species[i + 1]]++;
            h[512 + species[i + 2]]++;
            h[768 + species[i + 3]]++;
        }
        for (; i < species.Length; i++)
            h[species[i]]++;
        var counts = new long[_species.Length];
        for (var s = 0; s < 256; s++)
        {
            var total = h[s] + h[256 + s] + h[512 + s] + h[768 + s];
            if (total == 0)
                continue;
            if (s >= counts.Length)
                throw new ArgumentException($"species index {s} is above the {SpeciesCount} species of {Source}", nameof(species));
            counts[s] = total;
        }
        return counts;
    }

    /// <summary>
    /// Exact first-listed-wins lookup. All distinct range end points are sorted; the winning species is
    /// precomputed for each end point itself and for each open gap between neighbouring end points
    /// (inside a gap the set of containing ranges cannot change). A mass is then found by position among
    /// the end points. A uniform bucket table over [min, max] makes that O(1) for almost every ion:
    /// buckets that hold no end point map straight to a species; the few that hold one fall back to a
    /// short scan of the end points in that bucket.
    /// </summary>
    private sealed class Lookup
    {
        private const int MaxBuckets = 1 << 16;

        private readonly double[] _ends;       // sorted distinct end points
        private readonly byte[] _atEnd;        // species at _ends[i]
        private readonly byte[] _inGap;        // species in (_ends[i-1], _ends[i]); [0] and [k] are 0 (outside)
        private readonly int[] _buckets;       // >= 0: species of the whole bucket; < 0: ~(first end point in it)
        private readonly double _origin, _scale;
        private readonly int _last;            // index of the last bucket

        /// <param name="ranges">The ranges in file order.</param>
        /// <param name="single">Round the bounds to float first (for float masses).</param>
        public Lookup(MassRange[] ranges, bool single)
        {
            var bounds = ranges
                .Select(r => single ? ((double)(float)r.Lo, (double)(float)r.Hi, r.Species) : (r.Lo, r.Hi, r.Species))
                .ToArray();
            _ends = bounds.SelectMany(r => new[] { r.Item1, r.Item2 }).Distinct().Order().ToArray();
            var k = _ends.Length;
            _atEnd = new byte[k];
            _inGap = new byte[k + 1];
            for (var i = 0; i < k; i++)
            {
                var end = _ends[i];
                _atEnd[i] = FirstContaining(bounds, (lo, hi) => lo <= end && end <= hi);
            }
            for (var i = 1; i < k; i++)
            {
                // Every range bound is an end point, so a range covers the open gap iff it spans both its ends.
                var (a, b) = (_ends[i - 1], _ends[i]);
                _inGap[i] = FirstContaining(bounds, (lo, hi) => lo <= a && b <= hi);
            }

            var target = Math.Clamp(256 * k, 4096, MaxBuckets);
            _scale = target / (_ends[^1] - _ends[0]);
            // Two spare buckets below the lowest end point catch masses below every range without
            // touching a bucket that holds an end point.
            _origin = _ends[0] - 2 / _scale;
            if (!double.IsFinite(_scale) || !double.IsFinite(_origin))
                (_scale, _origin) = (0, _ends[0]);   // absurd span: one bucket, exact scan (correct, just slower)
            // Bucket() is monotone in m (subtraction, multiplication by a positive constant, saturating
            // conversion and clamping all are), so the buckets of the end points, computed with the very same
            // expression, tell exactly which masses fall before, in or after each end point's bucket.
            // One spare bucket above the highest end point takes every larger mass (the clamp puts +inf there).
            _last = int.MaxValue;
            var endBucket = new int[k];
            for (var i = 0; i < k; i++)
                endBucket[i] = Bucket(_ends[i]);
            _last = endBucket[k - 1] + 1;
            _buckets = new int[_last + 1];
            var e = 0;
            for (var b = 0; b <= _last; b++)
            {
                while (e < k && endBucket[e] < b)
                    e++;
                _buckets[b] = e < k && endBucket[e] == b ? ~e : _inGap[e];
            }
        }

        private static byte FirstContaining((double Lo, double Hi, byte Species)[] bounds, Func<double, double, bool> contains)
        {
            foreach (var (lo, hi, species) in bounds)
            {
                if (contains(lo, hi))
                    return species;
            }
            return 0;
        }

        // Clamped to [0, _last] with integer masks rather than Math.Min/Max or a range test: masses in
        // and out of the table's span are often interleaved at random, and the JIT emits branches for
        // those, which then mispredict (measured: 10M uniform masses over 0-120 Da against VAlN took
        // 120 ms with a clamp branch, 17 ms without). Double-to-int conversion saturates (.NET 9+), ±inf
        // included. Clamping is monotone, which is all the exact scan in Find relies on.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Bucket(double m)
        {
            var b = (int)((m - _origin) * _scale);
            b &= ~(b >> 31);                                // negative → 0
            var over = (int)(((long)_last - b) >> 63);      // all ones when b > _last
            return (b & ~over) | (_last & over);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public byte Find(double m)
        {
            if (double.IsNaN(m))
                return 0;
            var v = _buckets[Bucket(m)];
            if (v >= 0)
                return (byte)v;
            // The end points before this bucket are all < m and those after it all > m (monotone Bucket),
            // so scanning from the bucket's first end point gives m's exact position.
            var ends = _ends;
            var p = ~v;
            while (p < ends.Length && ends[p] < m)
                p++;
            return p < ends.Length && ends[p] == m ? _atEnd[p] : _inGap[p];
        }

        // Fully optimised from the first call: ranging runs once per file, too few calls for tiering to kick in.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void FindAll(ReadOnlySpan<float> mass, Span<byte> species)
        {
            for (var i = 0; i < mass.Length; i++)
                species[i] = Find(mass[i]);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void FindAll(ReadOnlySpan<double> mass, Span<byte> species)
        {
            for (var i = 0; i < mass.Length; i++)
                species[i] = Find(mass[i]);
        }
    }
}
