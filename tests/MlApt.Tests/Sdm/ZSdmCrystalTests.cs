using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class ZSdmCrystalTests
{
    private const double A = 0.36;

    [Fact]
    public void Fcc001_PeaksAtMultiplesOfHalfLatticeParameter()
    {
        var sites = SdmTestData.Fcc(A, 3);
        var cropped = CroppedOf(sites);
        AssertPeaksOnlyAt(cropped, A / 2, zeroPlaneAllowed: false);
    }

    [Fact]
    public void Fcc111_PeaksAtMultiplesOfAOverSqrt3()
    {
        double s6 = Math.Sqrt(6), s2 = Math.Sqrt(2), s3 = Math.Sqrt(3);
        var rotated = SdmTestData.Fcc(A, 4).Select(p => (
            p.X / s6 + p.Y / s6 - 2 * p.Z / s6,
            -p.X / s2 + p.Y / s2,
            p.X / s3 + p.Y / s3 + p.Z / s3)).ToList();
        var cropped = CroppedOf(rotated);
        // After rotation, in-plane pairs have |Δz| of a few ulps instead of exactly 0, so they are not
        // dropped and land next to Δz = 0: the reference behaves the same way.
        AssertPeaksOnlyAt(cropped, A / s3, zeroPlaneAllowed: true);
    }

    private static long[] CroppedOf(List<(double X, double Y, double Z)> sites)
    {
        var x = sites.Select(s => s.X).ToArray();
        var y = sites.Select(s => s.Y).ToArray();
        var z = sites.Select(s => s.Z).ToArray();
        var full = new long[200];
        ZSdm.AccumulatePairs(x, y, z, x, y, z, 1.5, full);
        return full.AsSpan(ZSdm.CropStart, ZSdm.CropLength).ToArray();
    }

    private static void AssertPeaksOnlyAt(long[] cropped, double spacing, bool zeroPlaneAllowed)
    {
        for (var k = 0; k < cropped.Length; k++)
        {
            var left = ZSdm.BinLeftEdge(ZSdm.CropStart + k);
            var centre = left + ZSdm.BinWidth / 2;
            var plane = Math.Round(centre / spacing);
            var near = Math.Abs(centre - plane * spacing) <= ZSdm.BinWidth;
            if (plane == 0 && !zeroPlaneAllowed) near = false;
            if (!near) Assert.True(cropped[k] == 0, $"bin {k} (Δz ≈ {centre:F3} nm) has {cropped[k]} pairs away from any plane");
        }
        // Every plane inside the cropped range (except Δz = 0) carries pairs.
        for (var p = 1; p * spacing < 0.69; p++)
        {
            foreach (var dz in new[] { p * spacing, -p * spacing })
            {
                var bin = ZSdm.Bin(dz) - ZSdm.CropStart;
                var around = cropped[Math.Max(0, bin - 1)] + cropped[bin] + cropped[Math.Min(92, bin + 1)];
                Assert.True(around > 0, $"no pairs at plane Δz = {dz:F3} nm");
            }
        }
    }
}
