using PureHDF;
using PureHDF.Selections;

namespace MlApt.Io;

/// <summary>A reconstruction read from an NXapm file, with its ranging when the file has one.</summary>
/// <param name="Cloud">Positions (nm) and mass-to-charge (Da).</param>
/// <param name="Ranges">The ion types as a range table, or null when the file is unranged.</param>
/// <param name="Entry">The entry read (e.g. <c>entry1</c>).</param>
public sealed record NxapmContent(IonCloud Cloud, RangeTable? Ranges, string Entry);

/// <summary>
/// Reads NeXus NXapm files (mlapt's, and others following the same application definition): the first
/// entry whose <c>definition</c> is NXapm; in it the NXroi_process holding <c>reconstruction/reconstructed_positions</c>
/// (n, 3), <c>mass_to_charge_conversion/mass_to_charge</c> (n) and, when present,
/// <c>ranging/peak_identification/ion*</c> (nuclide hashes and mass-to-charge ranges). float32 and float64
/// are both accepted. Per-ion arrays are read in chunks.
/// </summary>
public static class NxapmReader
{
    /// <summary>Ions per read: 16 of the writer's chunks, which bounds the temporary (n, 3) buffer to 12 MB.</summary>
    public const int ReadIons = 16 * NxapmWriter.ChunkIons;

    /// <summary>The HDF5 signature, the first 8 bytes of every HDF5 file without a user block.</summary>
    public static ReadOnlySpan<byte> Signature => "\x89HDF\r\n\x1a\n"u8;

