using MlApt.Geometry;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// One analysis of a reconstruction: the real CSRO map of a set of channel pairs, the maps of its
/// random-label controls (seeded permutations of the mass-to-charge labels, each mapped identically over
/// the real map's box) and their comparison, computed once.
/// </summary>
public sealed class CsroAnalysis
{
    /// <summary>Runs one step of an analysis (the real map or one control) and returns its map; <c>label</c> names the step.</summary>
    public delegate CsroMap Step(string label, Func<IProgress<CsroMapper.Progress>?, CsroMap> work);

    /// <summary>An analysis of <paramref name="map"/> and its <paramref name="controls"/>.</summary>
    public CsroAnalysis(IReadOnlyList<ElementPair> pairs, CsroMap map, IReadOnlyList<CsroMap> controls)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(controls);
        Pairs = pairs;
        Map = map;
        Controls = controls;
        Statistics = controls.Count > 0 ? ControlStatistics.Compare(map, controls) : null;
    }

    /// <summary>The channel pairs.</summary>
    public IReadOnlyList<ElementPair> Pairs { get; }

    /// <summary>The pairs as one name, <c>Ni-Ni+Co-Cr</c> (also the folder of the analysis when there are several).</summary>
    public string Name => string.Join("+", Pairs);

    /// <summary>The real map.</summary>
    public CsroMap Map { get; }

    /// <summary>The control maps (empty without controls).</summary>
    public IReadOnlyList<CsroMap> Controls { get; }

    /// <summary>Real versus controls; null without controls.</summary>
    public ControlStatistics? Statistics { get; }

    /// <summary>
    /// The analyses a model makes of the requested pairs: one per pair with a one-channel model, one over the
    /// channels (exactly as many pairs, in the model's order) otherwise. No pairs requested: the model's.
    /// Errors name the parameter <c>pair</c>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ElementPair>> Plan(CnnEnsemble ensemble, RangeTable table, IReadOnlyList<string> requestedPairs)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(requestedPairs);
        var channels = ensemble.Architecture.Channels;
        var requested = requestedPairs.Count > 0 ? requestedPairs.Select(p => ElementPair.Parse(p)).ToList()
            : ensemble.Pairs.Select(p => ElementPair.Parse(p, "model pairs")).ToList();
        foreach (var element in requested.SelectMany(p => new[] { p.Centre, p.Neighbour }).Distinct())
        {
            if (table.SingleAtomSpecies(element) == 0)
                InputError.In("pair", $"element '{element}' is not defined by {table.Source} (available: {string.Join(", ", table.Species.Skip(1).Where(c => c.AtomCount == 1).Select(c => c.Name))})");
        }
        if (channels == 1)
            return requested.Select(p => (IReadOnlyList<ElementPair>)[p]).ToList();
        var modelOrder = string.Join(", ", ensemble.Pairs);
        if (requested.Count != channels)
            InputError.In("pair", $"the model has {channels} channels ({modelOrder}): give exactly {channels} pairs in that order, got {requested.Count}"
                + (requestedPairs.Count > 0 ? ", or leave --pair out to map the model's own pairs" : ""));
        // The model's pairs in another order would feed each channel the z-SDM of another pair: a silently
        // different map. Another set of pairs (a model applied to another alloy) is the user's call.
        var modelPairs = ensemble.Pairs.Select(p => ElementPair.Parse(p, "model pairs")).ToList();
        if (!requested.SequenceEqual(modelPairs)
            && requested.OrderBy(p => p.ToString(), StringComparer.Ordinal).SequenceEqual(modelPairs.OrderBy(p => p.ToString(), StringComparer.Ordinal)))
            InputError.In("pair", $"{string.Join(", ", requested)} are the model's pairs in another order: its channels are {modelOrder}, in that order (or leave --pair out)");
        return [requested];
    }

    /// <summary>Refuses a box that misses the ions altogether (parameter <c>box</c>), before any long work.</summary>
    public static void CheckBox(Box box, IonCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var bounds = Bounds3.Of(cloud.X, cloud.Y, cloud.Z);
        if (bounds is null || box.XMax < bounds.Value.Min.X || box.XMin > bounds.Value.Max.X || box.YMax < bounds.Value.Min.Y
            || box.YMin > bounds.Value.Max.Y || box.ZMax < bounds.Value.Min.Z || box.ZMin > bounds.Value.Max.Z)
            InputError.In("box", $"{BoxText.Format(box)} lies outside the data ({(bounds is { } bb ? BoxText.Format(new Box(bb.Min.X, bb.Max.X, bb.Min.Y, bb.Max.Y, bb.Min.Z, bb.Max.Z)) : "no ions")})");
    }

    /// <summary>
    /// Reads a reconstruction for mapping: its ions and their species under <paramref name="table"/>, refusing a file
    /// without ions and a <paramref name="box"/> that misses them. With an alignment (<paramref name="alignment"/>
    /// given, else found by <paramref name="search"/>; an <see cref="InputException"/> naming the file when there is
    /// no pole) the ions are returned in the aligned frame, where the box is then checked.
    /// </summary>
    public static (IonCloud Cloud, byte[] Species, Crystal.PoleAlignmentResult? Alignment) ReadIons(string reconstruction, RangeTable table, Box? box,
        Crystal.PoleAlignmentOptions? search = null, Crystal.PoleAlignmentResult? alignment = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cloud = IonFile.Read(reconstruction);
        if (cloud.Count == 0)
            InputError.In(reconstruction, "no ions: nothing to map");
        // The aligned frame before anything else: the box, the automatic region, the controls and every output
        // use the rotated ions. No pole within the limit ends the run here, before the maps.
        alignment ??= search is null ? null : MapAlignment.Find(cloud, search, reconstruction);
        if (alignment is not null)
            cloud = MapAlignment.Apply(cloud, alignment);
        var species = table.Assign(cloud);
        if (box is { } b)
            CheckBox(b, cloud);
        return (cloud, species, alignment);
    }

    /// <summary>How many distinct elements the analyses of <paramref name="plan"/> read (centres and neighbours).</summary>
    public static int ElementCount(IEnumerable<IReadOnlyList<ElementPair>> plan) =>
        plan.SelectMany(a => a).SelectMany(p => new[] { p.Centre, p.Neighbour }).Distinct().Count();

    /// <summary>
    /// Maps <paramref name="pairs"/> and <paramref name="controls"/> random-label controls (seeds <paramref name="seed"/>, +1, …),
    /// each measured as <paramref name="sampling"/> says (null: every voxel).
    /// </summary>
    public static CsroAnalysis Run(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs, VoxelClassifier classify,
        MapOptions options, int controls, int seed, Step? step = null, CancellationToken cancellationToken = default, ControlSampling? sampling = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        step ??= (_, work) => work(null);
        var name = string.Join("+", pairs);
        var map = step($"{name}: mapping", p => CsroMapper.Map(cloud, species, table, pairs, classify, options, p, cancellationToken));
        return new CsroAnalysis(pairs, map, MapControls(cloud, species, table, pairs, classify, options, map, controls, seed, step, cancellationToken, sampling));
    }

    /// <summary>
    /// The control maps of <paramref name="real"/>: permutation c uses seed <paramref name="seed"/> + c, the
    /// real map's box and its analysable voxels (<see cref="CsroMapper.ControlOptions"/>), so that both describe the same volume.
    /// With a sampled <paramref name="sampling"/> (and no slab: a slab keeps its controls' voxel probabilities for merging), each
    /// control is measured from its own seeded sample of blocks (<see cref="CsroMapper.MapSampled"/>, sample seed = permutation seed).
    /// </summary>
    public static IReadOnlyList<CsroMap> MapControls(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs,
        VoxelClassifier classify, MapOptions options, CsroMap real, int count, int seed, Step? step = null, CancellationToken cancellationToken = default,
        ControlSampling? sampling = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(real);
        step ??= (_, work) => work(null);
        var name = string.Join("+", pairs);
        var controlOptions = CsroMapper.ControlOptions(options, real);
        var controls = new List<CsroMap>();
        for (var c = 0; c < count; c++)
        {
            var permutedSpecies = LabelPermutation.PermuteSpecies(species, seed + c);
            var permutation = seed + c;
            controls.Add(step($"{name}: control {c + 1}/{count}", sampling is { IsFull: false } && options.Slab is null
                ? p => CsroMapper.MapSampled(cloud, permutedSpecies, table, pairs, classify, controlOptions, real, sampling, permutation, p, cancellationToken)
                : p => CsroMapper.Map(cloud, permutedSpecies, table, pairs, classify, controlOptions, p, cancellationToken)));
        }
        return controls;
    }
}
