using System.Xml.Linq;
using MlApt.Imaging;
using MlApt.Tests.Io;

namespace MlApt.Tests.Imaging;

public class VtiWriterTests
{
    [Fact]
    public void Write_HasExtentOriginSpacingAndDecodableCompressedArrays()
    {
        using var dir = new TempDir();
        var path = dir.File("m.vti");
        float[] p = [0.1f, 0.2f, float.NaN, 0.4f, 0.5f, 0.6f];
        byte[] s = [0, 1, 0, 1, 1, 0];
        VtiWriter.Write(path, (3, 2, 1), (-10, -10, -120), 0.5, [new("probability", Floats: p), new("selected", Bytes: s)]);
        var doc = XDocument.Load(path);
        Assert.Equal("vtkZLibDataCompressor", doc.Root!.Attribute("compressor")!.Value);
        Assert.Equal("UInt64", doc.Root!.Attribute("header_type")!.Value);
        var image = doc.Root!.Element("ImageData")!;
        Assert.Equal("0 3 0 2 0 1", image.Attribute("WholeExtent")!.Value);
        Assert.Equal("-10 -10 -120", image.Attribute("Origin")!.Value);
        Assert.Equal("0.5 0.5 0.5", image.Attribute("Spacing")!.Value);
        var arrays = image.Descendants("DataArray").ToList();
        Assert.Equal(["probability", "selected"], arrays.Select(a => a.Attribute("Name")!.Value));
        Assert.Equal(p, VtkDecode.Floats(arrays[0].Value));
        Assert.Equal(s, VtkDecode.Bytes(arrays[1].Value));
    }

    [Fact]
    public void Write_LargeArrays_SeveralBlocksDecodeAndCompress()
    {
        using var dir = new TempDir();
        var path = dir.File("big.vti");
        var r = new Random(4);
        var (nx, ny, nz) = (61, 53, 97);   // 313,601 cells: float32 spans two 1 MiB blocks, the last one partial
        var p = Enumerable.Range(0, nx * ny * nz).Select(i => i % 7 == 0 ? (float)r.NextDouble() : float.NaN).ToArray();
        var s = Enumerable.Range(0, nx * ny * nz).Select(_ => (byte)(r.Next(10) == 0 ? 1 : 0)).ToArray();
        VtiWriter.Write(path, (nx, ny, nz), (0, 0, 0), 0.5, [new("p", Floats: p), new("s", Bytes: s)]);
        var arrays = XDocument.Load(path).Descendants("DataArray").ToList();
        Assert.Equal(p, VtkDecode.Floats(arrays[0].Value));
        Assert.Equal(s, VtkDecode.Bytes(arrays[1].Value));
        // Mostly-NaN maps, as real ones are, shrink well below the raw base64 size.
        Assert.True(new FileInfo(path).Length < (p.Length * 5L) * 4 / 3 / 2, $"{new FileInfo(path).Length} bytes");
    }
}
