namespace MlApt.Sdm;

/// <summary>
/// The 93-bin z-SDM of an element pair around each of a set of points: the pair's atoms within a sphere around
/// the point, all ordered pairs within 1.5 nm, at a processing stage.
/// </summary>
public static class PointZSdms
{
    /// <summary>
    /// The z-SDMs around (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>), point after point
    /// (<see cref="VoxelScan.Bins"/> values each, NaN where undefined), and how many are undefined.
    /// </summary>
    public static (double[] Values, int Undefined) Compute(PairPositions input, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z,
        double sphereRadius, SdmStage stage)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(sphereRadius > 0) || sphereRadius > 10)
            throw new ArgumentOutOfRangeException(nameof(sphereRadius), sphereRadius, "expected a radius in nm, 0 < r ≤ 10");
        var cell = Math.Max(sphereRadius, 0.25);
        var a = SpeciesIndex.Build(input.Centres.X, input.Centres.Y, input.Centres.Z, cell);
        var b = input.Pair.IsSameElement ? a : SpeciesIndex.Build(input.Neighbours.X, input.Neighbours.Y, input.Neighbours.Z, cell);
        var counts = new float[x.Length * VoxelScan.Bins];
        VoxelScan.RunAt(x, y, z, new VoxelScanOptions { SphereRadius = sphereRadius }, a, b, counts, new int[x.Length]);
        var values = new double[counts.Length];
        var undefined = Preprocessing.ApplyBatch(counts, values, stage);
        return (values, undefined);
    }
}
