namespace MlApt.Study.Statistics;

/// <summary>A correlation coefficient with its two-sided p-value against zero.</summary>
/// <param name="R">The coefficient (NaN when either variable is constant).</param>
/// <param name="P">Two-sided p-value (t test with n − 2 degrees of freedom).</param>
/// <param name="N">Number of pairs.</param>
public readonly record struct CorrelationResult(double R, double P, int N)
{
    /// <summary>
    /// The 95 % confidence interval of a Pearson r by Fisher's z transform (atanh r ± 1.96/√(n − 3));
    /// NaN for n &lt; 4.
    /// </summary>
    public (double Low, double High) FisherInterval95
    {
        get
        {
            if (N < 4 || double.IsNaN(R)) return (double.NaN, double.NaN);
            if (Math.Abs(R) >= 1) return (R, R);
            var z = Math.Atanh(R);
            var h = NormalQuantile975 / Math.Sqrt(N - 3);
            return (Math.Tanh(z - h), Math.Tanh(z + h));
        }
    }

    /// <summary>The standard normal 97.5 % quantile.</summary>
    public const double NormalQuantile975 = 1.959963984540054;
}

/// <summary>Pearson and Spearman correlation with p-values.</summary>
public static class Correlation
{
    /// <summary>
    /// Pearson's r with the exact t test t = r·√((n − 2)/(1 − r²)). Needs n ≥ 3.
    /// </summary>
    public static CorrelationResult Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("x and y differ in length", nameof(y));
        var r = Imaging.ControlStatistics.PearsonR(x, y);
        return new CorrelationResult(r, PValue(r, x.Length), x.Length);
    }

    /// <summary>
    /// Spearman's ρ: Pearson's r of the ranks (ties share their average rank), with the p-value of
    /// the t approximation (as for Pearson's r with n − 2 degrees of freedom).
    /// </summary>
    public static CorrelationResult Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("x and y differ in length", nameof(y));
        var r = Imaging.ControlStatistics.PearsonR(Ranks(x), Ranks(y));
        return new CorrelationResult(r, PValue(r, x.Length), x.Length);
    }

    /// <summary>1-based ranks; tied values get the average of the ranks they span.</summary>
    public static double[] Ranks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var copy = values.ToArray();
        Array.Sort(order, (a, b) => copy[a].CompareTo(copy[b]));
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && copy[order[j + 1]] == copy[order[i]]) j++;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>Two-sided p-value of a correlation coefficient r from n pairs (t test, n − 2 degrees of freedom).</summary>
    public static double PValue(double r, int n)
    {
        if (n < 3 || double.IsNaN(r)) return double.NaN;
        if (Math.Abs(r) >= 1) return 0;
        var t = r * Math.Sqrt((n - 2) / (1 - r * r));
        return StudentT.TwoSidedP(t, n - 2);
    }
}
