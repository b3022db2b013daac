using System.Globalization;
using MlApt.Io;
using PureHDF;
using MlApt.Numerics;

namespace MlApt.Learning;

/// <summary>
/// Imports Keras 2 models saved whole in the legacy HDF5 format (<c>model.save("m.h5")</c>), such as the
/// authors' published ML-APT ensemble: the architecture from the root attribute <c>model_config</c>
/// (<see cref="KerasConfig"/>), the weights from <c>model_weights/&lt;layer&gt;/…/kernel:0</c> and
/// <c>bias:0</c>, in Keras's layouts, which <see cref="CnnWeights"/> keeps. Every weight's shape is
/// checked against the architecture. Problems are <see cref="InputException"/>s naming the file.
/// </summary>
public static class KerasImport
{
    /// <summary>SHA-256 of the five published CoCrNi models (<c>model_0.h5</c> … <c>model_4.h5</c>, Li et al.).</summary>
    public static IReadOnlySet<string> PublishedSha256 { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "c8f128d58cd140ae3999ddacb31e496ba06025ea4ef4dedfd9dda0ab25612dac",
        "e43a17b3b53e8acf7ad1340bd5a17ba3d60355d4790c13d3b497d33e1d23f56a",
        "fd7afa5c0bfb57fefe151a163e1477eec75c7bf565276fb2521ae9c27f50e34b",
        "bfa61f253d084a0bb28ff7d4566dff7d0f00b068a8e5ea7b8465cc15cfe8165b",
        "0c1b04c1dce18d04c3eca352dcd16ad8c523129a53f365b96e7c5ea37881fe0a",
    };

