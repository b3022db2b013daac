using System.Globalization;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Learning.Onnx;

/// <summary>
/// Writes a classifier ensemble as one ONNX model (opset 17): input <c>zsdm</c> of shape (N, C, L)
/// float32 (the preprocessed z-SDMs, channels in the model's pair order), output <c>probabilities</c>
/// (N, K), the mean of the members' softmax outputs — what <c>mlapt predict</c> computes. Each member
/// is Conv → Relu → MaxPool → Transpose to channels-last → Flatten → Gemm → Relu → Gemm → Softmax;
/// a Mean node averages them. The model's pairs, classes, preprocessing and provenance go into the
/// metadata properties.
/// </summary>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the graph uses.</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version written (IR 8 goes with opsets 15–18).</summary>
    public const int IrVersion = 8;

    /// <summary>Name of the graph's input.</summary>
    public const string InputName = "zsdm";

    /// <summary>Name of the graph's output.</summary>
    public const string OutputName = "probabilities";

    /// <summary>Writes <paramref name="ensemble"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="ensemble">The classifier.</param>
    /// <param name="metadata">Further metadata properties (e.g. model id, source), written after the model's own.</param>
    public static void Write(string path, CnnEnsemble ensemble, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var bytes = Serialize(ensemble, metadata);
        AtomicFile.Write(path, s => s.Write(bytes));
    }

    /// <summary>The ONNX ModelProto bytes of <paramref name="ensemble"/>.</summary>
    public static byte[] Serialize(CnnEnsemble ensemble, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var a = ensemble.Architecture;
        a.Validate();
        var graph = new ProtoWriter();
        var means = new List<string>();
        for (var m = 0; m < ensemble.Members.Count; m++)
            means.Add(Member(graph, a, ensemble.Members[m], $"member{m}"));
        graph.Message(1, Node("Mean", [.. means], [OutputName], "ensemble_mean"));
        graph.String(2, "mlapt_csro_classifier");
        graph.String(10, $"Ensemble of {ensemble.Members.Count} CNNs over {a.Channels} z-SDM channel(s) ({string.Join(", ", ensemble.Pairs)}); output: mean class probabilities ({string.Join(", ", ensemble.ClassNames)}).");
        graph.Message(11, ValueInfo(InputName, a.Channels, a.Length));
        graph.Message(12, ValueInfo(OutputName, a.Classes));

        var model = new ProtoWriter()
            .Int(1, IrVersion)
            .String(2, "mlapt")
            .String(3, Numerics.Provenance.Version)
            .String(4, "org.mlapt")
            .Int(5, 1)
            .String(6, "ML-APT CSRO classifier ensemble exported by mlapt export-onnx; apply it to z-SDMs preprocessed as the metadata 'preprocessing' says.")
            .Message(7, graph);
        model.Message(8, new ProtoWriter().String(1, "").Int(2, Opset));
        foreach (var (k, v) in Metadata(ensemble).Concat(metadata ?? new Dictionary<string, string>()))
            model.Message(14, new ProtoWriter().String(1, k).String(2, v));
        return model.ToArray();
    }

    /// <summary>The metadata properties describing what the model expects and returns.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Metadata(CnnEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var a = ensemble.Architecture;
        yield return new("mlapt.pairs", JsonSerializer.Serialize(ensemble.Pairs));
        yield return new("mlapt.classes", JsonSerializer.Serialize(ensemble.ClassNames));
        yield return new("mlapt.members", ensemble.Members.Count.ToString(CultureInfo.InvariantCulture));
        yield return new("mlapt.input", $"{InputName}: float32 (N, {a.Channels}, {a.Length}), channels in the order of mlapt.pairs; the cropped z-SDM bins 54…146 (Δz from −0.69 nm, 0.015 nm per bin)");
        yield return new("mlapt.output", $"{OutputName}: float32 (N, {a.Classes}), the mean of the members' softmax outputs in the order of mlapt.classes");
        // "map.stage" is the key mlapt map reads to choose the preprocessing of measured z-SDMs.
        var normalizedOnly = ensemble.Metadata.TryGetValue("map.stage", out var stage) && stage.Equals("normalized", StringComparison.OrdinalIgnoreCase);
        yield return new("mlapt.preprocessing", normalizedOnly
            ? "each channel min-max scaled to 0–1"
            : "each channel: min-max, Savitzky–Golay smoothing (window 15, order 8, interp edges), background by iterative clipping, min-max (as mlapt map does for measured z-SDMs)");
        yield return new("mlapt.program_version", Numerics.Provenance.Version);
        foreach (var (k, v) in ensemble.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            yield return new("mlapt.model." + k, v);
    }

    /// <summary>Adds one member's initializers and nodes; returns the name of its softmax output.</summary>
    private static string Member(ProtoWriter graph, CnnArchitecture a, CnnWeights w, string p)
    {
        // Conv weights: ONNX wants (F, C, W); the model stores Keras's [w][c][f].
        var conv = new float[a.Filters * a.Channels * a.Width];
        for (var k = 0; k < a.Width; k++)
        for (var c = 0; c < a.Channels; c++)
        for (var f = 0; f < a.Filters; f++)
            conv[(f * a.Channels + c) * a.Width + k] = w.ConvKernel[(k * a.Channels + c) * a.Filters + f];
        graph.Message(5, Tensor(p + ".conv.weight", conv, a.Filters, a.Channels, a.Width));
        graph.Message(5, Tensor(p + ".conv.bias", w.ConvBias, a.Filters));
        graph.Message(5, Tensor(p + ".dense1.weight", w.Dense1Kernel, a.FlatLength, a.Hidden));
        graph.Message(5, Tensor(p + ".dense1.bias", w.Dense1Bias, a.Hidden));
        graph.Message(5, Tensor(p + ".dense2.weight", w.Dense2Kernel, a.Hidden, a.Classes));
        graph.Message(5, Tensor(p + ".dense2.bias", w.Dense2Bias, a.Classes));

        // Keras 'same' with stride 1 pads width − 1 in total, the smaller half on the left.
        var left = a.Padding == Padding.Same ? (a.Width - 1) / 2 : 0;
        var right = a.Padding == Padding.Same ? a.Width - 1 - left : 0;
        graph.Message(1, Node("Conv", [InputName, p + ".conv.weight", p + ".conv.bias"], [p + ".conv"], p + ".conv",
            Ints("kernel_shape", a.Width), Ints("pads", left, right), Ints("strides", 1), Ints("dilations", 1), Int("group", 1)));
        graph.Message(1, Node("Relu", [p + ".conv"], [p + ".conv_relu"], p + ".conv_relu"));
        graph.Message(1, Node("MaxPool", [p + ".conv_relu"], [p + ".pool"], p + ".pool",
            Ints("kernel_shape", a.Pool), Ints("strides", a.Pool)));
        // Flatten channels-last (index t·F + f), as Keras's Flatten after a channels-last pool.
        graph.Message(1, Node("Transpose", [p + ".pool"], [p + ".pool_tf"], p + ".to_channels_last", Ints("perm", 0, 2, 1)));
        graph.Message(1, Node("Flatten", [p + ".pool_tf"], [p + ".flat"], p + ".flatten", Int("axis", 1)));
        graph.Message(1, Node("Gemm", [p + ".flat", p + ".dense1.weight", p + ".dense1.bias"], [p + ".dense1"], p + ".dense1"));
        graph.Message(1, Node("Relu", [p + ".dense1"], [p + ".dense1_relu"], p + ".dense1_relu"));
        graph.Message(1, Node("Gemm", [p + ".dense1_relu", p + ".dense2.weight", p + ".dense2.bias"], [p + ".logits"], p + ".dense2"));
        graph.Message(1, Node("Softmax", [p + ".logits"], [p + ".probabilities"], p + ".softmax", Int("axis", 1)));
        return p + ".probabilities";
    }

    // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5.
    private static ProtoWriter Node(string op, string[] inputs, string[] outputs, string name, params ProtoWriter[] attributes)
    {
        var n = new ProtoWriter();
        foreach (var i in inputs) n.String(1, i);
        foreach (var o in outputs) n.String(2, o);
        n.String(3, name).String(4, op);
        foreach (var at in attributes) n.Message(5, at);
        return n;
    }

    // AttributeProto: name 1, i 3, ints 8, type 20 (INT = 2, INTS = 7).
    private static ProtoWriter Int(string name, long value) => new ProtoWriter().String(1, name).Int(3, value).Int(20, 2);

    private static ProtoWriter Ints(string name, params long[] values) => new ProtoWriter().String(1, name).PackedInts(8, values).Int(20, 7);

    // TensorProto: dims 1, data_type 2 (FLOAT = 1), name 8, raw_data 9 (little-endian).
    private static ProtoWriter Tensor(string name, float[] data, params long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw tensor data is written from little-endian memory");
        return new ProtoWriter().PackedInts(1, dims).Int(2, 1).String(8, name)
            .Bytes(9, System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
    }

    // ValueInfoProto { name 1, type 2 { tensor_type 1 { elem_type 1, shape 2 { dim 1 { dim_value 1 | dim_param 2 } } } } };
    // the first dimension is the symbolic batch size "N".
    private static ProtoWriter ValueInfo(string name, params long[] dims)
    {
        var shape = new ProtoWriter().Message(1, new ProtoWriter().String(2, "N"));
        foreach (var d in dims)
            shape.Message(1, new ProtoWriter().Int(1, d));
        var tensor = new ProtoWriter().Int(1, 1).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }
}
