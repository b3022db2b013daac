using System.Globalization;
using MlApt.Geometry;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// What a map run will need, known before it starts: the voxel and sub-voxel grid sizes of its box and the
/// memory it will allocate, so that a box too large (a stray ion far from the specimen, coordinates of 1e30,
/// a stride of 1 pm) or a machine too small is refused with one clear line instead of failing hours later
/// or being killed by the runtime. The memory model (bytes per ion, per voxel, per sub-voxel) is documented
/// in docs/performance.md (Memory); <see cref="Estimate"/> is its single implementation.
/// </summary>
/// <param name="Voxels">Voxels of the scan grid.</param>
/// <param name="SubVoxels">Sub-voxels (stride cubes).</param>
/// <param name="Ions">Ions of the reconstruction.</param>
/// <param name="Bytes">Memory the run will still allocate beyond the reconstruction already read (bytes).</param>
/// <param name="GridText">The grid's shape as text, e.g. <c>20 × 20 × 40</c>.</param>
internal sealed record MapBudget(double Voxels, double SubVoxels, long Ions, double Bytes, string GridText)
{
    /// <summary>
    /// The largest grid accepted, in voxels or sub-voxels: one array index per cell (the runtime's array
    /// limit). Far beyond any real specimen: a 100 × 100 × 1000 nm³ one has 8·10⁷ sub-voxels at 0.5 nm.
    /// </summary>
    public static readonly long MaxCells = Array.MaxLength;

    /// <summary>Bytes per ion the run allocates beyond the reconstruction: its species byte and a permuted species byte
    /// for a control (plus <see cref="BytesPerIonPerElement"/>).</summary>
    public const int BytesPerIonBase = 2;

    /// <summary>Bytes per ion and mapped element: the element's neighbour grid keeps each ion's cell order.</summary>
    public const int BytesPerIonPerElement = 4;

    /// <summary>Bytes per voxel of each map kept (probability, spread) and of the scan (analysable flag, density count).</summary>
    public const int BytesPerVoxel = 13;

    /// <summary>Bytes per sub-voxel of each map kept (sum and mean scores, coverage, selection, domain label, density
    /// cell, domain-fraction labels: 22) and of the report's temporary copies (the VTI's domain floats and encoding: 8).</summary>
    public const int BytesPerSubVoxel = 22 + 8;

    /// <summary>Bytes per voxel of one z-slab being scanned, per channel (93 float inputs) and shared (93 float
    /// counts, 93 double values, three centre doubles).</summary>
    public const int SlabBytesPerVoxelPerChannel = 93 * 4;

    /// <summary>Shared slab bytes per voxel (counts, values, centres, list entry).</summary>
    public const int SlabBytesPerVoxel = 93 * 4 + 93 * 8 + 3 * 8 + 4;

    /// <summary>Fixed allowance: the runtime, the model, plotting and file buffers (bytes).</summary>
    public const long FixedBytes = 256L << 20;

    /// <summary>
    /// The budget of mapping <paramref name="box"/> with <paramref name="scan"/>: <paramref name="analyses"/> maps
    /// of <paramref name="channels"/> channels over <paramref name="elements"/> distinct elements, each with
    /// <paramref name="controls"/> control maps kept until the report is written, scanning
    /// <paramref name="slabLayers"/> voxel layers at a time. Counts in double so that absurd boxes do not overflow.
    /// </summary>
    public static MapBudget Estimate(Box box, VoxelScanOptions scan, long ions, int channels, int elements, int analyses = 1, int controls = 0,
        int slabLayers = 16)
    {
        var (nx, ny, nz) = (Axis(box.SizeX, scan), Axis(box.SizeY, scan), Axis(box.SizeZ, scan));
        var voxels = nx * ny * nz;
        var (sx, sy, sz) = (Math.Floor(box.SizeX / scan.Stride + 1e-9), Math.Floor(box.SizeY / scan.Stride + 1e-9), Math.Floor(box.SizeZ / scan.Stride + 1e-9));
        var subVoxels = Math.Max(0, sx) * Math.Max(0, sy) * Math.Max(0, sz);
        var kept = Math.Max(1, analyses) * (1.0 + Math.Max(0, controls));
        var perIon = BytesPerIonBase + (double)BytesPerIonPerElement * Math.Max(1, elements);
        var slab = Math.Min(nz, Math.Max(1, slabLayers)) * nx * ny * (SlabBytesPerVoxel + (double)SlabBytesPerVoxelPerChannel * Math.Max(1, channels));
        var bytes = ions * perIon + kept * (voxels * BytesPerVoxel + subVoxels * BytesPerSubVoxel) + slab + FixedBytes;
        var text = string.Create(CultureInfo.InvariantCulture, $"{Count(nx)} × {Count(ny)} × {Count(nz)}");
        return new MapBudget(voxels, subVoxels, ions, bytes, text);
    }

