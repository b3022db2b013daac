using System.Xml.Linq;
using MlApt.Io;

namespace MlApt.Tests.Io;

public class VtpWriterTests
{
    [Fact]
    public void Write_PointsVertsAndArraysDecode()
    {
        using var dir = new TempDir();
        var path = dir.File("ions.vtp");
        var r = new Random(2);
        var n = 100_000;
        var x = Enumerable.Range(0, n).Select(_ => (float)(r.NextDouble() * 20 - 10)).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (float)(r.NextDouble() * 20 - 10)).ToArray();
        var z = Enumerable.Range(0, n).Select(_ => (float)(r.NextDouble() * -120)).ToArray();
        var species = Enumerable.Range(0, n).Select(i => (byte)(i % 4)).ToArray();
        var domain = Enumerable.Range(0, n).Select(i => i / 1000).ToArray();
        VtpWriter.Write(path, x, y, z, [new("species", Bytes: species), new("domain", Ints: domain)]);

        var doc = XDocument.Load(path);
        Assert.Equal("PolyData", doc.Root!.Attribute("type")!.Value);
        Assert.Equal("vtkZLibDataCompressor", doc.Root!.Attribute("compressor")!.Value);
        var piece = doc.Root!.Element("PolyData")!.Element("Piece")!;
        Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), piece.Attribute("NumberOfPoints")!.Value);
        var points = VtkDecode.Floats(piece.Element("Points")!.Element("DataArray")!.Value);
        Assert.Equal(3 * n, points.Length);
        for (var i = 0; i < n; i += 997)
            Assert.Equal((x[i], y[i], z[i]), (points[3 * i], points[3 * i + 1], points[3 * i + 2]));
        var arrays = piece.Element("PointData")!.Elements("DataArray").ToList();
        Assert.Equal(["species", "domain"], arrays.Select(a => a.Attribute("Name")!.Value));
        Assert.Equal("UInt8", arrays[0].Attribute("type")!.Value);
        Assert.Equal(species, VtkDecode.Bytes(arrays[0].Value));
        Assert.Equal(domain, VtkDecode.Ints(arrays[1].Value));
        var verts = piece.Element("Verts")!.Elements("DataArray").ToList();
        Assert.Equal(Enumerable.Range(0, n), VtkDecode.Ints(verts[0].Value));
        Assert.Equal(Enumerable.Range(1, n), VtkDecode.Ints(verts[1].Value));
    }
}
