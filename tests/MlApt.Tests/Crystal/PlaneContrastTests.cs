using MlApt.Crystal;

namespace MlApt.Tests.Crystal;

public class PlaneContrastTests
{
    [Theory]
    // FCC: L1₂ shows along ⟨001⟩ (corner planes half Ni, face planes none) and ⟨110⟩, not along ⟨111⟩ (a quarter on every plane).
    [InlineData("fcc", Motif.L12, 0, 0, 1, true)]
    [InlineData("fcc", Motif.L12, 1, 1, 0, true)]
    [InlineData("fcc", Motif.L12, 1, 1, 1, false)]
    // L1₁ (alternate (111) planes) shows along ⟨111⟩ only.
    [InlineData("fcc", Motif.L11, 1, 1, 1, true)]
    [InlineData("fcc", Motif.L11, 0, 0, 1, false)]
    [InlineData("fcc", Motif.L11, 1, 1, 0, false)]
    // L1₀ (alternate (002) planes) shows along ⟨001⟩ and ⟨110⟩, not ⟨111⟩.
    [InlineData("fcc", Motif.L10, 0, 0, 1, true)]
    [InlineData("fcc", Motif.L10, 1, 1, 0, true)]
    [InlineData("fcc", Motif.L10, 1, 1, 1, false)]
    // BCC: B2 and D0₃ show along ⟨001⟩ and ⟨111⟩; every (110) plane holds corners and body centres alike.
    [InlineData("bcc", Motif.B2, 0, 0, 1, true)]
    [InlineData("bcc", Motif.B2, 1, 1, 1, true)]
    [InlineData("bcc", Motif.B2, 1, 1, 0, false)]
    [InlineData("bcc", Motif.D03, 0, 0, 1, true)]
    [InlineData("bcc", Motif.D03, 1, 1, 1, true)]
    [InlineData("bcc", Motif.D03, 1, 1, 0, false)]
    public void A_motif_shows_along_a_pole_when_its_planes_differ(string lattice, Motif motif, int h, int k, int l, bool shows)
    {
        Assert.Equal(shows, PlaneContrast.Shows(lattice == "fcc" ? Lattice.Fcc : Lattice.Bcc, motif, h, k, l));
    }

    [Fact]
    public void Plane_shares_are_those_of_the_structure()
    {
        // L1₂ along ⟨001⟩: corner planes z = 0, a, … hold 2 sites per cell, one a corner; face planes none.
        Assert.Equal([0.5, 0.0], PlaneContrast.OrderedShares(Lattice.Fcc, Motif.L12, 0, 0, 1).Distinct().Order().Reverse());
        // B2 along ⟨001⟩: corner planes all ordered, body planes none. D0₃: half, none.
        Assert.Equal([1.0, 0.0], PlaneContrast.OrderedShares(Lattice.Bcc, Motif.B2, 0, 0, 1).Distinct().Order().Reverse());
        Assert.Equal([0.5, 0.0], PlaneContrast.OrderedShares(Lattice.Bcc, Motif.D03, 0, 0, 1).Distinct().Order().Reverse());
        // Every lattice site counted once: 4 × 4 × 4 BCC cells, 2 sites each, over 8 (002) planes.
        Assert.Equal(8, PlaneContrast.OrderedShares(Lattice.Bcc, Motif.B2, 0, 0, 1).Count);
    }
}
