using System.Globalization;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Learning;

/// <summary>How z-SDMs are scaled before they reach the network.</summary>
public enum InputNormalization
{
    /// <summary>As given (the inputs are already preprocessed).</summary>
    None,
    /// <summary>Each curve (each channel of each sample) min–max scaled to [0, 1]; a constant curve is undefined (NaN).</summary>
    MinMax,
}

/// <summary>
/// z-SDMs for a classifier: N samples of C channels × L bins, [n][c][t], from a float32/float64
/// <c>.npy</c> of shape (N, L) (when C = 1) or (N, C, L).
/// </summary>
/// <param name="Count">Samples N.</param>
/// <param name="Values">N·C·L values, [n][c][t]; NaN where a curve is undefined.</param>
public sealed record ClassifierInput(int Count, double[] Values)
{
    /// <summary>Reads <paramref name="npyPath"/> and checks its shape against <paramref name="architecture"/>.</summary>
    public static ClassifierInput Load(string npyPath, CnnArchitecture architecture, InputNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var array = Npy.Read(npyPath);
        if (array.DType.TrimStart('<', '>', '=', '|') is not ("f4" or "f8"))
            InputError.In(npyPath, $"dtype '{array.DType}': expected float32 or float64 z-SDMs");
        var (c, l) = (architecture.Channels, architecture.Length);
        var expected = c == 1
            ? string.Create(CultureInfo.InvariantCulture, $"(N, {l}) or (N, 1, {l})")
            : string.Create(CultureInfo.InvariantCulture, $"(N, {c}, {l})");
        var shape = array.Shape;
        var fits = (shape.Length == 2 && c == 1 && shape[1] == l) || (shape.Length == 3 && shape[1] == c && shape[2] == l);
        if (!fits)
            InputError.In(npyPath, $"shape ({string.Join(", ", shape)}): the model takes {c} channel(s) × {l} bins, expected {expected}");
        var input = new ClassifierInput(shape[0], array.Data);
        if (normalization == InputNormalization.MinMax)
        {
            for (var curve = 0; curve < shape[0] * c; curve++)
            {
                var span = input.Values.AsSpan(curve * l, l);
                Preprocessing.MinMax(span, span);
            }
        }
        return input;
    }

    /// <summary>Parses a <c>--normalize</c> value ("none" or "minmax").</summary>
    public static InputNormalization ParseNormalization(string text) => text.ToLowerInvariant() switch
    {
        "none" => InputNormalization.None,
        "minmax" or "min-max" => InputNormalization.MinMax,
        _ => throw new InputException($"normalize '{text}': expected none or minmax"),
    };
}
