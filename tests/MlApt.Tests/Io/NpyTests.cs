using System.IO.Compression;
using MlApt.Io;

namespace MlApt.Tests.Io;

public class NpyTests
{
    [Fact]
    public void Write_Float32_HasNumpyHeaderAlignedTo64()
    {
        using var ms = new MemoryStream();
        Npy.Write(ms, new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = ms.ToArray();
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, b[..8]);
        var headerLength = b[8] | (b[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = System.Text.Encoding.Latin1.GetString(b, 10, headerLength);
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.TrimEnd());
        Assert.Equal('\n', header[^1]);
        Assert.Equal(10 + headerLength + 24, b.Length);
    }

    [Fact]
    public void RoundTrip_KeepsShapeTypeAndValues()
    {
        using var ms = new MemoryStream();
        Npy.Write(ms, new int[] { -1, 0, 7 }, 3);
        ms.Position = 0;
        var a = Npy.Read(ms, "mem");
        Assert.Equal([3], a.Shape);
        Assert.Equal("<i4", a.DType);
        Assert.Equal([-1.0, 0, 7], a.Data);
    }

    [Fact]
    public void Read_BadMagic_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("x.npy");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        var e = Assert.Throws<InputException>(() => Npy.Read(path));
        Assert.Contains("byte 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedData_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("t.npy");
        using (var f = File.Create(path))
            Npy.Write(f, new double[] { 1, 2, 3, 4 }, 4);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        var e = Assert.Throws<InputException>(() => Npy.Read(path));
        Assert.Contains("cut short", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Npz_RoundTrip_ArraysAndText()
    {
        using var dir = new TempDir();
        var path = dir.File("b.npz");
        new Npz.Writer().Add("x", new float[] { 1.5f, 2.5f }, 1, 1, 2).Add("y", new int[] { 3 }, 1).AddText("metadata.json", "{\"a\":1}").Save(path);
        using (var zip = ZipFile.OpenRead(path))
            Assert.Equal(["x.npy", "y.npy", "metadata.json"], zip.Entries.Select(e => e.FullName));
        var (arrays, texts) = Npz.Read(path);
        Assert.Equal([1, 1, 2], arrays["x"].Shape);
        Assert.Equal([1.5, 2.5], arrays["x"].Data);
        Assert.Equal([3.0], arrays["y"].Data);
        Assert.Equal("{\"a\":1}", texts["metadata.json"]);
    }

    [Fact]
    public void Read_PublishedBank_Is93By3900Float64()
    {
        var path = SharedData.Require("reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy");
        var a = Npy.Read(path);
        Assert.Equal([93, 3900], a.Shape);
        Assert.Equal("<f8", a.DType);
        // Column 0 is the Δz axis: −0.69 … 0.69 nm.
        Assert.Equal(-0.69, a.Data[0], 6);
        Assert.Equal(0.69, a.Data[92 * 3900], 6);
    }
}
