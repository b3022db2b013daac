using MlApt.Crystal;

namespace MlApt.Tests.Crystal;

/// <summary>The z-SDM peaks of noise-free crystals sit where the lattice planes are.</summary>
public class CrystalZSdmPhysicsTests
{
    private const double A = 0.36;

    [Fact]
    public void Fcc001_PeaksAtMultiplesOfHalfA()
    {
        var model = new CrystalModel(Lattice.Fcc, 3, Occupation.Pure("Co"));
        var cropped = CrystalTestData.Cropped(model, A, Orientation.ToZ(0, 0, 1), "Co");
        CrystalTestData.AssertPlanesOnlyAt(cropped, A / 2, zeroPlaneAllowed: false);
        Assert.True(CrystalTestData.Around(cropped, A / 2) > 0);
    }

    [Fact]
    public void L12CornerElement001_PeaksAtMultiplesOfAOnly()
    {
        var model = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L12, ["Co", "X"]));
        var cropped = CrystalTestData.Cropped(model, A, Orientation.ToZ(0, 0, 1), "Co");
        CrystalTestData.AssertPlanesOnlyAt(cropped, A, zeroPlaneAllowed: false);
        Assert.Equal(0, CrystalTestData.Around(cropped, A / 2));
        Assert.Equal(0, CrystalTestData.Around(cropped, -A / 2));
    }

    [Fact]
    public void L11Along111_PeaksAtMultiplesOfTwoAOverSqrt3Only()
    {
        var model = new CrystalModel(Lattice.Fcc, 4, new Occupation(Motif.L11, ["Co", "X"]));
        var cropped = CrystalTestData.Cropped(model, A, Orientation.ToZ(1, 1, 1), "Co");
        var period = 2 * A / Math.Sqrt(3);
        CrystalTestData.AssertPlanesOnlyAt(cropped, period, zeroPlaneAllowed: true);
        Assert.Equal(0, CrystalTestData.Around(cropped, period / 2));
    }

    [Fact]
    public void Fcc111_PeaksAtMultiplesOfAOverSqrt3()
    {
        var model = new CrystalModel(Lattice.Fcc, 4, Occupation.Pure("Co"));
        var cropped = CrystalTestData.Cropped(model, A, Orientation.ToZ(1, 1, 1), "Co");
        CrystalTestData.AssertPlanesOnlyAt(cropped, A / Math.Sqrt(3), zeroPlaneAllowed: true);
    }

    [Fact]
    public void L10CornerPlaneElement001_PeaksAtMultiplesOfAOnly()
    {
        var model = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L10, ["Co", "X"]));
        var cropped = CrystalTestData.Cropped(model, A, Orientation.ToZ(0, 0, 1), "Co");
        CrystalTestData.AssertPlanesOnlyAt(cropped, A, zeroPlaneAllowed: false);
    }

    [Fact]
    public void B2BothSublattices001_PeaksAtMultiplesOfA()
    {
        const double a = 0.287;
        var model = new CrystalModel(Lattice.Bcc, 4, new Occupation(Motif.B2, ["Al", "Fe"]));
        CrystalTestData.AssertPlanesOnlyAt(CrystalTestData.Cropped(model, a, Rotation.Identity, "Al"), a, zeroPlaneAllowed: false);
        CrystalTestData.AssertPlanesOnlyAt(CrystalTestData.Cropped(model, a, Rotation.Identity, "Fe"), a, zeroPlaneAllowed: false);
    }

    [Fact]
    public void D03FeAlongZ001_PeaksAtMultiplesOfHalfA()
    {
        const double a = 0.287;
        var model = new CrystalModel(Lattice.Bcc, 4, new Occupation(Motif.D03, ["Al", "Fe"]));
        var fe = CrystalTestData.Cropped(model, a, Rotation.Identity, "Fe");
        CrystalTestData.AssertPlanesOnlyAt(fe, a / 2, zeroPlaneAllowed: false);
        // Al sits on an FCC sublattice of edge 2a: its (002) planes are a apart.
        CrystalTestData.AssertPlanesOnlyAt(CrystalTestData.Cropped(model, a, Rotation.Identity, "Al"), a, zeroPlaneAllowed: false);
    }
}
