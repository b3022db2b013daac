using System.Globalization;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Learning;

/// <summary>
/// Why an ensemble classifies one z-SDM as it does: its prediction and the Grad-CAM (over the conv layer, class
/// logit, mean of the members' maps) of a class, by default the predicted one.
/// </summary>
/// <param name="Index">Which z-SDM of the input.</param>
/// <param name="Curve">Its first channel (the curve a plot shows).</param>
/// <param name="Prediction">The ensemble's prediction (mean and spread over the members).</param>
/// <param name="Predicted">The class with the highest mean probability.</param>
/// <param name="Target">The class explained.</param>
/// <param name="GradCam">The Grad-CAM of <paramref name="Target"/>, one weight in [0, 1] per bin.</param>
public sealed record ZSdmExplanation(int Index, double[] Curve, EnsemblePrediction Prediction, int Predicted, int Target, double[] GradCam)
{
    /// <summary>
    /// Explains z-SDM <paramref name="index"/> of <paramref name="input"/> (read from <paramref name="inputName"/>)
    /// for <paramref name="className"/> (a class name or index; null: the predicted class). Errors name the
    /// input, the parameters <c>index</c> and <c>class</c>, or <paramref name="modelName"/>.
    /// </summary>
    public static ZSdmExplanation Explain(CnnEnsemble ensemble, ClassifierInput input, int index, string? className, string inputName, string modelName)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(input);
        var a = ensemble.Architecture;
        if (index < 0 || index >= input.Count)
            throw new InputException(Invariant($"index {index}: {inputName} holds {input.Count} z-SDM(s), expected 0 ≤ index < {input.Count}"));
        var size = a.Channels * a.Length;
        var x = input.Values.AsSpan(index * size, size);
        if (ReferenceCnn.HasNaN(x))
            InputError.In(inputName, Invariant($"z-SDM {index} is undefined (NaN values, e.g. a constant curve under min-max): nothing to explain"));
        if (a.Length != ZSdm.CropLength)
            InputError.In(modelName, Invariant($"the model takes {a.Length} bins; an explanation plots the {ZSdm.CropLength}-bin z-SDM (Δz −0.69 … 0.69 nm)"));
        var prediction = ReferenceCnn.PredictEnsemble(ensemble, x.ToArray(), 1);
        var predicted = 0;
        for (var k = 1; k < a.Classes; k++)
        {
            if (prediction.Mean[k] > prediction.Mean[predicted])
                predicted = k;
        }
        var target = className is null ? predicted : ClassIndex(className, ensemble);
        return new ZSdmExplanation(index, x[..a.Length].ToArray(), prediction, predicted, target, ReferenceCnn.GradCamEnsemble(ensemble, x, target));
    }

    /// <summary>The class named <paramref name="text"/> (any case) or numbered by it; errors name the parameter <c>class</c>.</summary>
    public static int ClassIndex(string text, CnnEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        for (var k = 0; k < ensemble.ClassNames.Count; k++)
        {
            if (string.Equals(ensemble.ClassNames[k], text, StringComparison.OrdinalIgnoreCase))
                return k;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < ensemble.ClassNames.Count)
            return index;
        throw new InputException($"class '{text}': expected one of {string.Join(", ", ensemble.ClassNames)} or an index 0 … {ensemble.ClassNames.Count - 1}");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
