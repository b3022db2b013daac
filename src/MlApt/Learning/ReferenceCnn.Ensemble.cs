using MlApt.Numerics;
namespace MlApt.Learning;

/// <summary>
/// Ensemble predictions of N samples: per sample the mean of the members' softmax outputs and their
/// standard deviation (population, ddof = 0, as <c>numpy.std</c>), both [N][K]; NaN where the sample
/// has a NaN value.
/// </summary>
/// <param name="Count">Samples N.</param>
/// <param name="Classes">Classes K.</param>
/// <param name="Mean">Mean probabilities, index n·K + k.</param>
/// <param name="Std">Standard deviations over the members, index n·K + k (0 for one member).</param>
public sealed record EnsemblePrediction(int Count, int Classes, double[] Mean, double[] Std)
{
    /// <summary>Inputs without a prediction (undefined z-SDMs: NaN probabilities).</summary>
    public int Undefined => Enumerable.Range(0, Count).Count(n => double.IsNaN(Mean[n * Classes]));
}

public static partial class ReferenceCnn
{
    /// <summary>
    /// Runs every member on every sample (<paramref name="inputs"/> holds <paramref name="count"/>
    /// samples of C·L values, [n][c][t]). A sample with any NaN value is undefined and gets NaN outputs.
    /// Samples run in parallel; each result is computed the same way whatever the thread count.
    /// </summary>
    public static EnsemblePrediction PredictEnsemble(CnnEnsemble ensemble, double[] inputs, int count)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(inputs);
        var a = ensemble.Architecture;
        var size = a.Channels * a.Length;
        if (count < 0 || inputs.Length != (long)count * size)
            throw new ArgumentException($"{inputs.Length} values are not {count} samples of {a.Channels}×{a.Length}", nameof(inputs));
        var k = a.Classes;
        var mean = new double[count * k];
        var std = new double[count * k];
        Parallel.For(0, count, Parallelism.Options, n =>
        {
            var x = inputs.AsSpan(n * size, size);
            if (HasNaN(x))
            {
                // An undefined z-SDM (e.g. min–max of a constant curve) has no prediction.
                mean.AsSpan(n * k, k).Fill(double.NaN);
                std.AsSpan(n * k, k).Fill(double.NaN);
                return;
            }
            var p = new double[ensemble.Members.Count, k];
            for (var m = 0; m < ensemble.Members.Count; m++)
            {
                var probabilities = Predict(ensemble.Members[m], x);
                for (var c = 0; c < k; c++)
                    p[m, c] = probabilities[c];
            }
            for (var c = 0; c < k; c++)
            {
                var s = 0.0;
                for (var m = 0; m < ensemble.Members.Count; m++)
                    s += p[m, c];
                var mu = s / ensemble.Members.Count;
                var v = 0.0;
                for (var m = 0; m < ensemble.Members.Count; m++)
                    v += (p[m, c] - mu) * (p[m, c] - mu);
                mean[n * k + c] = mu;
                std[n * k + c] = Math.Sqrt(v / ensemble.Members.Count);
            }
        });
        return new EnsemblePrediction(count, k, mean, std);
    }

    /// <summary>Whether any value is NaN.</summary>
    public static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Grad-CAM of the ensemble for one sample: the mean of the members' input-bin maps (each already
    /// in [0, 1]), rescaled so that its maximum is 1 (all zero when no member finds evidence).
    /// </summary>
    public static double[] GradCamEnsemble(CnnEnsemble ensemble, ReadOnlySpan<double> input, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var length = ensemble.Architecture.Length;
        var sum = new double[length];
        foreach (var member in ensemble.Members)
        {
            var map = GradCam(member, input, classIndex).InputMap;
            for (var t = 0; t < length; t++)
                sum[t] += map[t];
        }
        var max = sum.Max();
        if (max > 0)
        {
            for (var t = 0; t < length; t++)
                sum[t] /= max;
        }
        return sum;
    }
}
