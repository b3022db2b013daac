namespace MlApt.Numerics;

/// <summary>
/// The library's one random generator: xoshiro256** seeded through SplitMix64. Unlike
/// <see cref="Random"/> its sequence is fixed by this code alone, not by the runtime version, which is
/// what makes seeded simulations and seeded training bit-reproducible; <see cref="ForSample"/> derives an
/// independent stream per (seed, sample index), so a pattern bank is identical whatever the number of
/// threads that generate it.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>A generator whose whole state is expanded from <paramref name="seed"/> by SplitMix64.</summary>
    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x); _s1 = SplitMix64(ref x); _s2 = SplitMix64(ref x); _s3 = SplitMix64(ref x);
    }

    /// <summary>
    /// The stream of one sample: seeded from the bank seed, the sample index and a retry counter
    /// (0 for the first attempt), mixed so that neighbouring indices give unrelated streams.
    /// </summary>
    public static SeededRandom ForSample(long seed, long index, int attempt = 0)
    {
        var x = (ulong)seed;
        var h = SplitMix64(ref x);
        h ^= (ulong)index * 0xD1B54A32D192ED03UL;
        x = h;
        h = SplitMix64(ref x) ^ ((ulong)attempt * 0x9E3779B97F4A7C15UL);
        return new SeededRandom(h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, <paramref name="n"/>) without modulo bias (Lemire's method with rejection).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        var bound = (ulong)n;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            var product = Math.BigMul(r, bound, out var low);
            if (low >= threshold) return (int)product;
        }
    }

    /// <summary>
    /// Uniform integer in [0, <paramref name="n"/>) by one multiply-shift of 32 bits, without rejection (a
    /// bias below n / 2³² that does not matter for shuffling training samples). Training draws with this,
    /// not <see cref="NextInt"/>, so seeded training reproduces the models trained before.
    /// </summary>
    public int NextIntFast(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Fisher–Yates shuffle in place (indices from <see cref="NextIntFast"/>).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextIntFast(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A generator derived from this one (e.g. one per fold), independent of later draws here.</summary>
    public SeededRandom Fork() => new(NextUInt64());

    /// <summary>A standard normal deviate (Box–Muller, both values of each pair used).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        // 1 − u keeps the logarithm's argument in (0, 1].
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * v);
        _spare = r * sin;
        _hasSpare = true;
        return r * cos;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
