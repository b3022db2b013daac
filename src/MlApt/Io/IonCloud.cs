namespace MlApt.Io;

/// <summary>
/// A reconstruction in memory, structure-of-arrays: x, y, z (nm) and mass-to-charge m (Da) as
/// float32, 16 bytes per ion. Extra per-ion fields (EPOS) live in <see cref="Extras"/> when the
/// file has them. Ranging adds a one-byte species index per ion elsewhere (see <c>RangeTable</c>).
/// </summary>
public sealed class IonCloud
{
    /// <summary>Creates a cloud that takes ownership of the arrays (all must have the same length).</summary>
    public IonCloud(float[] x, float[] y, float[] z, float[] m, EposExtras? extras = null, TextValues? text = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(m);
        if (y.Length != x.Length || z.Length != x.Length || m.Length != x.Length)
            throw new ArgumentException("x, y, z and m must have the same length");
        if (extras is not null && extras.Tof.Length != x.Length)
            throw new ArgumentException("extras must have one record per ion", nameof(extras));
        if (text is not null && text.X.Length != x.Length)
            throw new ArgumentException("text values must have one entry per ion", nameof(text));
        X = x; Y = y; Z = z; M = m; Extras = extras; Text = text;
    }

    /// <summary>x coordinates (nm).</summary>
    public float[] X { get; }
    /// <summary>y coordinates (nm).</summary>
    public float[] Y { get; }
    /// <summary>z coordinates (nm), the analysis direction.</summary>
    public float[] Z { get; }
    /// <summary>Mass-to-charge ratios (Da).</summary>
    public float[] M { get; }
    /// <summary>EPOS detector fields, when the source had them.</summary>
    public EposExtras? Extras { get; }

    /// <summary>
    /// The values exactly as written in a text source (CSV), parsed in double precision. Float32
    /// storage would move values written with 3 decimals off their decimal value, and METHOD §2's
    /// binning puts many such Δz exactly on bin edges, so exact work uses these when present.
    /// </summary>
    public TextValues? Text { get; }

    /// <summary>Other per-ion sections of an AP Suite file, kept as read (name → section).</summary>
    public IReadOnlyList<AptSection> OtherSections { get; init; } = [];

    /// <summary>Number of ions.</summary>
    public int Count => X.Length;

    /// <summary>Mass-to-charge of ion <paramref name="i"/> in the precision of the source.</summary>
    public double MassAt(int i) => Text is null ? M[i] : Text.M[i];

    /// <summary>
    /// Copies the positions of the given ions into double arrays, in the precision of the source
    /// (exact widening of float32, or the text values).
    /// </summary>
    public void CopyPositions(ReadOnlySpan<int> indices, Span<double> x, Span<double> y, Span<double> z)
    {
        if (x.Length < indices.Length || y.Length < indices.Length || z.Length < indices.Length)
            throw new ArgumentException("destination spans are shorter than the index list");
        if (Text is { } t)
        {
            for (var k = 0; k < indices.Length; k++)
            {
                var i = indices[k];
                x[k] = t.X[i]; y[k] = t.Y[i]; z[k] = t.Z[i];
            }
        }
        else
        {
            for (var k = 0; k < indices.Length; k++)
            {
                var i = indices[k];
                x[k] = X[i]; y[k] = Y[i]; z[k] = Z[i];
            }
        }
    }
}

/// <summary>x, y, z, m of every ion as parsed from text, in double precision.</summary>
/// <param name="X">x (nm).</param>
/// <param name="Y">y (nm).</param>
/// <param name="Z">z (nm).</param>
/// <param name="M">mass-to-charge (Da).</param>
public sealed record TextValues(double[] X, double[] Y, double[] Z, double[] M);

/// <summary>The EPOS fields beyond x, y, z, m, one entry per ion.</summary>
public sealed class EposExtras
{
    /// <summary>Allocates the arrays for <paramref name="count"/> ions.</summary>
    public EposExtras(int count)
    {
        Tof = new float[count]; VDc = new float[count]; VPulse = new float[count];
        DetX = new float[count]; DetY = new float[count];
        PulseDelta = new uint[count]; IonsPerPulse = new uint[count];
    }

    /// <summary>Time of flight (ns).</summary>
    public float[] Tof { get; }
    /// <summary>Standing (DC) voltage (V).</summary>
    public float[] VDc { get; }
    /// <summary>Pulse voltage (V).</summary>
    public float[] VPulse { get; }
    /// <summary>Detector x (mm).</summary>
    public float[] DetX { get; }
    /// <summary>Detector y (mm).</summary>
    public float[] DetY { get; }
    /// <summary>Pulses since the previous detected event.</summary>
    public uint[] PulseDelta { get; }
    /// <summary>Ions detected in this pulse (multiplicity; 0 for later ions of a multiple).</summary>
    public uint[] IonsPerPulse { get; }
}
