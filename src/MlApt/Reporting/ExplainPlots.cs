using ScottPlot;

namespace MlApt.Reporting;

/// <summary>PNG plots of classifier explanations (ScottPlot 5), written atomically.</summary>
internal static class ExplainPlots
{
    /// <summary>
    /// The explanation's z-SDM with its Grad-CAM (<see cref="SaveGradCam"/>), titled with the prediction and the class
    /// explained; <paramref name="minMax"/> says the curve was min–max normalised.
    /// </summary>
    public static void Save(string pngPath, Learning.ZSdmExplanation explanation, Learning.CnnEnsemble ensemble, bool minMax)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(ensemble);
        var (p, names) = (explanation.Prediction, ensemble.ClassNames);
        var title = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"z-SDM {explanation.Index}: {names[explanation.Predicted]} (p = {p.Mean[explanation.Predicted]:0.000} ± {p.Std[explanation.Predicted]:0.000}); Grad-CAM of {names[explanation.Target]}");
        // One channel is what the published models take; for several, the plot shows the first and says so.
        var channels = ensemble.Architecture.Channels;
        var channel = channels == 1 ? "" : $" (channel 1 of {channels}: {ensemble.Pairs[0]})";
        SaveGradCam(pngPath, Sdm.ZSdm.CroppedBinLeftEdges(), explanation.Curve, explanation.GradCam, title,
            (minMax ? "min-max normalised z-SDM" : "z-SDM") + channel);
    }

    /// <summary>
    /// A z-SDM with its Grad-CAM: the curve as a step line over its bins, each bin shaded red with an
    /// opacity proportional to its Grad-CAM weight, and the Grad-CAM itself as a dashed line on a right
    /// axis (0–1). <paramref name="binLeftEdgesNm"/> are the bins' left edges (e.g.
    /// <see cref="Sdm.ZSdm.CroppedBinLeftEdges"/>); <paramref name="gradCam"/> is in [0, 1].
    /// </summary>
    public static void SaveGradCam(string pngPath, ReadOnlySpan<double> binLeftEdgesNm, ReadOnlySpan<double> values,
        ReadOnlySpan<double> gradCam, string title, string valueLabel = "normalised z-SDM")
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        var (plot, width, height) = GradCamFigure(binLeftEdgesNm, values, gradCam, title, valueLabel);
        SdmPlots.Save(plot, pngPath, width, height);
    }

    /// <summary>The figure of <see cref="SaveGradCam"/> and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) GradCamFigure(ReadOnlySpan<double> binLeftEdgesNm, ReadOnlySpan<double> values,
        ReadOnlySpan<double> gradCam, string title, string valueLabel)
    {
        if (binLeftEdgesNm.Length != values.Length || gradCam.Length != values.Length || values.IsEmpty)
            throw new ArgumentException("need one left edge and one Grad-CAM weight per value, and at least one value", nameof(values));
        var n = values.Length;
        var xs = SdmPlots.StepXs(binLeftEdgesNm);
        var plot = FigureStyle.NewFigure(title, "Δz (nm)", valueLabel);
        // Shading first so that the curve is drawn on top of it.
        for (var k = 0; k < n; k++)
        {
            if (!(gradCam[k] > 0))
                continue;
            var span = plot.Add.HorizontalSpan(xs[k], xs[k + 1], Colors.Red.WithAlpha(0.55 * gradCam[k]));
            span.LineWidth = 0;
            span.EnableAutoscale = false;
        }
        var curve = plot.Add.Scatter(xs, SdmPlots.StepYs(values), Colors.Black);
        curve.ConnectStyle = ConnectStyle.StepHorizontal;
        curve.MarkerSize = 0;
        curve.LineWidth = 2f;
        curve.LegendText = "z-SDM";
        var heat = plot.Add.Scatter(xs, SdmPlots.StepYs(gradCam), Colors.Red);
        heat.ConnectStyle = ConnectStyle.StepHorizontal;
        heat.MarkerSize = 0;
        heat.LineWidth = 1.5f;
        heat.LinePattern = LinePattern.Dashed;
        heat.LegendText = "Grad-CAM";
        heat.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Grad-CAM (0–1)";
        plot.Axes.SetLimitsY(-0.02, 1.05, plot.Axes.Right);
        plot.Axes.SetLimitsX(xs[0], xs[^1]);
        FigureStyle.Ticks(plot.Axes.Bottom, FigureStyle.NiceStep(xs[^1] - xs[0], 6));
        FigureStyle.Ticks(plot.Axes.Right, 0.2);
        FigureStyle.LegendBeside(plot);
        return (plot, FigureStyle.WidthFor(title, 1100), 600);
    }
}
