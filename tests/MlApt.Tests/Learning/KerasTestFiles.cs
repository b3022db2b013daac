using System.Globalization;
using MlApt.Learning;
using PureHDF;

namespace MlApt.Tests.Learning;

/// <summary>Keras-like model configs and HDF5 files made in the test (no shared data needed).</summary>
internal static class KerasTestFiles
{
    /// <summary>One layer's JSON: <c>{"class_name": cls, "config": {...}}</c>.</summary>
    public static string Layer(string cls, string config) => "{\"class_name\": \"" + cls + "\", \"config\": {" + config + "}}";

    public static string Conv(string name = "conv1d_1", int filters = 16, int width = 10, string activation = "relu", string padding = "valid",
        string strides = "[1]", string dilation = "[1]", string? inputShape = "[null, 93, 1]") =>
        Layer("Conv1D", (inputShape is null ? "" : $"\"batch_input_shape\": {inputShape}, ") +
            $"\"name\": \"{name}\", \"filters\": {filters}, \"kernel_size\": [{width}], \"strides\": {strides}, \"padding\": \"{padding}\", " +
            $"\"data_format\": \"channels_last\", \"dilation_rate\": {dilation}, \"activation\": \"{activation}\", \"use_bias\": true");

    public static string Dropout(double rate = 0.5) => Layer("Dropout", string.Create(CultureInfo.InvariantCulture, $"\"name\": \"dropout_1\", \"rate\": {rate}"));

    public static string Pool(int size = 2) => Layer("MaxPooling1D", $"\"name\": \"max_pooling1d_1\", \"strides\": [{size}], \"pool_size\": [{size}], \"padding\": \"valid\", \"data_format\": \"channels_last\"");

    public static string Flatten() => Layer("Flatten", "\"name\": \"flatten_1\", \"data_format\": \"channels_last\"");

    public static string Dense(string name, int units, string activation) =>
        Layer("Dense", $"\"name\": \"{name}\", \"units\": {units}, \"activation\": \"{activation}\", \"use_bias\": true");

    /// <summary>A Sequential config; <paramref name="listForm"/> gives the old Keras form "config": [layers].</summary>
    public static string Sequential(IEnumerable<string> layers, bool listForm = false)
    {
        var list = "[" + string.Join(", ", layers) + "]";
        return listForm
            ? $$"""{"class_name": "Sequential", "config": {{list}}}"""
            : "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", \"layers\": " + list + "}}";
    }

    /// <summary>The layers of the published network for an architecture (valid padding, built-in activations).</summary>
    public static string[] ReferenceLayers(CnnArchitecture a, string padding = "valid") =>
    [
        Conv(filters: a.Filters, width: a.Width, padding: padding, inputShape: $"[null, {a.Length}, {a.Channels}]"),
        Dropout(a.Dropout), Pool(a.Pool), Flatten(), Dense("dense_1", a.Hidden, "relu"), Dense("dense_2", a.Classes, "softmax"),
    ];

    /// <summary>Random weights (uniform ±scale) from a seed.</summary>
    public static CnnWeights RandomWeights(CnnArchitecture a, int seed, double scale = 0.3)
    {
        var w = new CnnWeights(a);
        var rng = new Random(seed);
        foreach (var (_, data, _) in w.Tensors())
        {
            for (var i = 0; i < data.Length; i++)
                data[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
        }
        return w;
    }

    /// <summary>
    /// Writes a whole-model Keras HDF5 file as Keras 2.2.4 lays it out: root attributes model_config and
    /// keras_version, weights at model_weights/&lt;layer&gt;/&lt;layer&gt;/kernel:0 with a weight_names attribute.
    /// <paramref name="reshape"/> can replace a tensor (by name) to make a malformed file.
    /// </summary>
    public static void Write(string path, string modelConfig, CnnWeights w, Func<string, Array, Array>? reshape = null)
    {
        var a = w.Architecture;
        reshape ??= (_, x) => x;
        var file = new H5File();
        file.Attributes["model_config"] = modelConfig;
        file.Attributes["keras_version"] = "2.2.4-test";
        file.Attributes["backend"] = "tensorflow";
        var weights = new H5Group();
        weights["conv1d_1"] = LayerGroup("conv1d_1", reshape("conv.kernel", To3(w.ConvKernel, a.Width, a.Channels, a.Filters)), reshape("conv.bias", w.ConvBias));
        weights["dense_1"] = LayerGroup("dense_1", reshape("dense1.kernel", To2(w.Dense1Kernel, a.FlatLength, a.Hidden)), reshape("dense1.bias", w.Dense1Bias));
        weights["dense_2"] = LayerGroup("dense_2", reshape("dense2.kernel", To2(w.Dense2Kernel, a.Hidden, a.Classes)), reshape("dense2.bias", w.Dense2Bias));
        file["model_weights"] = weights;
        file.Write(path);
    }

    private static H5Group LayerGroup(string name, Array kernel, Array bias)
    {
        var g = new H5Group { [name] = new H5Group { ["kernel:0"] = new H5Dataset(kernel), ["bias:0"] = new H5Dataset(bias) } };
        g.Attributes["weight_names"] = new[] { name + "/kernel:0", name + "/bias:0" };
        return g;
    }

    public static float[,,] To3(float[] flat, int d0, int d1, int d2)
    {
        var r = new float[d0, d1, d2];
        Buffer.BlockCopy(flat, 0, r, 0, flat.Length * sizeof(float));
        return r;
    }

    public static float[,] To2(float[] flat, int d0, int d1)
    {
        var r = new float[d0, d1];
        Buffer.BlockCopy(flat, 0, r, 0, flat.Length * sizeof(float));
        return r;
    }
}
