using MlApt.Learning;
using MlApt.Learning.Onnx;
using MlApt.Tests.Cli;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MlApt.Tests.Learning;

/// <summary>The exported ONNX graph run by ONNX Runtime against mlapt's own inference (what predict computes).</summary>
public class OnnxExportTests
{
    private static float[] Inputs(CnnArchitecture a, int n, int seed)
    {
        var r = new Random(seed);
        var x = new float[n * a.Channels * a.Length];
        for (var i = 0; i < x.Length; i++)
            x[i] = (float)r.NextDouble();
        return x;
    }

    private static float[] RunOnnx(byte[] model, CnnArchitecture a, float[] x, int n, out IReadOnlyDictionary<string, string> metadata)
    {
        using var session = new InferenceSession(model);
        metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal(OnnxExport.InputName, session.InputMetadata.Keys.Single());
        Assert.Equal(OnnxExport.OutputName, session.OutputMetadata.Keys.Single());
        var input = new DenseTensor<float>(x, [n, a.Channels, a.Length]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.InputName, input)]);
        var output = results.Single().AsTensor<float>();
        Assert.Equal([n, a.Classes], output.Dimensions.ToArray());
        return output.ToArray();
    }

    private static void AssertMatchesPredict(CnnEnsemble ensemble, byte[] model, int n, int seed)
    {
        var a = ensemble.Architecture;
        var x = Inputs(a, n, seed);
        var expected = new float[n * a.Classes];
        CnnInference.Predict(ensemble, x, expected, default);
        var actual = RunOnnx(model, a, x, n, out var metadata);
        var worst = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(worst <= 1e-5, $"largest difference {worst}");
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(ensemble.Pairs), metadata["mlapt.pairs"]);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(ensemble.ClassNames), metadata["mlapt.classes"]);
        Assert.Contains("mlapt.preprocessing", metadata.Keys);
    }

    [Theory]
    [InlineData(1, 2, Padding.Valid, 3)]
    [InlineData(3, 3, Padding.Valid, 2)]
    [InlineData(2, 2, Padding.Same, 5)]
    public void RandomEnsembles_MatchPredict(int channels, int classes, Padding padding, int members)
    {
        var arch = CnnArchitecture.Reference(channels, classes) with { Padding = padding };
        var weights = Enumerable.Range(0, members).Select(m => KerasTestFiles.RandomWeights(arch, 10 + m, 0.2)).ToList();
        var pairs = Enumerable.Range(0, channels).Select(c => new[] { "Ni-Ni", "Co-Co", "Cr-Cr" }[c]).ToList();
        var classNames = Enumerable.Range(0, classes).Select(k => "class" + k).ToList();
        var ensemble = new CnnEnsemble(arch, weights, classNames, pairs);
        AssertMatchesPredict(ensemble, OnnxExport.Serialize(ensemble), 67, channels);
    }

    [Fact]
    public void DefaultModel_ThroughTheCommand_MatchesPredict()
    {
        using var dir = new TempDir();
        var path = dir.File("default.onnx");
        var r = CliRunner.Run("export-onnx", "--out", path);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("opset 17", r.Err, StringComparison.Ordinal);
        var ensemble = DefaultModel.Load();
        AssertMatchesPredict(ensemble, File.ReadAllBytes(path), 130, 7);
    }

    [Fact]
    public void MissingModel_IsOneLineExit2()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("export-onnx", "--model", dir.File("nope.safetensors"), "--out", dir.File("m.onnx")), "nope.safetensors");
        Assert.False(File.Exists(dir.File("m.onnx")));
    }
}
