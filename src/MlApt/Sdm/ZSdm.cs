using System.Runtime.CompilerServices;

namespace MlApt.Sdm;

/// <summary>
/// The one-dimensional spatial distribution map along z (METHOD §2): a histogram of Δz over ordered
/// pairs (a ∈ A, b ∈ B) within a pair radius, 200 bins of 0.015 nm over [−1.5, 1.5), cropped to
/// bins 54 … 146. This file holds the definition (bin rule and the literal brute-force reference);
/// the fast grid-based paths live in the other parts of this class and in <see cref="VoxelScan"/>.
/// </summary>
public static partial class ZSdm
{
    /// <summary>Bins of the full profile.</summary>
    public const int FullBinCount = 200;
    /// <summary>First full-profile bin kept by the crop.</summary>
    public const int CropStart = 54;
    /// <summary>Bins in the cropped z-SDM (54 … 146 inclusive).</summary>
    public const int CropLength = 93;
    /// <summary>Half-width of the histogram range (nm): Δz and Δx must lie in [−1.5, 1.5).</summary>
    public const double HalfRange = 1.5;
    /// <summary>Bin width (nm).</summary>
    public const double BinWidth = 0.015;
    /// <summary>The reference pair radius R (nm).</summary>
    public const double DefaultPairRadius = HalfRange;

    /// <summary>
    /// The bin of a Δz, written exactly as the reference: <c>(int)((dz - (-1.5)) * (1.0 / 3.0) * 200.0)</c>,
    /// left to right in double. C# never contracts this to a fused multiply-add, and an "equivalent"
    /// formula moves pairs whose Δz is exactly on a bin edge (common with 3-decimal coordinates).
    /// Only meaningful for −1.5 ≤ dz &lt; 1.5; note it gives 200 for the last few doubles below 1.5.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bin(double dz) => (int)((dz - (-1.5)) * (1.0 / 3.0) * 200.0);

    /// <summary>
    /// Applies the pair rules after the distance test: drops Δx == 0 or Δz == 0 (this is what removes
    /// self pairs), keeps −1.5 ≤ Δz &lt; 1.5 and −1.5 ≤ Δx &lt; 1.5, and gives the full-profile bin.
    /// A Δz within a few ulps below 1.5, whose bin expression evaluates to 200, is dropped too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryBin(double dx, double dz, out int bin)
    {
        if (dx == 0 || dz == 0 || !(dz >= -HalfRange && dz < HalfRange && dx >= -HalfRange && dx < HalfRange))
        {
            bin = -1;
            return false;
        }
        bin = Bin(dz);
        // The last few doubles below 1.5 round up to bin 200, one past the profile. The reference
        // does not define that bin; such pairs lie far outside the cropped bins, so they are dropped.
        return bin < FullBinCount;
    }

    /// <summary>Left edge (nm) of full-profile bin <paramref name="fullBin"/>: −1.5 + 0.015·k.</summary>
    public static double BinLeftEdge(int fullBin) => -HalfRange + BinWidth * fullBin;

    /// <summary>Left edges (nm) of the 93 cropped bins, −0.69 … 0.69.</summary>
    public static double[] CroppedBinLeftEdges()
    {
        var edges = new double[CropLength];
        for (var k = 0; k < CropLength; k++) edges[k] = BinLeftEdge(CropStart + k);
        return edges;
    }

    /// <summary>Copies bins 54 … 146 of a full 200-bin profile into <paramref name="cropped"/> (length 93).</summary>
    public static void Crop(ReadOnlySpan<long> full, Span<double> cropped)
    {
        CheckFull(full.Length, nameof(full));
        CheckCropped(cropped.Length, nameof(cropped));
        for (var k = 0; k < CropLength; k++) cropped[k] = full[CropStart + k];
    }

    /// <summary>
    /// The literal O(|A|·|B|) definition: adds every ordered pair (a, b) with
    /// (xb−xa)² + (yb−ya)² + (zb−za)² ≤ R² (summed in that order) that passes <see cref="TryBin"/>
    /// to <paramref name="full"/> (200 bins, accumulated, not cleared). Pass the same spans for A and B
    /// for same-species maps. This is the reference the fast paths are tested against.
    /// </summary>
    public static void AccumulatePairs(
        ReadOnlySpan<double> ax, ReadOnlySpan<double> ay, ReadOnlySpan<double> az,
        ReadOnlySpan<double> bx, ReadOnlySpan<double> by, ReadOnlySpan<double> bz,
        double pairRadius, Span<long> full)
    {
        CheckSoA(ax, ay, az, "a");
        CheckSoA(bx, by, bz, "b");
        CheckFull(full.Length, nameof(full));
        var r2 = pairRadius * pairRadius;
        for (var i = 0; i < ax.Length; i++)
        {
            double xa = ax[i], ya = ay[i], za = az[i];
            for (var j = 0; j < bx.Length; j++)
            {
                double dx = bx[j] - xa, dy = by[j] - ya, dz = bz[j] - za;
                if (dx * dx + dy * dy + dz * dz <= r2 && TryBin(dx, dz, out var bin))
                    full[bin]++;
            }
        }
    }

    internal static void CheckSoA(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, string name)
    {
        if (y.Length != x.Length || z.Length != x.Length)
            throw new ArgumentException($"{name}: x, y and z must have the same length");
    }

    internal static void CheckFull(int length, string name)
    {
        if (length != FullBinCount)
            throw new ArgumentException($"must have {FullBinCount} bins, has {length}", name);
    }

    internal static void CheckCropped(int length, string name)
    {
        if (length != CropLength)
            throw new ArgumentException($"must have {CropLength} bins, has {length}", name);
    }
}
