using System.Xml.Linq;
using MlApt.Imaging;

namespace MlApt.Tests.Imaging;

public class VtiWriterTests
{
    [Fact]
    public void Write_HasExtentOriginSpacingAndDecodableArrays()
    {
        using var dir = new TempDir();
        var path = dir.File("m.vti");
        float[] p = [0.1f, 0.2f, float.NaN, 0.4f, 0.5f, 0.6f];
        byte[] s = [0, 1, 0, 1, 1, 0];
        VtiWriter.Write(path, (3, 2, 1), (-10, -10, -120), 0.5, [new("probability", Floats: p), new("selected", Bytes: s)]);
        var doc = XDocument.Load(path);
        var image = doc.Root!.Element("ImageData")!;
        Assert.Equal("0 3 0 2 0 1", image.Attribute("WholeExtent")!.Value);
        Assert.Equal("-10 -10 -120", image.Attribute("Origin")!.Value);
        Assert.Equal("0.5 0.5 0.5", image.Attribute("Spacing")!.Value);
        var arrays = image.Descendants("DataArray").ToList();
        Assert.Equal(["probability", "selected"], arrays.Select(a => a.Attribute("Name")!.Value));
        var block = Convert.FromBase64String(arrays[0].Value.Trim());
        Assert.Equal(24UL, BitConverter.ToUInt64(block, 0));
        var floats = Enumerable.Range(0, 6).Select(i => BitConverter.ToSingle(block, 8 + 4 * i)).ToArray();
        Assert.Equal(p, floats);
        var bytes = Convert.FromBase64String(arrays[1].Value.Trim());
        Assert.Equal(s, bytes[8..]);
    }

    [Fact]
    public void Write_LargeArrays_DecodeAcrossChunkBoundaries()
    {
        using var dir = new TempDir();
        var path = dir.File("big.vti");
        var r = new Random(4);
        var (nx, ny, nz) = (61, 53, 67);
        var p = Enumerable.Range(0, nx * ny * nz).Select(_ => (float)r.NextDouble()).ToArray();
        var s = Enumerable.Range(0, nx * ny * nz).Select(_ => (byte)r.Next(2)).ToArray();
        VtiWriter.Write(path, (nx, ny, nz), (0, 0, 0), 0.5, [new("p", Floats: p), new("s", Bytes: s)]);
        var arrays = XDocument.Load(path).Descendants("DataArray").ToList();
        var block = Convert.FromBase64String(arrays[0].Value.Trim());
        Assert.Equal((ulong)(p.Length * 4), BitConverter.ToUInt64(block, 0));
        Assert.Equal(p, Enumerable.Range(0, p.Length).Select(i => BitConverter.ToSingle(block, 8 + 4 * i)));
        Assert.Equal(s, Convert.FromBase64String(arrays[1].Value.Trim())[8..]);
    }
}
