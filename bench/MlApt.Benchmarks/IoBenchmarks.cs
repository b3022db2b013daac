using BenchmarkDotNet.Attributes;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Benchmarks;

/// <summary>
/// Reading and ranging a 10-million-ion POS (160 MB, from the page cache): the target is
/// ≤ 0.5 s on a 2-core machine. The file is a random CoCrNi-like cloud with masses on the isotope
/// peaks of <see cref="DemoSpecimen.RangeFile"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class IoBenchmarks
{
    private string _dir = "";
    private string _pos = "";
    private RangeTable _ranges = null!;

    /// <summary>Ions in the file.</summary>
    [Params(10_000_000)]
    public int Ions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mlapt-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        _pos = Path.Combine(_dir, "big.pos");
        var r = new Random(42);
        float[] x = new float[Ions], y = new float[Ions], z = new float[Ions], m = new float[Ions];
        var elements = new[] { "Co", "Cr", "Ni" };
        for (var i = 0; i < Ions; i++)
        {
            x[i] = (float)(r.NextDouble() * 40 - 20);
            y[i] = (float)(r.NextDouble() * 40 - 20);
            z[i] = (float)(-r.NextDouble() * 300);
            m[i] = (float)Isotopes.DrawMassToCharge(elements[r.Next(3)], 2, r);
        }
        PosFormat.Write(_pos, new IonCloud(x, y, z, m));
        _ranges = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>Read only.</summary>
    [Benchmark]
    public int ReadPos() => IonFile.Read(_pos).Count;

    /// <summary>Read and range every ion (the figure).</summary>
    [Benchmark]
    public long ReadAndRangePos()
    {
        var cloud = IonFile.Read(_pos);
        var species = _ranges.Assign(cloud);
        return _ranges.Count(species)[0];
    }
}
