using MlApt.Io;

namespace MlApt.Crystal;

/// <summary>Settings of a pole search (<see cref="PoleAlignment.Find"/>).</summary>
public sealed record PoleAlignmentOptions
{
    /// <summary>The plane family whose pole goes on z.</summary>
    public PlaneFamily Pole { get; init; } = new(0, 0, 1);
    /// <summary>FCC or BCC: which multiple of the pole's planes holds every site.</summary>
    public LatticeKind Lattice { get; init; } = LatticeKind.Fcc;
    /// <summary>Lattice parameter a (nm): gives the expected plane spacing.</summary>
    public double LatticeParameter { get; init; } = 0.356;
    /// <summary>Largest angle (degrees) between z and the pole searched.</summary>
    public double MaxTiltDegrees { get; init; } = 20;
    /// <summary>
    /// Relative range of plane spacings searched around the expected one (0.12: ±12 %), so that a
    /// reconstruction whose depth or lateral scale is off still aligns, and the measured spacing says by how much.
    /// </summary>
    public double SpacingTolerance { get; init; } = 0.12;
    /// <summary>Edge (nm) of the cubic cells within which plane phases are compared (coherence length of the search).</summary>
    public double CellSize { get; init; } = 8.0;
    /// <summary>At most this many ions (whole cells) enter the coarse search.</summary>
    public int IonBudget { get; init; } = 1_500_000;
    /// <summary>At most this many ions (whole cells) enter the refinement.</summary>
    public int RefineIonBudget { get; init; } = 200_000;
    /// <summary>
    /// Smallest significance of a pole: standard deviations of the best contrast of a random cloud. The coarse
    /// search tries about 10⁴ wave vectors, whose largest chance value is about 4.3.
    /// </summary>
    public double MinSignificance { get; init; } = 7;
    /// <summary>Seed of the choice of cells when the data exceed the budgets.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter when a value is out of range.</summary>
    public void Validate()
    {
        if (!(LatticeParameter is > 0.05 and < 5))
            throw new ArgumentOutOfRangeException(nameof(LatticeParameter), LatticeParameter, "expected a lattice parameter in nm (0.05 … 5)");
        if (!(MaxTiltDegrees is > 0 and <= 45))
            throw new ArgumentOutOfRangeException(nameof(MaxTiltDegrees), MaxTiltDegrees, "expected 0 < tilt ≤ 45 degrees");
        if (!(SpacingTolerance is >= 0 and <= 0.3))
            throw new ArgumentOutOfRangeException(nameof(SpacingTolerance), SpacingTolerance, "expected 0 … 0.3");
        if (!(CellSize is >= 1 and <= 20))
            throw new ArgumentOutOfRangeException(nameof(CellSize), CellSize, "expected 1 … 20 nm");
        if (IonBudget < 1000 || RefineIonBudget < 1000)
            throw new ArgumentOutOfRangeException(nameof(IonBudget), IonBudget, "expected budgets of at least 1000 ions");
    }
}