    /// <summary>
    /// Loads <paramref name="path"/>: a folder of <c>.h5</c> files is an ensemble (members sorted by file
    /// name), a single <c>.h5</c> file a one-member ensemble. Two-class models get the class names
    /// "FCC", "CSRO" (class 0 = matrix, class 1 = CSRO, the ML-APT convention) and one-channel models
    /// the pair "Co-Co" (what the published models were trained on); metadata records the source
    /// files, their SHA-256, the Keras version and "normalization": "minmax".
    /// </summary>
    public static CnnEnsemble Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] files;
        if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".h5", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".hdf5", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
                InputError.In(path, "no .h5 files in this folder (expected the Keras models of an ensemble)");
        }
        else
        {
            IonFile.CheckReadable(path);
            files = [path];
        }

        var models = files.Select(LoadModel).ToArray();
        var arch = models[0].Config.Architecture;
        for (var i = 1; i < models.Length; i++)
        {
            if (models[i].Config.Architecture != arch)
                InputError.In(files[i], $"architecture {Describe(models[i].Config.Architecture)} differs from " +
                    $"{Path.GetFileName(files[0])} ({Describe(arch)}): ensemble members must share one architecture");
        }

        var hashes = files.Select(Provenance.Sha256).ToArray();
        var published = hashes.All(PublishedSha256.Contains);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = "keras-hdf5",
            ["source_files"] = string.Join(",", files.Select(Path.GetFileName)),
            ["source_sha256"] = string.Join(",", hashes),
            ["keras_version"] = string.Join(",", models.Select(m => m.KerasVersion).Distinct()),
            ["backend"] = string.Join(",", models.Select(m => m.Backend).Distinct()),
            ["normalization"] = "minmax",
        };
        if (arch.Channels == 1)
            metadata["pairs_note"] = "trained on Co-Co z-SDMs; the authors applied it to Co-Co, Cr-Cr and Ni-Ni z-SDMs alike";
        if (published)
        {
            metadata["source"] = "Li et al., ML-APT published CoCrNi ensemble (arXiv 2303.13433), Apache-2.0";
            metadata["bank"] = "FCC vs L1_2 (Co on cube corners) CoCrNi, Co-Co z-SDMs";
            metadata["orientation"] = "<002> || z";
            metadata["lattice_parameter_nm"] = "0.36";
        }
        var classes = arch.Classes == 2
            ? new[] { "FCC", "CSRO" }
            : Enumerable.Range(0, arch.Classes).Select(k => "class" + k.ToString(CultureInfo.InvariantCulture)).ToArray();
        var pairs = arch.Channels == 1
            ? new[] { "Co-Co" }
            : Enumerable.Range(0, arch.Channels).Select(c => "channel" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new CnnEnsemble(arch, models.Select(m => m.Weights).ToArray(), classes, pairs, metadata);
    }

    /// <summary>One Keras model file: its parsed configuration, weights and the Keras version that wrote it.</summary>
    public sealed record KerasModel(KerasModelConfig Config, CnnWeights Weights, string KerasVersion, string Backend);

    /// <summary>Reads one <c>.h5</c> file.</summary>
    public static KerasModel LoadModel(string file)
    {
        IonFile.CheckReadable(file);
        try
        {
            using var h5 = H5File.OpenRead(file);
            if (!h5.AttributeExists("model_config"))
                InputError.In(file, "no 'model_config' attribute: not a whole Keras model (a weights-only file from save_weights cannot be imported)");
            var config = KerasConfig.Parse(ReadString(h5.Attribute("model_config")), file);
            var version = h5.AttributeExists("keras_version") ? ReadString(h5.Attribute("keras_version")) : "unknown";
            var backend = h5.AttributeExists("backend") ? ReadString(h5.Attribute("backend")) : "unknown";
            IH5Group weightsRoot = h5.LinkExists("model_weights") ? h5.Group("model_weights") : h5;
            var a = config.Architecture;
            var w = new CnnWeights(a);
            ReadLayer(file, weightsRoot, config.ConvLayer, [a.Width, a.Channels, a.Filters], w.ConvKernel, config.ConvBias ? w.ConvBias : null);
            ReadLayer(file, weightsRoot, config.HiddenLayer, [a.FlatLength, a.Hidden], w.Dense1Kernel, config.HiddenBias ? w.Dense1Bias : null);
            ReadLayer(file, weightsRoot, config.OutputLayer, [a.Hidden, a.Classes], w.Dense2Kernel, config.OutputBias ? w.Dense2Bias : null);
            return new KerasModel(config, w, version, backend);
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            // PureHDF reports a damaged or non-HDF5 file with its own exception types; the user needs the file name.
            InputError.In(file, $"not a readable Keras HDF5 model ({e.GetType().Name}: {e.Message})");
            return null!;
        }
    }

    private static void ReadLayer(string file, IH5Group root, string layer, int[] kernelShape, float[] kernel, float[]? bias)
    {
        if (!root.LinkExists(layer))
            InputError.In(file, $"model_weights has no group '{layer}' for the layer of that name in model_config");
        var group = root.Group(layer);
        var names = WeightNames(group, layer);
        var kernelName = names.FirstOrDefault(n => Leaf(n).StartsWith("kernel", StringComparison.Ordinal));
        if (kernelName is null)
            InputError.In(file, $"model_weights/{layer}: no kernel among its weights [{string.Join(", ", names)}]");
        ReadTensor(file, group, layer, kernelName, kernelShape, kernel);
        var biasName = names.FirstOrDefault(n => Leaf(n).StartsWith("bias", StringComparison.Ordinal));
        if (bias is not null)
        {
            if (biasName is null)
                InputError.In(file, $"model_weights/{layer}: no bias among its weights [{string.Join(", ", names)}] although use_bias is true");
            ReadTensor(file, group, layer, biasName, [bias.Length], bias);
        }
        else if (biasName is not null)
        {
            InputError.In(file, $"model_weights/{layer}: has a bias although model_config says use_bias false");
        }
    }

    /// <summary>
    /// Keras lists a layer's datasets in its <c>weight_names</c> attribute (e.g. <c>conv1d_22/kernel:0</c>,
    /// relative to the layer group); files without it follow the usual <c>&lt;layer&gt;/kernel:0</c> layout.
    /// </summary>
    private static string[] WeightNames(IH5Group group, string layer)
    {
        if (group.AttributeExists("weight_names"))
        {
            var attr = group.Attribute("weight_names");
            if (attr.Type.Class is H5DataTypeClass.String or H5DataTypeClass.VariableLength)
                return attr.Read<string[]>();
        }
        return [layer + "/kernel:0", layer + "/bias:0"];
    }

    private static string Leaf(string name) => name[(name.LastIndexOf('/') + 1)..];

    private static void ReadTensor(string file, IH5Group group, string layer, string name, int[] expected, float[] destination)
    {
        var where = $"model_weights/{layer}/{name}";
        if (!group.LinkExists(name))
            InputError.In(file, $"{where} is missing");
        var d = group.Dataset(name);
        var dims = d.Space.Dimensions;
        if (dims.Length != expected.Length || dims.Where((n, i) => n != (ulong)expected[i]).Any())
            InputError.In(file, $"{where} has shape ({string.Join(", ", dims)}); the architecture in model_config needs ({string.Join(", ", expected)})");
        if (d.Type.Class != H5DataTypeClass.FloatingPoint || d.Type.Size is not (4 or 8))
            InputError.In(file, $"{where}: expected float32 or float64 values, found {d.Type.Class} of {d.Type.Size} bytes");
        if (d.Type.Size == 4)
        {
            d.Read<float[]>().CopyTo(destination, 0);
        }
        else
        {
            var values = d.Read<double[]>();
            for (var i = 0; i < values.Length; i++)
                destination[i] = (float)values[i];
        }
    }

    /// <summary>Keras writes string attributes as variable-length or fixed-length byte strings; read either.</summary>
    private static string ReadString(IH5Attribute attribute)
    {
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
            throw new InvalidDataException($"attribute '{attribute.Name}' is a {attribute.Type.Class}, not a string");
        return attribute.Read<string>().TrimEnd('\0');
    }

    private static string Describe(CnnArchitecture a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Channels}×{a.Length} input, {a.Filters} filters of width {a.Width} {a.Padding.ToString().ToLowerInvariant()}, pool {a.Pool}, {a.Hidden} hidden, {a.Classes} classes, dropout {a.Dropout}");
}
