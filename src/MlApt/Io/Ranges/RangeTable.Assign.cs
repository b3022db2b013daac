using System.Runtime.CompilerServices;

namespace MlApt.Io;

public sealed partial class RangeTable
{
    // Ions per parallel work item; below two of these the work runs on the calling thread.
    private const int ChunkSize = 1 << 18;

    private readonly Lookup _lookup;

    /// <summary>
    /// The species index of one mass-to-charge value: the first range in file order with lo ≤ m ≤ hi,
    /// or 0 (unranged) when none contains it or m is NaN.
    /// </summary>
    public byte SpeciesOf(double m) => _lookup.Find(m);

    /// <summary>
    /// Writes the species index of every ion (0 = unranged): exactly <see cref="SpeciesOf"/> applied to
    /// each mass (converted exactly from float to double). Runs in parallel for large inputs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="species"/> and <paramref name="mass"/> differ in length.</exception>
    public unsafe void Assign(ReadOnlySpan<float> mass, Span<byte> species)
    {
        if (mass.Length != species.Length)
            throw new ArgumentException($"species has {species.Length} entries but mass has {mass.Length}", nameof(species));
        var n = mass.Length;
        if (n < 2 * ChunkSize || Environment.ProcessorCount == 1)
        {
            _lookup.FindAll(mass, species);
            return;
        }
        var lookup = _lookup;
        fixed (float* pm = mass)
        fixed (byte* ps = species)
        {
            // Spans cannot be captured by the lambda; the pinned addresses can (pinned until Parallel.For returns).
            var m0 = (nint)pm;
            var s0 = (nint)ps;
            var chunks = (n + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, c =>
            {
                var start = c * ChunkSize;
                var len = Math.Min(ChunkSize, n - start);
                lookup.FindAll(new ReadOnlySpan<float>((float*)m0 + start, len), new Span<byte>((byte*)s0 + start, len));
            });
        }
    }

    /// <summary>Allocates and returns the species index of every ion (see <see cref="Assign(ReadOnlySpan{float}, Span{byte})"/>).</summary>
    public byte[] Assign(ReadOnlySpan<float> mass)
    {
        var species = new byte[mass.Length];
        Assign(mass, species);
        return species;
    }

    /// <summary>Ranges every ion of a cloud.</summary>
    public byte[] Assign(IonCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return Assign(cloud.M);
    }

    /// <summary>
    /// Counts ions per species: element <c>i</c> of the result (length <see cref="SpeciesCount"/> + 1) is the
    /// number of ions with index i; element 0 counts the unranged ions.
    /// </summary>
    /// <exception cref="ArgumentException">An index is above <see cref="SpeciesCount"/>.</exception>
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
        private readonly double _min, _max, _scale;

        public Lookup(MassRange[] ranges)
        {
            _ends = ranges.SelectMany(r => new[] { r.Lo, r.Hi }).Distinct().Order().ToArray();
            var k = _ends.Length;
            _atEnd = new byte[k];
            _inGap = new byte[k + 1];
            for (var i = 0; i < k; i++)
                _atEnd[i] = FirstContaining(ranges, r => r.Lo <= _ends[i] && _ends[i] <= r.Hi);
            for (var i = 1; i < k; i++)
            {
                // Every range bound is an end point, so a range covers the open gap iff it spans both its ends.
                var (a, b) = (_ends[i - 1], _ends[i]);
                _inGap[i] = FirstContaining(ranges, r => r.Lo <= a && b <= r.Hi);
            }

            _min = _ends[0];
            _max = _ends[^1];
            var target = Math.Clamp(64 * k, 1024, MaxBuckets);
            _scale = target / (_max - _min);
            if (!double.IsFinite(_scale))
                _scale = 0;   // absurdly narrow span: one bucket, exact scan (still correct, just slower)
            // Bucket() is monotone in m, so the buckets of the end points, computed with the very same
            // expression, tell exactly which masses fall before, in or after each end point's bucket.
            var endBucket = new int[k];
            for (var i = 0; i < k; i++)
                endBucket[i] = Bucket(_ends[i]);
            var count = endBucket[k - 1] + 1;
            _buckets = new int[count];
            var e = 0;
            for (var b = 0; b < count; b++)
            {
                while (e < k && endBucket[e] < b)
                    e++;
                _buckets[b] = e < k && endBucket[e] == b ? ~e : _inGap[e];
            }
        }

        private static byte FirstContaining(MassRange[] ranges, Func<MassRange, bool> contains)
        {
            foreach (var r in ranges)
            {
                if (contains(r))
                    return r.Species;
            }
            return 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Bucket(double m) => (int)((m - _min) * _scale);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public byte Find(double m)
        {
            // Also false for NaN.
            if (!(m >= _min && m <= _max))
                return 0;
            var v = _buckets[Bucket(m)];
            if (v >= 0)
                return (byte)v;
            // The end points before this bucket are all < m and those after it all > m (monotone Bucket),
            // so scanning from the bucket's first end point gives m's exact position.
            var p = ~v;
            while (_ends[p] < m)
                p++;
            return _ends[p] == m ? _atEnd[p] : _inGap[p];
        }

        public void FindAll(ReadOnlySpan<float> mass, Span<byte> species)
        {
            for (var i = 0; i < mass.Length; i++)
                species[i] = Find(mass[i]);
        }
    }
}
