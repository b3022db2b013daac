using System.Globalization;
using PureHDF;
using PureHDF.Filters;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace MlApt.Io;

/// <summary>Where a reconstruction came from, recorded in the NXapm file (all optional).</summary>
/// <param name="Reconstruction">The reconstruction file's name.</param>
/// <param name="ReconstructionSha256">Its SHA-256 (hex).</param>
/// <param name="Ranges">The range file's name.</param>
/// <param name="RangesSha256">Its SHA-256 (hex).</param>
/// <param name="IsSimulation">Whether the specimen is simulated (e.g. by mlapt simulate).</param>
/// <param name="ProgramVersion">The writing program's version, recorded with every NXprocess.</param>
public sealed record NxapmSource(string? Reconstruction = null, string? ReconstructionSha256 = null, string? Ranges = null,
    string? RangesSha256 = null, bool IsSimulation = false, string ProgramVersion = "unknown")
{
    /// <summary>The source of a file made from <paramref name="reconstruction"/> and its ranging (if any): names, hashes and this program's version.</summary>
    public static NxapmSource Of(string reconstruction, string? ranges, bool isSimulation = false) =>
        new(Path.GetFileName(reconstruction), Numerics.Provenance.Sha256(reconstruction), ranges is null ? null : Path.GetFileName(ranges),
            ranges is null ? null : Numerics.Provenance.Sha256(ranges), isSimulation, Numerics.Provenance.Version);
}

/// <summary>
/// Writes a reconstruction as a NeXus NXapm file (HDF5; the FAIRmat application definition read by
/// NOMAD, pynxtools-apm and paraprobe): the required entry fields, the reconstructed positions (n, 3)
/// in nm in a documented reference frame, the mass-to-charge values, the naive discretisation (1 nm
/// ion-count histogram) and, with a range table, the ranging as NXapm ion types (nuclide hash, charge
/// state, mass-to-charge ranges) with the ion type of every ion and the mass spectrum. Per-ion arrays are
/// streamed to the file in chunks and deflate-compressed.
/// </summary>
public static class NxapmWriter
{
    /// <summary>The entry's name.</summary>
    public const string Entry = "entry1";

    /// <summary>The reference frame of the positions, relative to the entry.</summary>
    public const string Frame = "reconstruction_reference_frame";

    /// <summary>Ions per written chunk of the per-ion arrays.</summary>
    public const int ChunkIons = 1 << 16;

    /// <summary>Mass spectrum bin width (Da).</summary>
    public const double SpectrumBin = 0.01;

    /// <summary>Naive discretisation bin edge (nm), as NXapm specifies.</summary>
    public const double DiscretisationBin = 1.0;

