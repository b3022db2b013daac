using MlApt.Io;
using MlApt.Learning;
using static MlApt.Tests.Learning.KerasTestFiles;

namespace MlApt.Tests.Learning;

public class KerasConfigTests
{
    private static readonly CnnArchitecture Reference = CnnArchitecture.Reference();

    [Fact]
    public void Parse_LayersInConfigObject_GivesReferenceArchitecture()
    {
        var config = KerasConfig.Parse(Sequential(ReferenceLayers(Reference)), "m.h5");
        Assert.Equal(Reference, config.Architecture);
        Assert.Equal(("conv1d_1", "dense_1", "dense_2"), (config.ConvLayer, config.HiddenLayer, config.OutputLayer));
    }

    [Fact]
    public void Parse_LayersAsConfigList_GivesReferenceArchitecture()
    {
        var config = KerasConfig.Parse(Sequential(ReferenceLayers(Reference), listForm: true), "m.h5");
        Assert.Equal(Reference, config.Architecture);
    }

    [Fact]
    public void Parse_SeparateActivationLayers_AreAccepted()
    {
        string[] layers =
        [
            Conv(activation: "linear"), Layer("ReLU", "\"name\": \"re_lu_1\", \"max_value\": null, \"negative_slope\": 0.0, \"threshold\": 0.0"),
            Pool(), Dropout(0.25), Flatten(),
            Dense("dense_1", 256, "linear"), Layer("Activation", "\"name\": \"a1\", \"activation\": \"relu\""),
            Dense("dense_2", 3, "linear"), Layer("Softmax", "\"name\": \"s\", \"axis\": -1"),
        ];
        var a = KerasConfig.Parse(Sequential(layers), "m.h5").Architecture;
        Assert.Equal(Reference with { Classes = 3, Dropout = 0.25 }, a);
    }

    [Fact]
    public void Parse_InputLayerFirst_TakesShapeFromIt()
    {
        string[] layers =
        [
            Layer("InputLayer", "\"batch_input_shape\": [null, 93, 2], \"name\": \"in\""),
            Conv(inputShape: null), Pool(), Flatten(), Dense("dense_1", 256, "relu"), Dense("dense_2", 2, "softmax"),
        ];
        var a = KerasConfig.Parse(Sequential(layers), "m.h5").Architecture;
        Assert.Equal(Reference with { Channels = 2, Dropout = 0 }, a);
    }

    [Fact]
    public void Parse_SamePadding_IsKept()
    {
        var a = KerasConfig.Parse(Sequential(ReferenceLayers(Reference, padding: "same")), "m.h5").Architecture;
        Assert.Equal(Padding.Same, a.Padding);
        Assert.Equal(93 / 2 * 16, a.FlatLength);
    }

    [Fact]
    public void Parse_UnsupportedLayer_NamesFileAndLayer()
    {
        var layers = ReferenceLayers(Reference).ToList();
        layers.Insert(3, Layer("BatchNormalization", "\"name\": \"batch_normalization_1\""));
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.StartsWith("m.h5: model_config: layer 3 'batch_normalization_1' (BatchNormalization): not supported here", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("sigmoid")]
    public void Parse_UnsupportedConvActivation_Rejected(string activation)
    {
        var layers = ReferenceLayers(Reference);
        layers[0] = Conv(activation: activation);
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains($"activation '{activation}' is not supported", e.Message, StringComparison.Ordinal);
        Assert.Contains("conv1d_1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Stride2_Rejected()
    {
        var layers = ReferenceLayers(Reference);
        layers[0] = Conv(strides: "[2]");
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains("strides other than 1 are not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Dilation_Rejected()
    {
        var layers = ReferenceLayers(Reference);
        layers[0] = Conv(dilation: "[2]");
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains("dilation_rate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CausalPadding_Rejected()
    {
        var layers = ReferenceLayers(Reference);
        layers[0] = Conv(padding: "causal");
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains("padding 'causal' is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoSoftmaxOutput_Rejected()
    {
        var layers = ReferenceLayers(Reference);
        layers[^1] = Dense("dense_2", 2, "sigmoid");
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains("activation 'sigmoid' is not supported here (expected softmax", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedModel_Rejected()
    {
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(ReferenceLayers(Reference)[..4]), "m.h5"));
        Assert.Contains("ends after 4 layers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FunctionalModel_Rejected()
    {
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse("""{"class_name": "Model", "config": {"layers": []}}""", "m.h5"));
        Assert.Contains("only Keras Sequential models are supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingInputShape_Rejected()
    {
        var layers = ReferenceLayers(Reference);
        layers[0] = Conv(inputShape: null);
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains("no batch_input_shape", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidJson_Rejected()
    {
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse("{not json", "m.h5"));
        Assert.StartsWith("m.h5: model_config is not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MessageIsOneLine()
    {
        var layers = ReferenceLayers(Reference).ToList();
        layers.Insert(1, Layer("LSTM", "\"name\": \"lstm\""));
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Parse_DropoutAfterHiddenDense_Rejected()
    {
        var layers = ReferenceLayers(Reference).ToList();
        layers.Insert(5, Dropout(0.3));
        var e = Assert.Throws<InputException>(() => KerasConfig.Parse(Sequential(layers), "m.h5"));
        Assert.Contains("layer 5 'dropout_1' (Dropout): not supported here (expected the output Dense)", e.Message, StringComparison.Ordinal);
    }
}
