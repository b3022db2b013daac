using MlApt.Crystal;
using MlApt.Sdm;
using MlApt.Numerics;

namespace MlApt.Tests.Crystal;

internal static class CrystalTestData
{
    /// <summary>Raw cropped z-SDM (93 counts) of one element's atoms of a noise-free crystal.</summary>
    public static long[] Cropped(CrystalModel model, double a, Rotation rotation, string element)
    {
        var random = new SeededRandom(1);
        var atoms = model.Realise(a, rotation, ref random);
        var (x, y, z) = atoms.Select(element);
        var full = new long[ZSdm.FullBinCount];
        ZSdm.AccumulatePairs(x, y, z, x, y, z, ZSdm.DefaultPairRadius, full);
        return full.AsSpan(ZSdm.CropStart, ZSdm.CropLength).ToArray();
    }

    /// <summary>Pairs in the bins around Δz (the bin of Δz and its two neighbours).</summary>
    public static long Around(long[] cropped, double dz)
    {
        var bin = ZSdm.Bin(dz) - ZSdm.CropStart;
        long sum = 0;
        for (var k = Math.Max(0, bin - 1); k <= Math.Min(ZSdm.CropLength - 1, bin + 1); k++) sum += cropped[k];
        return sum;
    }

    /// <summary>
    /// Asserts that every pair lies within one bin of a multiple of <paramref name="spacing"/> (except
    /// Δz ≈ 0 when allowed: rotated in-plane pairs differ by a few ulps and are not dropped) and that
    /// every such plane inside the crop carries pairs.
    /// </summary>
    public static void AssertPlanesOnlyAt(long[] cropped, double spacing, bool zeroPlaneAllowed)
    {
        for (var k = 0; k < cropped.Length; k++)
        {
            var centre = ZSdm.BinLeftEdge(ZSdm.CropStart + k) + ZSdm.BinWidth / 2;
            var plane = Math.Round(centre / spacing);
            var near = Math.Abs(centre - plane * spacing) <= ZSdm.BinWidth && (plane != 0 || zeroPlaneAllowed);
            if (!near) Assert.True(cropped[k] == 0, $"bin {k} (Δz ≈ {centre:F3} nm) has {cropped[k]} pairs away from the planes at multiples of {spacing:F4} nm");
        }
        for (var p = 1; p * spacing < 0.69; p++)
        {
            Assert.True(Around(cropped, p * spacing) > 0, $"no pairs at Δz = {p * spacing:F3} nm");
            Assert.True(Around(cropped, -p * spacing) > 0, $"no pairs at Δz = {-p * spacing:F3} nm");
        }
    }
}
