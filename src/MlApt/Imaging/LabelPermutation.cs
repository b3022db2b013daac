using MlApt.Io;

namespace MlApt.Imaging;

/// <summary>
/// The random-label control (METHOD §9): positions kept, mass-to-charge values permuted among all
/// ions with a seeded Fisher–Yates shuffle, so species are randomly relabelled while the composition
/// stays exactly the same.
/// </summary>
public static class LabelPermutation
{
    /// <summary>A copy of the cloud whose masses (float32 and, for text sources, the text values) are permuted.</summary>
    public static IonCloud Permute(IonCloud cloud, int seed)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var n = cloud.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        var random = new Random(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var m = new float[n];
        for (var i = 0; i < n; i++)
            m[i] = cloud.M[order[i]];
        TextValues? text = null;
        if (cloud.Text is { } t)
        {
            var tm = new double[n];
            for (var i = 0; i < n; i++)
                tm[i] = t.M[order[i]];
            text = t with { M = tm };
        }
        return new IonCloud(cloud.X, cloud.Y, cloud.Z, m, cloud.Extras, text);
    }
}
