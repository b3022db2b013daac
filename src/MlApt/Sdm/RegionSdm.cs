using MlApt.Geometry;
using MlApt.Io;

namespace MlApt.Sdm;

/// <summary>
/// The z-SDM and the 2D (Δx–Δz) SDM of a whole region: every centre atom inside the region against every
/// neighbour atom within the pair radius (1.5 nm), with the cropped z-SDM at each processing stage.
/// </summary>
public sealed class RegionSdm
{
    private RegionSdm(ElementPair pair, Box region, int centres, int neighbours, long[] full, long[] sdm2D)
    {
        Pair = pair;
        Region = region;
        Centres = centres;
        Neighbours = neighbours;
        Full = full;
        Counts2D = sdm2D;
        Cropped = new double[ZSdm.CropLength];
        ZSdm.Crop(full, Cropped);
        Normalized = new double[ZSdm.CropLength];
        CroppedDefined = Preprocessing.MinMax(Cropped, Normalized);
        Preprocessed = new double[ZSdm.CropLength];
        Preprocessing.Apply(Cropped, Preprocessed, SdmStage.Preprocessed);
    }

    /// <summary>The pair.</summary>
    public ElementPair Pair { get; }
    /// <summary>The region whose centre atoms were counted.</summary>
    public Box Region { get; }
    /// <summary>Centre atoms inside the region.</summary>
    public int Centres { get; }
    /// <summary>Neighbour atoms in the whole reconstruction.</summary>
    public int Neighbours { get; }
    /// <summary>The full z-SDM: pair counts in <see cref="ZSdm.FullBinCount"/> bins over [−1.5, 1.5) nm.</summary>
    public long[] Full { get; }
    /// <summary>The 2D SDM, <see cref="Sdm2D.Bins"/> rows (Δz) × <see cref="Sdm2D.Bins"/> columns (Δx), row-major.</summary>
    public long[] Counts2D { get; }
    /// <summary>The cropped z-SDM (raw counts).</summary>
    public double[] Cropped { get; }
    /// <summary>The cropped z-SDM min–max normalised (NaN when constant).</summary>
    public double[] Normalized { get; }
    /// <summary>The cropped z-SDM preprocessed.</summary>
    public double[] Preprocessed { get; }
    /// <summary>Whether the cropped z-SDM is not constant (min–max defined).</summary>
    public bool CroppedDefined { get; }

    /// <summary>
    /// Counts the SDMs of the centre atoms inside <paramref name="region"/> (default: their bounding box). An
    /// <see cref="InputException"/> naming the parameter <c>box</c> when no centre lies inside.
    /// </summary>
    public static RegionSdm Compute(PairPositions input, Box? region = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (ax, ay, az) = input.Centres;
        var box = region ?? (ax.Length == 0 ? new Box(0, 0, 0, 0, 0, 0) : Box.Bounding(ax, ay, az));
        var (cx, cy, cz) = ZSdm.Select(ax, ay, az, box);
        if (cx.Length == 0)
            InputError.In("box", $"no {input.Pair.Centre} atoms inside {BoxText.Format(box)}");
        var (nx, ny, nz) = input.Neighbours;
        var neighbours = SpeciesIndex.Build(nx, ny, nz, ZSdm.DefaultPairRadius);
        var full = new long[ZSdm.FullBinCount];
        ZSdm.AccumulateCentres(cx, cy, cz, neighbours, ZSdm.DefaultPairRadius, full);
        var sdm2 = new long[Sdm2D.Bins * Sdm2D.Bins];
        Sdm2D.AccumulateCentres(cx, cy, cz, neighbours, ZSdm.DefaultPairRadius, sdm2);
        return new RegionSdm(input.Pair, box, cx.Length, nx.Length, full, sdm2);
    }
}
