namespace MlApt.Sdm;

/// <summary>
/// Parameters of the iterative background clipping (METHOD §4); the defaults are the reference for a
/// 93-bin z-SDM.
/// </summary>
/// <param name="MinimumSearchStart">m* is the first strict local minimum with index &gt; this.</param>
/// <param name="WindowStart">First index (inclusive) of the window whose maximum is compared with s[m*].</param>
/// <param name="WindowEnd">Last index (inclusive) of that window.</param>
/// <param name="MaxIterations">Iteration cap: after a pass, stop when the counter equals this, else increment it.</param>
internal readonly record struct BackgroundClippingOptions(
    int MinimumSearchStart = 46, int WindowStart = 23, int WindowEnd = 68, int MaxIterations = 1000)
{
    /// <summary>The reference parameters (without this, <c>new()</c> on a record struct would give all zeros).</summary>
    public BackgroundClippingOptions() : this(46, 23, 68, 1000) { }

    /// <summary>Throws unless the indices fit a curve of length <paramref name="n"/>.</summary>
    public void Validate(int n)
    {
        if (n < 3) throw new ArgumentException($"curve needs at least 3 points, has {n}");
        if (WindowStart < 0 || WindowEnd < WindowStart || WindowEnd >= n)
            throw new ArgumentOutOfRangeException(nameof(WindowEnd), $"window [{WindowStart}, {WindowEnd}] must lie in [0, {n - 1}]");
        if (MinimumSearchStart < 0) throw new ArgumentOutOfRangeException(nameof(MinimumSearchStart));
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations));
    }
}

/// <summary>
/// Background estimation by iterative clipping (Moody et al. 2009 as used by the reference), with the
/// reference's exact update semantics: the first pass reads the old background (Jacobi), every later
/// pass updates in place from left to right (Gauss–Seidel), because after the first pass the two
/// arrays of the reference are the same object.
/// </summary>
internal static class BackgroundClipping
{
    /// <summary>The reference parameters.</summary>
    public static BackgroundClippingOptions Reference => new();

    /// <summary>
    /// m* = the first index m &gt; <paramref name="searchStart"/> with s[m] &lt; s[m−1] and s[m] &lt; s[m+1]
    /// (end points never qualify), or −1 when there is none.
    /// </summary>
    public static int FindMinimum(ReadOnlySpan<double> s, int searchStart = 46)
    {
        for (var m = Math.Max(searchStart + 1, 1); m < s.Length - 1; m++)
            if (s[m] < s[m - 1] && s[m] < s[m + 1]) return m;
        return -1;
    }

    /// <summary>Computes the background of <paramref name="s"/> with the reference parameters; returns the passes made.</summary>
    public static int Compute(ReadOnlySpan<double> s, Span<double> background) => Compute(s, background, Reference);

    /// <summary>
    /// Computes the background of <paramref name="s"/> into <paramref name="background"/> (same length) and
    /// returns the number of clipping passes made (0 … MaxIterations + 1). No minimum ⇒ all zeros.
    /// The literal reference loop:
    /// <code>
    /// b = copy(s); b' = zeros; b'[0] = s[0]; b'[n−1] = s[n−1]; it = 0
    /// while max(b[start … end]) &gt; s[m*]:
    ///     for m = 1 … n−2: b'[m] = min(b[m], (b[m−1] + b[m+1]) / 2)
    ///     b = b'            # same array from now on
    ///     if it == cap: break
    ///     it += 1
    /// </code>
    /// min(b, a) keeps b unless a &lt; b (Python's <c>min</c> returns its first argument on ties).
    /// </summary>
    public static int Compute(ReadOnlySpan<double> s, Span<double> background, BackgroundClippingOptions options)
    {
        var n = s.Length;
        options.Validate(n);
        if (background.Length != n)
            throw new ArgumentException("background must have the length of the curve", nameof(background));
        var mStar = FindMinimum(s, options.MinimumSearchStart);
        if (mStar < 0)
        {
            background.Clear();
            return 0;
        }
        var threshold = s[mStar];
        Span<double> b = n <= 256 ? stackalloc double[n] : new double[n];
        s.CopyTo(b);
        var bp = background;
        bp.Clear();
        bp[0] = s[0];
        bp[n - 1] = s[n - 1];
        var aliased = false;
        var it = 0;
        var passes = 0;
        while (WindowExceeds(aliased ? bp : b, options.WindowStart, options.WindowEnd, threshold))
        {
            // After the first pass b and b' are one array: reading "b" then means reading b'.
            ReadOnlySpan<double> src = aliased ? bp : b;
            for (var m = 1; m < n - 1; m++)
            {
                var avg = (src[m - 1] + src[m + 1]) / 2;
                var cur = src[m];
                bp[m] = avg < cur ? avg : cur;
            }
            aliased = true;
            passes++;
            if (it == options.MaxIterations) break;
            it++;
        }
        if (!aliased) s.CopyTo(background); // no pass: the background is b = s
        return passes;
    }

    /// <summary>max(b[start … end]) &gt; threshold, written as "any element exceeds" (identical without NaN).</summary>
    internal static bool WindowExceeds(ReadOnlySpan<double> b, int start, int end, double threshold)
    {
        for (var k = start; k <= end; k++)
            if (b[k] > threshold) return true;
        return false;
    }
}
