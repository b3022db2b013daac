using System.Globalization;
using MlApt.Geometry;

namespace MlApt.Io;

/// <summary>A box as users write it: <c>xmin,xmax,ymin,ymax,zmin,zmax</c> in nm.</summary>
internal static class BoxText
{
    /// <summary>Parses the six numbers; errors name <paramref name="parameter"/>.</summary>
    public static Box Parse(string text, string parameter = "box")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 6)
            InputError.In(parameter, $"'{text}': expected six numbers xmin,xmax,ymin,ymax,zmin,zmax (nm)");
        var v = new double[6];
        for (var i = 0; i < 6; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
                InputError.In(parameter, $"'{text}': value {i + 1} '{parts[i]}' is not a finite number");
        }
        if (!(v[0] < v[1] && v[2] < v[3] && v[4] < v[5]))
            InputError.In(parameter, $"'{text}': expected xmin < xmax, ymin < ymax and zmin < zmax");
        return new Box(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /// <summary>The box for a message: <c>x [a, b], y [c, d], z [e, f]</c>.</summary>
    public static string Format(Box b) =>
        string.Create(CultureInfo.InvariantCulture, $"x [{b.XMin}, {b.XMax}], y [{b.YMin}, {b.YMax}], z [{b.ZMin}, {b.ZMax}]");
}
