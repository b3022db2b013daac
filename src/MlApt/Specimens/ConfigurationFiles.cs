using MlApt.Crystal;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Sro;

namespace MlApt.Specimens;

/// <summary>
/// The files of a specimen simulated from an atomistic configuration: the reconstruction, the true species
/// of every ion (<c>NAME.species.npy</c>), a matching range file and <c>NAME.truth.json</c>, which records the
/// configuration (with its hash and Warren–Cowley parameters) and the detector parameters.
/// </summary>
internal static class ConfigurationFiles
{
    /// <summary>Simulates the detection of configuration <paramref name="from"/> with the detector of <paramref name="spec"/> and writes the files beside <paramref name="recon"/>.</summary>
    public static (ConfigurationSpecimen Specimen, ExtendedXyzFrame Frame, string SpeciesPath, SpecimenFiles Paths, string TruthJson) Write(
        string from, string recon, SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(recon);
        ArgumentNullException.ThrowIfNull(spec);
        var frame = ExtendedXyz.Read(from);
        ConfigurationSpecimen specimen;
        NeighbourShells neighbours;
        try
        {
            specimen = ConfigurationSpecimen.Generate(frame, spec.Size, spec.Orientation, spec.Efficiency, spec.SigmaXy, spec.SigmaZ, spec.Seed,
                spec.Charge, spec.MassNoise);
            neighbours = NeighbourShells.FromPositions(frame.X, frame.Y, frame.Z, frame.Cell, 3);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{from}: {e.Message}");
        }
        var alpha = WarrenCowley.Compute(frame.Species, frame.Elements, neighbours);
        var paths = SpecimenFiles.For(recon);
        var speciesPath = Path.Combine(Path.GetDirectoryName(paths.Truth) ?? "", Path.GetFileNameWithoutExtension(recon) + ".species.npy");
        var dir = Path.GetDirectoryName(Path.GetFullPath(recon));
        if (dir is not null) Directory.CreateDirectory(dir);
        IonFile.Write(paths.Recon, specimen.Cloud);
        Npy.WriteFile(speciesPath, specimen.Species, specimen.Species.Length);
        AtomicFile.WriteText(paths.Ranges, SpecimenRanges.Rrng(frame.Elements.ToList(), spec.Charge));
        var truth = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", "mlapt-configuration-specimen-1");
            w.WriteString("configuration", from);
            w.WriteString("configuration_sha256", Provenance.Sha256(from));
            w.WriteNumber("configuration_atoms", frame.Count);
            w.WriteStartArray("elements");
            foreach (var e in frame.Elements) w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteString("species_file", Path.GetFileName(speciesPath));
            w.WriteString("species_note", "uint8 per ion, index into elements: the true element of every ion, in the order of the reconstruction");
            w.WriteStartObject("ions_per_element");
            for (var e = 0; e < frame.Elements.Count; e++)
                w.WriteNumber(frame.Elements[e], specimen.Species.Count(s => s == e));
            w.WriteEndObject();
            alpha.WriteJson(w);
            w.WriteStartObject("parameters");
            w.WriteStartArray("size_nm");
            w.WriteNumberValue(spec.Size.X); w.WriteNumberValue(spec.Size.Y); w.WriteNumberValue(spec.Size.Z);
            w.WriteEndArray();
            w.WriteString("orientation", $"{spec.Orientation.H},{spec.Orientation.K},{spec.Orientation.L}");
            SpecimenJson.WriteDetector(w, spec);
            w.WriteNumber("charge", spec.Charge);
            w.WriteNumber("seed", spec.Seed);
            w.WriteNumber("sites", specimen.Sites);
            w.WriteNumber("ions", specimen.Cloud.Count);
            w.WriteEndObject();
            w.WriteString("program", Provenance.Program);
            w.WriteEndObject();
        });
        AtomicFile.WriteText(paths.Truth, truth);
        return (specimen, frame, speciesPath, paths, truth);
    }
}
