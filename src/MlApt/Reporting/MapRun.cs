using System.Globalization;
using System.Text.Json;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Sdm;

namespace MlApt.Reporting;

/// <summary>What a map of a reconstruction was asked for, as its summary records it.</summary>
/// <param name="Reconstruction">The reconstruction file.</param>
/// <param name="Ranges">The range file.</param>
/// <param name="StrictRanges">Whether overlapping ranges were refused.</param>
/// <param name="Box">The analysis box as given (null: automatic).</param>
/// <param name="Voxel">Voxel edge (nm).</param>
/// <param name="Stride">Stride (nm).</param>
/// <param name="Controls">Random-label control permutations.</param>
/// <param name="Seed">Seed of the first permutation.</param>
public sealed record MapRequest(string Reconstruction, string Ranges, bool StrictRanges, string? Box, double Voxel, double Stride, int Controls, int Seed)
{
    /// <summary>The pole alignment the ions were rotated by before mapping (null: mapped as read); every output is in its frame.</summary>
    public Crystal.PoleAlignmentResult? Alignment { get; init; }

    /// <summary>How each control was measured (null: every voxel).</summary>
    public ControlSampling? ControlSampling { get; init; }
}

/// <summary>
/// The outputs of <c>map</c> around the per-analysis report: the <c>parameters</c> and <c>provenance</c> of each
/// summary, and the index that lists the analyses when one map makes several (<c>DIR/summary.json</c>
/// beside one folder per analysis).
/// </summary>
public static class MapRun
{
    /// <summary>The index's list of analyses.</summary>
    public const string AnalysesKey = "analyses";
    /// <summary>The folder of an analysis in the index, relative to the index.</summary>
    public const string FolderKey = "folder";

    /// <summary>The folder of <paramref name="analysis"/>: <paramref name="outDir"/> itself for a single analysis, else a subfolder named by its pairs.</summary>
    public static string FolderOf(string outDir, CsroAnalysis analysis, int analyses)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analyses == 1 ? outDir : Path.Combine(outDir, analysis.Name);
    }

    /// <summary>Writes the reports of <paramref name="analyses"/> (each with its <paramref name="options"/>) and, for several, the index; returns the text of <c>outDir/summary.json</c>.</summary>
    public static string Write(string outDir, IReadOnlyList<CsroAnalysis> analyses, IonCloud cloud, byte[] species, RangeTable table, MapRequest request,
        MapProfile profile, double readSeconds, Func<double> elapsedSeconds, Func<CsroAnalysis, MapReport.Options> options)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(elapsedSeconds);
        ArgumentNullException.ThrowIfNull(options);
        var summary = "";
        foreach (var a in analyses)
        {
            summary = MapReport.Write(FolderOf(outDir, a, analyses.Count), a, cloud, species, table,
                w =>
                {
                    profile.WriteModel(w, a.Pairs);
                    WriteProvenance(w, request, profile, readSeconds, elapsedSeconds());
                }, options(a)).Summary;
        }
        if (analyses.Count > 1)
        {
            summary = JsonText.Write(w => WriteIndex(w, outDir, analyses, request.Reconstruction));
            AtomicFile.WriteText(Path.Combine(outDir, "summary.json"), summary);
        }
        return summary;
    }

    /// <summary>The <c>parameters</c> and <c>provenance</c> members of a map's summary.</summary>
    public static void WriteProvenance(Utf8JsonWriter w, MapRequest request, MapProfile profile, double readSeconds, double elapsedSeconds)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        var ensemble = profile.Ensemble;
        w.WriteStartObject("parameters");
        w.WriteNumber("voxel_nm", request.Voxel);
        w.WriteNumber("stride_nm", request.Stride);
        w.WriteNumber("sphere_radius_nm", profile.SphereRadius * request.Voxel);
        w.WriteNumber("pair_radius_nm", ZSdm.DefaultPairRadius);
        w.WriteString("profile", profile.Profile);
        profile.WriteDecision(w);
        w.WriteNumber("extraction_radius_nm", IonExtraction.ReferenceRadius);
        w.WriteNumber("control_permutations", request.Controls);
        var sampling = request.ControlSampling ?? ControlSampling.Full;
        w.WriteString("control_sample", sampling.ToString());
        if (!sampling.IsFull)
            w.WriteNumber("control_block_subvoxels", sampling.BlockSubVoxels);
        w.WriteNumber("seed", request.Seed);
        w.WriteString("box", request.Box ?? "automatic");
        w.WriteString("frame", request.Alignment is null ? "reconstruction" : "aligned");
        w.WriteString("preprocessing", profile.Stage == SdmStage.Preprocessed ? "min-max, Savitzky-Golay (15, 8, interp), background clipping (1000 passes max), min-max" : "min-max");
        w.WriteEndObject();
        w.WriteStartObject("provenance");
        w.WriteString("program", Provenance.Program);
        w.WriteString("reconstruction", request.Reconstruction);
        w.WriteString("reconstruction_sha256", Provenance.Sha256(request.Reconstruction));
        w.WriteString("ranges", request.Ranges);
        w.WriteString("ranges_sha256", Provenance.Sha256(request.Ranges));
        w.WriteString("model", profile.Model);
        w.WriteString("model_id", profile.ModelId);
        w.WriteNumber("model_members", ensemble.Members.Count);
        w.WriteStartArray("model_classes");
        foreach (var c in ensemble.ClassNames) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartArray("model_pairs");
        foreach (var p in ensemble.Pairs) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteStartObject("model_metadata");
        foreach (var (k, v) in ensemble.Metadata) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteNumber("read_seconds", Math.Round(readSeconds, 3));
        w.WriteNumber("elapsed_seconds", Math.Round(elapsedSeconds, 3));
        w.WriteString("created_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        if (request.Alignment is { } alignment)
            AlignmentReport.Write(w, "alignment", alignment);
    }

    private static void WriteIndex(Utf8JsonWriter w, string outDir, IReadOnlyList<CsroAnalysis> analyses, string reconstruction)
    {
        w.WriteStartObject();
        w.WriteString("reconstruction", reconstruction);
        w.WriteStartArray(AnalysesKey);
        foreach (var a in analyses)
        {
            w.WriteStartObject();
            w.WriteString("pairs", a.Name);
            w.WriteString(FolderKey, Path.GetFileName(FolderOf(outDir, a, analyses.Count)));
            w.WriteFiniteOrNull("csro_volume_fraction", a.Map.VolumeFraction);
            w.WriteNumber("domains", a.Map.Domains.Count);
            w.WriteNumber("dbscan_clusters", a.Map.Dbscan.Clusters);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("program", Provenance.Program);
        w.WriteEndObject();
    }
}
