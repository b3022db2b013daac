using MlApt.Io;

namespace MlApt.Imaging;

/// <summary>
/// The random-label control (METHOD §9): positions kept, mass-to-charge values permuted among all
/// ions with a seeded Fisher–Yates shuffle, so species are randomly relabelled while the composition
/// stays exactly the same.
/// </summary>
internal static class LabelPermutation
{
    /// <summary>A copy of the cloud whose masses (float32 and, for text sources, the text values) are permuted.</summary>
    public static IonCloud Permute(IonCloud cloud, int seed)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var n = cloud.Count;
        var order = Order(n, seed);
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

    /// <summary>
    /// The species of the permuted cloud without building it: ranging is a function of each ion's mass,
    /// so ranging <see cref="Permute"/>'s cloud gives exactly <c>species[order[i]]</c>. One byte per ion
    /// instead of a new mass array and a second ranging pass, which matters for 100M-ion controls.
    /// </summary>
    public static byte[] PermuteSpecies(ReadOnlySpan<byte> species, int seed)
    {
        var order = Order(species.Length, seed);
        var permuted = new byte[species.Length];
        for (var i = 0; i < permuted.Length; i++)
            permuted[i] = species[order[i]];
        return permuted;
    }

    // The seeded Fisher–Yates order both forms share.
    private static int[] Order(int n, int seed)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        var random = new Random(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