/// <summary>
/// A found pole and the rotation that puts it on z: p′ = R (p − c) + c, R the smallest rotation taking
/// <see cref="Direction"/> to +z (no spin about z).
/// </summary>
public sealed record PoleAlignmentResult
{
    /// <summary>The plane family.</summary>
    public required PlaneFamily Pole { get; init; }
    /// <summary>Unit plane normal in the reconstruction frame, z ≥ 0.</summary>
    public required (double X, double Y, double Z) Direction { get; init; }
    /// <summary>Angle between the pole and z (degrees).</summary>
    public double TiltDegrees => Math.Acos(Math.Clamp(Direction.Z, -1, 1)) * 180 / Math.PI;
    /// <summary>Azimuth of the pole in the xy plane (degrees, 0 … 360, from +x towards +y).</summary>
    public double AzimuthDegrees
    {
        get
        {
            var az = Math.Atan2(Direction.Y, Direction.X) * 180 / Math.PI;
            return az < 0 ? az + 360 : az;
        }
    }
    /// <summary>The rotation R.</summary>
    public required Rotation Rotation { get; init; }
    /// <summary>The centre c: the centroid of all ions.</summary>
    public required (double X, double Y, double Z) Centre { get; init; }
    /// <summary>Measured plane spacing along the pole (nm).</summary>
    public required double SpacingNm { get; init; }
    /// <summary>Spacing expected from the lattice parameter (nm).</summary>
    public required double ExpectedSpacingNm { get; init; }
    /// <summary>
    /// Plane contrast at the pole: the mean of cos 2π k·(pᵢ − pⱼ) over ordered pairs of ions in the same
    /// cell, k the plane wave vector — 1 for ions exactly on the planes, 0 for no planes.
    /// </summary>
    public required double Contrast { get; init; }
    /// <summary>The contrast in standard deviations of a random cloud's (its significance).</summary>
    public required double Significance { get; init; }
    /// <summary>Ions in the coarse search.</summary>
    public required int IonsUsed { get; init; }
    /// <summary>The coarse contrast over pole directions (for the pole figure).</summary>
    public required PoleFigure Figure { get; init; }
    /// <summary>Seconds per step (gather, coarse, refine).</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// The coarse search's plane contrast over the lateral wave vector (kx, ky), the largest over the depth
/// components searched: a pole figure. <see cref="Contrast"/>[i·Size + j] holds (kx, ky) =
/// ((i − Size/2)·Step, (j − Size/2)·Step) in cycles/nm; NaN outside the searched cone.
/// </summary>
/// <param name="Size">Side of the grid.</param>
/// <param name="Step">Wave-vector step (cycles/nm).</param>
/// <param name="Contrast">The contrast grid, row-major.</param>
/// <param name="ReferenceK">1/expected spacing (cycles/nm): tilt ≈ atan(|k_xy| / k_z).</param>
/// <param name="MaxTiltDegrees">The cone searched.</param>
public sealed record PoleFigure(int Size, double Step, double[] Contrast, double ReferenceK, double MaxTiltDegrees);

/// <summary>
/// Finds, from the ions alone, the direction of a plane family's pole closest to z and rotates a
/// reconstruction so that it lies along z. The score of a wave vector k is the plane contrast: within
/// each cubic cell, |Σ e^{2πi k·p}|² less the ions' own terms, summed over cells and divided by the
/// number of ordered pairs (the mean cos 2π k·Δp). Coarse: every k of the cone at once from one 2D FFT
/// per cell and depth component (positions binned laterally, exact in depth); fine: exact sums on a
/// shrinking grid around the best k. Cells keep the search cheap and tolerate a reconstruction that
/// bends over tens of nm.
/// </summary>
public static partial class PoleAlignment
{
    /// <summary>
    /// Searches the pole of <see cref="PoleAlignmentOptions.Pole"/> within the tilt limit using the ions
    /// <paramref name="ions"/> (all ions when empty). Returns null when no direction has significant plane
    /// contrast (<see cref="PoleAlignmentOptions.MinSignificance"/>); <paramref name="best"/> then holds the best candidate.
    /// </summary>
    public static PoleAlignmentResult? Find(IonCloud cloud, ReadOnlySpan<int> ions, PoleAlignmentOptions options, out PoleAlignmentResult? best)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        best = null;
        var spacing = options.Pole.Spacing(options.Lattice, options.LatticeParameter);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timings = new Dictionary<string, double>();
        var centre = Centroid(cloud);
        var cells = CellSample.Gather(cloud, ions, options.CellSize, options.IonBudget, options.Seed);
        timings["gather"] = clock.Elapsed.TotalSeconds;
        if (cells.CellCount == 0)
            return null;
        clock.Restart();
        var coarse = CoarseSearch(cells, spacing, options);
        timings["coarse"] = clock.Elapsed.TotalSeconds;
        clock.Restart();
        // Refinement in two coherence lengths: the coarse cells to a quarter of their peak width, then cells
        // twice as large. Position noise damps the contrast more the more lateral k is, which pulls the
        // peak of a tilted pole towards z by an amount falling with the square of the cell size.
        var coarseStep = 1 / (2 * options.CellSize);
        var k = Refine(cells.Prefix(options.RefineIonBudget), coarse.K, coarseStep / 4, coarseStep / 8);
        var fine = CellSample.Gather(cloud, ions, 2 * options.CellSize, options.RefineIonBudget, options.Seed);
        if (fine.CellCount == 0) fine = cells.Prefix(options.RefineIonBudget);
        var (kx, ky, kz) = Refine(fine, k, coarseStep / 32, 0.002);
        var contrast = Contrast(fine, kx, ky, kz);
        timings["refine"] = clock.Elapsed.TotalSeconds;
        var norm = Math.Sqrt(kx * kx + ky * ky + kz * kz);
        var sign = kz < 0 ? -1 : 1;
        (double X, double Y, double Z) direction = (sign * kx / norm, sign * ky / norm, sign * kz / norm);
        best = new PoleAlignmentResult
        {
            Pole = options.Pole,
            Direction = direction,
            Rotation = ToZ(direction),
            Centre = centre,
            SpacingNm = 1 / norm,
            ExpectedSpacingNm = spacing,
            Contrast = contrast,
            Significance = coarse.Significance,
            IonsUsed = cells.IonCount,
            Figure = coarse.Figure,
            Timings = timings,
        };
        if (coarse.Significance < options.MinSignificance)
            return null;
        // A true pole is a peak inside the searched cone and spacing range. A best wave vector that the
        // refinement carries to (or past) an edge is the flank of a peak outside: another family, a pole
        // beyond the tilt limit or a wrong lattice parameter.
        var kRef = 1 / spacing;
        if (norm < kRef * (1 - options.SpacingTolerance) || norm > kRef * (1 + options.SpacingTolerance)
            || best.TiltDegrees > options.MaxTiltDegrees + 0.5)
            return null;
        // A side lobe of a stronger peak at another spacing along the same direction (another family, a
        // lattice parameter far off) can be a local maximum inside the range: the main lobe must win.
        var strongest = StrongestSpacing(fine, direction, kRef);
        if (strongest < kRef * (1 - options.SpacingTolerance) || strongest > kRef * (1 + options.SpacingTolerance))
            return null;
        return best;
    }

