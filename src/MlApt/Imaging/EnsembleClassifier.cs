using MlApt.Learning;

namespace MlApt.Imaging;

/// <summary>
/// Turns an ensemble into the mapper's <see cref="VoxelClassifier"/>: the CSRO probability of a voxel is
/// the ensemble mean of the class named "CSRO" when the model has one, otherwise 1 − P(class 0) (class 0
/// being the disordered matrix, as in every bank MlApt makes); the uncertainty is the members' standard
/// deviation of that same quantity.
/// </summary>
public static class EnsembleClassifier
{
    /// <summary>The index of the CSRO class, or −1 when the probability is 1 − P(class 0).</summary>
    public static int CsroClass(CnnEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        for (var k = 0; k < ensemble.ClassNames.Count; k++)
        {
            if (ensemble.ClassNames[k].Equals("CSRO", StringComparison.OrdinalIgnoreCase))
                return k;
        }
        return ensemble.Architecture.Classes == 2 ? 1 : -1;
    }

    /// <summary>A classifier backed by the fast float32 engine (<see cref="CnnInference"/>).</summary>
    public static VoxelClassifier Create(CnnEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var k = ensemble.Architecture.Classes;
        var csro = CsroClass(ensemble);
        return (inputs, count, probability, std) =>
        {
            var mean = new float[count * k];
            var spread = new float[count * k];
            CnnInference.Predict(ensemble, inputs[..(count * ensemble.Architecture.Channels * ensemble.Architecture.Length)], mean, spread);
            for (var n = 0; n < count; n++)
            {
                probability[n] = csro >= 0 ? mean[n * k + csro] : 1f - mean[n * k];
                std[n] = spread[n * k + (csro >= 0 ? csro : 0)];
            }
        };
    }

    /// <summary>The same decision from the straightforward double-precision reference (for checks).</summary>
    public static VoxelClassifier CreateReference(CnnEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var k = ensemble.Architecture.Classes;
        var csro = CsroClass(ensemble);
        return (inputs, count, probability, std) =>
        {
            var x = new double[count * ensemble.Architecture.Channels * ensemble.Architecture.Length];
            for (var i = 0; i < x.Length; i++)
                x[i] = inputs[i];
            var p = ReferenceCnn.PredictEnsemble(ensemble, x, count);
            for (var n = 0; n < count; n++)
            {
                probability[n] = (float)(csro >= 0 ? p.Mean[n * k + csro] : 1 - p.Mean[n * k]);
                std[n] = (float)p.Std[n * k + (csro >= 0 ? csro : 0)];
            }
        };
    }
}
