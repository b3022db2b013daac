using MlApt.Numerics;

namespace MlApt.Banks;

/// <summary>What a written bank holds, for a report: samples per class, channels, resampled draws.</summary>
internal static class BankSummary
{
    /// <summary>The number of samples of each class, by label.</summary>
    public static int[] ClassCounts(PatternBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var counts = new int[bank.Info.ClassNames.Count];
        foreach (var y in bank.Y)
            counts[y]++;
        return counts;
    }

    /// <summary>
    /// The JSON summary of a bank written to <paramref name="path"/> in <paramref name="seconds"/>, with the plots
    /// made of it and the program version.
    /// </summary>
    public static string Json(PatternBank bank, string path, double seconds, IReadOnlyList<string> plots, string version)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(plots);
        var counts = ClassCounts(bank);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("out", Path.GetFullPath(path));
            w.WriteString("preset", bank.Info.Preset);
            if (bank.Info.Seed is { } seed) w.WriteNumber("seed", seed); else w.WriteNull("seed");
            w.WriteNumber("samples", bank.Count);
            w.WriteStartArray("classes");
            for (var c = 0; c < counts.Length; c++)
            {
                w.WriteStartObject();
                w.WriteNumber("label", c);
                w.WriteString("name", bank.Info.ClassNames[c]);
                w.WriteNumber("samples", counts[c]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("channels");
            foreach (var ch in bank.Info.Channels) w.WriteStringValue(ch);
            w.WriteEndArray();
            w.WriteNumber("resampled", bank.Samples.Count(s => s.Attempts > 1));
            w.WriteNumber("seconds", Math.Round(seconds, 3));
            w.WriteStartArray("plots");
            foreach (var p in plots) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteString("version", version);
            w.WriteEndObject();
        });
    }
}
