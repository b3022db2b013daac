using MlApt.Io;
using MlApt.Specimens;
using PureHDF;

namespace MlApt.Tests.Io;

/// <summary>NXapm files read back with PureHDF (every required field) and with mlapt's reader (exact round trip).</summary>
public class NxapmTests
{
    private const string Rrng = """
        [Ions]
        Number=4
        Ion1=Ni
        Ion2=Co
        Ion3=Cr
        Ion4=CrO
        [Ranges]
        Number=6
        Range1=28.8000 29.2000 Vol:0.01094 Ni:1 Color:00FF00
        Range2=29.3000 29.7000 Vol:0.01094 Co:1 Color:0000FF
        Range3=57.5000 58.5000 Vol:0.01094 Ni:1 Color:00FF00
        Range4=58.6000 59.4000 Vol:0.01107 Co:1 Color:0000FF
        Range5=25.8000 26.2000 Vol:0.01205 Cr:1 Color:FF0000
        Range6=33.8000 34.2000 Vol:0.02 Cr:1 O:1 Color:FF00FF
        """;

    /// <summary>More ions than one write chunk, masses on and between the ranges.</summary>
    private static IonCloud Cloud(int n, int seed)
    {
        var r = new Random(seed);
        float[] x = new float[n], y = new float[n], z = new float[n], m = new float[n];
        float[] peaks = [29f, 29.5f, 58f, 59f, 26f, 34f, 27.3f];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(r.NextDouble() * 24 - 12);
            y[i] = (float)(r.NextDouble() * 24 - 12);
            z[i] = (float)(-r.NextDouble() * 60);
            m[i] = peaks[r.Next(peaks.Length)] + (float)(r.NextDouble() * 0.3 - 0.15);
        }
        return new IonCloud(x, y, z, m);
    }

    private static string S(IH5Group g, string path) => g.Dataset(path).Read<string>().TrimEnd('\0');

    private static string Class(IH5Object o) => o.Attribute("NX_class").Read<string>().TrimEnd('\0');

    [Fact]
    public void Write_HasEveryRequiredNxapmField()
    {
        using var dir = new TempDir();
        var path = dir.File("s.nxs");
        var cloud = Cloud(150_001, 1);
        var table = RangeTable.Parse(Rrng, "s.rrng");
        NxapmWriter.Write(path, cloud, table, new NxapmSource("s.pos", new string('a', 64), "s.rrng", new string('b', 64), ProgramVersion: "test"));

        using var file = H5File.OpenRead(path);
        var entry = file.Group(NxapmWriter.Entry);
        Assert.Equal("NXentry", Class(entry));
        Assert.Equal("NXapm", S(entry, "definition"));
        Assert.True(DateTimeOffset.TryParse(S(entry, "start_time"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        Assert.Equal("apt", S(entry, "operation_mode"));
        Assert.Equal("NXsample", Class(entry.Group("specimen")));
        Assert.True(entry.LinkExists("specimen/is_simulation"));
        Assert.Equal("O, Cr, Co, Ni", S(entry, "specimen/atom_types"));
        var frame = entry.Group(NxapmWriter.Frame);
        Assert.Equal("NXcoordinate_system", Class(frame));
        Assert.Equal("cartesian", S(frame, "type"));
        Assert.Equal([1.0, 0, 0], frame.Dataset("x").Read<double[]>());
        Assert.Equal([0.0, 0, 1], frame.Dataset("z").Read<double[]>());

        var atomProbe = entry.Group("atom_probe");
        Assert.Equal("NXroi_process", Class(atomProbe));
        var reconstruction = atomProbe.Group("reconstruction");
        Assert.Equal("NXapm_reconstruction", Class(reconstruction));
        Assert.Equal("mlapt", S(reconstruction, "program1/program"));
        var positions = reconstruction.Dataset("reconstructed_positions");
        Assert.Equal([150_001UL, 3], positions.Space.Dimensions);
        Assert.Equal("nm", positions.Attribute("units").Read<string>());
        Assert.Equal($"/{NxapmWriter.Entry}/{NxapmWriter.Frame}", positions.Attribute("depends_on").Read<string>());
        var xyz = positions.Read<float[]>();
        Assert.Equal(cloud.X[70_000], xyz[3 * 70_000]);
        Assert.Equal(cloud.Z[150_000], xyz[3 * 150_000 + 2]);
        Assert.Equal(cloud.M, atomProbe.Dataset("mass_to_charge_conversion/mass_to_charge").Read<float[]>());
        Assert.Equal("Da", atomProbe.Dataset("mass_to_charge_conversion/mass_to_charge").Attribute("units").Read<string>());

        var grid = reconstruction.Group("naive_discretization/grid");
        Assert.Equal("NXdata", Class(grid));
        Assert.Equal("intensity", grid.Attribute("signal").Read<string>());
        Assert.Equal(["axis_z", "axis_y", "axis_x"], grid.Attribute("axes").Read<string[]>());
        Assert.Equal("mlapt", S(reconstruction, "naive_discretization/program1/program"));
        var counts = grid.Dataset("intensity").Read<uint[]>();
        Assert.Equal((long)cloud.Count, counts.Sum(c => (long)c));
        Assert.Equal(grid.Dataset("axis_z").Space.Dimensions[0], grid.Dataset("intensity").Space.Dimensions[0]);
        Assert.True(grid.Dataset("axis_x").Attribute("long_name").Read<string>().Length > 0);

        var ranging = atomProbe.Group("ranging");
        Assert.Equal("NXapm_ranging", Class(ranging));
        Assert.Equal("mlapt", S(ranging, "program1/program"));
        var spectrum = ranging.Group("mass_to_charge_distribution/mass_spectrum");
        Assert.Equal((long)cloud.Count, spectrum.Dataset("intensity").Read<uint[]>().Sum(c => (long)c));
        var id = ranging.Group("peak_identification");
        Assert.Equal(4u, id.Dataset("number_of_ion_types").Read<uint>());
        Assert.Equal(32u, id.Dataset("maximum_number_of_atoms_per_molecular_ion").Read<uint>());
        var crO = id.Group("ion4");
        Assert.Equal("NXatom", Class(crO));
        var hash = crO.Dataset("nuclide_hash").Read<ushort[]>();
        Assert.Equal(new ushort[] { 24 + 255 * 256, 8 + 255 * 256 }, hash[..2]);
        Assert.All(hash[2..], h => Assert.Equal(0, h));
        Assert.Equal(0, crO.Dataset("charge_state").Read<sbyte>());
        Assert.Equal([33.8, 34.2], crO.Dataset("mass_to_charge_range").Read<double[]>());
        var ni = id.Group("ion1");
        Assert.Equal([2UL, 2], ni.Dataset("mass_to_charge_range").Space.Dimensions);
        Assert.Equal(table.Assign(cloud), id.Dataset("iontypes").Read<byte[]>());
    }

    [Fact]
    public void RoundTrip_PositionsMassesAndRangingExact()
    {
        using var dir = new TempDir();
        var path = dir.File("s.nxs");
        var cloud = Cloud(70_000, 2);
        var table = RangeTable.Parse(Rrng, "s.rrng");
        NxapmWriter.Write(path, cloud, table);

        var read = NxapmReader.Read(path);
        Assert.Equal(cloud.X, read.Cloud.X);
        Assert.Equal(cloud.Y, read.Cloud.Y);
        Assert.Equal(cloud.Z, read.Cloud.Z);
        Assert.Equal(cloud.M, read.Cloud.M);
        var t = read.Ranges!;
        Assert.Equal(table.Species.Select(s => s.Name), t.Species.Select(s => s.Name));
        Assert.Equal(table.Ranges.Select(r => (r.Lo, r.Hi, r.Composition.Name)).OrderBy(r => r.Lo),
            t.Ranges.Select(r => (r.Lo, r.Hi, r.Composition.Name)).OrderBy(r => r.Lo));
        Assert.Equal(table.Assign(cloud), t.Assign(read.Cloud));
        Assert.Equal(IonFileFormat.Nexus, IonFileFormats.Detect(path));
        Assert.Equal(t.Species.Count, IonFile.EmbeddedRanges(path)!.Species.Count);
    }

    [Fact]
    public void Unranged_AndEmpty_RoundTrip()
    {
        using var dir = new TempDir();
        var cloud = DemoSpecimen.Generate((3, 3, 3), 3);
        IonFile.Write(dir.File("u.nxs"), cloud);
        var read = NxapmReader.Read(dir.File("u.nxs"));
        Assert.Null(read.Ranges);
        Assert.Equal(cloud.M, read.Cloud.M);
        NxapmWriter.Write(dir.File("e.nxs"), new IonCloud([], [], [], []), null);
        Assert.Equal(0, NxapmReader.Read(dir.File("e.nxs")).Cloud.Count);
    }

    [Fact]
    public void NotNexus_IsAnInputErrorNamingTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.nxs");
        File.WriteAllText(path, "not hdf5");
        var e = Assert.Throws<InputException>(() => IonFile.Read(path));
        Assert.Contains("bad.nxs", e.Message, StringComparison.Ordinal);
    }
}
