using System.Text.Json;
using MlApt.Imaging;
using MlApt.Io;
using PureHDF;

namespace MlApt.Reporting;

/// <summary>
/// <c>map.nxs</c>: the reconstruction as an NXapm entry plus an NXprocess <c>csro_map</c> with the map's
/// results as NXdata that h5web and silx plot directly: mean P(CSRO) and the reference score per
/// sub-voxel, the selection and the domain labels (axes: sub-voxel centres in nm), the voxel
/// probabilities on their own grid, the volume fraction, and the whole summary.json (model, parameters,
/// provenance) as a JSON note.
/// </summary>
internal static class MapNexus
{
    /// <summary>Writes <paramref name="path"/> atomically.</summary>
    public static void Write(string path, CsroMap map, IonCloud cloud, RangeTable table, NxapmSource source, string summaryJson)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(source);
        NxapmWriter.Write(path, cloud, table, source, entry =>
        {
            entry["csro_map"] = Results(map, source.ProgramVersion, summaryJson);
            entry.Attributes["default"] = "csro_map";
        });
    }

    private static H5Group Results(CsroMap map, string version, string summaryJson)
    {
        var process = NxapmWriter.Process(version);
        process["pairs"] = string.Join(", ", map.Pairs);
        process["csro_volume_fraction"] = map.VolumeFraction;
        using (var summary = JsonDocument.Parse(summaryJson))
        {
            if (summary.RootElement.TryGetProperty("provenance", out var p))
            {
                if (p.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String)
                    process["model"] = model.GetString()!;
                if (p.TryGetProperty("model_id", out var id) && id.ValueKind == JsonValueKind.String)
                    process["model_id"] = id.GetString()!;
            }
        }
        var note = NxapmWriter.Group("NXnote");
        note["type"] = "application/json";
        note["description"] = "summary.json of the map: grid, decision rule, parameters, domains, control, model and provenance";
        note["data"] = summaryJson;
        process["summary"] = note;

        var sg = map.SubGrid;
        process["probability"] = Grid(sg, "mean_probability", map.SubVoxelMean, "Mean P(CSRO) over the covering voxels");
        process["score"] = Grid(sg, "score", map.SubVoxelScore, "Sum of P(CSRO) over the covering voxels (reference score)");
        process["selection"] = Grid(sg, "selected", map.Selected, "CSRO selection (1 = selected)");
        process["domains"] = Grid(sg, "domain", map.DomainLabels, "Connected-domain label (0 = none)");
        var g = map.Grid;
        var voxels = NxapmWriter.NxData("probability", ["axis_z", "axis_y", "axis_x"]);
        voxels["title"] = "Voxel P(CSRO) (ensemble mean)";
        voxels["probability"] = new H5Dataset(map.VoxelProbability, fileDims: [(ulong)g.Nz, (ulong)g.Ny, (ulong)g.Nx]) { Attributes = new() { ["long_name"] = "P(CSRO)", ["units"] = "" } };
        voxels["probability_std"] = new H5Dataset(map.VoxelStd, fileDims: [(ulong)g.Nz, (ulong)g.Ny, (ulong)g.Nx]) { Attributes = new() { ["long_name"] = "Ensemble standard deviation of P(CSRO)", ["units"] = "" } };
        voxels["axis_z"] = NxapmWriter.Axis(g.CentreZ(0) - g.Options.Stride / 2, g.Nz, g.Options.Stride, "z (nm), voxel centre", "nm");
        voxels["axis_y"] = NxapmWriter.Axis(g.CentreY(0) - g.Options.Stride / 2, g.Ny, g.Options.Stride, "y (nm), voxel centre", "nm");
        voxels["axis_x"] = NxapmWriter.Axis(g.CentreX(0) - g.Options.Stride / 2, g.Nx, g.Options.Stride, "x (nm), voxel centre", "nm");
        process["voxel_probability"] = voxels;
        process.Attributes["default"] = "probability";
        return process;
    }

    /// <summary>A sub-voxel array as NXdata over the sub-voxel centres.</summary>
    private static H5Group Grid(SubVoxelGrid sg, string signal, Array values, string longName)
    {
        var data = NxapmWriter.NxData(signal, ["axis_z", "axis_y", "axis_x"]);
        data["title"] = longName;
        data[signal] = new H5Dataset(values, fileDims: [(ulong)sg.Nz, (ulong)sg.Ny, (ulong)sg.Nx]) { Attributes = new() { ["long_name"] = longName, ["units"] = "" } };
        data["axis_z"] = NxapmWriter.Axis(sg.Origin.Z, sg.Nz, sg.Spacing, "z (nm)", "nm");
        data["axis_y"] = NxapmWriter.Axis(sg.Origin.Y, sg.Ny, sg.Spacing, "y (nm)", "nm");
        data["axis_x"] = NxapmWriter.Axis(sg.Origin.X, sg.Nx, sg.Spacing, "x (nm)", "nm");
        return data;
    }
}
