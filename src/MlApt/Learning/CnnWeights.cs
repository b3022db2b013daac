namespace MlApt.Learning;

/// <summary>
/// The parameters of one network, in Keras's layouts so that published models load as they are:
/// conv kernel [w][c][f] (index (w·C + c)·F + f), dense kernels [in][out] (index i·Out + o).
/// </summary>
public sealed class CnnWeights
{
    /// <summary>Allocates zeroed parameters for an architecture.</summary>
    public CnnWeights(CnnArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        architecture.Validate();
        Architecture = architecture;
        var a = architecture;
        ConvKernel = new float[a.Width * a.Channels * a.Filters];
        ConvBias = new float[a.Filters];
        Dense1Kernel = new float[a.FlatLength * a.Hidden];
        Dense1Bias = new float[a.Hidden];
        Dense2Kernel = new float[a.Hidden * a.Classes];
        Dense2Bias = new float[a.Classes];
    }

    /// <summary>The architecture these weights belong to.</summary>
    public CnnArchitecture Architecture { get; }
    /// <summary>Conv1D kernel, [width][channels][filters].</summary>
    public float[] ConvKernel { get; }
    /// <summary>Conv1D bias, [filters].</summary>
    public float[] ConvBias { get; }
    /// <summary>First dense kernel, [flat][hidden] with flat index t·F + f.</summary>
    public float[] Dense1Kernel { get; }
    /// <summary>First dense bias, [hidden].</summary>
    public float[] Dense1Bias { get; }
    /// <summary>Output dense kernel, [hidden][classes].</summary>
    public float[] Dense2Kernel { get; }
    /// <summary>Output dense bias, [classes].</summary>
    public float[] Dense2Bias { get; }

    /// <summary>The six tensors in a fixed order with their names and shapes (for model files).</summary>
    public IEnumerable<(string Name, float[] Data, int[] Shape)> Tensors()
    {
        var a = Architecture;
        yield return ("conv.kernel", ConvKernel, [a.Width, a.Channels, a.Filters]);
        yield return ("conv.bias", ConvBias, [a.Filters]);
        yield return ("dense1.kernel", Dense1Kernel, [a.FlatLength, a.Hidden]);
        yield return ("dense1.bias", Dense1Bias, [a.Hidden]);
        yield return ("dense2.kernel", Dense2Kernel, [a.Hidden, a.Classes]);
        yield return ("dense2.bias", Dense2Bias, [a.Classes]);
    }

    /// <summary>A deep copy.</summary>
    public CnnWeights Clone()
    {
        var c = new CnnWeights(Architecture);
        foreach (var ((_, src, _), (_, dst, _)) in Tensors().Zip(c.Tensors()))
            src.CopyTo(dst, 0);
        return c;
    }
}
