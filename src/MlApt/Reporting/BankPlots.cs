using System.Globalization;
using MlApt.Banks;
using MlApt.Sdm;

namespace MlApt.Reporting;

/// <summary>The figures of a pattern bank: the mean z-SDM of every class and channel.</summary>
internal static class BankPlots
{
    /// <summary>Writes <c>mean-CLASS-CHANNEL.png</c> for every class with samples; returns the full paths written.</summary>
    public static IReadOnlyList<string> SaveClassMeans(string dir, PatternBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var edges = ZSdm.CroppedBinLeftEdges();
        var counts = BankSummary.ClassCounts(bank);
        var files = new List<string>();
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            for (var ch = 0; ch < bank.ChannelCount; ch++)
            {
                var path = Path.Combine(dir, $"mean-{Safe(bank.Info.ClassNames[c])}-{Safe(bank.Info.Channels[ch])}.png");
                SdmPlots.SaveZSdm(path, edges, bank.MeanProfile(c, ch),
                    string.Create(CultureInfo.InvariantCulture, $"{bank.Info.ClassNames[c]}: mean {bank.Info.Channels[ch]} z-SDM ({counts[c]} samples)"),
                    "normalised z-SDM (mean)");
                files.Add(Path.GetFullPath(path));
            }
        }
        return files;
    }

    private static string Safe(string name) =>
        new(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_').ToArray());
}
