using System.Globalization;
using MlApt.Io;
using MlApt.Numerics;

namespace MlApt.Banks;

/// <summary>
/// The values one simulation parameter takes in a bank: a grid (explicit values) for grid banks; for
/// randomly sampled banks each sample draws uniformly from [<see cref="Min"/>, <see cref="Max"/>].
/// Text forms: <c>0.3</c> (one value), <c>0.2:0.8:0.05</c> (start:stop:step, both ends included),
/// <c>0.2,0.3,0.5</c> (a list), <c>0.2:0.8</c> (a range: random sampling only).
/// </summary>
public sealed class ParameterAxis
{
    private ParameterAxis(double[] values, double min, double max)
    {
        Values = values; Min = min; Max = max;
    }

    /// <summary>Grid values (empty for a pure range).</summary>
    public IReadOnlyList<double> Values { get; }
    /// <summary>Smallest value.</summary>
    public double Min { get; }
    /// <summary>Largest value.</summary>
    public double Max { get; }
    /// <summary>True when the axis has grid values (a range without a step has none).</summary>
    public bool IsGrid => Values.Count > 0;

    /// <summary>One value.</summary>
    public static ParameterAxis Single(double value) => List([value]);

    /// <summary>Explicit values, in the given order.</summary>
    public static ParameterAxis List(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || values.Any(v => !double.IsFinite(v))) throw new ArgumentException("expected finite values");
        return new ParameterAxis([.. values], values.Min(), values.Max());
    }

    /// <summary>
    /// start, start + step, … up to stop inclusive (within 1e-9 of a step). Values are rounded to 12
    /// decimals so that 0.2 + 7·0.05 is 0.55, not 0.5500000000000002.
    /// </summary>
    public static ParameterAxis Grid(double start, double stop, double step)
    {
        if (!double.IsFinite(start) || !double.IsFinite(stop) || !(step > 0) || !double.IsFinite(step) || stop < start)
            throw new ArgumentException("expected start ≤ stop and a positive step");
        var count = (int)Math.Floor((stop - start) / step + 1e-9) + 1;
        if (count > 100_000) throw new ArgumentException("more than 100000 grid values");
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = Math.Round(start + i * step, 12);
        return new ParameterAxis(values, values[0], values[^1]);
    }

    /// <summary>A continuous range for random sampling.</summary>
    public static ParameterAxis Range(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min) throw new ArgumentException("expected min ≤ max");
        return new ParameterAxis([], min, max);
    }

    /// <summary>A uniform draw from [Min, Max] (Min when the axis is one value; no random number is used then).</summary>
    internal double Draw(ref SeededRandom random) => Max == Min ? Min : Min + (Max - Min) * random.NextDouble();

    /// <summary>Parses the text forms above; errors name <paramref name="option"/>.</summary>
    public static ParameterAxis Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        try
        {
            if (t.Contains(':', StringComparison.Ordinal))
            {
                var p = t.Split(':');
                if (p.Length == 2) return Range(Number(p[0], text, option), Number(p[1], text, option));
                if (p.Length == 3) return Grid(Number(p[0], text, option), Number(p[1], text, option), Number(p[2], text, option));
            }
            else
            {
                return List(t.Split(',').Select(v => Number(v, text, option)).ToArray());
            }
        }
        catch (ArgumentException e)
        {
            InputError.In(option, $"'{text}': {e.Message}");
        }
        throw new InputException($"{option}: '{text}': expected a value, a list v1,v2,…, a grid start:stop:step or a range min:max");
    }

    /// <summary>Checks every value against [lo, hi]; errors name <paramref name="option"/>.</summary>
    public ParameterAxis Within(double lo, double hi, string option)
    {
        if (Min < lo || Max > hi)
            InputError.In(option, string.Create(CultureInfo.InvariantCulture, $"values must lie in [{lo}, {hi}], got {Min} … {Max}"));
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => IsGrid
        ? string.Join(",", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
        : string.Create(CultureInfo.InvariantCulture, $"{Min:R}:{Max:R}");

    private static double Number(string s, string text, string option)
    {
        if (!double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            InputError.In(option, $"'{text}': '{s.Trim()}' is not a finite number");
        return v;
    }
}
