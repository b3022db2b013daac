namespace MlApt.Study.Statistics;

/// <summary>
/// Ordinary least-squares line y = intercept + slope·x with its confidence intervals and the
/// confidence band of the mean response (the textbook formulas: s² = SSE/(n−2),
/// SE(slope) = s/√Sxx, band ŷ ± t·s·√(1/n + (x − x̄)²/Sxx)).
/// </summary>
public sealed class LinearFit
{
    private LinearFit(int n, double slope, double intercept, double meanX, double sxx, double residualStd, double level)
    {
        N = n;
        Slope = slope;
        Intercept = intercept;
        MeanX = meanX;
        Sxx = sxx;
        ResidualStd = residualStd;
        Level = level;
        TCritical = StudentT.Quantile(0.5 + level / 2, n - 2);
        SlopeStandardError = residualStd / Math.Sqrt(sxx);
        InterceptStandardError = residualStd * Math.Sqrt(1.0 / n + meanX * meanX / sxx);
    }

    /// <summary>Number of points.</summary>
    public int N { get; }
    /// <summary>The slope.</summary>
    public double Slope { get; }
    /// <summary>The intercept (the fitted y at x = 0).</summary>
    public double Intercept { get; }
    /// <summary>Mean of x.</summary>
    public double MeanX { get; }
    /// <summary>Σ(x − x̄)².</summary>
    public double Sxx { get; }
    /// <summary>Residual standard deviation s = √(SSE/(n−2)).</summary>
    public double ResidualStd { get; }
    /// <summary>Confidence level of the intervals and band (e.g. 0.95).</summary>
    public double Level { get; }
    /// <summary>Student t quantile t_{(1+level)/2, n−2} used for every interval.</summary>
    public double TCritical { get; }
    /// <summary>Standard error of the slope.</summary>
    public double SlopeStandardError { get; }
    /// <summary>Standard error of the intercept.</summary>
    public double InterceptStandardError { get; }
    /// <summary>Half-width of the slope's confidence interval.</summary>
    public double SlopeHalfWidth => TCritical * SlopeStandardError;
    /// <summary>Half-width of the intercept's confidence interval.</summary>
    public double InterceptHalfWidth => TCritical * InterceptStandardError;
    /// <summary>Two-sided p-value of the slope against zero (t test with n − 2 degrees of freedom).</summary>
    public double SlopePValue => SlopeStandardError == 0 ? (Slope == 0 ? 1 : 0) : StudentT.TwoSidedP(Slope / SlopeStandardError, N - 2);
    /// <summary>The fitted mean response at <paramref name="x"/>.</summary>
    public double Predict(double x) => Intercept + Slope * x;

    /// <summary>Half-width of the confidence band of the mean response at <paramref name="x"/>.</summary>
    public double BandHalfWidth(double x) => TCritical * ResidualStd * Math.Sqrt(1.0 / N + (x - MeanX) * (x - MeanX) / Sxx);

    /// <summary>
    /// Fits the line. Needs at least 3 points (one degree of freedom for the residual variance) and x
    /// values that are not all equal; <paramref name="level"/> is the confidence level (0 &lt; level &lt; 1).
    /// </summary>
    public static LinearFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double level = 0.95)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("x and y differ in length", nameof(y));
        if (x.Length < 3)
            throw new ArgumentException("a line with a confidence band needs at least 3 points", nameof(x));
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "expected 0 < level < 1");
        var n = x.Length;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (y[i] - my);
        }
        if (!(sxx > 0))
            throw new ArgumentException("all x values are equal: the slope is undefined", nameof(x));
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - (intercept + slope * x[i]);
            sse += r * r;
        }
        return new LinearFit(n, slope, intercept, mx, sxx, Math.Sqrt(sse / (n - 2)), level);
    }
}
