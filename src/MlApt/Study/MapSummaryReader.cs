using System.Globalization;
using System.Text.Json;
using MlApt.Reporting;

namespace MlApt.Study;

/// <summary>
/// Reads the CSRO metrics of one specimen from its <c>mlapt map</c> output: a folder with
/// <c>summary.json</c> or the file itself. A summary with <c>analyses</c> is the index of a
/// several-pair map; each analysis is read from <c>folder/summary.json</c> next to it.
/// </summary>
internal static class MapSummaryReader
{
    /// <summary>
    /// Reads every analysis of a specimen. Problems are reported as the cell of the table that named
    /// the map: <paramref name="source"/>, <paramref name="row"/>, <paramref name="column"/>.
    /// </summary>
    public static IReadOnlyList<CsroMetrics> Read(string mapPath, string source, int row, string column)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapPath);
        var summary = Directory.Exists(mapPath) ? Path.Combine(mapPath, "summary.json") : mapPath;
        if (!File.Exists(summary))
            StudyInputError.At(source, row, column, Directory.Exists(mapPath)
                ? $"'{mapPath}' has no summary.json (expected an mlapt map output folder)"
                : $"'{mapPath}' does not exist (expected an mlapt map output folder or its summary.json)");
        using var doc = Parse(summary, source, row, column);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(MapRun.AnalysesKey, out var analyses) && analyses.ValueKind == JsonValueKind.Array)
        {
            var result = new List<CsroMetrics>();
            var dir = Path.GetDirectoryName(Path.GetFullPath(summary))!;
            foreach (var a in analyses.EnumerateArray())
            {
                var folder = a.ValueKind == JsonValueKind.Object && a.TryGetProperty(MapRun.FolderKey, out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : null;
                if (folder is null)
                    StudyInputError.At(source, row, column, $"{summary}: an entry of 'analyses' has no 'folder' (expected the index written by mlapt map)");
                var sub = Path.Combine(dir, folder, "summary.json");
                if (!File.Exists(sub))
                    StudyInputError.At(source, row, column, $"{summary}: analysis folder '{folder}' has no summary.json");
                using var subDoc = Parse(sub, source, row, column);
                result.Add(ReadOne(subDoc.RootElement, sub, source, row, column));
            }
            if (result.Count == 0)
                StudyInputError.At(source, row, column, $"{summary}: 'analyses' is empty");
            return result;
        }
        return [ReadOne(root, summary, source, row, column)];
    }

    private static JsonDocument Parse(string path, string source, int row, string column)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            StudyInputError.At(source, row, column, string.Create(CultureInfo.InvariantCulture,
                $"{path}: not valid JSON at line {(e.LineNumber ?? 0) + 1} (expected a summary.json of mlapt map)"));
            return null!;
        }
    }

    private static CsroMetrics ReadOne(JsonElement s, string path, string source, int row, string column)
    {
        string Where(string member) => $"{path}: '{member}'";
        var pairsElement = s.ValueKind == JsonValueKind.Object && s.TryGetProperty("pairs", out var pe) ? pe : default;
        if (pairsElement.ValueKind != JsonValueKind.Array || !s.TryGetProperty("csro_volume_fraction", out _)
            || pairsElement.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
            StudyInputError.At(source, row, column, $"{path}: not a summary of mlapt map (expected 'pairs' and 'csro_volume_fraction')");
        var pairs = string.Join("+", pairsElement.EnumerateArray().Select(p => p.GetString()));
        double Number(JsonElement parent, string name, string member)
        {
            if (!parent.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return double.NaN;
            if (v.ValueKind != JsonValueKind.Number)
                StudyInputError.At(source, row, column, $"{Where(member)} is not a number");
            return v.GetDouble();
        }
        var vf = Number(s, "csro_volume_fraction", "csro_volume_fraction");

        double density = double.NaN, densityStd = double.NaN, radius = double.NaN;
        var count = 0;
        if (s.TryGetProperty("domains", out var domains) && domains.TryGetProperty("connected", out var connected))
        {
            density = Number(connected, "number_density_m3", "domains.connected.number_density_m3");
            radius = Number(connected, "mean_equivalent_radius_nm", "domains.connected.mean_equivalent_radius_nm");
            var c = Number(connected, "count", "domains.connected.count");
            count = double.IsFinite(c) ? (int)c : 0;
            if (count > 0) densityStd = density / Math.Sqrt(count);
        }

        int permutations = 0;
        double controlStd = double.NaN, excess = double.NaN, excessStd = double.NaN, controlP = double.NaN;
        if (s.TryGetProperty("control", out var control) && control.ValueKind == JsonValueKind.Object)
        {
            var fractions = control.TryGetProperty("volume_fractions", out var vfs) && vfs.ValueKind == JsonValueKind.Array
                ? vfs.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetDouble()).ToArray()
                : [];
            permutations = fractions.Length;
            if (fractions.Length >= 2)
            {
                var mean = fractions.Average();
                controlStd = Math.Sqrt(fractions.Sum(f => (f - mean) * (f - mean)) / (fractions.Length - 1));
                excessStd = controlStd * Math.Sqrt(1 + 1.0 / fractions.Length);
            }
            excess = Number(control, "excess_volume_fraction", "control.excess_volume_fraction");
            controlP = Number(control, "p_value", "control.p_value");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // The order looked for, when the map's model records it (structure or element); else the analysis is named by its pairs.
        var order = s.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object && model.TryGetProperty("order", out var o)
            && o.ValueKind == JsonValueKind.String && (Known(model, "structure") || Known(model, "element")) ? o.GetString() : null;
        return new CsroMetrics(pairs, vf, controlStd, excess, excessStd, density, densityStd, radius,
            RadiusStandardError(Path.Combine(dir, "domains.csv")), permutations, controlP, EnsembleStdMean(Path.Combine(dir, "voxel_probability_std.npy")), path)
        {
            Order = order,
        };
    }

    private static bool Known(JsonElement model, string name) => model.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String;

    /// <summary>std/√n of the equivalent radii in domains.csv; NaN when it is absent, unreadable or has fewer than 2 domains.</summary>
    private static double RadiusStandardError(string domainsCsv)
    {
        // An uncertainty is optional: a missing or foreign file only drops the error bar.
        if (!File.Exists(domainsCsv)) return double.NaN;
        var lines = File.ReadAllLines(domainsCsv);
        if (lines.Length == 0) return double.NaN;
        var col = Array.IndexOf(lines[0].Split(','), "equivalent_radius_nm");
        if (col < 0) return double.NaN;
        var radii = new List<double>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f.Length > col && double.TryParse(f[col], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && double.IsFinite(r))
                radii.Add(r);
        }
        if (radii.Count < 2) return double.NaN;
        var m = radii.Average();
        return Math.Sqrt(radii.Sum(r => (r - m) * (r - m)) / (radii.Count - 1)) / Math.Sqrt(radii.Count);
    }

    private static double EnsembleStdMean(string npy)
    {
        if (!File.Exists(npy)) return double.NaN;
        try
        {
            var a = Io.Npy.Read(npy);
            double sum = 0;
            var n = 0;
            foreach (var v in a.Data)
            {
                if (double.IsFinite(v)) { sum += v; n++; }
            }
            return n == 0 ? double.NaN : sum / n;
        }
        catch (Io.InputException)
        {
            return double.NaN;
        }
    }
}
