using MlApt.Io;
using MlApt.Numerics;

namespace MlApt.Specimens;

/// <summary>The files of a simulated specimen: the reconstruction, its truth (<c>NAME.truth.json</c>) and a matching range file (<c>NAME.rrng</c>).</summary>
/// <param name="Recon">The reconstruction.</param>
/// <param name="Truth">The truth file.</param>
/// <param name="Ranges">The range file.</param>
public sealed record SpecimenFiles(string Recon, string Truth, string Ranges)
{
    /// <summary>The truth and range file paths that go with a reconstruction path.</summary>
    public static SpecimenFiles For(string recon)
    {
        ArgumentNullException.ThrowIfNull(recon);
        var stem = Path.Combine(Path.GetDirectoryName(recon) ?? "", Path.GetFileNameWithoutExtension(recon));
        return new SpecimenFiles(recon, stem + ".truth.json", stem + ".rrng");
    }

    /// <summary>Writes the reconstruction, truth and range file (each atomically); returns their paths and the truth text.</summary>
    public static (SpecimenFiles Files, string TruthJson) Write(string recon, SimulatedSpecimen specimen)
    {
        ArgumentNullException.ThrowIfNull(specimen);
        var paths = For(recon);
        var dir = Path.GetDirectoryName(Path.GetFullPath(recon));
        if (dir is not null) Directory.CreateDirectory(dir);
        var truth = SpecimenTruth.ToJson(specimen, Provenance.Program);
        var ranges = SpecimenRanges.Rrng(specimen.Spec);
        IonFile.Write(paths.Recon, specimen.Cloud);
        AtomicFile.WriteText(paths.Truth, truth);
        AtomicFile.WriteText(paths.Ranges, ranges);
        return (paths, truth);
    }
}
