using MlApt.Crystal;
using MlApt.Sro;

namespace MlApt.Tests.Simulation;

public class NeighbourShellsTests
{
    [Theory]
    [InlineData("fcc", 12, 6, 24)]
    [InlineData("bcc", 8, 6, 12)]
    public void Shells_HaveTheBulkCoordination(string kind, int z1, int z2, int z3)
    {
        var shells = PeriodicLattice.Build(kind == "fcc" ? Lattice.Fcc : Lattice.Bcc, 4).Neighbours();
        Assert.Equal(z1, shells.UniformCoordination(1));
        Assert.Equal(z2, shells.UniformCoordination(2));
        Assert.Equal(z3, shells.UniformCoordination(3));
    }

    [Fact]
    public void Fcc_ShellDistancesAreThoseOfTheLattice()
    {
        var shells = PeriodicLattice.Build(Lattice.Fcc, 3).Neighbours();
        Assert.Equal(Math.Sqrt(0.5), shells.Distances[0], 9);
        Assert.Equal(1.0, shells.Distances[1], 9);
        Assert.Equal(Math.Sqrt(1.5), shells.Distances[2], 9);
    }

    [Fact]
    public void PeriodicLattice_HasEachSiteOnce()
    {
        Assert.Equal(4 * 27, PeriodicLattice.Build(Lattice.Fcc, 3).Count);
        Assert.Equal(2 * 64, PeriodicLattice.Build(Lattice.Bcc, 4).Count);
    }

    [Fact]
    public void Lists_AreSymmetricWithoutSelfOrRepeats()
    {
        var shells = PeriodicLattice.Build(Lattice.Bcc, 3).Neighbours();
        for (var m = 1; m <= 3; m++)
            for (var i = 0; i < shells.Count; i++)
            {
                var list = shells.Of(i, m).ToArray();
                Assert.DoesNotContain(i, list);
                Assert.Equal(list.Length, list.Distinct().Count());
                foreach (var j in list) Assert.Contains(i, shells.Of(j, m).ToArray());
            }
    }

    [Fact]
    public void CellList_AgreesWithAllPairs()
    {
        // 6 cells: the cell list is used; 3 cells: every atom is a candidate. Same shells per site.
        var big = PeriodicLattice.Build(Lattice.Fcc, 6).Neighbours();
        Assert.Equal(12 * big.Count, big.Entries(1));
        Assert.Equal(24 * big.Count, big.Entries(3));
    }

    [Fact]
    public void TooSmallBox_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => PeriodicLattice.Build(Lattice.Fcc, 2).Neighbours());
        Assert.Contains("too small", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TriclinicCell_PrimitiveFccHasTheFccShells()
    {
        // 5³ primitive FCC cells (vectors (0,½,½), (½,0,½), (½,½,0)), one atom each: a skewed cell with
        // the same crystal, so the same shells.
        const int n = 5;
        var (x, y, z) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                for (var k = 0; k < n; k++)
                {
                    x.Add(0.5 * (j + k)); y.Add(0.5 * (i + k)); z.Add(0.5 * (i + j));
                }
        var shells = NeighbourShells.FromPositions([.. x], [.. y], [.. z], [(0, 0.5 * n, 0.5 * n), (0.5 * n, 0, 0.5 * n), (0.5 * n, 0.5 * n, 0)]);
        Assert.Equal(12, shells.UniformCoordination(1));
        Assert.Equal(6, shells.UniformCoordination(2));
        Assert.Equal(24, shells.UniformCoordination(3));
        Assert.Equal(1.0, shells.Distances[1], 9);
    }

    [Fact]
    public void DegenerateCell_IsRefused()
    {
        double[] x = [0, 0.5], y = [0, 0.5], z = [0, 0.5];
        Assert.Throws<ArgumentException>(() => NeighbourShells.FromPositions(x, y, z, [(4, 0, 0), (0, 4, 0), (4, 4, 0)], 1));
    }
}