    /// <summary>The smallest rotation taking the unit vector <paramref name="d"/> to +z.</summary>
    public static Rotation ToZ((double X, double Y, double Z) d)
    {
        var n = Math.Sqrt(d.X * d.X + d.Y * d.Y + d.Z * d.Z);
        if (!(n > 0)) throw new ArgumentException("not a direction", nameof(d));
        double x = d.X / n, y = d.Y / n, z = d.Z / n;
        var s = Math.Sqrt(x * x + y * y);
        if (s < 1e-15)
            return z > 0 ? Rotation.Identity : Rotation.AboutAxis((1, 0, 0), Math.PI);
        // Axis d × ẑ = (y, −x, 0), angle between d and ẑ.
        return Rotation.AboutAxis((y / s, -x / s, 0), Math.Atan2(s, z));
    }

    /// <summary>The centroid of all ions (double sums).</summary>
    public static (double X, double Y, double Z) Centroid(IonCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.Count == 0) return (0, 0, 0);
        double sx = 0, sy = 0, sz = 0;
        for (var i = 0; i < cloud.Count; i++)
        {
            sx += cloud.X[i]; sy += cloud.Y[i]; sz += cloud.Z[i];
        }
        return (sx / cloud.Count, sy / cloud.Count, sz / cloud.Count);
    }

    /// <summary>
    /// The cloud rotated about <paramref name="centre"/>: p′ = R (p − c) + c for every ion, in double and
    /// stored in the cloud's precision (text values stay double). Mass-to-charge and detector fields are kept.
    /// </summary>
    public static IonCloud Rotate(IonCloud cloud, Rotation rotation, (double X, double Y, double Z) centre)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var n = cloud.Count;
        float[] x = new float[n], y = new float[n], z = new float[n];
        var text = cloud.Text;
        TextValues? rotatedText = text is null ? null : new TextValues(new double[n], new double[n], new double[n], text.M);
        Parallel.For(0, (n + 65535) / 65536, block =>
        {
            var end = Math.Min(n, (block + 1) * 65536);
            for (var i = block * 65536; i < end; i++)
            {
                double px, py, pz;
                if (text is null) { px = cloud.X[i]; py = cloud.Y[i]; pz = cloud.Z[i]; }
                else { px = text.X[i]; py = text.Y[i]; pz = text.Z[i]; }
                var (rx, ry, rz) = rotation.Apply(px - centre.X, py - centre.Y, pz - centre.Z);
                rx += centre.X; ry += centre.Y; rz += centre.Z;
                x[i] = (float)rx; y[i] = (float)ry; z[i] = (float)rz;
                if (rotatedText is not null)
                {
                    rotatedText.X[i] = rx; rotatedText.Y[i] = ry; rotatedText.Z[i] = rz;
                }
            }
        });
        return new IonCloud(x, y, z, cloud.M, cloud.Extras, rotatedText) { OtherSections = cloud.OtherSections };
    }
}
