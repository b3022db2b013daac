using MlApt.Geometry;
using MlApt.Sdm;
using MlApt.Simulation;

namespace MlApt.Benchmarks;

/// <summary>The shared benchmark input: the CoCrNi-like synthetic specimen's Ni, indexed for the reference scan.</summary>
internal static class SdmSpecimen
{
    private static readonly Lazy<(VoxelGrid Grid, SpeciesIndex Ni, double[] X, double[] Y, double[] Z)> Data = new(() =>
    {
        var specimen = SyntheticSpecimen.Generate(SyntheticSpecimenOptions.CoCrNi(seed: 42));
        var (x, y, z) = specimen.Select(2);
        var grid = new VoxelGrid(Box.Reference);
        return (grid, SpeciesIndex.ForVoxelScan(x, y, z, grid), x, y, z);
    });

    public static VoxelGrid Grid => Data.Value.Grid;
    public static SpeciesIndex Ni => Data.Value.Ni;
    public static int NiCount => Data.Value.X.Length;
    public static double[] NiX => Data.Value.X;
    public static double[] NiY => Data.Value.Y;
    public static double[] NiZ => Data.Value.Z;
}
