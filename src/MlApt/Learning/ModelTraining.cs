using System.Globalization;
using MlApt.Io;
using MlApt.Numerics;

namespace MlApt.Learning;

/// <summary>
/// Training from files to a model file: the banks loaded and joined, and the trained ensemble saved with the
/// banks it learnt from (names and SHA-256) and how it asks to be used in a map (<see cref="MapTuning"/>).
/// </summary>
public static class ModelTraining
{
    /// <summary>
    /// Loads and concatenates the banks (same classes and channels); an <see cref="InputException"/> naming the
    /// first bank when they hold fewer than two samples per fold.
    /// </summary>
    public static TrainingBank LoadBanks(IReadOnlyList<string> paths, int folds)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var bank = TrainingBank.Concat([.. paths.Select(TrainingBank.Load)], paths);
        if (bank.Count < 2 * folds)
            InputError.In(paths[0], string.Create(CultureInfo.InvariantCulture, $"{bank.Count} samples are too few for {folds} folds"));
        return bank;
    }

    /// <summary>
    /// Saves the trained ensemble to <paramref name="path"/> with the banks' names and hashes and the map tuning in
    /// its metadata (checked first: errors name the <c>map-*</c> parameter); returns the saved ensemble.
    /// </summary>
    public static CnnEnsemble Save(string path, TrainingResult result, IReadOnlyList<string> bankPaths, MapTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bankPaths);
        ArgumentNullException.ThrowIfNull(tuning);
        var trained = result.Model;
        var metadata = new Dictionary<string, string>(trained.Metadata, StringComparer.Ordinal)
        {
            ["bank.files"] = string.Join(";", bankPaths.Select(Path.GetFileName)),
            ["bank.sha256"] = string.Join(";", bankPaths.Select(Provenance.Sha256)),
        };
        tuning.WriteTo(metadata);
        var model = new CnnEnsemble(trained.Architecture, trained.Members, trained.ClassNames, trained.Pairs, metadata);
        ModelFile.Save(path, model);
        return model;
    }

    /// <summary>
    /// Parses a shift-augmentation range <c>MIN,MAX</c> in bins (MIN ≤ MAX, each within ±40), or <c>none</c> (null);
    /// errors name <paramref name="parameter"/>.
    /// </summary>
    public static (int Min, int Max)? ParseShifts(string text, string parameter = "shifts")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        var parts = text.Split(',');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lo)
            || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hi) || lo > hi || Math.Max(-lo, hi) > 40)
            throw new InputException($"{parameter} '{text}': expected MIN,MAX with MIN ≤ MAX (e.g. -2,1), or none");
        return (lo, hi);
    }

    /// <summary>Parses <c>none</c> or <c>balanced</c> (any case); errors name <paramref name="parameter"/>.</summary>
    public static ClassWeighting ParseClassWeights(string text, string parameter = "class-weights") =>
        text?.ToUpperInvariant() switch
        {
            "NONE" => ClassWeighting.None,
            "BALANCED" => ClassWeighting.Balanced,
            _ => throw new InputException($"{parameter} '{text}': expected none or balanced"),
        };
}
