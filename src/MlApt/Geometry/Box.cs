namespace MlApt.Geometry;

/// <summary>
/// An axis-aligned box in nm, bounds inclusive at both ends. Used for the analysis box of a voxel scan
/// and for the extent of a neighbour grid.
/// </summary>
/// <param name="XMin">Lower x bound (nm).</param>
/// <param name="XMax">Upper x bound (nm).</param>
/// <param name="YMin">Lower y bound (nm).</param>
/// <param name="YMax">Upper y bound (nm).</param>
/// <param name="ZMin">Lower z bound (nm).</param>
/// <param name="ZMax">Upper z bound (nm).</param>
public readonly record struct Box(double XMin, double XMax, double YMin, double YMax, double ZMin, double ZMax)
{
    /// <summary>The reference analysis box of the published CoCrNi study: x, y ∈ [−10, 10], z ∈ [−120, 0].</summary>
    public static Box Reference => new(-10, 10, -10, 10, -120, 0);

    /// <summary>Extent along x (nm).</summary>
    public double SizeX => XMax - XMin;
    /// <summary>Extent along y (nm).</summary>
    public double SizeY => YMax - YMin;
    /// <summary>Extent along z (nm).</summary>
    public double SizeZ => ZMax - ZMin;

    /// <summary>Volume (nm³).</summary>
    public double Volume => SizeX * SizeY * SizeZ;

    /// <summary>True when the point lies inside the box or on its boundary.</summary>
    public bool Contains(double x, double y, double z) =>
        x >= XMin && x <= XMax && y >= YMin && y <= YMax && z >= ZMin && z <= ZMax;

    /// <summary>The box grown by <paramref name="margin"/> on every side.</summary>
    public Box Expand(double margin) =>
        new(XMin - margin, XMax + margin, YMin - margin, YMax + margin, ZMin - margin, ZMax + margin);

    /// <summary>The smallest box holding all points (throws when there are none).</summary>
    public static Box Bounding(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        if (y.Length != x.Length || z.Length != x.Length)
            throw new ArgumentException("x, y and z must have the same length");
        if (x.Length == 0)
            throw new ArgumentException("no points", nameof(x));
        return new(Min(x), Max(x), Min(y), Max(y), Min(z), Max(z));
    }

    // Plain loops: TensorPrimitives.Min propagates NaN, which is what we want too, but a loop keeps
    // the semantics obvious (NaN coordinates never enter a box because every comparison is false).
    private static double Min(ReadOnlySpan<double> v)
    {
        var m = double.PositiveInfinity;
        foreach (var a in v) if (a < m) m = a;
        return m;
    }

    private static double Max(ReadOnlySpan<double> v)
    {
        var m = double.NegativeInfinity;
        foreach (var a in v) if (a > m) m = a;
        return m;
    }
}