    /// <summary>
    /// Memory this process can still allocate (bytes): the GC's limit (physical memory, a container's limit or
    /// <c>DOTNET_GCHeapHardLimit</c>, see <see cref="GC.GetGCMemoryInfo()"/>) less what the heap holds, and on
    /// Linux the address-space limit (<c>ulimit -v</c>) less the address space in use.
    /// </summary>
    public static double AvailableBytes()
    {
        var info = GC.GetGCMemoryInfo();
        double available = info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false);
        if (AddressSpaceLeft() is { } left)
            available = Math.Min(available, left);
        return Math.Max(0, available);
    }

    /// <summary>
    /// Null when the grid is within <see cref="MaxCells"/> and the memory within <paramref name="availableBytes"/>,
    /// else the reason, naming the grid and the figures (for a message after the box's source).
    /// </summary>
    public string? Problem(double availableBytes)
    {
        var inv = CultureInfo.InvariantCulture;
        if (Voxels < 1)
            return null; // an empty grid is the caller's "smaller than one voxel" message
        var cells = Math.Max(Voxels, SubVoxels);
        if (cells > MaxCells)
            return string.Create(inv, $"the voxel grid would be {GridText} = {Voxels:0.###e0} voxels ({SubVoxels:0.###e0} sub-voxels), over the limit of {MaxCells:N0} cells");
        if (Bytes > availableBytes)
            return string.Create(inv, $"the map of {GridText} voxels and {Ions:N0} ions needs about {Gib(Bytes)} of memory, but {Gib(availableBytes)} is available (machine, container or DOTNET_GCHeapHardLimit limit)");
        return null;
    }

    /// <summary>Throws an <see cref="InputException"/> <c>source: problem; advice</c> when <see cref="Problem"/> finds one.</summary>
    public void EnsureFits(string source, string advice, double? availableBytes = null)
    {
        if (Problem(availableBytes ?? AvailableBytes()) is { } problem)
            InputError.In(source, $"{problem}: {advice}");
    }

    private static double Axis(double size, VoxelScanOptions scan) =>
        size + 1e-9 * scan.Stride < scan.Voxel ? 0 : Math.Floor((size - scan.Voxel) / scan.Stride + 1e-9) + 1;

    private static string Count(double n) =>
        n < 1e7 ? n.ToString("0", CultureInfo.InvariantCulture) : n.ToString("0.##e0", CultureInfo.InvariantCulture);

    private static string Gib(double bytes) => (bytes / (1L << 30)).ToString("0.0#", CultureInfo.InvariantCulture) + " GiB";

    private static double? AddressSpaceLeft()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            double? limit = null, used = null;
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (!line.StartsWith("Max address space", StringComparison.Ordinal))
                    continue;
                var fields = line[17..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var l))
                    limit = l;
            }
            if (limit is null)
                return null;
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmSize:", StringComparison.Ordinal)
                    && double.TryParse(line[7..].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var kb))
                    used = kb * 1024;
            }
            return limit - (used ?? 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