    /// <summary>Reads the reconstruction and its ranging. Problems are <see cref="InputException"/>s naming the file and the path inside it.</summary>
    public static NxapmContent Read(string path)
    {
        IonFile.CheckReadable(path);
        try
        {
            using var file = H5File.OpenRead(path);
            var (entry, entryName) = FindEntry(file, path);
            var atomProbe = FindAtomProbe(entry, path, entryName);
            var where = $"/{entryName}/{atomProbe.Name}";
            var positions = Dataset(atomProbe, "reconstruction/reconstructed_positions", path, where);
            var masses = Dataset(atomProbe, "mass_to_charge_conversion/mass_to_charge", path, where);
            var dims = positions.Space.Dimensions;
            if (dims.Length != 2 || dims[1] != 3)
                InputError.In(path, $"{where}/reconstruction/reconstructed_positions has shape ({string.Join(", ", dims)}): expected (n, 3)");
            var n = dims[0];
            var massDims = masses.Space.Dimensions;
            if (massDims.Length != 1 || massDims[0] != n)
                InputError.In(path, $"{where}/mass_to_charge_conversion/mass_to_charge has shape ({string.Join(", ", massDims)}): expected ({n}) like the positions");
            if (n > int.MaxValue)
                InputError.In(path, $"{n} ions: more than {int.MaxValue} are not supported");
            var count = (int)n;
            float[] x = new float[count], y = new float[count], z = new float[count], m = new float[count];
            for (var start = 0; start < count; start += ReadIons)
            {
                var take = Math.Min(ReadIons, count - start);
                var xyz = ReadFloats(positions, new HyperslabSelection(2, [(ulong)start, 0], [(ulong)take, 3]), take * 3);
                for (var i = 0; i < take; i++)
                    (x[start + i], y[start + i], z[start + i]) = (xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
                ReadFloats(masses, new HyperslabSelection((ulong)start, (ulong)take), take).CopyTo(m, start);
            }
            for (var i = 0; i < count; i++)
            {
                if (!float.IsFinite(x[i]) || !float.IsFinite(y[i]) || !float.IsFinite(z[i]) || !float.IsFinite(m[i]))
                    InputError.In(path, $"ion {i}: non-finite value (x {x[i]}, y {y[i]}, z {z[i]}, m {m[i]})");
            }
            var ranges = atomProbe.LinkExists("ranging/peak_identification")
                ? ReadRanging(atomProbe.Group("ranging/peak_identification"), path, where + "/ranging/peak_identification")
                : null;
            return new NxapmContent(new IonCloud(x, y, z, m), ranges, entryName);
        }
        catch (Exception e) when (e is not InputException && e is not OutOfMemoryException)
        {
            // PureHDF reports damaged or non-HDF5 files with its own exception types; the user needs the file name.
            throw new InputException($"{path}: cannot read as NeXus/HDF5: {e.Message}", e);
        }
    }

    /// <summary>Only the ranging of an NXapm file (null when it has none), without reading the per-ion arrays.</summary>
    public static RangeTable? ReadRanges(string path)
    {
        IonFile.CheckReadable(path);
        try
        {
            using var file = H5File.OpenRead(path);
            var (entry, entryName) = FindEntry(file, path);
            var atomProbe = FindAtomProbe(entry, path, entryName);
            return atomProbe.LinkExists("ranging/peak_identification")
                ? ReadRanging(atomProbe.Group("ranging/peak_identification"), path, $"/{entryName}/{atomProbe.Name}/ranging/peak_identification")
                : null;
        }
        catch (Exception e) when (e is not InputException && e is not OutOfMemoryException)
        {
            throw new InputException($"{path}: cannot read as NeXus/HDF5: {e.Message}", e);
        }
    }

    private static (IH5Group Entry, string Name) FindEntry(IH5Group file, string path)
    {
        foreach (var child in file.Children().OfType<IH5Group>())
        {
            if (child.LinkExists("definition") && ReadString(child.Dataset("definition")) == "NXapm")
                return (child, child.Name);
        }
        InputError.In(path, "no NXentry with definition = \"NXapm\" (expected a NeXus NXapm file)");
        return default;
    }

    private static IH5Group FindAtomProbe(IH5Group entry, string path, string entryName)
    {
        foreach (var child in entry.Children().OfType<IH5Group>())
        {
            if (child.LinkExists("reconstruction/reconstructed_positions"))
                return child;
        }
        InputError.In(path, $"/{entryName} has no group with reconstruction/reconstructed_positions (an NXapm atom_probe NXroi_process)");
        return default!;
    }

    private static IH5Dataset Dataset(IH5Group group, string relative, string path, string where)
    {
        if (!group.LinkExists(relative))
            InputError.In(path, $"{where}/{relative} is missing");
        return group.Dataset(relative);
    }

    private static float[] ReadFloats(IH5Dataset dataset, Selection selection, int count)
    {
        var memory = new ulong[] { (ulong)count };
        if (dataset.Type.Class == H5DataTypeClass.FloatingPoint && dataset.Type.Size == 8)
            return Array.ConvertAll(dataset.Read<double[]>(selection, null, memory), v => (float)v);
        return dataset.Read<float[]>(selection, null, memory);
    }

    private static RangeTable? ReadRanging(IH5Group identification, string path, string where)
    {
        var ions = new List<(IonComposition, (double, double)[])>();
        var groups = identification.Children().OfType<IH5Group>()
            .Where(g => g.Name.StartsWith("ion", StringComparison.Ordinal) && int.TryParse(g.Name.AsSpan(3), out var k) && k > 0)
            .OrderBy(g => int.Parse(g.Name.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture));
        foreach (var ion in groups)
        {
            var at = $"{where}/{ion.Name}";
            if (!ion.LinkExists("mass_to_charge_range"))
                InputError.In(path, $"{at}/mass_to_charge_range is missing");
            var rangeSet = ion.Dataset("mass_to_charge_range");
            var dims = rangeSet.Space.Dimensions;
            if (dims.Length != 2 || dims[1] != 2)
                InputError.In(path, $"{at}/mass_to_charge_range has shape ({string.Join(", ", dims)}): expected (n_ranges, 2)");
            var bounds = rangeSet.Type.Size == 8 ? rangeSet.Read<double[]>() : Array.ConvertAll(rangeSet.Read<float[]>(), v => (double)v);
            var ranges = new (double, double)[bounds.Length / 2];
            for (var r = 0; r < ranges.Length; r++)
                ranges[r] = (bounds[2 * r], bounds[2 * r + 1]);
            var name = ion.LinkExists("name") ? ReadString(ion.Dataset("name")) : null;
            ions.Add((Composition(ion, name, path, at), ranges));
        }
        if (ions.Count == 0)
            return null;
        try
        {
            return RangeTable.FromIonTypes(Path.GetFileName(path), ions);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{path}: {where}: {e.Message}", e);
        }
    }

    /// <summary>The ion's composition from its nuclide hashes (Z = hash mod 256), else from its name.</summary>
    private static IonComposition Composition(IH5Group ion, string? name, string path, string at)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ion.LinkExists("nuclide_hash"))
        {
            var set = ion.Dataset("nuclide_hash");
            var hashes = set.Type.Size switch
            {
                2 => Array.ConvertAll(set.Read<ushort[]>(), v => (long)v),
                4 => Array.ConvertAll(set.Read<uint[]>(), v => (long)v),
                8 => Array.ConvertAll(set.Read<ulong[]>(), v => (long)v),
                _ => Array.ConvertAll(set.Read<byte[]>(), v => (long)v),
            };
            foreach (var h in hashes.Where(h => h != 0))
            {
                var symbol = Elements.Symbol((int)(h % 256));
                if (symbol is null)
                    InputError.In(path, $"{at}/nuclide_hash {h}: proton number {h % 256} is no element");
                counts[symbol!] = counts.GetValueOrDefault(symbol!) + 1;
            }
        }
        try
        {
            if (counts.Count > 0)
                return IonComposition.FromCounts(counts);
            if (!string.IsNullOrWhiteSpace(name))
                return IonComposition.FromName(name.Trim());
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{path}: {at}: {e.Message}", e);
        }
        InputError.In(path, $"{at} has neither nuclide hashes nor a name");
        return IonComposition.Unranged;
    }

    private static string ReadString(IH5Dataset dataset) => dataset.Read<string>().TrimEnd('\0');
}
