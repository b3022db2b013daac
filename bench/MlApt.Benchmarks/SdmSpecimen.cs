using MlApt.Geometry;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;

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

    // The same Ni atoms as a float32 cloud (as read from a POS file) with every ion of species 1, for the
    // index that reads positions from the cloud instead of copying them.
    private static readonly Lazy<(IonCloud Cloud, byte[] Species, SpeciesIndex View)> Cloud = new(() =>
    {
        static float[] F(double[] a) => Array.ConvertAll(a, v => (float)v);
        var cloud = new IonCloud(F(NiX), F(NiY), F(NiZ), new float[NiCount]);
        var species = new byte[NiCount];
        Array.Fill(species, (byte)1);
        return (cloud, species, SpeciesIndex.ForVoxelScan(cloud, species, 1, Grid));
    });

    public static IonCloud NiCloud => Cloud.Value.Cloud;
    public static byte[] NiSpecies => Cloud.Value.Species;
    public static SpeciesIndex NiView => Cloud.Value.View;
}
