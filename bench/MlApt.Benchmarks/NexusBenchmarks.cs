using BenchmarkDotNet.Attributes;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Benchmarks;

/// <summary>
/// NeXus NXapm against POS for the same reconstruction: writing (positions, masses and, for NXapm, the
/// ranging, iontypes, mass spectrum and 1 nm histogram, deflate level 1 in 64k-ion chunks) and reading
/// back (positions and masses). Random CoCrNi-like cloud with masses on the isotope peaks.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NexusBenchmarks
{
    private string _dir = "";
    private IonCloud _cloud = null!;
    private RangeTable _ranges = null!;

    /// <summary>Ions in the reconstruction.</summary>
    [Params(2_000_000)]
    public int Ions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mlapt-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
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
        _cloud = new IonCloud(x, y, z, m);
        _ranges = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        PosFormat.Write(Path.Combine(_dir, "read.pos"), _cloud);
        NxapmWriter.Write(Path.Combine(_dir, "read.nxs"), _cloud, _ranges);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>POS write (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void WritePos() => PosFormat.Write(Path.Combine(_dir, "w.pos"), _cloud);

    /// <summary>NXapm write with ranging.</summary>
    [Benchmark]
    public void WriteNxapm() => NxapmWriter.Write(Path.Combine(_dir, "w.nxs"), _cloud, _ranges);

    /// <summary>POS read.</summary>
    [Benchmark]
    public int ReadPos() => IonFile.Read(Path.Combine(_dir, "read.pos")).Count;

    /// <summary>NXapm read (positions, masses and ranging).</summary>
    [Benchmark]
    public int ReadNxapm() => NxapmReader.Read(Path.Combine(_dir, "read.nxs")).Cloud.Count;
}
