using System.Globalization;
using System.Text.Json;
using MlApt.Geometry;
using MlApt.Io;

namespace MlApt.Cli.Infrastructure;

/// <summary>The <c>xmin,xmax,ymin,ymax,zmin,zmax</c> box option.</summary>
internal static class BoxOption
{
    public static Box Parse(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 6)
            InputError.In(option, $"'{text}': expected six numbers xmin,xmax,ymin,ymax,zmin,zmax (nm)");
        var v = new double[6];
        for (var i = 0; i < 6; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
                InputError.In(option, $"'{text}': value {i + 1} '{parts[i]}' is not a finite number");
        }
        if (!(v[0] < v[1] && v[2] < v[3] && v[4] < v[5]))
            InputError.In(option, $"'{text}': expected xmin < xmax, ymin < ymax and zmin < zmax");
        return new Box(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    public static string Format(Box b) =>
        string.Create(CultureInfo.InvariantCulture, $"x [{b.XMin}, {b.XMax}], y [{b.YMin}, {b.YMax}], z [{b.ZMin}, {b.ZMax}]");
}