    /// <summary>Writes <paramref name="cloud"/> (and its ranging, when given) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The .nxs file.</param>
    /// <param name="cloud">The reconstruction.</param>
    /// <param name="table">The range table, or null for an unranged file.</param>
    /// <param name="source">Provenance of the inputs.</param>
    /// <param name="extend">Adds more groups to the entry (e.g. a map's results) before the file is written.</param>
    public static void Write(string path, IonCloud cloud, RangeTable? table, NxapmSource? source = null, Action<H5Group>? extend = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        source ??= new NxapmSource();
        var n = (ulong)cloud.Count;
        var species = table?.Assign(cloud);
        var deflate = new H5DatasetCreation(Filters: [new H5Filter(DeflateFilter.Id, new() { [DeflateFilter.COMPRESSION_LEVEL] = 1 })]);
        var chunk = (uint)Math.Clamp(cloud.Count, 1, ChunkIons);
        // HDF5 chunks may not exceed the dataset: an empty reconstruction is written unchunked.
        uint[]? Chunks(params uint[] dims) => n == 0 ? null : dims;
        var creation = n == 0 ? default : deflate;

        var positions = new H5Dataset<float[]>(fileDims: [n, 3], chunks: Chunks(chunk, 3), datasetCreation: creation)
        {
            Attributes = new()
            {
                ["units"] = "nm",
                ["depends_on"] = $"/{Entry}/{Frame}",
            },
        };
        var masses = new H5Dataset<float[]>(fileDims: [n], chunks: Chunks(chunk), datasetCreation: creation)
        {
            Attributes = new() { ["units"] = "Da" },
        };
        var ionTypes = species is null ? null : new H5Dataset<byte[]>(fileDims: [n], chunks: Chunks(chunk), datasetCreation: creation)
        {
            Attributes = new() { ["units"] = "" },
        };

        var entry = Group("NXentry");
        entry["definition"] = "NXapm";
        entry["start_time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        entry["operation_mode"] = "apt";
        entry["specimen"] = Specimen(table, source);
        entry[Frame] = ReferenceFrame();

        var atomProbe = Group("NXroi_process");
        entry["atom_probe"] = atomProbe;
        var conversion = Process(source.ProgramVersion);
        conversion["mass_to_charge"] = masses;
        atomProbe["mass_to_charge_conversion"] = conversion;

        var reconstruction = Process(source.ProgramVersion, "NXapm_reconstruction");
        if (source.Reconstruction is not null)
            reconstruction["source"] = Note(source.Reconstruction, source.ReconstructionSha256);
        reconstruction["reconstructed_positions"] = positions;
        var discretisation = Process(source.ProgramVersion);
        discretisation["grid"] = Discretisation(cloud);
        reconstruction["naive_discretization"] = discretisation;
        atomProbe["reconstruction"] = reconstruction;

        if (table is not null && species is not null && ionTypes is not null)
            atomProbe["ranging"] = Ranging(cloud, table, ionTypes, source);

        extend?.Invoke(entry);
        var file = new H5File { [Entry] = entry };
        file.Attributes = new()
        {
            ["default"] = Entry,
            ["creator"] = "mlapt",
            ["creator_version"] = source.ProgramVersion,
            ["NeXus_repository"] = "https://github.com/FAIRmat-NFDI/nexus_definitions",
        };
        if (!entry.Attributes.ContainsKey("default"))
            entry.Attributes["default"] = "atom_probe";
        if (!atomProbe.Attributes.ContainsKey("default"))
            atomProbe.Attributes["default"] = "reconstruction";

        AtomicFile.WriteVia(path, temp =>
        {
            using var writer = file.BeginWrite(temp);
            StreamPerIon(writer, cloud, positions, masses, ionTypes, species);
        });
    }

    /// <summary>Writes the per-ion arrays chunk by chunk, so that no (n, 3) copy of the positions is ever made.</summary>
    private static void StreamPerIon(H5NativeWriter writer, IonCloud cloud, H5Dataset<float[]> positions, H5Dataset<float[]> masses,
        H5Dataset<byte[]>? ionTypes, byte[]? species)
    {
        var xyz = new float[3 * Math.Min(ChunkIons, cloud.Count)];
        for (var start = 0; start < cloud.Count; start += ChunkIons)
        {
            var count = Math.Min(ChunkIons, cloud.Count - start);
            var buffer = count * 3 == xyz.Length ? xyz : new float[count * 3];
            for (var i = 0; i < count; i++)
            {
                buffer[3 * i] = cloud.X[start + i];
                buffer[3 * i + 1] = cloud.Y[start + i];
                buffer[3 * i + 2] = cloud.Z[start + i];
            }
            writer.Write(positions, buffer, fileSelection: new HyperslabSelection(2, [(ulong)start, 0], [(ulong)count, 3]));
            writer.Write(masses, cloud.M.AsSpan(start, count).ToArray(), fileSelection: new HyperslabSelection((ulong)start, (ulong)count));
            if (ionTypes is not null && species is not null)
                writer.Write(ionTypes, species.AsSpan(start, count).ToArray(), fileSelection: new HyperslabSelection((ulong)start, (ulong)count));
        }
    }

    private static H5Group Specimen(RangeTable? table, NxapmSource source)
    {
        var g = Group("NXsample");
        g["is_simulation"] = source.IsSimulation;
        var elements = table?.Species.Skip(1).SelectMany(s => s.Parts.Select(p => p.Key)).Where(Elements.IsSymbol).Distinct()
            .OrderBy(Elements.ProtonNumber).ToList() ?? [];
        // Comma-separated element symbols; unknown without a range file.
        g["atom_types"] = elements.Count > 0 ? string.Join(", ", elements) : "unknown";
        return g;
    }

    private static H5Group ReferenceFrame()
    {
        var g = Group("NXcoordinate_system");
        g["type"] = "cartesian";
        g["handedness"] = "right_handed";
        g["origin"] = "the origin of the reconstruction as written by the reconstruction software";
        g["x"] = new H5Dataset(new double[] { 1, 0, 0 }) { Attributes = new() { ["units"] = "nm" } };
        g["x_direction"] = "reconstruction x";
        g["y"] = new H5Dataset(new double[] { 0, 1, 0 }) { Attributes = new() { ["units"] = "nm" } };
        g["y_direction"] = "reconstruction y";
        g["z"] = new H5Dataset(new double[] { 0, 0, 1 }) { Attributes = new() { ["units"] = "nm" } };
        g["z_direction"] = "reconstruction z, the analysis direction (evaporation proceeds towards −z)";
        return g;
    }

    /// <summary>The 1 nm ion-count histogram NXapm asks for, as NXdata with bin-centre axes.</summary>
    private static H5Group Discretisation(IonCloud cloud)
    {
        var bounds = Geometry.Bounds3.Of(cloud.X, cloud.Y, cloud.Z);
        var (ox, oy, oz) = bounds is { } b ? (Math.Floor(b.Min.X), Math.Floor(b.Min.Y), Math.Floor(b.Min.Z)) : (0.0, 0.0, 0.0);
        int Bins(double lo, double hi) => Math.Max(1, (int)Math.Floor((hi - lo) / DiscretisationBin) + 1);
        var (nx, ny, nz) = bounds is { } bb ? (Bins(ox, bb.Max.X), Bins(oy, bb.Max.Y), Bins(oz, bb.Max.Z)) : (1, 1, 1);
        var counts = new uint[checked(nx * ny * nz)];
        for (var i = 0; i < cloud.Count; i++)
        {
            var ix = Math.Min(nx - 1, (int)((cloud.X[i] - ox) / DiscretisationBin));
            var iy = Math.Min(ny - 1, (int)((cloud.Y[i] - oy) / DiscretisationBin));
            var iz = Math.Min(nz - 1, (int)((cloud.Z[i] - oz) / DiscretisationBin));
            counts[((long)iz * ny + iy) * nx + ix]++;
        }
        var data = NxData("intensity", ["axis_z", "axis_y", "axis_x"]);
        data["title"] = "Ion counts in 1 nm cubes";
        data["intensity"] = new H5Dataset(counts, fileDims: [(ulong)nz, (ulong)ny, (ulong)nx]) { Attributes = new() { ["long_name"] = "Ions per bin", ["units"] = "" } };
        data["axis_z"] = Axis(oz, nz, DiscretisationBin, "z (nm)", "nm");
        data["axis_y"] = Axis(oy, ny, DiscretisationBin, "y (nm)", "nm");
        data["axis_x"] = Axis(ox, nx, DiscretisationBin, "x (nm)", "nm");
        return data;
    }

    private static H5Group Ranging(IonCloud cloud, RangeTable table, H5Dataset<byte[]> ionTypes, NxapmSource source)
    {
        var ranging = Process(source.ProgramVersion, "NXapm_ranging");
        if (source.Ranges is not null)
            ranging["source"] = Note(source.Ranges, source.RangesSha256);

        // Mass spectrum: 0.01 Da bins from 0 to the largest mass-to-charge.
        var max = 0.0;
        for (var i = 0; i < cloud.Count; i++)
            max = Math.Max(max, cloud.M[i]);
        var bins = Math.Max(1, (int)Math.Ceiling(max / SpectrumBin) + 1);
        var histogram = new uint[bins];
        for (var i = 0; i < cloud.Count; i++)
        {
            var m = cloud.M[i];
            if (m >= 0) histogram[Math.Min(bins - 1, (int)(m / SpectrumBin))]++;
        }
        var distribution = Process(source.ProgramVersion);
        distribution["min_mass_to_charge"] = new H5Dataset(0.0) { Attributes = new() { ["units"] = "Da" } };
        distribution["max_mass_to_charge"] = new H5Dataset(bins * SpectrumBin) { Attributes = new() { ["units"] = "Da" } };
        distribution["n_mass_to_charge"] = (uint)bins;
        var spectrum = NxData("intensity", ["axis_mass_to_charge"]);
        spectrum["title"] = "Mass spectrum";
        spectrum["intensity"] = new H5Dataset(histogram) { Attributes = new() { ["long_name"] = "Ions per bin", ["units"] = "" } };
        spectrum["axis_mass_to_charge"] = Axis(0, bins, SpectrumBin, "Mass-to-charge-state ratio (Da)", "Da");
        distribution["mass_spectrum"] = spectrum;
        distribution.Attributes["default"] = "mass_spectrum";
        ranging["mass_to_charge_distribution"] = distribution;
        ranging.Attributes["default"] = "mass_to_charge_distribution";

        var identification = Process(source.ProgramVersion);
        identification["number_of_ion_types"] = (uint)table.SpeciesCount;
        identification["maximum_number_of_atoms_per_molecular_ion"] = (uint)NuclideHashLength;
        for (var s = 1; s < table.Species.Count; s++)
        {
            var composition = table.Species[s];
            var ranges = table.Ranges.Where(r => r.Species == s).ToList();
            var ion = Group("NXatom");
            ion["name"] = composition.Name;
            ion["nuclide_hash"] = new H5Dataset(NuclideHash(composition)) { Attributes = new() { ["units"] = "" } };
            // Range files (RRNG, RNG, ENV) do not record charge states: NXapm asks for 0 then.
            ion["charge_state"] = new H5Dataset((sbyte)0) { Attributes = new() { ["units"] = "" } };
            var bounds = new double[ranges.Count * 2];
            for (var r = 0; r < ranges.Count; r++)
                (bounds[2 * r], bounds[2 * r + 1]) = (ranges[r].Lo, ranges[r].Hi);
            ion["mass_to_charge_range"] = new H5Dataset(bounds, fileDims: [(ulong)ranges.Count, 2]) { Attributes = new() { ["units"] = "Da" } };
            identification["ion" + s.ToString(CultureInfo.InvariantCulture)] = ion;
        }
        identification["iontypes"] = ionTypes;
        ranging["peak_identification"] = identification;
        return ranging;
    }

    /// <summary>NXapm's nuclide hash vector length: at most 32 atoms per (molecular) ion.</summary>
    public const int NuclideHashLength = 32;

    /// <summary>
    /// The nuclide hash vector of an ion: one entry per atom, Z + 255·256 (the element, all isotopes),
    /// sorted in decreasing order, zero-padded to <see cref="NuclideHashLength"/>; parts that are not
    /// elements (free-form names) have no hash and are carried by the ion's name.
    /// </summary>
    public static ushort[] NuclideHash(IonComposition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var hashes = new List<ushort>();
        foreach (var (part, count) in composition.Parts)
        {
            var z = Elements.ProtonNumber(part);
            if (z == 0) continue;
            for (var k = 0; k < count && hashes.Count < NuclideHashLength; k++)
                hashes.Add((ushort)(z + 255 * 256));
        }
        hashes.Sort((a, b) => b.CompareTo(a));
        var vector = new ushort[NuclideHashLength];
        hashes.CopyTo(vector);
        return vector;
    }

    internal static H5Group Group(string nxClass) => new() { Attributes = new() { ["NX_class"] = nxClass } };

    /// <summary>An NXprocess (or derived class) with the program that made it.</summary>
    internal static H5Group Process(string version, string nxClass = "NXprocess")
    {
        var g = Group(nxClass);
        var program = Group("NXprogram");
        program["program"] = new H5Dataset("mlapt") { Attributes = new() { ["version"] = version } };
        g["program1"] = program;
        return g;
    }

    /// <summary>An NXdata group with its signal and axes attributes (h5web and silx plot it).</summary>
    internal static H5Group NxData(string signal, string[] axes)
    {
        var g = Group("NXdata");
        g.Attributes["signal"] = signal;
        g.Attributes["axes"] = axes;
        for (var i = 0; i < axes.Length; i++)
            g.Attributes[axes[i] + "_indices"] = (uint)i;
        return g;
    }

    /// <summary>Bin centres lo + (i + ½)·step as a float32 axis.</summary>
    internal static H5Dataset Axis(double lo, int count, double step, string longName, string units)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
            values[i] = (float)(lo + (i + 0.5) * step);
        return new H5Dataset(values) { Attributes = new() { ["long_name"] = longName, ["units"] = units } };
    }

    private static H5Group Note(string fileName, string? sha256)
    {
        var g = Group("NXnote");
        g["type"] = "file";
        g["file_name"] = fileName;
        if (sha256 is not null)
        {
            g["checksum"] = sha256;
            g["algorithm"] = "sha256";
        }
        return g;
    }
}
