using System.Globalization;
using System.Text;
using MlApt.Geometry;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Sdm;

namespace MlApt.Reporting;

/// <summary>
/// The files of a region's SDMs (<c>mlapt sdm</c>): zsdm.csv, sdm2d.csv, their PNG plots and sdm.json with the
/// counts and the provenance of the inputs.
/// </summary>
internal static class RegionSdmReport
{
    /// <summary>The files <see cref="Write"/> makes, in order.</summary>
    public static IReadOnlyList<string> Files { get; } = ["zsdm.csv", "zsdm.png", "sdm2d.csv", "sdm2d.png", "sdm.json"];

    /// <summary>Writes every file into <paramref name="dir"/>; <paramref name="rangesSource"/> is the file the ranging came from.</summary>
    public static void Write(string dir, RegionSdm sdm, string reconstruction, string rangesSource)
    {
        ArgumentNullException.ThrowIfNull(sdm);
        AtomicFile.WriteText(Path.Combine(dir, "zsdm.csv"), ZsdmCsv(sdm));
        AtomicFile.WriteText(Path.Combine(dir, "sdm2d.csv"), Sdm2DCsv(sdm.Counts2D));
        SdmPlots.SaveZSdm(Path.Combine(dir, "zsdm.png"), ZSdm.CroppedBinLeftEdges(), sdm.Cropped,
            string.Create(CultureInfo.InvariantCulture, $"{sdm.Pair} z-SDM, {sdm.Centres:N0} centres"), "pair counts");
        SdmPlots.SaveSdm2D(Path.Combine(dir, "sdm2d.png"), Sdm2D.ToArray(sdm.Counts2D), $"{sdm.Pair} 2D SDM (Δx–Δz)");
        AtomicFile.WriteText(Path.Combine(dir, "sdm.json"), JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("pair", sdm.Pair.ToString());
            BoxJson.Write(w, "box", sdm.Region);
            w.WriteNumber("centres", sdm.Centres);
            w.WriteNumber("neighbours", sdm.Neighbours);
            w.WriteNumber("pair_radius_nm", ZSdm.DefaultPairRadius);
            w.WriteNumber("pairs_in_zsdm", sdm.Full.Sum());
            w.WriteNumber("pairs_in_cropped_zsdm", sdm.Cropped.Sum());
            w.WriteBoolean("cropped_defined", sdm.CroppedDefined);
            w.WriteStartObject("files");
            w.WriteString("zsdm_csv", "zsdm.csv: bin, dz_left_nm, count (200 bins of 0.015 nm over [-1.5, 1.5)); cropped = bins 54..146 with min-max normalised and preprocessed values");
            w.WriteString("sdm2d_csv", "sdm2d.csv: 200 rows (dz bins) x 200 columns (dx bins) of pair counts, no header");
            w.WriteEndObject();
            w.WriteStartObject("provenance");
            w.WriteString("program", Provenance.Program);
            w.WriteString("reconstruction", reconstruction);
            w.WriteString("reconstruction_sha256", Provenance.Sha256(reconstruction));
            w.WriteString("ranges", rangesSource);
            w.WriteString("ranges_sha256", Provenance.Sha256(rangesSource));
            w.WriteString("created_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    private static string ZsdmCsv(RegionSdm sdm)
    {
        var sb = new StringBuilder("bin,dz_left_nm,count,cropped,normalized,preprocessed\n");
        for (var k = 0; k < sdm.Full.Length; k++)
        {
            var c = k - ZSdm.CropStart;
            var inCrop = c >= 0 && c < ZSdm.CropLength;
            sb.Append(CultureInfo.InvariantCulture, $"{k},{ZSdm.BinLeftEdge(k):R},{sdm.Full[k]},{(inCrop ? 1 : 0)},");
            sb.Append(inCrop ? NumberCsv.Format(sdm.Normalized[c]) : "").Append(',').Append(inCrop ? NumberCsv.Format(sdm.Preprocessed[c]) : "").Append('\n');
        }
        return sb.ToString();
    }

    private static string Sdm2DCsv(long[] counts)
    {
        var sb = new StringBuilder();
        for (var r = 0; r < Sdm2D.Bins; r++)
            sb.AppendJoin(',', counts.AsSpan(r * Sdm2D.Bins, Sdm2D.Bins).ToArray()).Append('\n');
        return sb.ToString();
    }
}
