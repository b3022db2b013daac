using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Tests.Sdm;

/// <summary>The view index (cell order only, positions read from the cloud) against the copying index.</summary>
public class SpeciesIndexViewTests
{
    private static readonly Box ScanBox = new(-2, 2, -2, 2, -5, -1);

    private static (IonCloud Cloud, byte[] Species, RangeTable Table) Specimen(bool text)
    {
        var cloud = DemoSpecimen.Generate((5, 5, 6), 5);
        if (text)
        {
            // A text source: double values that are not float32 values, as a CSV with many decimals gives.
            var n = cloud.Count;
            var t = new TextValues(new double[n], new double[n], new double[n], new double[n]);
            for (var i = 0; i < n; i++)
            {
                t.X[i] = cloud.X[i] + 1e-9 * (i % 7);
                t.Y[i] = cloud.Y[i] - 1e-9 * (i % 5);
                t.Z[i] = cloud.Z[i] + 1e-9 * (i % 3);
                t.M[i] = cloud.M[i];
            }
            cloud = new IonCloud(cloud.X, cloud.Y, cloud.Z, cloud.M, null, t);
        }
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        return (cloud, table.Assign(cloud), table);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void View_HoldsTheSameAtomsInTheSameOrderAsTheCopy(bool text)
    {
        var (cloud, species, table) = Specimen(text);
        var grid = new VoxelGrid(ScanBox);
        var ni = ElementPair.SpeciesOf(table, "Ni");
        var (x, y, z) = ElementPair.Positions(cloud, species, table, "Ni");
        var sourceOf = Enumerable.Range(0, species.Length).Where(i => species[i] == ni).ToArray();
        var copy = SpeciesIndex.ForVoxelScan(x, y, z, grid);
        var view = SpeciesIndex.ForVoxelScan(cloud, species, ni, grid);

        Assert.True(copy.HoldsPositions);
        Assert.False(view.HoldsPositions);
        Assert.True(view.Count > 100);
        Assert.Equal(copy.Count, view.Count);
        Assert.Equal((copy.Nx, copy.Ny, copy.Nz), (view.Nx, view.Ny, view.Nz));
        for (var k = 0; k < copy.Count; k++)
        {
            Assert.Equal(sourceOf[copy.SourceIndex[k]], view.SourceIndex[k]);
            Assert.Equal(copy.PositionAt(k), view.PositionAt(k));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void View_QueriesAndScansEqualTheCopy(bool text)
    {
        var (cloud, species, table) = Specimen(text);
        var grid = new VoxelGrid(ScanBox);
        var ni = ElementPair.SpeciesOf(table, "Ni");
        var co = ElementPair.SpeciesOf(table, "Co");
        var (x, y, z) = ElementPair.Positions(cloud, species, table, "Ni");
        var (qx, qy, qz) = ElementPair.Positions(cloud, species, table, "Co");
        var copy = SpeciesIndex.ForVoxelScan(x, y, z, grid);
        var view = SpeciesIndex.ForVoxelScan(cloud, species, ni, grid);
        var coCopy = SpeciesIndex.ForVoxelScan(qx, qy, qz, grid);
        var coView = SpeciesIndex.ForVoxelScan(cloud, species, co, grid);

        var random = new Random(3);
        var a = new int[512];
        var b = new int[512];
        for (var t = 0; t < 200; t++)
        {
            double cx = -2 + 4 * random.NextDouble(), cy = -2 + 4 * random.NextDouble(), cz = -5 + 4 * random.NextDouble();
            var r = 0.2 + random.NextDouble();
            var n = copy.Query(cx, cy, cz, r, a);
            Assert.Equal(n, view.Query(cx, cy, cz, r, b));
            Assert.Equal(a.Take(n), b.Take(n));
        }

        var expected = VoxelScan.Run(grid, copy, coCopy);
        var actual = VoxelScan.Run(grid, view, coView);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.CentreCounts, actual.CentreCounts);
        Assert.Contains(actual.Counts, c => c > 0);
    }

    [Fact]
    public void View_WorksWithThePairKernels()
    {
        // The pair kernels stream X, Y, Z; a view is copied into cell order for them, with the same result.
        var (cloud, species, table) = Specimen(false);
        var grid = new VoxelGrid(ScanBox);
        var ni = ElementPair.SpeciesOf(table, "Ni");
        var (x, y, z) = ElementPair.Positions(cloud, species, table, "Ni");
        var view = SpeciesIndex.ForVoxelScan(cloud, species, ni, grid);
        var copy = view.WithPositions();
        Assert.True(copy.HoldsPositions);
        Assert.Same(copy, copy.WithPositions());
        Assert.Equal(view.SourceIndex.ToArray(), copy.SourceIndex.ToArray());
        var expected = new long[ZSdm.FullBinCount];
        var actual = new long[ZSdm.FullBinCount];
        ZSdm.AccumulateCentres(x, y, z, SpeciesIndex.ForVoxelScan(x, y, z, grid), 1.5, expected);
        ZSdm.AccumulateCentres(x, y, z, view, 1.5, actual);
        Assert.Equal(expected, actual);
        Assert.True(actual.Sum() > 0);
    }

    [Fact]
    public void View_HasNoPositionArrays()
    {
        var (cloud, species, table) = Specimen(false);
        var view = SpeciesIndex.ForVoxelScan(cloud, species, ElementPair.SpeciesOf(table, "Ni"), new VoxelGrid(ScanBox));
        Assert.Throws<InvalidOperationException>(() => view.X.Length);
    }

    [Fact]
    public void View_RejectsSpeciesOfAnotherLength()
    {
        var (cloud, species, _) = Specimen(false);
        Assert.Throws<ArgumentException>(() => SpeciesIndex.ForVoxelScan(cloud, species.AsSpan(1), 1, new VoxelGrid(ScanBox)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void PermutedSpecies_EqualRangingThePermutedCloud(int seed)
    {
        var (cloud, species, table) = Specimen(false);
        var expected = table.Assign(LabelPermutation.Permute(cloud, seed));
        Assert.Equal(expected, LabelPermutation.PermuteSpecies(species, seed));
        Assert.NotEqual(species, expected);
    }
}
