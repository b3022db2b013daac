namespace MlApt.Imaging;

/// <summary>
/// Real versus random-label control (METHOD §9): the control volume fractions, their mean and the
/// empirical p-value of the real volume fraction, and the agreement of the domain-size histograms
/// (Pearson r and χ² between the real histogram and each control's).
/// </summary>
/// <param name="ControlVolumeFractions">Volume fraction of each control permutation.</param>
/// <param name="ControlClusterCounts">DBSCAN clusters of each control.</param>
/// <param name="ControlDomainCounts">Connected domains of each control.</param>
/// <param name="PValue">(1 + #controls with a fraction ≥ the real one) / (1 + controls): the chance of a
/// fraction this large without chemical order. A control measured from a sample of blocks counts as ≥ the real
/// fraction unless its estimate lies more than <see cref="SamplingZ"/> standard errors below it, so sampling error can
/// only make p larger (conservative), never smaller than the full controls would most likely give.</param>
/// <param name="Pearson">Pearson r between the real and each control size histogram (NaN when undefined).</param>
/// <param name="ChiSquare">χ² = Σ (real − control)² / (real + control) over bins with counts.</param>
/// <param name="StandardErrors">Standard error of each control's volume fraction (0 for a control over every voxel).</param>
/// <param name="PValueEstimates">The p-value from the controls' estimates alone, ignoring their sampling error.</param>
public sealed record ControlStatistics(double[] ControlVolumeFractions, int[] ControlClusterCounts, int[] ControlDomainCounts,
    double PValue, double[] Pearson, double[] ChiSquare, double[] StandardErrors, double PValueEstimates)
{
    /// <summary>Standard errors a sampled control's estimate may lie below the real fraction and still count as ≥ it (one-sided 97.5 %).</summary>
    public const double SamplingZ = 1.96;

    /// <summary>Permutations needed before the p-value can reach 0.05: (1 + 0) / (1 + 19) = 0.05.</summary>
    public const int PermutationsForFivePercent = 19;

    /// <summary>The p-value's resolution, 1 / (1 + permutations): also the smallest p it can take.</summary>
    public double PValueResolution => 1.0 / (1 + ControlVolumeFractions.Length);

    /// <summary>
    /// The p-value as a reader should see it: with its resolution, and with a note when there are too few
    /// permutations for p ≤ 0.05 to be possible at all.
    /// </summary>
    public string DescribePValue()
    {
        var n = ControlVolumeFractions.Length;
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p = {PValue:G3} (resolution 1/{n + 1})");
        return n < PermutationsForFivePercent
            ? text + string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"; with {n} permutation{(n == 1 ? "" : "s")} p cannot be below {PValueResolution:G3}, p ≤ 0.05 needs at least {PermutationsForFivePercent}")
            : text;
    }

    /// <summary>Compares a real map with its controls.</summary>
    public static ControlStatistics Compare(CsroMap real, IReadOnlyList<CsroMap> controls)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(controls);
        var fractions = controls.Select(c => c.VolumeFraction).ToArray();
        var errors = controls.Select(c => c.Sample?.StandardError ?? 0).ToArray();
        var atLeast = Enumerable.Range(0, fractions.Length).Count(i => fractions[i] + SamplingZ * errors[i] >= real.VolumeFraction);
        var atLeastEstimates = fractions.Count(f => f >= real.VolumeFraction);
        var edges = SizeHistogram.Edges(real.Dbscan.Sizes, controls.Select(c => c.Dbscan.Sizes).ToList());
        var h = SizeHistogram.Count(real.Dbscan.Sizes, edges);
        var pearson = new double[controls.Count];
        var chi = new double[controls.Count];
        for (var i = 0; i < controls.Count; i++)
        {
            // A sampled control's clusters are those of its sampled blocks: scaled to the whole map before χ².
            var c = SizeHistogram.Count(controls[i].Dbscan.Sizes, edges);
            var scale = controls[i].Sample?.CountScale ?? 1;
            for (var b = 0; b < c.Length; b++)
                c[b] *= scale;
            pearson[i] = PearsonR(h, c);
            chi[i] = ChiSquareDistance(h, c);
        }
        return new ControlStatistics(fractions, controls.Select(c => Scaled(c, c.Dbscan.Clusters)).ToArray(), controls.Select(c => Scaled(c, c.Domains.Count)).ToArray(),
            (1.0 + atLeast) / (1.0 + controls.Count), pearson, chi, errors, (1.0 + atLeastEstimates) / (1.0 + controls.Count));
    }

    // A sampled control's count (of domains or clusters anchored in its blocks) as a whole-map estimate.
    private static int Scaled(CsroMap control, int count) =>
        control.Sample is { } s ? (int)Math.Round(count * s.CountScale, MidpointRounding.AwayFromZero) : count;

    /// <summary>Pearson correlation; NaN when either side has no variance.</summary>
    public static double PearsonR(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("lengths differ");
        var n = a.Length;
        if (n < 2) return double.NaN;
        double ma = 0, mb = 0;
        for (var i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>Symmetric χ² distance between two histograms of counts.</summary>
    public static double ChiSquareDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("lengths differ");
        double chi = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var s = a[i] + b[i];
            if (s > 0)
                chi += (a[i] - b[i]) * (a[i] - b[i]) / s;
        }
        return chi;
    }
}
