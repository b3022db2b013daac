namespace MlApt.Study.Statistics;

/// <summary>The Student t distribution with ν degrees of freedom (ν may be fractional).</summary>
internal static class StudentT
{
    /// <summary>P(T ≤ t).</summary>
    public static double Cdf(double t, double df)
    {
        CheckDf(df);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        // P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2).
        var tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The two-sided p-value P(|T| ≥ |t|).</summary>
    public static double TwoSidedP(double t, double df)
    {
        CheckDf(df);
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return 0;
        return SpecialFunctions.RegularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
    }

    /// <summary>The quantile: the t with P(T ≤ t) = <paramref name="p"/>, 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p, double df)
    {
        CheckDf(df);
        if (!(p > 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "expected 0 < p < 1");
        if (p == 0.5) return 0;
        if (p < 0.5) return -Quantile(1 - p, df);
        // Bracket, then bisect: the CDF is monotone and cheap, and bisection cannot diverge in the
        // heavy tails of small ν where Newton steps overshoot.
        double lo = 0, hi = 1;
        while (Cdf(hi, df) < p)
        {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) return double.PositiveInfinity;
        }
        for (var i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1, hi); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Cdf(mid, df) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static void CheckDf(double df)
    {
        if (!(df > 0))
            throw new ArgumentOutOfRangeException(nameof(df), df, "expected ν > 0 degrees of freedom");
    }
}
