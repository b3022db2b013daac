using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;

namespace MlApt.Tests.Learning;

public class ModelFileTests
{
    private static CnnEnsemble Sample()
    {
        var a = new CnnArchitecture(2, 93, 8, 10, Padding.Same, 2, 32, 3);
        return new CnnEnsemble(a, [Reference.RandomWeights(a, 1), Reference.RandomWeights(a, 2)], ["BCC", "B2", "D03"], ["Fe-Fe", "Al-Al"],
            new Dictionary<string, string> { ["bank.preset"] = "feal", ["bank.lattice_nm"] = "0.287" });
    }

    [Fact]
    public void Save_then_Load_gives_back_every_member_and_the_metadata()
    {
        using var dir = new TempDir();
        var path = dir.File("m.safetensors");
        var e = Sample();
        ModelFile.Save(path, e);
        var back = ModelFile.Load(path);
        Assert.Equal(e.Architecture, back.Architecture);
        Assert.Equal(e.ClassNames, back.ClassNames);
        Assert.Equal(e.Pairs, back.Pairs);
        Assert.Equal("0.287", back.Metadata["bank.lattice_nm"]);
        foreach (var (wa, wb) in e.Members.Zip(back.Members))
            foreach (var ((_, da, _), (_, db, _)) in wa.Tensors().Zip(wb.Tensors()))
                Assert.Equal(da, db);
    }

    [Fact]
    public void The_file_is_plain_safetensors()
    {
        using var dir = new TempDir();
        var path = dir.File("m.safetensors");
        ModelFile.Save(path, Sample());
        var bytes = File.ReadAllBytes(path);
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, n));
        var t = doc.RootElement.GetProperty("member1.conv.kernel");
        Assert.Equal("F32", t.GetProperty("dtype").GetString());
        Assert.Equal([10, 2, 8], t.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()));
        var md = doc.RootElement.GetProperty("__metadata__");
        Assert.Equal(ModelFile.Format, md.GetProperty("format").GetString());
        Assert.Equal("[\"BCC\",\"B2\",\"D03\"]", md.GetProperty("classes").GetString());
        // The data section is exactly the tensors' bytes.
        var end = doc.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").Max(p => p.Value.GetProperty("data_offsets")[1].GetInt64());
        Assert.Equal(bytes.Length - 8 - n, end);
    }

    [Fact]
    public void Truncated_file_is_rejected_naming_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("m.safetensors");
        ModelFile.Save(path, Sample());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        var ex = Assert.Throws<InputException>(() => ModelFile.Load(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("data_offsets", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_safetensors_file_is_rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("x.safetensors");
        File.WriteAllText(path, "hello, this is not a model");
        var ex = Assert.Throws<InputException>(() => ModelFile.Load(path));
        Assert.Contains("header length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tensor_is_named()
    {
        using var dir = new TempDir();
        var path = dir.File("m.safetensors");
        var header = "{\"__metadata__\":{\"format\":\"" + ModelFile.Format + "\",\"architecture\":\"{\\\"channels\\\":1,\\\"length\\\":93,\\\"filters\\\":16,\\\"width\\\":10,\\\"padding\\\":\\\"valid\\\",\\\"pool\\\":2,\\\"hidden\\\":256,\\\"classes\\\":2,\\\"dropout\\\":0.5}\",\"classes\":\"[\\\"a\\\",\\\"b\\\"]\",\"pairs\":\"[\\\"Co-Co\\\"]\",\"members\":\"1\"}}";
        var h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)h.Length);
        h.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InputException>(() => ModelFile.Load(path));
        Assert.Contains("member0.conv.kernel", ex.Message, StringComparison.Ordinal);
    }
}
