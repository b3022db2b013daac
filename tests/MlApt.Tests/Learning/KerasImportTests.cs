using MlApt.Numerics;
using MlApt.Io;
using MlApt.Learning;
using static MlApt.Tests.Learning.KerasTestFiles;

namespace MlApt.Tests.Learning;

public class KerasImportTests
{
    private static readonly CnnArchitecture Small = new(1, 93, 4, 10, Padding.Valid, 2, 8, 2);

    private static string WriteModel(TempDir dir, string name, CnnArchitecture a, int seed, Func<string, Array, Array>? reshape = null)
    {
        var path = dir.File(name);
        Write(path, Sequential(ReferenceLayers(a)), RandomWeights(a, seed), reshape);
        return path;
    }

    [Fact]
    public void Load_SingleFile_ReadsEveryWeightExactly()
    {
        using var dir = new TempDir();
        var path = WriteModel(dir, "m.h5", Small, 1);
        var e = KerasImport.Load(path);
        var expected = RandomWeights(Small, 1);
        Assert.Single(e.Members);
        Assert.Equal(Small, e.Architecture);
        foreach (var ((name, want, _), (_, got, _)) in expected.Tensors().Zip(e.Members[0].Tensors()))
            Assert.True(want.AsSpan().SequenceEqual(got), name);
    }

    [Fact]
    public void Load_SingleFile_HasNamesAndMetadata()
    {
        using var dir = new TempDir();
        var e = KerasImport.Load(WriteModel(dir, "m.h5", Small, 1));
        Assert.Equal(["FCC", "CSRO"], e.ClassNames);
        Assert.Equal(["Co-Co"], e.Pairs);
        Assert.Equal("minmax", e.Metadata["normalization"]);
        Assert.Equal("2.2.4-test", e.Metadata["keras_version"]);
        Assert.Equal("m.h5", e.Metadata["source_files"]);
        Assert.Equal(Provenance.Sha256(dir.File("m.h5")), e.Metadata["source_sha256"]);
        Assert.False(e.Metadata.ContainsKey("source"));
    }

    [Fact]
    public void Load_Directory_MembersSortedByName()
    {
        using var dir = new TempDir();
        WriteModel(dir, "model_1.h5", Small, 11);
        WriteModel(dir, "model_0.h5", Small, 10);
        File.WriteAllText(dir.File("notes.txt"), "not a model");
        var e = KerasImport.Load(dir.Path);
        Assert.Equal(2, e.Members.Count);
        Assert.Equal(RandomWeights(Small, 10).ConvKernel, e.Members[0].ConvKernel);
        Assert.Equal(RandomWeights(Small, 11).ConvKernel, e.Members[1].ConvKernel);
        Assert.Equal("model_0.h5,model_1.h5", e.Metadata["source_files"]);
    }

    [Fact]
    public void Load_MembersWithDifferentArchitectures_Rejected()
    {
        using var dir = new TempDir();
        WriteModel(dir, "a.h5", Small, 1);
        WriteModel(dir, "b.h5", Small with { Hidden = 16 }, 2);
        var e = Assert.Throws<InputException>(() => KerasImport.Load(dir.Path));
        Assert.Contains("b.h5: architecture", e.Message, StringComparison.Ordinal);
        Assert.Contains("must share one architecture", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KernelShapeNotMatchingConfig_NamesDatasetAndShapes()
    {
        using var dir = new TempDir();
        var path = WriteModel(dir, "m.h5", Small, 1, (name, x) => name == "dense1.kernel" ? new float[Small.FlatLength, Small.Hidden + 1] : x);
        var e = Assert.Throws<InputException>(() => KerasImport.Load(path));
        Assert.Contains("model_weights/dense_1/dense_1/kernel:0 has shape (168, 9); the architecture in model_config needs (168, 8)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BiasShapeNotMatchingConfig_Rejected()
    {
        using var dir = new TempDir();
        var path = WriteModel(dir, "m.h5", Small, 1, (name, x) => name == "conv.bias" ? new float[3] : x);
        var e = Assert.Throws<InputException>(() => KerasImport.Load(path));
        Assert.Contains("conv1d_1/bias:0 has shape (3)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotHdf5_NamesFile()
    {
        using var dir = new TempDir();
        var path = dir.File("m.h5");
        File.WriteAllText(path, "hello");
        var e = Assert.Throws<InputException>(() => KerasImport.Load(path));
        Assert.StartsWith(path + ": not a readable Keras HDF5 model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyDirectory_Rejected()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => KerasImport.Load(dir.Path));
        Assert.Contains("no .h5 files", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithoutModelConfig_Rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("w.h5");
        var file = new PureHDF.H5File();
        file["conv1d_1"] = new PureHDF.H5Group();
        file.Write(path);
        var e = Assert.Throws<InputException>(() => KerasImport.Load(path));
        Assert.Contains("no 'model_config' attribute", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelLoading_UnknownContent_Rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("m.onnx");
        File.WriteAllText(path, "x");
        var e = Assert.Throws<InputException>(() => ModelLoading.Load(path));
        Assert.Contains("neither a safetensors nor an HDF5 file (by its first bytes): expected " + ModelLoading.Accepted, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelLoading_Missing_Rejected()
    {
        var e = Assert.Throws<InputException>(() => ModelLoading.Load("/nonexistent/m.h5"));
        Assert.Contains("model not found", e.Message, StringComparison.Ordinal);
    }
}
