using System.Globalization;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// The architecture of a Keras <c>Sequential</c> model read from its <c>model_config</c> JSON, with the
/// names of the three layers that hold weights (their groups under <c>model_weights</c>).
/// </summary>
/// <param name="Architecture">The network, as <see cref="ReferenceCnn"/> and the engine run it.</param>
/// <param name="ConvLayer">Name of the Conv1D layer.</param>
/// <param name="HiddenLayer">Name of the hidden Dense layer.</param>
/// <param name="OutputLayer">Name of the output Dense layer.</param>
/// <param name="ConvBias">Whether the Conv1D layer has a bias (Keras <c>use_bias</c>).</param>
/// <param name="HiddenBias">Whether the hidden Dense layer has a bias.</param>
/// <param name="OutputBias">Whether the output Dense layer has a bias.</param>
public sealed record KerasModelConfig(CnnArchitecture Architecture, string ConvLayer, string HiddenLayer, string OutputLayer,
    bool ConvBias = true, bool HiddenBias = true, bool OutputBias = true);

/// <summary>
/// Parses a Keras 2 <c>model_config</c> (both the old <c>"config": [layers]</c> and the newer
/// <c>"config": {"layers": [...]}</c> forms) into a <see cref="CnnArchitecture"/>. Accepts exactly the ML-APT
/// shape: [InputLayer] → Conv1D → ReLU → [Dropout] → MaxPooling1D → [Dropout] → Flatten → Dense → ReLU →
/// Dense → softmax, where each ReLU/softmax is the preceding layer's <c>activation</c> or a separate
/// <c>Activation</c>/<c>ReLU</c>/<c>Softmax</c> layer. Anything else is an <see cref="InputException"/>
/// naming the file and the layer, because running a different network silently would give wrong answers.
/// </summary>
public static class KerasConfig
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names the file in errors.</summary>
    public static KerasModelConfig Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            InputError.In(source, $"model_config is not valid JSON ({e.Message})");
            return null!;
        }
        using (doc)
        {
            var root = doc.RootElement;
            var className = Str(root, "class_name") ?? "?";
            if (className != "Sequential")
                InputError.In(source, $"model_config: a '{className}' model; only Keras Sequential models are supported");
            if (!root.TryGetProperty("config", out var config))
                InputError.In(source, "model_config: no 'config' (expected the list of layers)");
            JsonElement layers = config;
            if (config.ValueKind == JsonValueKind.Object && !config.TryGetProperty("layers", out layers))
                InputError.In(source, "model_config: 'config' has no 'layers'");
            if (layers.ValueKind != JsonValueKind.Array)
                InputError.In(source, "model_config: the layers are not a JSON array");
            return new Parser(source).Run(layers);
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A small state machine over the layers in order.</summary>
    private sealed class Parser(string source)
    {
        private enum Stage { Start, Conv, ConvRelu, Pooled, Flat, Hidden, HiddenRelu, Output, Done }

        private Stage _stage = Stage.Start;
        private int _length, _channels, _filters, _width, _pool, _hidden, _classes;
        private Padding _padding;
        private double _dropout;
        private string _conv = "", _hiddenName = "", _output = "";
        private bool _convBias = true, _hiddenBias = true, _outputBias = true;
        private string _layer = "";

        public KerasModelConfig Run(JsonElement layers)
        {
            var index = 0;
            foreach (var layer in layers.EnumerateArray())
            {
                var cls = Str(layer, "class_name") ?? "?";
                var cfg = layer.TryGetProperty("config", out var c) ? c : default;
                _layer = string.Create(CultureInfo.InvariantCulture, $"layer {index} '{Str(cfg, "name") ?? cls}' ({cls})");
                // Keras records the input shape on the first layer (an InputLayer or the Conv1D itself).
                if (index == 0)
                    ReadInputShape(cfg);
                Accept(cls, cfg);
                index++;
            }
            if (_stage != Stage.Done)
                InputError.In(source, $"model_config: the model ends after {index} layers before its softmax output " +
                    "(expected Conv1D → ReLU → MaxPooling1D → Flatten → Dense → ReLU → Dense → softmax)");
            var arch = new CnnArchitecture(_channels, _length, _filters, _width, _padding, _pool, _hidden, _classes, _dropout);
            try
            {
                arch.Validate();
            }
            catch (ArgumentException e)
            {
                InputError.In(source, $"model_config: {e.Message}");
            }
            return new KerasModelConfig(arch, _conv, _hiddenName, _output, _convBias, _hiddenBias, _outputBias);
        }

        private void Accept(string cls, JsonElement cfg)
        {
            switch (cls)
            {
                case "InputLayer" when _stage == Stage.Start:
                    return;
                case "Conv1D" when _stage == Stage.Start:
                    ReadConv(cfg);
                    _stage = Activation(cfg, Stage.Conv, Stage.ConvRelu, allowSoftmax: false);
                    return;
                case "Dropout" when _stage is Stage.ConvRelu or Stage.Pooled:
                    _dropout = Number(cfg, "rate");
                    return;
                case "MaxPooling1D" when _stage == Stage.ConvRelu:
                    ReadPool(cfg);
                    _stage = Stage.Pooled;
                    return;
                case "Flatten" when _stage == Stage.Pooled:
                    RequireChannelsLast(cfg);
                    _stage = Stage.Flat;
                    return;
                case "Dense" when _stage == Stage.Flat:
                    _hiddenName = Name(cfg);
                    _hidden = Int(cfg, "units");
                    _hiddenBias = Bool(cfg, "use_bias", true);
                    _stage = Activation(cfg, Stage.Hidden, Stage.HiddenRelu, allowSoftmax: false);
                    return;
                case "Dense" when _stage == Stage.HiddenRelu:
                    _output = Name(cfg);
                    _classes = Int(cfg, "units");
                    _outputBias = Bool(cfg, "use_bias", true);
                    _stage = Activation(cfg, Stage.Output, Stage.Done, allowSoftmax: true);
                    return;
                case "Activation" or "ReLU" or "Softmax" when _stage is Stage.Conv or Stage.Hidden or Stage.Output:
                    _stage = SeparateActivation(cls, cfg);
                    return;
                case "Activation" when _stage is Stage.ConvRelu or Stage.Pooled or Stage.HiddenRelu or Stage.Done
                                       && Str(cfg, "activation") == "linear":
                    return;
                default:
                    Fail(_stage == Stage.Done
                        ? "a layer after the softmax output is not supported"
                        : $"not supported here (expected {Expected()}); the importer reads only the ML-APT network " +
                          "Conv1D → ReLU → [Dropout] → MaxPooling1D → Flatten → Dense → ReLU → Dense → softmax");
                    return;
            }
        }

        private string Expected() => _stage switch
        {
            Stage.Start => "Conv1D",
            Stage.Conv or Stage.Hidden => "a ReLU activation",
            Stage.ConvRelu => "Dropout or MaxPooling1D",
            Stage.Pooled => "Dropout or Flatten",
            Stage.Flat => "Dense",
            Stage.HiddenRelu => "the output Dense",
            _ => "a softmax activation",
        };

        /// <summary>The stage after a layer with a built-in <c>activation</c>.</summary>
        private Stage Activation(JsonElement cfg, Stage linear, Stage done, bool allowSoftmax)
        {
            var act = Str(cfg, "activation") ?? "linear";
            if (act == "linear")
                return linear;
            if (act == (allowSoftmax ? "softmax" : "relu"))
                return done;
            Fail($"activation '{act}' is not supported here (expected {(allowSoftmax ? "softmax" : "relu")} or linear followed by it)");
            return linear;
        }

        private Stage SeparateActivation(string cls, JsonElement cfg)
        {
            var act = cls switch
            {
                "ReLU" => "relu",
                "Softmax" => "softmax",
                _ => Str(cfg, "activation") ?? "?",
            };
            if (cls == "ReLU")
            {
                // Keras's ReLU layer can be leaky, capped or thresholded; only the plain max(0, x) is supported.
                if ((cfg.TryGetProperty("max_value", out var mv) && mv.ValueKind != JsonValueKind.Null)
                    || Number(cfg, "negative_slope", 0) != 0 || Number(cfg, "threshold", 0) != 0)
                    Fail("only the plain ReLU max(0, x) is supported (no max_value, negative_slope or threshold)");
            }
            if (cls == "Softmax" && cfg.TryGetProperty("axis", out var axis) && axis.ValueKind == JsonValueKind.Number && axis.GetInt32() != -1)
                Fail("softmax over an axis other than the last is not supported");
            if (_stage == Stage.Output)
            {
                if (act != "softmax")
                    Fail($"activation '{act}' is not supported here (expected softmax)");
                return Stage.Done;
            }
            if (act != "relu")
                Fail($"activation '{act}' is not supported here (expected relu)");
            return _stage == Stage.Conv ? Stage.ConvRelu : Stage.HiddenRelu;
        }

        private void ReadInputShape(JsonElement cfg)
        {
            if (!cfg.TryGetProperty("batch_input_shape", out var shape) && !cfg.TryGetProperty("batch_shape", out shape))
            {
                Fail("no batch_input_shape: the input length and channels are unknown");
                return;
            }
            var dims = shape.EnumerateArray().ToArray();
            if (dims.Length != 3 || dims[1].ValueKind != JsonValueKind.Number || dims[2].ValueKind != JsonValueKind.Number)
                Fail($"batch_input_shape {shape.GetRawText()}: expected [null, length, channels]");
            _length = dims[1].GetInt32();
            _channels = dims[2].GetInt32();
        }

        private void ReadConv(JsonElement cfg)
        {
            _conv = Name(cfg);
            RequireChannelsLast(cfg);
            _filters = Int(cfg, "filters");
            _width = IntOrSingle(cfg, "kernel_size");
            if (IntOrSingle(cfg, "strides", 1) != 1)
                Fail("strides other than 1 are not supported");
            if (IntOrSingle(cfg, "dilation_rate", 1) != 1)
                Fail("dilation_rate other than 1 is not supported");
            if (cfg.TryGetProperty("groups", out var g) && g.ValueKind == JsonValueKind.Number && g.GetInt32() != 1)
                Fail("grouped convolution is not supported");
            _padding = (Str(cfg, "padding") ?? "valid") switch
            {
                "valid" => Padding.Valid,
                "same" => Padding.Same,
                var p => FailPadding(p),
            };
            _convBias = Bool(cfg, "use_bias", true);
        }

        private Padding FailPadding(string p)
        {
            Fail($"padding '{p}' is not supported (expected valid or same)");
            return Padding.Valid;
        }

        private void ReadPool(JsonElement cfg)
        {
            RequireChannelsLast(cfg);
            _pool = IntOrSingle(cfg, "pool_size");
            var strides = cfg.TryGetProperty("strides", out var s) && s.ValueKind != JsonValueKind.Null ? IntOrSingle(cfg, "strides") : _pool;
            if (strides != _pool)
                Fail($"pool strides {strides} differ from pool_size {_pool}; only non-overlapping pooling is supported");
            if ((Str(cfg, "padding") ?? "valid") != "valid")
                Fail($"pool padding '{Str(cfg, "padding")}' is not supported (expected valid)");
        }

        private void RequireChannelsLast(JsonElement cfg)
        {
            var format = Str(cfg, "data_format") ?? "channels_last";
            if (format != "channels_last")
                Fail($"data_format '{format}' is not supported (expected channels_last)");
        }

        private string Name(JsonElement cfg) => Str(cfg, "name") ?? Fail<string>("the layer has no name (needed to find its weights)");

        private int Int(JsonElement cfg, string name)
        {
            if (cfg.ValueKind == JsonValueKind.Object && cfg.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
                return i;
            return Fail<int>($"'{name}' is missing or not an integer");
        }

        /// <summary>Keras writes sizes as [n] lists or, in hand-made configs, plain integers.</summary>
        private int IntOrSingle(JsonElement cfg, string name, int? fallback = null)
        {
            if (cfg.ValueKind != JsonValueKind.Object || !cfg.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return fallback ?? Fail<int>($"'{name}' is missing");
            if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 1)
                v = v[0];
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
                return i;
            return Fail<int>($"'{name}' {v.GetRawText()}: expected one integer");
        }

        private static bool Bool(JsonElement cfg, string name, bool fallback) =>
            cfg.ValueKind == JsonValueKind.Object && cfg.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? v.GetBoolean() : fallback;

        private double Number(JsonElement cfg, string name, double? fallback = null)
        {
            if (cfg.ValueKind == JsonValueKind.Object && cfg.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number)
                return v.GetDouble();
            return fallback ?? Fail<double>($"'{name}' is missing or not a number");
        }

        private void Fail(string message) => InputError.In(source, $"model_config: {_layer}: {message}");

        private T Fail<T>(string message)
        {
            Fail(message);
            return default!;
        }
    }
}
